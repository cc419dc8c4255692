"""Question sets from gold attributions, for `python -m evals make-qa` (rules: ``evals.make_qa``).

Modules: ``lexicon`` (quotation marks and word lists), ``speakers`` (names and accepted forms),
``fragments`` (content tokens and quotable windows), ``misremembered`` (half-remembered fragments),
``topics`` (topic words), ``invented`` (sentences nobody said), ``items`` (a document's usable
attributions), ``questions`` (the seeded question set) and ``writer`` (the .jsonl and .docs.txt files).
"""

from __future__ import annotations

from .fragments import MAX_WORDS, MIN_WORDS, Run, content_runs, pick_fragment, window_around
from .invented import INVENTED, invented_sentences
from .items import Item, doc_items
from .misremembered import SYNONYMS, misremember
from .questions import generate
from .speakers import Speaker, document_names, mention_name, pdnc_speaker, polnear_speaker
from .topics import topic_words
from .writer import detail_counts, docs_list_path, write_question_set

__all__ = [
    "INVENTED",
    "MAX_WORDS",
    "MIN_WORDS",
    "SYNONYMS",
    "Item",
    "Run",
    "Speaker",
    "content_runs",
    "detail_counts",
    "doc_items",
    "docs_list_path",
    "document_names",
    "generate",
    "invented_sentences",
    "mention_name",
    "misremember",
    "pdnc_speaker",
    "pick_fragment",
    "polnear_speaker",
    "topic_words",
    "window_around",
    "write_question_set",
]
