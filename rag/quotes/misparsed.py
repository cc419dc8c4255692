"""Where the parser puts a speaker somewhere else: a topic before the name, a dateline or a rank
taken for the subject, a name hung on its verb, the maker of a thing that speaks. Each function
takes the parser's token and returns the token that names the speaker (None where this repair
finds none; `past_dateline` returns its token unchanged)."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from .lexicon import HONORIFICS, MEDIA, SPEECH_CUES
from .marks import QuotedSpan
from .name_forms import entity_at, known_person_word
from .wordlists import adverbs

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "FAC"}


def topic_then_speaker(prep: Token) -> Token | None:
    """'Of Carson, Levine said': the parser can make "Of" the subject and the speaker its object,
    after the comma that closes the topic."""
    obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is None or not any(t.text == "," for t in prep.doc[prep.i + 1: obj.i]):
        return None
    return obj


def before_aside(verb: Token) -> Token | None:
    """The token before `verb`, past an aside closing right before it: a parenthesis ("Warren
    (D-MA) said") or a comma that closes an apposition ("Buck, a spokesman for Ryan, told")."""
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= 0 and doc[i].text != "(" and verb.i - i < 25:
            i -= 1
        i = i - 1 if i >= 0 and doc[i].text == "(" else verb.i - 1
    elif i >= 0 and doc[i].text == "," and doc[i].head.i < i and any(
            c.dep_ == "appos" for c in doc[i].head.children):
        # "At Boca West, ..., Jay DiPietro, the club's president, suggested": the parser can
        # make the person an apposition of the place before; the person is the one who speaks.
        head = doc[i].head
        person = [c for c in head.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
        return person[-1] if person and head.ent_type_ != "PERSON" else head
    return doc[i] if i >= 0 else None


def name_hung_on_verb(verb: Token) -> Token | None:
    """'"...," Conway notes.': the parser hangs the name on the verb as if "notes" were a noun."""
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if (prev is not None and prev.dep_ == "compound" and prev.head.i == verb.i
            and prev.pos_ == "PROPN" and verb.tag_ == "VBZ"):
        return prev
    return None


def name_read_as_adverb(verb: Token) -> Span | None:
    """"Black Lives Matter issued a statement": a name right before a verb that has no subject,
    its last word hung on the verb as an adverb."""
    if verb.tag_ not in ("VBD", "VBZ") or verb.i == 0 or any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.text == ",":
        # "Edmund, to whom this was chiefly addressed, replied": an aside between them, and
        # the tagger may even take the name for an adverb.
        aside = next((c for c in verb.lefts if c.dep_ in ("advmod", "npadvmod")
                      and c.right_edge.i >= verb.i - 2 and c.is_title and not c.is_stop), None)
        if aside is not None and aside.pos_ == "ADV" and aside.lower_ not in adverbs(verb.vocab) \
                and aside.ent_type_ not in ("DATE", "TIME"):
            return verb.doc[aside.i: aside.i + 1]
        prev = aside or prev
    # "Jolly said he has worked ...": a surname that is also a word is read as the adverb
    # itself; the article naming "David Jolly" elsewhere says it is the name.
    if (prev.head.i == verb.i and prev.dep_ in ("advmod", "npadvmod")
            and (prev.pos_ == "PROPN" or known_person_word(prev))
            and prev.is_title and prev.ent_type_ not in ("DATE", "TIME")):
        name = verb.doc[prev.left_edge.i: prev.i + 1]
        return name if all(t.is_title for t in name) else None
    return None


def name_before_participle(verb: Token) -> Span | None:
    """"Sir Thomas, politely bowing, replied": the parser makes the participle the main verb,
    the name its modifier and the speech verb its conjunct."""
    head = verb.head
    if verb.dep_ != "conj" or head.tag_ != "VBG" or head.i > verb.i or any(
            c.dep_ in ("nsubj", "nsubjpass") for c in head.children):
        return None
    name = next((c for c in head.lefts if c.dep_ in ("npadvmod", "advmod") and c.pos_ == "PROPN"
                 and c.is_title and c.i + 1 < head.i and verb.doc[c.i + 1].text == ","), None)
    return verb.doc[name.left_edge.i: name.i + 1] if name is not None else None


def is_adverb_read_as_name(tok: Token) -> bool:
    """"said the old lady mildly", "admitted Anne mournfully": the small tagger can read a
    lower-case adverb after the speaker as a proper noun, even as the head of the phrase, or
    as a common noun when the word is only ever an adverb ("said Cecil stiffly")."""
    return tok.pos_ in ("PROPN", "NOUN") and tok.is_lower and tok.lower_.endswith("ly") and len(tok) > 4 \
        and (tok.tag_ not in ("NN", "NNS") or tok.lower_ in adverbs(tok.vocab))


def speaker_before_adverb(tok: Token) -> Token:
    """The noun an adverb read as a name hangs on ("lady" in "the old lady mildly"), or that an
    adverb made the subject hangs on ("Mrs. Bennet half opened the door"), else `tok`."""
    if not is_adverb_read_as_name(tok) and not (tok.pos_ == "ADV" and tok.dep_ == "nsubj"):
        return tok
    return next((c for c in reversed(list(tok.lefts))
                 if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN")), tok)


def honorific_and_misread_surname(tok: Token) -> Span | None:
    """"Mr. Will called for ...": the tagger took the surname for a modal and "Mr." for the
    subject; the two are one name."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if tok.lower_.rstrip(".") in HONORIFICS and nxt is not None and nxt.is_title and nxt.pos_ != "PUNCT":
        return tok.doc[tok.i: tok.i + 2]
    return None


def past_dateline(tok: Token) -> Token:
    """"LA CROSSE, Wisc. — Gov. Mike Pence on Thursday blamed ...": the parser makes the dateline
    the subject and the one after its dash an apposition to it. A wire service's name may come
    before a plain hyphen ("ORLANDO, Fla. (Reuters) - President Barack Obama met ...")."""
    if tok.i - tok.sent.start > 3 or (dash := _dateline_dash(tok)) is None:
        return tok
    return next((c for c in tok.rights if c.dep_ == "appos" and c.i > dash.i), tok)


def after_dateline(doc: Doc, first: int) -> int:
    """The first word after a dateline opening at token `first` ("WASHINGTON -- A trend ..."),
    or `first` when none opens there."""
    if first != doc[first].sent.start or (dash := _dateline_dash(doc[first])) is None or any(
            t.pos_ in ("VERB", "AUX") for t in doc[first: dash.i]):
        return first
    return next((t.i for t in doc[dash.i + 1:] if not t.is_space), first)


def _dateline_dash(tok: Token) -> Token | None:
    """The dash that ends a dateline starting with the upper-case `tok`, if one follows soon."""
    if not tok.is_upper:
        return None
    # A hyphen counts only with space on both sides: "pro-Clinton" holds none.
    return next((t for t in tok.doc[tok.i + 1: tok.i + 9] if t.text in ("\u2014", "\u2013", "--")
                 or (t.text == "-" and t.whitespace_ and t.doc[t.i - 1].whitespace_)), None)


def name_after_rank(tok: Token) -> Token | None:
    """The person after a rank whose full stop the parser took for a sentence's end ("said
    Pentagon spokesman Navy Capt. Jeff Davis" made "Navy Capt" the subject): the name's last word."""
    doc = tok.doc
    nxt = tok.i + 1 if tok.text.endswith(".") else tok.i + 2
    if (tok.lower_.rstrip(".") not in _RANKS or nxt >= len(doc)
            or not (tok.text.endswith(".") or doc[tok.i + 1].text == ".")):
        return None
    ent = entity_at(doc[nxt])
    if ent is None or ent.label_ != "PERSON" or ent.start != nxt:
        return None
    return doc[ent.end - 1]


_RANKS = {"capt", "cmdr", "maj", "sgt", "lt", "col", "cpl", "pvt", "brig", "supt", "det", "insp",
          "atty", "msgr", "amb", "asst", "gen", "adm", "gov", "sen", "rep"}


def is_name(tok: Token) -> bool:
    # The tagger misses brand-like names ("RealClearPolitics"): a capital inside a sentence counts.
    return (tok.ent_type_ in NAME_ENTS or tok.pos_ == "PROPN"
            or (tok.text[:1].isupper() and tok.i > tok.sent.start))


def whose_name(tok: Token) -> Token | None:
    """The named object of a role's preposition: "for Fiorina" in "a spokeswoman for Fiorina"."""
    for prep in tok.rights:
        if prep.lower_ == "of" and asked_of(tok):
            continue
        if prep.lower_ == "to" and tok.lemma_.lower() in PLAIN_PEOPLE:
            continue  # "said the man to Lucy" is whom he spoke to; "an adviser to Trump" is whose
        if prep.dep_ == "prep" and prep.lower_ in _ROLE_PREPS and prep.i == tok.i + 1:
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and is_name(pobj):
                    return pobj
    return None


_ROLE_PREPS = {"for", "to", "of", "at", "in", "with"}
# People named by what they are, not by a post they hold for someone.
PLAIN_PEOPLE = {"man", "woman", "gentleman", "lady", "boy", "girl", "child", "fellow", "youth",
                 "stranger", "person", "lad", "lass", "other"}
_ASKING_OF = {"ask", "inquire", "enquire", "demand", "beg", "request"}


def asked_of(tok: Token) -> bool:
    """'"Why?" inquired the girl of Robert': the "of" after who asks names the one asked."""
    # A capitalised role keeps its of-phrase: "asked the Minister of Defense".
    return (tok.dep_ in ("nsubj", "dobj") and tok.is_lower and tok.pos_ == "NOUN"
            and tok.head.lemma_.lower() in _ASKING_OF)


def maker_of(tok: Token, preps: tuple[str, ...], accept: Callable[[Token], bool]) -> Token | None:
    """Who made a thing that speaks: "a gaffe by X", "an email from X", "X's tweet"."""
    found = [c for c in tok.rights if c.dep_ == "prep" and c.lower_ in preps]
    # The parser often hangs "by X" on the verb instead ("a poll by X" in "according to ...").
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in preps:
        found.append(tok.doc[tok.i + 1])
    # "documents obtained by X", "figures released by X": the participle's agent, also when the
    # parser hangs it on what the thing is of ("a poll of 400 voters released by X").
    owners = [tok] + [o for p in tok.rights if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"]
    found += [a for o in owners for c in o.rights if c.dep_ == "acl" and c.tag_ == "VBN"
              for a in c.children if a.dep_ == "agent" and "by" in preps]
    # Who made it before what it is of.
    found.sort(key=lambda prep: prep.lower_ == "of")
    for prep in found:
        for pobj in prep.children:
            if pobj.dep_ != "pobj":
                continue
            if accept(pobj):
                return pobj
            # "a projection by the consulting firm Oxford Economics": the name set beside
            # what it is.
            named = next((c for c in pobj.children if c.dep_ == "appos" and accept(c)), None)
            if named is not None:
                return named
    return next((c for c in tok.children if c.dep_ == "poss" and accept(c)), None)


def purpose_of_object(verb: Token) -> Token | None:
    """"Obama held a briefing to brag that ...": an infinitive the parser hangs on the object
    says what the object's verb was for, so it shares that verb's subject (the verb returned)."""
    obj = verb.head
    # Only an occasion or a means of speaking: "had the courage to suggest" says nothing was said.
    if (verb.dep_ not in ("relcl", "acl") or verb.tag_ != "VB" or obj.dep_ != "dobj"
            or obj.lemma_.lower() not in _OCCASIONS
            or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)):
        return None
    return obj.head


# The means of speaking, and the occasions for it.
_OCCASIONS = MEDIA | {"briefing", "event", "rally", "opportunity", "occasion", "moment", "chance", "platform",
                      "meeting", "session", "hearing"}


def gerund_name(subject: Token) -> Span | None:
    """"Playing Field Promotions, a talent agency, says ...": a name whose first word looks like
    a gerund, which the parser makes a verb with the rest of the name as its object."""
    if subject.dep_ != "nsubj" or subject.tag_ != "VBG" or not subject.text[:1].isupper():
        return None
    obj = next((c for c in subject.rights if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ != "PROPN":
        return None
    words = subject.doc[subject.i: obj.i + 1]
    return words if all(t.text[:1].isupper() for t in words) else None


def name_before_time(tok: Token) -> Token | None:
    """"Broaddrick Sunday night recounted": the parser heads the subject by the time and hangs
    the name on it; the name is who spoke."""
    if tok.ent_type_ not in ("DATE", "TIME"):
        return None
    return next((c for c in tok.lefts if c.dep_ == "compound" and c.ent_type_ in ("PERSON", "ORG")), None)


def name_after_titles(tok: Token) -> Token | None:
    """"GOP presidential contender and former neurosurgeon Ben Carson responded": two titles
    joined by "and" before one name; the parser coordinates the first with the name."""
    if tok.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in tok.children):
        return None
    if not any(c.dep_ == "cc" and c.lower_ == "and" for c in tok.rights):
        return None
    return next((c for c in tok.rights if c.dep_ == "conj" and c.ent_type_ == "PERSON"), None)


def name_after_office(tok: Token) -> Token | None:
    """"Director of National Intelligence James Clapper said": the parser heads the phrase by
    the title and takes the person into the office's name, as the object of "of"."""
    if tok.tag_ != "NNP" or tok.ent_type_ == "PERSON":
        return None
    of = next((c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if pobj is None or pobj.ent_type_ != "PERSON":
        return None
    person = entity_at(pobj)
    if person is None:
        return None
    office = tok.doc[of.i + 1: person.start]
    # "the sister of John Smith" names the person she is related to, not her.
    if not len(office) or not all(t.is_title or t.lower_ in ("the", "of", "and") for t in office):
        return None
    return person[-1]


def title_read_as_verb(tok: Token) -> bool:
    """"told CBS' Face the Nation on Sunday": a show's name the parser reads as a clause."""
    return tok.is_title and tok.i > tok.sent.start and tok.ent_type_ in ("WORK_OF_ART", "ORG", "PRODUCT")


def name_read_as_modal(verb: Token, quoted: Callable[[int], bool]) -> Token | None:
    """'..., Will wrote': a surname the tagger took for the modal; a modal never comes
    before a past tense, and is not capitalised inside a sentence."""
    if verb.tag_ not in ("VBD", "VBN", "VBZ"):
        return None
    for child in verb.children:
        if (child.dep_ == "aux" and child.tag_ == "MD" and child.is_title and not quoted(child.idx)
                and child.i > child.sent.start):
            return child
    return None


def subject_taken_by_aside(verb: Token) -> Token | None:
    """"One attendee, who ..., spoke on the condition of anonymity ..., said the message was
    ...": the parser gives the subject to the aside and makes the aside a clause of "said"."""
    if (any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children) or verb.i == 0
            or verb.doc[verb.i - 1].text != ","):
        return None
    return next((c for c in verb.lefts if c.dep_ == "ccomp" and c.lemma_.lower() in SPEECH_CUES
                 and any(s.dep_ == "nsubj" for s in c.children)), None)


def named_in_apposition(subject: Token, verb: Token) -> Token | None:
    """"Or maybe Jeb Bush, digital consultant Phil Musser says": a second person's name the
    parser sets in apposition to the subject, right before the verb, is who says it (an
    apposition that describes, "Jeb Bush, the former governor, says", is no name)."""
    if subject.ent_type_ != "PERSON":
        return None
    # Or as a second member of a list with no "and" ("... to, now, Cruz, Wilkin said").
    listed = not any(c.dep_ == "cc" for c in subject.children)
    return next((c for c in subject.rights if (c.dep_ == "appos" or c.dep_ == "conj" and listed)
                 and c.ent_type_ == "PERSON" and c.pos_ == "PROPN" and c.right_edge.i == verb.i - 1
                 and subject.doc[c.left_edge.i - 1].text == ","), None)


def carrier_verb(verb: Token, thing: Callable[[Token], bool]) -> Token | None:
    """'Politico responded with an editor's note on the story saying that ...': the parser hangs
    the participle on a thing that carries the words ("story"); who sent it is the subject of the
    verb the chain of things ("note on the story") hangs on by "with", or of the verb that sent
    the thing ("issued a statement saying")."""
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or not thing(verb.head):
        return None
    noun = verb.head
    if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _SENDING_VERBS:
        return noun.head  # "X issued a statement saying ...", left to this rule when X is misparsed
    for _ in range(3):
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        above = noun.head.head
        if above.pos_ == "VERB":
            return above if noun.head.lower_ == "with" else None
        if above.pos_ != "NOUN" or not thing(above):
            return None
        noun = above
    return None


_SENDING_VERBS = {"issue", "release", "send", "post", "publish", "tweet", "file", "deliver", "circulate"}


def inverted_tag_read_as_report(tok: Token, ccomp: Token | None, spans: list[QuotedSpan]) -> bool:
    """'"Lizzy," said he, "come into my room."': the parser makes "he" the subject of the
    quotation's verb, a clause of "said"; it is the tag of a split quotation, no report."""
    if ccomp is None or ccomp.i < tok.i or tok.i + 2 >= len(tok.doc):
        return False
    doc = tok.doc
    subject, comma = doc[tok.i + 1], doc[tok.i + 2]
    return (subject.head.i == ccomp.i and subject.dep_ == "nsubj" and comma.text == ","
            and any(s.outer_start >= comma.idx + 1 and not doc.text[comma.idx + 1: s.outer_start].strip()
                    for s in spans))


def name_before_aside(verb: Token) -> Token | None:
    """The name in 'Lilia, getting more and more angry, said': a participle clause set off by
    commas right before the verb, and a proper noun right before that."""
    doc, i = verb.doc, verb.i - 1
    if i < 1 or doc[i].text != ",":
        return None
    last = doc[i - 1]
    aside = next((t for t in [last, *last.ancestors] if t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN")
                  and t.right_edge.i == last.i), None)
    if aside is None or aside.left_edge.i < 2 or doc[aside.left_edge.i - 1].text != ",":
        return None
    name = doc[aside.left_edge.i - 2]
    return name if name.pos_ == "PROPN" else None
