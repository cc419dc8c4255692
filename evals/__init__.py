"""Evaluations and benchmarks for whosaid: `python -m evals --help`."""
