"""Pet forms of English given names: a father calls Elizabeth "Lizzy", a friend calls Lord
Henry "Harry". Dialogue names people this way far more often than narration does, so the
turn-taking rules need it to see who a line speaks to."""

from __future__ import annotations

from .lexicon import HONORIFICS

# Pet form -> the given name it shortens. Only forms that are not names of their own in
# common use ("Will", "Jo" are left out: they name people in their own right too often).
_FORMAL = {
    "lizzy": "elizabeth", "lizzie": "elizabeth", "eliza": "elizabeth", "liz": "elizabeth",
    "betsy": "elizabeth", "bess": "elizabeth", "bessie": "elizabeth", "libby": "elizabeth",
    "kitty": "catherine", "kate": "catherine", "katie": "catherine", "cathy": "catherine",
    "peggy": "margaret", "meg": "margaret", "maggie": "margaret", "madge": "margaret",
    "polly": "mary", "molly": "mary", "mamie": "mary", "sally": "sarah", "patty": "martha",
    "nancy": "ann", "nan": "ann", "annie": "ann", "jenny": "jane", "jennie": "jane",
    "nelly": "ellen", "nell": "ellen", "dolly": "dorothy", "dora": "dorothy", "sukey": "susan",
    "susie": "susan", "sue": "susan", "fanny": "frances", "becky": "rebecca", "abby": "abigail",
    "harry": "henry", "hal": "henry", "tom": "thomas", "tommy": "thomas", "bill": "william",
    "billy": "william", "willy": "william", "dick": "richard", "bob": "robert", "bobby": "robert",
    "jim": "james", "jimmy": "james", "jem": "james", "jack": "john", "johnny": "john",
    "ned": "edward", "teddy": "edward", "charley": "charles", "charlie": "charles",
    "fred": "frederick", "freddy": "frederick", "freddie": "frederick", "sam": "samuel",
    "sammy": "samuel", "joe": "joseph", "ben": "benjamin", "tony": "anthony", "dan": "daniel",
    "nick": "nicholas", "matt": "matthew", "andy": "andrew", "mike": "michael", "dave": "david",
    "steve": "stephen", "nat": "nathaniel", "bertie": "albert", "archie": "archibald",
    "gus": "augustus", "dolph": "adolphus", "phil": "philip", "walt": "walter", "gil": "gilbert",
}
_FORMAL_ALSO = {"ann": "anne", "ellen": "eleanor"}  # spellings a pet form may stand for too


def given_names_of(pet: str) -> set[str]:
    """The given names a pet form stands for, lower case ("lizzy" -> {"elizabeth"}); empty
    for a word that is no pet form."""
    formal = _FORMAL.get(pet.lower().rstrip("."))
    if formal is None:
        return set()
    return {formal} | ({_FORMAL_ALSO[formal]} if formal in _FORMAL_ALSO else set())


def is_pet_name_of(pet: str, name: str) -> bool:
    """Whether `pet` is a pet form of the given name in `name`: "Lizzy" of "Elizabeth Bennet",
    "Harry" of "Lord Henry"."""
    given = next((w for w in (x.lower().rstrip(".") for x in name.split()) if w not in HONORIFICS), None)
    return given is not None and given in given_names_of(pet)
