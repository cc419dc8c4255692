"""The benchmark runs end to end on the sample corpus and reports its numbers (no timing asserted)."""

import json

from click.testing import CliRunner

from evals.bench import command


def test_bench_reports_throughput_latency_and_size(tmp_path):
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(command, ["--questions", "5", "--out", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert data["documents"] == 1 and data["quotes"] >= 5
    assert data["paragraphs_per_second"] > 0 and data["ask_ms_p95"] >= data["ask_ms_p50"] > 0
    assert data["index_bytes"] > 0 and "ingest_over_spacy_plus_embed" in result.output
