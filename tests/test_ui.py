"""The Gradio web chat: the /ask endpoint over HTTP on a real index, the chat handler, the citation HTML."""

from __future__ import annotations

import re
import socket

import gradio as gr
import pytest
from gradio_client import Client

import rag
import rag.config
from rag.errors import IndexFormatError
from ui.app import EMPTY_QUESTION, NO_CITATIONS, build_app, chat_turn, citations_html, find_spans, highlight, launch

ANSWER_KEYS = {"question", "intent", "answer", "abstained", "verdict", "speaker", "speakers",
               "confidence", "quotes", "citations"}
ZELENSKYY_QUESTION = 'Who said "Moscow has dragged another nation into this war"?'
ZELENSKYY_WORDS = "Moscow has dragged another nation into this war"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("ui") / "ix"
    report = rag.build_index(rag.config.sample_corpus(), index=folder)
    assert report.ok and report.added == 1
    return folder


@pytest.fixture(scope="module")
def server(index_dir):
    """The app served on a free local port, opened from the index path by build_app."""
    port = free_port()
    app = launch(index_dir, host="127.0.0.1", port=port, prevent_thread_lock=True, quiet=True)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        app.close()


@pytest.fixture(scope="module")
def client(server):
    return Client(server, verbose=False)


@pytest.fixture(scope="module")
def index(index_dir):
    ix = rag.open_index(index_dir)
    yield ix
    ix.close()


class RaisingIndex:
    """Stands in for an index whose ask fails the way the library fails."""

    def ask(self, question, retrieval="hybrid"):
        raise IndexFormatError("the index at /x is damaged", "rebuild it with `whosaid index`")


class NoAskIndex:
    def ask(self, question, retrieval="hybrid"):
        raise AssertionError("an empty question must not reach the index")


# --- over HTTP -----------------------------------------------------------------------------------


def test_ask_endpoint_returns_the_answer_dict(client):
    answer = client.predict(ZELENSKYY_QUESTION, api_name="/ask")
    assert isinstance(answer, dict)
    assert set(answer) == ANSWER_KEYS
    assert answer["question"] == ZELENSKYY_QUESTION
    assert answer["abstained"] is False
    assert "Volodymyr Zelenskyy" in (answer["speaker"] or "")
    assert "Zelenskyy" in answer["answer"]
    assert any(ZELENSKYY_WORDS in c["text"] for c in answer["citations"]), answer["citations"]


def test_ask_is_the_public_endpoint(client):
    endpoints = client.view_api(print_info=False, return_format="dict")["named_endpoints"]
    assert "/ask" in endpoints
    assert "/respond" not in endpoints  # the chat handler is private


def test_ask_endpoint_empty_question_is_a_readable_error(client):
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", api_name="/ask")


# --- the chat handler ----------------------------------------------------------------------------


def test_chat_turn_on_real_index(index):
    history, panel, answer = chat_turn(index, ZELENSKYY_QUESTION, [])
    assert [m["role"] for m in history] == ["user", "assistant"]
    assert history[0]["content"] == ZELENSKYY_QUESTION
    assert history[1]["content"] == answer["answer"]
    assert "Zelenskyy" in history[1]["content"]
    assert set(answer) == ANSWER_KEYS
    marked = re.findall(r"<mark>(.*?)</mark>", panel, re.S)
    assert any(ZELENSKYY_WORDS in m for m in marked), panel
    assert re.search(r"\[1\] .+, paragraph \d+", panel)


def test_chat_turn_keeps_history(index):
    earlier = [{"role": "user", "content": "hello"}, {"role": "assistant", "content": "hi"}]
    history, _, _ = chat_turn(index, "What did Brovdi say about the North Korean assaults?", earlier)
    assert history[:2] == earlier and len(history) == 4
    assert "Brovdi" in history[3]["content"]


def test_empty_question_gets_a_polite_message():
    history, panel, answer = chat_turn(NoAskIndex(), "  \n", [])
    assert history == [{"role": "assistant", "content": EMPTY_QUESTION}]
    assert panel == NO_CITATIONS and answer is None


def test_library_error_is_shown_in_the_chat_with_its_hint():
    history, panel, answer = chat_turn(RaisingIndex(), "Who said it?", [])
    reply = history[-1]
    assert reply["role"] == "assistant"
    assert "the index at /x is damaged" in reply["content"]
    assert "rebuild it with `whosaid index`" in reply["content"]
    assert "Traceback" not in reply["content"]
    assert panel == NO_CITATIONS and answer is None


def test_build_app_uses_an_opened_index_as_is(index, monkeypatch):
    def no_reopen(*args, **kwargs):
        raise AssertionError("build_app opened the index again")

    monkeypatch.setattr(rag, "open_index", no_reopen)
    assert isinstance(build_app(index), gr.Blocks)


# --- the citation HTML ---------------------------------------------------------------------------


def test_highlight_escapes_everything_and_marks_the_quote():
    text = 'He said "<script>alert(1)</script> & co" at the <b>end</b>.'
    quote = "<script>alert(1)</script> & co"
    out = highlight(text, find_spans(text, quote))
    assert "<script>" not in out and "<b>" not in out
    assert out.count("<mark>") == 1
    assert "<mark>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</mark>" in out
    assert out.startswith("He said &quot;") and out.endswith("&lt;b&gt;end&lt;/b&gt;.")


def test_highlight_merges_spans_and_matches_across_nbsp():
    text = "buggies would arrive to\u00a0recover bodies"
    spans = find_spans(text, "to recover bodies") + [(0, 7), (3, 10)]
    out = highlight(text, spans)
    assert out == "<mark>buggies wo</mark>uld arrive <mark>to\u00a0recover bodies</mark>"
    assert highlight("abcdef", [(4, 99), (0, 2), (2, 3), (5, 5)]) == "<mark>abc</mark>d<mark>ef</mark>"


def test_citations_html_escapes_titles_and_paragraphs():
    answer = {
        "citations": [{"n": 1, "doc_id": "d", "title": "<i>T</i>", "paragraph": 4,
                       "text": "\u201cStop <script>x()</script> now,\u201d she said.", "start": None, "end": None}],
        "quotes": [{"speaker": "She", "text": "Stop <script>x()</script> now,", "kind": "direct",
                    "cue": "said", "citation": 1}],
    }
    out = citations_html(answer)
    assert "<script>" not in out and "<i>" not in out
    assert "[1] &lt;i&gt;T&lt;/i&gt;, paragraph 4" in out
    assert "<mark>Stop &lt;script&gt;x()&lt;/script&gt; now,</mark>" in out
