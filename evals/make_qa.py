"""`python -m evals make-qa`: question sets in the shared QA format from gold attributions.

    python -m evals make-qa --format polnear --data ../shared/data/polnear --split dev \\
        --limit 20 --seed 1 --out /tmp/polnear-dev.jsonl
    python -m evals qa /tmp/polnear-dev.jsonl --docs-list /tmp/polnear-dev.docs.txt

Writes FILE.jsonl and FILE.docs.txt (the documents to index, one path a line). The documents of the
split are shuffled with the seed; a few are held out (never listed in .docs.txt) and give the
``abstain`` questions, the rest (at most ``--limit``) are the indexed documents. Per indexed document
and named speaker (at most ``--per-doc`` speakers):

- ``who_said_verbatim``: a verbatim 8-15 word fragment of the content;
- ``who_said_misremembered``: such a fragment with words dropped, a word swapped for a synonym and/or
  its clauses in another order (evidence: the original fragment);
- ``what_said``: what the speaker said about a topic word from the content;
- ``did_say_yes`` (the real speaker) and ``did_say_no`` (another speaker of the same document;
  ``speaker`` = the real one);

and, over the set: ``abstain_unindexed`` (fragments of held-out documents) and ``abstain_invented``
(invented sentences). Each question has ``intent_detail`` and ``doc`` besides the shared fields.

Speakers: PolNeAR gives surface mentions; a mention counts when it is a name ("Trump", "Mr. Obama",
"FBI Director James Comey"), not a pronoun or a description ("he", "the official", "officials"), and
is expanded to the longest name in the document ending with it ("Trump" -> "Donald Trump"). The
accepted names are the full name, the mention's forms and the surname. PDNC: the character's main
name and its aliases. Same arguments and seed, same files.

The generator is ``evals.qagen``; this module is the command.
"""

from __future__ import annotations

from pathlib import Path

import click

from .corpora import DEFAULT_SPLIT, load_gold
from .qagen import detail_counts, generate, write_question_set


@click.command("make-qa")
@click.option("--format", "fmt", type=click.Choice(["polnear", "pdnc"]), required=True,
              help="The gold corpus.")
@click.option("--data", type=click.Path(exists=True, file_okay=False, path_type=Path),
              required=True, help="The corpus folder (e.g. ../shared/data/polnear).")
@click.option("--split", default=None,
              help="PolNeAR: train, dev, train-tune, train-heldout [dev]; "
                   "PDNC: tune, heldout, all [heldout].")
@click.option("--seed", type=int, default=0, show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="At most this many documents to index [all of the split but the held-out].")
@click.option("--per-doc", type=click.IntRange(min=1), default=None,
              help="Speakers asked about per document [polnear 2, pdnc 8].")
@click.option("--held-out", type=click.IntRange(min=0), default=None,
              help="Documents kept out of the index for abstain questions [10%, 1 to 10].")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The question file (.jsonl); FILE.docs.txt lists the documents to index.")
def command(fmt: str, data: Path, split: str | None, seed: int, limit: int | None,
            per_doc: int | None, held_out: int | None, out: Path) -> None:
    """Write a question set (and its documents list) from a gold-attribution corpus."""
    try:
        docs = load_gold(fmt, data, split or DEFAULT_SPLIT[fmt])
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    if not docs:
        raise click.ClickException(f"no {fmt} documents under {data} (split {split})")
    per_doc = per_doc or (2 if fmt == "polnear" else 8)
    questions, selected = generate(docs, fmt, seed=seed, limit=limit, per_doc=per_doc,
                                   held_out=held_out)
    if not questions:
        raise click.ClickException("no questions could be made (no named speakers found)")
    listing, paths = write_question_set(out, questions, selected)
    counts = detail_counts(questions)
    click.echo(f"wrote {len(questions)} questions to {out} "
               f"({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    click.echo(f"wrote {len(paths)} document paths to {listing}")
