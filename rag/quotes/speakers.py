"""Within one document: turning mentions ("he", "Brovdi", "the commander") into canonical names."""

from __future__ import annotations

from spacy.tokens import Doc

from .ages import age_before_name, age_of_person_described, ages_apart, too_far_in_age
from .coref import in_trailing_clause, misparsed_subject, passive_doer, role_subjects
from .descriptions import INDEFINITE, introduces_someone, is_epithet, role_words, title_of_address
from .gender import Gender, gender_in_context, gender_of_description, gender_of_name, gender_of_pronoun
from .mentions import Mention
from .kin import is_kin_title, is_kin_word, narrated_relatives, relative, relative_named_later
from .lexicon import HONORIFICS
from .name_forms import (NAME_PARTICLES, clean_name, is_bare_honorific, looks_like_name, noble_role, proper_runs,
                         title_before, titled_full_name, wife_titled, with_honorific)
from .people import addressed_to, hear_quoted_name, last_two_voices, one_called
from .timeline import Timeline


class NameBook(Timeline):
    """The people and organisations a document names, on a timeline of document offsets.

    A pronoun resolves to the latest compatible person named *before* it; a short name to the
    longer name it abbreviates; a description to the person who carries it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: list[tuple[int, str | None, Gender]] = []  # the paragraph's narrated subjects
        self._titled_ahead: frozenset[str] = frozenset()  # "Mrs. Bennet" and the like, anywhere in the text

    def look_ahead(self, docs: list[Doc]) -> None:
        """Notes the titled names the whole document writes ("Mrs. Bennet"), for a relative
        described before the text first names them."""
        names = (clean_name(with_honorific(doc, ent)) for doc in docs for ent in doc.ents
                 if ent.label_ == "PERSON")
        self._titled_ahead = frozenset(name for name in names
                                       if len(name.split()) == 2 and is_kin_title(name.split()[0]))

    def read_entities(self, doc: Doc, offset: int, quoted=lambda i: False) -> None:
        """Learns the people a paragraph names outside quotations, with their titles."""
        self._paragraph = offset
        self._shown = []
        persons = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        for ent in persons + self._known_names(doc, persons):
            # Said by anyone, "Miss Sibyl Vane" tells she is unmarried.
            self._note_unmarried([doc[ent.start - 1].text if ent.start else "", *ent.text.split()])
            if quoted(ent.start_char):
                hear_quoted_name(self.people, with_honorific(doc, ent), title_before(doc, ent.start))
                continue
            if not looks_like_name(ent):
                continue
            raw = with_honorific(doc, ent).removesuffix("'s").removesuffix("\u2019s").strip()
            name = self._canonical(clean_name(raw), position=offset + ent.start_char)
            if name and titled_full_name(doc, ent, name):
                self._titled_names.add(name)  # "Mr. John Knightley": not the plain "Mr. Knightley"
            if name:
                self._see(name, "person", noble_role(name) or title_before(doc, ent.start),
                          offset + ent.start_char, gender_of_name(raw))
                if (age := age_before_name(ent)) is not None:
                    self.people[name].ages[age] += 1
                if (vote := gender_in_context(ent, quoted)) is not None:
                    self.people[name].votes[vote] += 1
                doer = ent.root.dep_ in ("nsubj", "nsubjpass") or misparsed_subject(ent) or passive_doer(ent.root)
                if not doer or in_trailing_clause(ent.root):
                    self._objects.add(offset + ent.start_char)
                else:
                    self._shown.append((offset + ent.start_char, name, None))
        # "The maid came in ... When she had gone": the calling is seen before the narration's
        # pronouns are read, so the she after it can be the maid.
        for name, tok, gender in role_subjects(doc, quoted):
            self._see(name, "person", None, offset + tok.idx, None)
            self.people[name].role = gender
        pronouns = [(offset + tok.idx, None, gender_of_pronoun(tok.text)) for tok in doc
                    if tok.dep_ == "nsubj" and tok.lower_ in ("he", "she") and not quoted(tok.idx)
                    and not in_trailing_clause(tok)]
        self._shown += pronouns
        for at, _, gender in pronouns:
            # "He was warm in his blame of Mr. Elton's conduct": the narration's he or she keeps
            # its person in view, so the "said he" after it is not the man named in passing.
            if (found := self._narrated(at, gender)) is not None:
                self._sighted(found, at)

        def owner_at(at: int, sex: Gender) -> str | None:
            return self._antecedent(offset + at, sex, plural=False)

        for tok, found in narrated_relatives(doc, quoted, self.people, owner_at):
            self._see(found, "person", None, offset + tok.idx, gender_of_name(found))
            if tok.dep_ in ("nsubj", "nsubjpass"):
                self._shown.append((offset + tok.idx, found, None))
            else:
                self._objects.add(offset + tok.idx)

    def _known_names(self, doc: Doc, persons: list) -> list:
        """Runs of proper nouns the tagger did not call persons but that spell a person the
        text has already named: "Dorian glanced at him", "Hallward looked at his watch"."""
        return [span for span in proper_runs(doc, persons)
                if not is_bare_honorific(span.text) and self._knows(clean_name(span.text))]

    def resolve(self, mention: Mention, position: int, addressed: set[str] = frozenset(),
                going_on: str | None = None) -> str | None:
        """The canonical name of a mention made at document offset `position`; a pronoun
        is not one of the names its quotation `addressed` ('"Well, Dorian," he said'), and is
        `going_on` (the last speaker, for '"...," she added') when that one is of its sex."""
        if (sex := title_of_address(mention.text)) is not None and (found := self._titled(position, sex)):
            return self._heard(found, position)  # "said her Ladyship", the tagger's name or not
        if mention.kind == "name" and mention.name:
            if mention.name.rstrip(".") == "I":
                return None  # a narrator's "said I." that the tagger took for a name
            label = mention.label if mention.label != "unknown" else "person"
            if mention.name.split()[0] in NAME_PARTICLES:
                label = "person"  # "de Vries": the tagger calls a lower-case start an ORG
            if label == "person" and len(mention.name.split()) > 4:
                label = "org"
            if label == "person" and mention.plural:
                label = "group"  # "Mr. and Mrs. Weston": a "they", never a "he" or "she"
            name = mention.name
            if is_bare_honorific(name):
                return None  # a title the parse left without its name: no one to put on the timeline
            if label == "person":
                name = self._canonical(clean_name(wife_titled(mention.text, name)), position)
            elif len(name.split()) == 1:
                # "The Times" after "The New York Times": the one longer name it ends.
                longer = [p.name for p in self.people.values() if p.label != "person"
                          and len(p.name.split()) > 1 and p.name.split()[-1] == name]
                name = longer[0] if len(longer) == 1 else name
            self._see(name, label, mention.description, position, gender_of_name(mention.text))
            self.people[name].spoke += 1
            self._voices.append((position, name))
            return name
        if mention.kind == "pronoun":
            if mention.text.lower() == "i":
                return None  # a narrator, whom the text does not name here
            gender = gender_of_pronoun(mention.text)
            if going_on is not None and not mention.plural and going_on in self.people and \
                    self.people[going_on].sex in (gender, None) and not addressed_to(self.people[going_on], addressed):
                return self._heard(going_on, position)
            found = self._antecedent(position, gender, mention.plural, addressed=addressed, roles=True)
            if not mention.plural:
                found = self._heard(self.choose_antecedent(position, gender, addressed, found), position)
            return found
        if mention.distinct:
            # "said the gentleman in the white waistcoat": the story's one name for him.
            return self._as_described(mention, position)
        # A description: a person named earlier with that role, else the description itself.
        head, age = mention.head, age_of_person_described(mention.text)
        matches = [p for p in self.people.values()
                   if any(head in role_words(d) and not ages_apart(age, age_of_person_described(d))
                          for d in p.descriptions)]
        if matches:
            return self._heard(max(matches, key=lambda p: p.last_seen).name, position)
        if not mention.plural and is_epithet(mention.text) and (
                found := self._antecedent(position, None, plural=False, addressed=addressed)) is not None:
            return self._heard(found, position)  # "Marco Rubio ... '...,' the Florida senator told"
        if mention.text.lower() == "the other":
            # The one of the two talking who did not speak last; before they have spoken, the
            # latest person named besides the last voice.
            last, other = last_two_voices(self._voices, position)
            if (found := other or self._antecedent(position, None, False, besides=last, addressed=addressed)):
                return self._heard(found, position)
        if head in _COMPANIONS and gender_of_pronoun(mention.text.split()[0]) is not None:
            # "continued his companion": the other one of the two talking, the last voice's.
            whose, _ = last_two_voices(self._voices, position)
            if (found := self._antecedent(position, None, False, besides=whose, addressed=addressed)):
                return self._heard(found, position)
        if (found := self._relative(mention, position, addressed)) is not None:
            return self._heard(found, position)
        gender = gender_of_description(mention.text)
        if gender is None and (found := self._answering(mention)) is not None:
            return self._heard(found, position)
        # "said the old man", "the girl cried": a gendered description points back to a person;
        # "the Duchess" is a role written as a name, "a stout lady" someone new.
        if gender is not None and not mention.plural and not introduces_someone(mention.text):
            if age is not None:
                addressed = addressed | {p.name for p in self.people.values() if too_far_in_age(age, p.ages)}
            if mention.text.lower().startswith("the ") and (
                    found := self._called_before(gender, addressed, position)) is not None:
                return self._heard(found, position)
            if gender_of_pronoun(mention.text.split()[0]) == gender:
                # "said her mother": "her" is the last woman named, her mother another one. The
                # one spoken to may be the "her" ('"Lizzy," cried her mother').
                whose = self._antecedent(position, gender, plural=False)
                found = None if whose is None else self._antecedent(
                    position, gender, plural=False, besides=whose, addressed=addressed)
            else:
                rule = self._antecedent(position, gender, plural=False, addressed=addressed)
                found = self.choose_antecedent(position, gender, addressed, rule, described=True)
            # "asked the old lady" with no woman about: not the "tinker" of unknown sex who spoke
            # before, but someone the description brings in.
            if found is not None and (self.people[found].sex is not None or self.people[found].proper):
                return self._heard(found, position)
        return self._as_described(mention, position)

    def _as_described(self, mention: Mention, position: int) -> str | None:
        """The description itself as the speaker's name ("Gentleman in the white waistcoat")."""
        name = mention.description or mention.text
        name = name[:1].upper() + name[1:]
        self._see(name, mention.label, None, position, gender_of_description(mention.text))
        if (age := age_of_person_described(mention.text)) is not None:
            self.people[name].ages[age] += 1  # "the boy" after him is someone else
        return self._heard(name, position)

    def present(self) -> list[str]:
        """The people the paragraph just read shows doing something, by name or as a he or she."""
        out: list[str] = []
        for at, name, gender in sorted(self._shown):
            name = name or self._antecedent(at, gender, plural=False)
            if name and name not in out:
                out.append(name)
        return out

    def shown_by_name(self, start: int = 0, end: int | None = None) -> bool:
        """Whether the paragraph just read shows someone at something by name (between
        document offsets `start` and `end`)."""
        return any(name and start <= at and (end is None or at < end) for at, name, _ in self._shown)

    def _answering(self, mention: Mention) -> str | None:
        """'"... a serious matter, Small," said the detective. / "Justice!" snarled the
        ex-convict': a lower-case role nobody has carried yet ("a stout lady" is someone new),
        answering the turn before, is the one person that turn called by name, who now carries it."""
        if mention.plural or not mention.text[:1].islower() or introduces_someone(mention.text) \
                or mention.text.split()[0] in INDEFINITE:
            return None
        if (found := one_called(self.people, *self._turn)) is not None:
            found.descriptions.add(mention.description or mention.text)
        return found.name if found else None

    def _called_before(self, gender: Gender, excluded: set[str], position: int) -> str | None:
        """'"..., Mrs. Maylie," said the doctor. / "...," said the old lady': the one person of
        that sex the turn before called by name answers it, though the narration has not yet
        named her ("Mrs. Maylie" then goes on the timeline)."""
        speaker, called = self._turn
        if len(called) != 1 or gender_of_name(said := next(iter(called))) != gender:
            return None
        if (person := one_called(self.people, speaker, called)) is not None:
            return person.name if person.sex in (None, gender) and person.name not in excluded else None
        name = clean_name(said)
        words = name.split()
        if len(words) != 2 or words[0].lower().rstrip(".") not in HONORIFICS or name in excluded:
            return None
        self._see(name, "person", None, position, gender)
        return name

    def _relative(self, mention: Mention, position: int, addressed: set[str]) -> str | None:
        """'cried his wife': the wife of the latest man, when his surname tells who she is."""
        words = mention.text.split()
        owner_sex = gender_of_pronoun(words[0])
        if len(words) != 2 or owner_sex is None or not is_kin_word(words[1]):
            return None
        # '"Lizzy," cried her mother': the one spoken to is whose mother speaks, when the name
        # tells who that is.
        called = one_called(self.people, None, addressed)
        if called is not None and called.sex == owner_sex and (
                found := relative(self.people, called.name, words[1])) is not None:
            return found
        owner = self._antecedent(position, owner_sex, plural=False, addressed=addressed)
        if owner is None and len(addressed) == 1:
            # '"My dear Mr. Bennet, ..." said his lady': no man named yet, but the one the quotation
            # and its tag name.
            owner = next(iter(addressed))
        if owner is None:
            return None
        if (found := relative(self.people, owner, words[1])) is not None:
            return found
        if (found := relative_named_later(self.people, owner, words[1], self._titled_ahead)) is not None:
            self._see(found, "person", None, position, gender_of_name(found))
        return found


_COMPANIONS = {"companion", "interlocutor"}  # descriptions that are the other party of a scene
