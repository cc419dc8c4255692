"""`python -m evals {qa, attribution, make-qa, calibrate, bench, train-cues, train-antecedents, train-spans}`: each subcommand lives in its own module."""

from __future__ import annotations

import importlib

import click

_COMMANDS = {
    "qa": "evals.qa",
    "attribution": "evals.attribution",
    "make-qa": "evals.make_qa",
    "calibrate": "evals.calibrate",
    "bench": "evals.bench",
    "train-cues": "evals.train_cues",
    "train-antecedents": "evals.train_antecedents",
    "train-spans": "evals.train_spans",
}


class _LazyGroup(click.Group):
    """Imports a subcommand's module only when it runs, so `--help` stays fast."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(_COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = _COMMANDS.get(name)
        if module is None:
            return None
        try:
            return importlib.import_module(module).command
        except ModuleNotFoundError as exc:
            if exc.name == module:
                return None
            raise


@click.group(cls=_LazyGroup)
def main() -> None:
    """Evaluate whosaid on question sets and annotated corpora."""


if __name__ == "__main__":
    main()
