"""Grammatical gender of names, pronouns and descriptions, used only to rule out antecedents."""

from __future__ import annotations

from typing import Literal, Optional

Gender = Optional[Literal["m", "f"]]

_PRONOUNS = {"he": "m", "him": "m", "his": "m", "himself": "m",
             "she": "f", "her": "f", "hers": "f", "herself": "f"}
_HONORIFICS = {"mr": "m", "mister": "m", "sir": "m", "lord": "m", "master": "m", "monsieur": "m",
               "mrs": "f", "miss": "f", "ms": "f", "lady": "f", "madam": "f", "madame": "f",
               "dame": "f", "mme": "f", "mlle": "f",
               # Titles and kinship words that stand before a name ("Signor Rossi", "Aunt Jo").
               "signor": "m", "signore": "m", "herr": "m", "don": "m", "senor": "m", "uncle": "m",
               "king": "m", "prince": "m", "duke": "m", "count": "m", "baron": "m", "colonel": "m",
               "captain": "m", "major": "m", "brother": "m", "father": "m",
               "signora": "f", "signorina": "f", "frau": "f", "fraulein": "f", "senora": "f",
               "mademoiselle": "f", "aunt": "f", "queen": "f", "princess": "f", "duchess": "f",
               "countess": "f", "baroness": "f", "sister": "f", "mother": "f"}
_NOUNS = {
    "m": set("""man men boy son father husband brother gentleman king prince lord uncle nephew
             grandfather sir fellow lad chap monk priest duke count baron emperor waiter clergyman
             vicar rector curate squire youth""".split()),
    "f": set("""woman women girl daughter mother wife sister lady queen princess aunt niece
             grandmother maid widow duchess countess baroness empress waitress mistress""".split()),
}
# Common given names, for telling "Mrs. Honeychurch" from "Freddy Honeychurch".
_GIVEN = {
    "m": set("""john george william henry edward charles frank robert james thomas arthur richard fred
             freddy frederick edmund tom oliver dorian basil harry david michael joseph paul peter
             mark donald bernie barack mike ted marco jeb ben chris rand joe bill alan
             daniel matthew andrew steven stephen kevin brian jason eric jeff ryan gary larry scott
             walter samuel simon philip alexander victor hugh ralph cecil lawrence gabriel newland
             julius ebenezer pooh christopher volodymyr vladimir robert gideon sergei dmitry
             albert alfred ambrose anthony antony augustus austin benjamin bertram cecil clarence
             claude cyril denis dick edgar edmund edwin ernest eugene felix francis frederic gilbert
             giles godfrey gregory guy herbert horace humphrey isaac jack jacob jake jasper jem jerry
             jim jimmy jonathan julian leonard lewis louis luke martin matthias maurice max miles
             nathaniel ned nicholas noah patrick percy phil piers raymond reginald roger roland rupert
             sam sidney silas stanley teddy theodore timothy toby tony val vincent wilfred will
             willie wilson tom harry basil philip matthew davy joe
             adrian alec allan amos andy angus archie archibald barnaby bartholomew bertie bob bobby
             cedric clement conrad dan danny desmond dominic douglas duncan eddie elijah elias emil
             ferdinand fergus gerald gerard gordon hal hamish harold harvey hector herman hiram homer
             howard hubert ignatius ivan ivor jeremiah jeremy jesse joel johnny joshua josiah kenneth
             laurence lionel lucius malcolm marcus micah mortimer moses neville nigel norman oscar
             oswald owen quentin randolph reuben rodney ronald rudolph rufus sebastian seth solomon
             sylvester terence tobias tristan ulysses vernon wallace wilbur zachary omar""".split()),
    "f": set("""elizabeth jane mary anne anna emma lucy charlotte catherine harriet fanny marianne
             margaret edith alice ellen may edna adele hillary nancy sarah susan karen lisa
             linda barbara patricia jennifer maria laura julia helen dorothy ruth kate katherine
             kathleen diana carly nikki kellyanne melania ivanka michelle chelsea huma sally minnie
             isabella olivia sophia emily amelia grace lydia kitty georgiana caroline louisa maud
             marian sibyl agnes clara hannah rachel rebecca abigail ada adela adeline agatha amy
             angela annie arabella augusta beatrice bella bertha betsy betty blanche bridget carrie
             cecilia cecily charity constance cora cordelia daisy delia dinah dolly dora edna eleanor
             eliza ella eloise elsie emmeline esther ethel eugenia eva eve evelyn flora florence
             frances gertrude gwendolen harriet hattie henrietta hester hetty honoria ida irene iris
             isabel jenny jessie joan josephine judith julia juliet kate kitty laura lavinia letitia
             lilian lily lizzie lizzy lottie louisa lucia lucille lucinda mabel madeline marcia
             margery maria marianne martha matilda maud milly miriam molly nancy nell nellie
             nora olive ophelia pamela pauline peggy penelope philippa phoebe polly priscilla
             rosa rosalind rose rosie sophy susanna sybil theresa tilly ursula victoria violet
             winifred diana
             adelaide alicia alison amanda annabel antoinette bessie beth camilla cassandra celia
             christina christine clarissa daphne deborah doris elaine elinor elsa emilia enid estelle
             eunice fannie fiona frederica georgina gladys gwen hazel hilda imogen isabelle janet
             janey jemima joanna judy leonora lois lorna lucretia madge maggie marguerite marjorie
             mildred mona myra nina octavia pearl prudence rhoda rosamond rowena sabina selina sylvia
             tabitha tess vera veronica viola virginia wilhelmina mattie nettie""".split()),
}


def gender_of_pronoun(word: str) -> Gender:
    return _PRONOUNS.get(word.lower())


def gender_of_name(name: str) -> Gender:
    words = name.replace(".", " ").split()
    if not words or "and" in words or "&" in words:
        return None  # two people ("Mr. and Mrs. Weston") have no one gender
    first = words[0].lower()
    if first in _HONORIFICS:
        return _HONORIFICS[first]  # type: ignore[return-value]
    for gender, names in _GIVEN.items():
        if first in names and len(words) > 1 or (len(words) == 1 and first in names):
            return gender  # type: ignore[return-value]
    return None


def gender_of_description(text: str) -> Gender:
    for word in reversed(text.lower().split()):
        for gender, nouns in _NOUNS.items():
            if word in nouns:
                return gender  # type: ignore[return-value]
    return None


def gender_in_context(ent, quoted=lambda i: False) -> Gender:
    """The first he/she-word after a subject name in its sentence: "Rowan shook her head".

    A vote, not a fact: another person named first, or a quotation, ends the search.
    """
    if ent.root.dep_ not in ("nsubj", "nsubjpass"):
        return None
    for tok in ent.doc[ent.end: ent.sent.end]:
        if tok.ent_type_ == "PERSON" or quoted(tok.idx):
            return None
        if tok.lower_ in _PRONOUNS:
            return _PRONOUNS[tok.lower_]  # type: ignore[return-value]
    return None


def married_and_unmarried(one: str, other: str) -> bool:
    """Whether one name's title says unmarried and the other's married: "Miss Bennet" is a
    daughter of the house, not Mrs. Bennet."""
    return {one.split()[0].lower().rstrip("."), other.split()[0].lower().rstrip(".")} == {"miss", "mrs"}
