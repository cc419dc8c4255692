"""`python -m evals make-qa` on a tiny hand-made PolNeAR-format corpus."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from evals import qagen as make_qa  # the generator behind make-qa
from evals import scoring
from evals.__main__ import main

# Each article: paragraphs, and attributions (source, cue, content) as substrings of the text.
ARTICLES = {
    "city-budget": (
        ["City budget fight heats up",
         "Mayor Maria Lopez said on Monday that the new budget would repair every bridge in the "
         "old harbour district before winter.",
         "\u201cWe cannot keep patching roads with promises and hoping the potholes forgive us,\u201d "
         "Lopez told reporters outside the council chamber.",
         "Councillor Peter Grant disagreed. He said the plan would raise property taxes for "
         "families who can least afford another bill this year.",
         "She added that the library renovation would wait until the spring auditors finished "
         "their careful review of the accounts.",
         "Officials said the budget vote had been delayed twice because of missing paperwork "
         "from the transport department."],
        [("Mayor Maria Lopez", "said",
          "that the new budget would repair every bridge in the old harbour district before winter"),
         ("Lopez", "told",
          "\u201cWe cannot keep patching roads with promises and hoping the potholes forgive us,\u201d"),
         ("He", "said",
          "the plan would raise property taxes for families who can least afford another bill "
          "this year"),
         ("She", "added",
          "that the library renovation would wait until the spring auditors finished their careful "
          "review of the accounts"),
         ("Officials", "said",
          "the budget vote had been delayed twice because of missing paperwork from the transport "
          "department")],
    ),
    "river-cleanup": (
        ["River cleanup begins",
         "Environmental scientist Dana Whitfield said the river had become noticeably cleaner "
         "since the factories upstream installed new filters.",
         "\u201cThe fish are coming back to places where nobody had seen a trout for twenty "
         "years,\u201d Whitfield said during a walk along the bank.",
         "Factory owner Samuel Okafor said his company had spent four million dollars on "
         "equipment that nobody had asked them to buy.",
         "The official said inspections would continue every month until the water quality "
         "report was published in full."],
        [("Environmental scientist Dana Whitfield", "said",
          "the river had become noticeably cleaner since the factories upstream installed new "
          "filters"),
         ("Whitfield", "said",
          "\u201cThe fish are coming back to places where nobody had seen a trout for twenty "
          "years,\u201d"),
         ("Factory owner Samuel Okafor", "said",
          "his company had spent four million dollars on equipment that nobody had asked them to "
          "buy"),
         ("The official", "said",
          "inspections would continue every month until the water quality report was published in "
          "full")],
    ),
    "school-lunch": (
        ["School lunch plan",
         "Principal Grace Huang said the school would serve fresh vegetables from local farms at "
         "every lunch starting in September.",
         "Parent group leader Tom Becker said many families had asked for healthier meals and "
         "smaller portions of fried food for years.",
         "\u201cOur kids deserve food that helps them think in the afternoon, not sleep through "
         "algebra,\u201d Huang said."],
        [("Principal Grace Huang", "said",
          "the school would serve fresh vegetables from local farms at every lunch starting in "
          "September"),
         ("Parent group leader Tom Becker", "said",
          "many families had asked for healthier meals and smaller portions of fried food for "
          "years"),
         ("Huang", "said",
          "\u201cOur kids deserve food that helps them think in the afternoon, not sleep through "
          "algebra,\u201d")],
    ),
    "stadium-vote": (
        ["Stadium vote postponed",
         "Team president Alan Ruiz said the new stadium would bring thousands of jobs and a "
         "winter market to the empty rail yards.",
         "Resident Olga Marsh said the traffic on match days already blocked her street for hours "
         "and nobody at city hall listened."],
        [("Team president Alan Ruiz", "said",
          "the new stadium would bring thousands of jobs and a winter market to the empty rail "
          "yards"),
         ("Resident Olga Marsh", "said",
          "the traffic on match days already blocked her street for hours and nobody at city hall "
          "listened")],
    ),
}

PRONOUN_CONTENT = [
    "the plan would raise property taxes",          # "He"
    "the library renovation would wait",            # "She"
    "the budget vote had been delayed twice",       # "Officials"
    "inspections would continue every month",       # "The official"
]


def write_corpus(root: Path) -> Path:
    """ARTICLES as PolNeAR's layout: data/metadata.tsv, data/dev/text, data/dev/attributions."""
    data = root / "polnear" / "data"
    (data / "dev" / "text").mkdir(parents=True)
    (data / "dev" / "attributions").mkdir(parents=True)
    meta = ["compartment\tfilename\tlevel\tannotators\tpublisher"]
    for stem, (paras, atts) in ARTICLES.items():
        text = "\n\n".join(paras) + "\n"
        (data / "dev" / "text" / f"{stem}.txt").write_text(text, encoding="utf-8")
        lines, t, pos = [], 0, 0
        for e, (source, cue, content) in enumerate(atts, start=1):
            c0 = text.index(content, pos)
            s0 = text.index(source, max(0, c0 - 200)) if source in text[max(0, c0 - 200):] \
                else text.index(source)
            q0 = text.index(cue, min(s0 + len(source), c0 + len(content)) - 1)
            pos = c0 + 1
            ids = []
            for kind, start, s in (("Source", s0, source), ("Cue", q0, cue),
                                   ("Content", c0, content), ("Attribution", q0, cue)):
                t += 1
                ids.append(f"T{t}")
                assert text[start:start + len(s)] == s
                lines.append(f"T{t}\t{kind} {start} {start + len(s)}\t{s}")
            lines.append(f"E{e}\tAttribution:{ids[3]} Content:{ids[2]} Cue:{ids[1]} "
                         f"Source:{ids[0]}")
        (data / "dev" / "attributions" / f"{stem}_ab12.ann").write_text(
            "\n".join(lines) + "\n", encoding="utf-8")
        meta.append(f"dev\t{stem}\t1\tab12\ttest")
    (data / "metadata.tsv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    return root / "polnear"


@pytest.fixture
def corpus(tmp_path) -> Path:
    return write_corpus(tmp_path)


def make(corpus: Path, out: Path, *extra: str):
    result = CliRunner().invoke(main, ["make-qa", "--format", "polnear", "--data", str(corpus),
                                       "--split", "dev", "--out", str(out), *extra],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    questions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    docs = out.with_name(out.name.removesuffix(".jsonl") + ".docs.txt").read_text(
        encoding="utf-8").split()
    return questions, docs


def fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("\u00a0", " ")).strip()


def doc_text(corpus: Path, stem: str) -> str:
    return (corpus / "data" / "dev" / "text" / f"{stem}.txt").read_text(encoding="utf-8")


ARGS = ("--seed", "7", "--per-doc", "5", "--held-out", "1")


def test_same_seed_same_files(corpus, tmp_path):
    a, da = make(corpus, tmp_path / "a.jsonl", *ARGS)
    b, db = make(corpus, tmp_path / "b.jsonl", *ARGS)
    assert a == b and da == db
    assert (tmp_path / "a.jsonl").read_bytes() == (tmp_path / "b.jsonl").read_bytes()
    assert a, "no questions were made"


def test_questions_are_valid_and_cover_every_kind(corpus, tmp_path):
    questions, _ = make(corpus, tmp_path / "q.jsonl", *ARGS)
    for q in questions:
        assert scoring.validate_question(q) == [], q
    kinds = {q["intent_detail"] for q in questions}
    assert kinds == {"who_said_verbatim", "who_said_misremembered", "what_said", "did_say_yes",
                     "did_say_no", "abstain_unindexed", "abstain_invented"}
    assert len({q["id"] for q in questions}) == len(questions)


def test_fragments_are_8_to_15_words_and_verbatim(corpus, tmp_path):
    questions, _ = make(corpus, tmp_path / "q.jsonl", *ARGS)
    checked = 0
    for q in questions:
        if q["intent_detail"] in ("who_said_verbatim", "did_say_yes", "did_say_no",
                                  "who_said_misremembered", "what_said"):
            text = fold(doc_text(corpus, q["doc"]))
            for ev in q["evidence"]:
                assert 8 <= len(ev.split()) <= 15, ev
                assert fold(ev) in text, ev
                checked += 1
        if q["intent_detail"] in ("who_said_verbatim", "did_say_yes", "did_say_no"):
            assert q["evidence"][0] in q["question"]
    assert checked >= 10


def test_misremembered_differs_from_the_original(corpus, tmp_path):
    questions, _ = make(corpus, tmp_path / "q.jsonl", *ARGS)
    mis = [q for q in questions if q["intent_detail"] == "who_said_misremembered"]
    assert mis
    for q in mis:
        assert scoring.norm(q["evidence"][0]) not in scoring.norm(q["question"])


def test_pronoun_and_description_sources_are_excluded(corpus, tmp_path):
    questions, _ = make(corpus, tmp_path / "q.jsonl", "--seed", "3", "--per-doc", "9",
                        "--held-out", "0")
    for q in questions:
        names = [scoring.norm(n) for n in q.get("speaker") or []]
        assert not {"he", "she", "officials", "the official", "official"} & set(names), q
        if not q.get("abstain"):
            for ev in q["evidence"]:
                assert not any(p in ev for p in PRONOUN_CONTENT), q


def test_speakers_are_full_names_with_surnames(corpus, tmp_path):
    questions, _ = make(corpus, tmp_path / "q.jsonl", "--seed", "3", "--per-doc", "9",
                        "--held-out", "0")
    lists = {tuple(q["speaker"]) for q in questions if q.get("speaker")}
    by_name = {s[0]: s for s in lists}
    assert "Maria Lopez" in by_name and "Lopez" in by_name["Maria Lopez"]
    assert "Dana Whitfield" in by_name and "Whitfield" in by_name["Dana Whitfield"]
    assert "Samuel Okafor" in by_name  # title "Factory owner" dropped
    # "Lopez" alone is never a separate speaker: it expands to the full name
    assert "Lopez" not in by_name


def test_did_say_no_names_the_real_speaker(corpus, tmp_path):
    questions, _ = make(corpus, tmp_path / "q.jsonl", "--seed", "3", "--per-doc", "9",
                        "--held-out", "0")
    owners = {  # content fragment -> the speaker who said it
        "repair every bridge": "Maria Lopez", "patching roads": "Maria Lopez",
        "noticeably cleaner": "Dana Whitfield", "trout": "Dana Whitfield",
        "four million dollars": "Samuel Okafor", "fresh vegetables": "Grace Huang",
        "healthier meals": "Tom Becker", "sleep through": "Grace Huang",
        "thousands of jobs": "Alan Ruiz", "blocked her street": "Olga Marsh",
    }
    nos = [q for q in questions if q["intent_detail"] == "did_say_no"]
    assert nos
    for q in nos:
        assert q["verdict"] == "no"
        real = q["speaker"][0]
        asked = re.match(r"Did (.+?) say", q["question"]).group(1)
        assert scoring.norm(asked) not in {scoring.norm(n) for n in q["speaker"]}
        owner = [who for key, who in owners.items() if key in q["evidence"][0]]
        assert owner == [] or owner[0] == real, q
        assert q["asked_about"] != real


def test_abstain_fragments_come_from_documents_not_listed(corpus, tmp_path):
    questions, docs = make(corpus, tmp_path / "q.jsonl", *ARGS)
    listed = {Path(p).stem for p in docs}
    assert len(listed) == len(ARTICLES) - 1
    assert all(Path(p).exists() for p in docs)
    unindexed = [q for q in questions if q["intent_detail"] == "abstain_unindexed"]
    assert unindexed
    for q in unindexed:
        assert q["abstain"] is True and q["speaker"] is None and q["evidence"] == []
        assert q["doc"] not in listed
        fragment = re.search(r'"(.+)"|that (.+)\?$', q["question"])
        frag = next(g for g in fragment.groups() if g)
        assert fold(frag) in fold(doc_text(corpus, q["doc"]))
        for stem in listed:
            assert scoring.norm(frag) not in scoring.norm(doc_text(corpus, stem))
    for q in questions:
        if not q.get("abstain"):
            assert q["doc"] in listed


def test_limit_caps_indexed_documents(corpus, tmp_path):
    _, docs = make(corpus, tmp_path / "q.jsonl", "--limit", "2", "--held-out", "1")
    assert len(docs) == 2


def test_mention_names():
    assert make_qa.mention_name("he") is None
    assert make_qa.mention_name("the official") is None
    assert make_qa.mention_name("officials") is None
    assert make_qa.mention_name("Republicans") is None
    assert make_qa.mention_name("Obama and Clinton") is None
    assert make_qa.mention_name("the Trump campaign") is None
    assert make_qa.mention_name("Trump") == ["Trump"]
    assert make_qa.mention_name("FBI Director James Comey") == ["James", "Comey"]
    assert make_qa.mention_name("Sen. Ted Cruz (R-Texas)") == ["Ted", "Cruz"]
    assert make_qa.mention_name("Rendell, a Clinton surrogate,") == ["Rendell"]
    assert make_qa.mention_name("South Korean-born Monte Haines") == ["Monte", "Haines"]
    assert make_qa.mention_name("Rep. Sheila Jackson-Lee") == ["Sheila", "Jackson-Lee"]
    assert make_qa.mention_name("The Republican National Committee") == [
        "Republican", "National", "Committee"]
    # A title's of-phrase is no part of the name after it.
    assert make_qa.mention_name("Director of National Intelligence James Clapper") == ["James", "Clapper"]
    assert make_qa.mention_name("UMWA Director of Government Affairs Phil Smith") == ["Phil", "Smith"]
    assert make_qa.mention_name("Secretary of State John F. Kerry") == ["John", "F.", "Kerry"]
    assert make_qa.mention_name("the Chamber of Commerce") == ["Chamber", "of", "Commerce"]


def test_speaker_expansion_to_the_longest_name():
    text = ("Title\n\nDonald Trump spoke. Later Trump said it again, and Mr. Trump repeated it.")
    names = make_qa.document_names(text)
    sp = make_qa.polnear_speaker("Trump", names, text)
    assert sp.name == "Donald Trump" and "Trump" in sp.accepted
    sp = make_qa.polnear_speaker("Mr. Trump", names, text)
    assert sp.name == "Donald Trump" and "Mr. Trump" in sp.accepted
    # two different first names, equally frequent: ambiguous -> skipped
    text2 = "Title\n\nHillary Clinton spoke. Bill Clinton spoke. Clinton said so."
    assert make_qa.polnear_speaker("Clinton", make_qa.document_names(text2), text2) is None


def test_a_full_name_glued_to_a_quotation_by_its_colon_is_still_the_full_name():
    text = ('Title\n\nAs Hillary Rodham Clinton:"We learned a lot," she wrote. Later Clinton said '
            'the figure came from the State Department.')
    sp = make_qa.polnear_speaker("Clinton", make_qa.document_names(text), text)
    assert sp.name == "Hillary Rodham Clinton" and "Clinton" in sp.accepted


def test_a_surname_is_short_for_a_full_name_with_a_generational_suffix():
    text = ("Title\n\nVice President Joseph R. Biden Jr. spoke first. Mr. Biden said the rule was "
            "overdue, and Biden repeated it.")
    sp = make_qa.polnear_speaker("Mr. Biden", make_qa.document_names(text), text)
    assert sp.name == "Joseph R. Biden Jr." and {"Biden", "Mr. Biden"} <= set(sp.accepted)


def test_a_longer_form_of_the_full_name_is_accepted_too():
    # The document mostly writes "Drobnic Holan", once "Angie Drobnic Holan": both are her name.
    text = ("Title\n\nThe Internet spread it, said Angie Drobnic Holan, the editor. Drobnic Holan "
            "added more. Drobnic Holan said so. Holan agreed.")
    sp = make_qa.polnear_speaker("Holan", make_qa.document_names(text), text)
    assert sp.name == "Drobnic Holan" and "Angie Drobnic Holan" in sp.accepted


def test_misremember_changes_the_words():
    import random

    frag = "the new budget would repair every big bridge, and the roads would be safe"
    out = make_qa.misremember(frag, random.Random(1))
    assert out and scoring.norm(out) != scoring.norm(frag)
    new_words = set(re.findall(r"\w+", out.lower())) - set(re.findall(r"\w+", frag.lower()))
    assert new_words & set(make_qa.SYNONYMS.values())  # a word swapped through the table
    assert len(out.split()) < len(frag.split())  # and words dropped


def test_a_middle_initial_is_optional_in_the_accepted_names():
    text = "Title\n\nSpeaker Paul D. Ryan spoke on Sunday. Mr. Ryan said he would not run."
    sp = make_qa.polnear_speaker("Mr. Ryan", make_qa.document_names(text), text)
    assert sp.name == "Paul D. Ryan" and "Paul Ryan" in sp.accepted


def test_a_name_that_only_says_whose_is_not_the_speaker():
    assert make_qa.mention_name("A spokeswoman for Fiorina") is None
    assert make_qa.mention_name("the government in Riyadh") is None
    assert make_qa.mention_name("Staff for the House Select Committee on Oversight") is None
    assert make_qa.mention_name("officials at the Department of Defense") is None
    # ... but the author of a thing that speaks is.
    assert make_qa.mention_name("a gaffe by House Majority Leader Kevin McCarthy (R-Calif.)") == [
        "Kevin", "McCarthy"]
    assert make_qa.mention_name("a recent poll by RealClearPolitics") == ["RealClearPolitics"]


def test_an_affiliation_is_not_part_of_a_persons_name():
    assert make_qa.mention_name("Paul Sperry of Counter Jihad") == ["Paul", "Sperry"]
    assert make_qa.mention_name("Sen. Bernie Sanders of Vermont") == ["Bernie", "Sanders"]
    assert make_qa.mention_name("Bank of America") == ["Bank", "of", "America"]
    text = "Title\n\nAccording to Paul Sperry of Counter Jihad, the firm moved vans.\n\nSperry writes more."
    sp = make_qa.polnear_speaker("Sperry", make_qa.document_names(text), text)
    assert sp.name == "Paul Sperry" and "Sperry" in sp.accepted


def test_a_hyphenated_title_is_a_title():
    assert make_qa.mention_name("United Auto Workers Secretary-Treasurer Gary Casteel") == [
        "Gary", "Casteel"]
    assert make_qa.mention_name("Jean-Pierre Lacroix") == ["Jean-Pierre", "Lacroix"]


def test_a_given_name_that_is_also_a_particle_starts_a_name():
    text = "Title\n\nSilverman was joined by Minnesota Sen. Al Franken.\n\n\u201cLook,\u201d Franken said."
    sp = make_qa.polnear_speaker("Franken", make_qa.document_names(text), text)
    assert sp.name == "Al Franken" and "Franken" in sp.accepted
    assert make_qa.mention_name("President Bashar al Assad") == ["Bashar", "al", "Assad"]


def test_a_possessive_says_whose_the_name_is():
    assert make_qa.mention_name("RealClearPolitics\u2019 David Byler") == ["David", "Byler"]
    text = "Title\n\nAs RealClearPolitics\u2019 David Byler wrote, Byler said more."
    assert ["David", "Byler"] in make_qa.document_names(text)


def test_a_title_before_a_name_is_left_out_of_it():
    assert make_qa.mention_name("Co-moderator Andrea Mitchell") == ["Andrea", "Mitchell"]
    assert make_qa.mention_name("Democrats Hillary Clinton") == ["Hillary", "Clinton"]
    assert make_qa.mention_name("Senate Minority Whip Dick Durbin") == ["Dick", "Durbin"]
    assert make_qa.mention_name("Chief of Staff Katie Walsh") == ["Katie", "Walsh"]
    assert make_qa.mention_name("Assemblywoman Claudia Tenney") == ["Claudia", "Tenney"]


def test_a_middle_initial_the_document_uses_is_accepted():
    text = "Title\n\nDonald J. Trump spoke. Donald Trump said it again."
    sp = make_qa.polnear_speaker("Donald Trump", make_qa.document_names(text), text)
    assert "Donald J. Trump" in sp.accepted and "Donald Trump" in sp.accepted


def test_pdnc_names_are_accepted_without_an_article_or_a_title_before_a_given_name():
    text = "Sir Harry Otway came in. The Dogana Men waved at Mrs. Honeychurch."
    sp = make_qa.pdnc_speaker("Sir Harry Otway", {"Sir Harry Otway": ("Sir Harry",)}, text)
    assert "Harry Otway" in sp.accepted and "Sir Harry" in sp.accepted
    sp = make_qa.pdnc_speaker("The Dogana Men", {"The Dogana Men": ("The Dogana Man",)}, text)
    assert "Dogana Men" in sp.accepted
    sp = make_qa.pdnc_speaker("Mrs. Honeychurch", {"Mrs. Honeychurch": ()}, text)
    assert sp.accepted == ["Mrs. Honeychurch"]
    # An annotation label the novel never writes is no name to ask by.
    sp = make_qa.pdnc_speaker("Mrs. Honeychurch", {"Mrs. Honeychurch": ("Narr", "Honeychurch")}, text)
    assert sp.accepted == ["Mrs. Honeychurch", "Honeychurch"]


def test_a_surname_ending_a_sentence_is_not_an_abbreviation():
    text = "Title\n\nThe move comes from Rachel Hoff. She is a delegate.\n\nHoff said more."
    sp = make_qa.polnear_speaker("Hoff", make_qa.document_names(text), text)
    assert sp.name == "Rachel Hoff"
    assert make_qa.mention_name("Sen. Ted Cruz") == ["Ted", "Cruz"]


def test_an_initialism_with_a_hyphen_keeps_its_last_full_stop():
    text = "Title\n\nUnion voters favored Mr. Obama, according to polling by the A.F.L.-C.I.O. Others did not."
    sp = make_qa.polnear_speaker("A.F.L.-C.I.O", make_qa.document_names(text), text)
    assert "A.F.L.-C.I.O." in sp.accepted


def test_a_pdnc_name_with_a_title_is_accepted_as_given_name_and_surname_and_as_title_and_surname():
    text = "Miss Lucilla Harris smiled. Mrs. Cecil Forrester and Mrs. Forrester met."
    sp = make_qa.pdnc_speaker("Miss Lucilla Harris", {"Miss Lucilla Harris": ()}, text)
    assert sp.accepted == ["Miss Lucilla Harris", "Lucilla Harris", "Miss Harris"]
    # Another character goes by "Mrs. Forrester": the short form would name her.
    characters = {"Mrs. Cecil Forrester": (), "Mrs. Forrester": ()}
    assert make_qa.pdnc_speaker("Mrs. Cecil Forrester", characters, text).accepted == [
        "Mrs. Cecil Forrester", "Cecil Forrester"]


def test_a_source_cut_short_after_an_initial_names_no_one():
    text = "Title\n\nIan H. Solomon said the board would meet. Lawrence H. Summers agreed."
    names = make_qa.document_names(text)
    assert make_qa.polnear_speaker("Ian H", names, text) is None
    assert make_qa.polnear_speaker("Lawrence H. Summers", names, text).name == "Lawrence H. Summers"


def test_a_comma_before_closing_apostrophes_ends_the_name_before_it():
    text = ("Title\n\n''Nobody in this hall will vote for Grant,''' Dana Ruiz, a union organizer, "
            "wrote.\n\nMs. Ruiz said the vote was close.")
    names = make_qa.document_names(text)
    assert ["Dana", "Ruiz"] in names and not any("Grant" in n and "Ruiz" in n for n in names)
    assert make_qa.polnear_speaker("Ms. Ruiz", names, text).name == "Dana Ruiz"


def test_a_public_advocate_is_a_title():
    assert make_qa.mention_name("City Public Advocate Dana Ruiz") == ["Dana", "Ruiz"]


def test_a_name_with_for_or_of_in_it_has_no_surname_form():
    text = "Title\n\nExecutives for Northwind said the plant would close."
    sp = make_qa.polnear_speaker("Executives for Northwind", make_qa.document_names(text), text)
    assert sp.org and "Northwind" not in sp.accepted
    text = "Title\n\nSons of Liberty said the plant would close."
    sp = make_qa.polnear_speaker("Sons of Liberty", make_qa.document_names(text), text)
    assert sp.org and "Liberty" not in sp.accepted
    # Nor is the surname short for it.
    text = "Title\n\nThe Sons of Kemp marched. Daniel Kemp wrote a book.\n\nKemp said more."
    assert make_qa.polnear_speaker("Kemp", make_qa.document_names(text), text).name == "Daniel Kemp"


def test_a_source_cut_short_inside_a_word_is_made_whole():
    from types import SimpleNamespace

    from evals.qagen.items import _whole_words

    text = "In a scathing piece, The Wall Street Journal called on him to quit."
    start = text.index("The Wall")
    cut = SimpleNamespace(source_spans=((start, start + 22),), source_text=text[start:start + 22])
    assert cut.source_text == "The Wall Street Journa"
    assert _whole_words(text, cut) == "The Wall Street Journal"
    whole = SimpleNamespace(source_spans=((start, start + 23),), source_text=text[start:start + 23])
    assert _whole_words(text, whole) == "The Wall Street Journal"


def test_a_surname_form_is_one_the_document_writes():
    text = ("Title\n\nJudicial Watch sued the State Department on Monday. Its president, Tom Fitton, "
            "called the emails damning. Fitton said more would come.")
    names = make_qa.document_names(text)
    org = make_qa.polnear_speaker("Judicial Watch", names, text)
    assert org.accepted == ["Judicial Watch"]  # never "Watch": the text writes no such name
    assert "Fitton" in make_qa.polnear_speaker("Tom Fitton", names, text).accepted


def test_a_party_adjective_before_an_organisations_name_is_part_of_it():
    text = "Title\n\nThe Democratic National Convention called the ad race-baiting."
    sp = make_qa.polnear_speaker("the Democratic National Convention", make_qa.document_names(text), text)
    assert sp.name == "Democratic National Convention"


def test_a_plural_title_before_a_name_is_no_part_of_it():
    assert make_qa.mention_name("Senators Mitch McConnell") == ["Mitch", "McConnell"]
    assert make_qa.mention_name("FBI General Counsel James A. Baker") == ["James", "A.", "Baker"]


def test_a_party_label_the_annotation_cut_short_is_no_part_of_a_name():
    assert make_qa.mention_name("Sen. Pat Toomey (R-Pa.") == ["Pat", "Toomey"]


def test_a_capitalised_particle_starts_a_name():
    text = "Title\n\nAl Gore\u2019s exile will go on. For Trump, it was fine. Later, Gore said so."
    assert ["Al", "Gore"] in make_qa.document_names(text)
    assert ["For", "Trump"] not in make_qa.document_names(text)
    assert make_qa.polnear_speaker("Gore", make_qa.document_names(text), text).name == "Al Gore"
