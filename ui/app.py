"""The whosaid web chat: a Gradio 6 front end over `Index.ask`, with cited paragraphs beside each answer.

It has no logic of its own beyond formatting: every answer comes from `Index.ask`, and the
named endpoint `/ask` returns `Answer.to_dict()` unchanged, so

    gradio_client.Client(url).predict("Who said ...?", api_name="/ask")

gives the same JSON as `whosaid ask --json`.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterable
from typing import Any

import gradio as gr

from rag.errors import WhosaidError

EXAMPLES = [
    'Who said "Moscow has dragged another nation into this war"?',
    "What did Brovdi say about the North Korean assaults?",
    'Did Putin say "Moscow has dragged another nation into this war"?',
    "Who is quoted in the article?",
]

EMPTY_QUESTION = "Please type a question first, for example: *Who said \u201cMoscow has dragged another nation into this war\u201d?*"
NO_CITATIONS = '<div class="ws-none">No cited paragraphs for this answer.</div>'

CSS = """
.ws-citation { border-left: 3px solid #999; padding: 0.3em 0.8em; margin: 0.6em 0; }
.ws-citation .ws-head { font-weight: 600; margin-bottom: 0.3em; }
.ws-citation mark { background: #ffe066; color: inherit; padding: 0 0.1em; }
.ws-none { opacity: 0.7; }
"""


# --- formatting: pure functions, no index needed -------------------------------------------------


def merge_spans(spans: Iterable[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """Spans clipped to [0, length], empty ones dropped, overlapping or touching ones merged."""
    clipped = sorted((max(0, s), min(length, e)) for s, e in spans if s is not None and e is not None)
    merged: list[tuple[int, int]] = []
    for start, end in clipped:
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` as HTML: every piece escaped with html.escape, the given spans wrapped in <mark>.

    Spans are character offsets into the raw `text`; the text is cut at those offsets first and each
    piece escaped on its own, so a mark can never split an entity or let markup through.
    """
    out: list[str] = []
    pos = 0
    for start, end in merge_spans(spans, len(text)):
        out.append(html.escape(text[pos:start]))
        out.append("<mark>" + html.escape(text[start:end]) + "</mark>")
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out)


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where `needle` occurs in `text`, allowing any run of white space (NBSP too) between its words."""
    tokens = needle.split()
    if not tokens:
        return []
    pattern = re.compile(r"\s+".join(re.escape(t) for t in tokens))
    found = [m.span() for m in pattern.finditer(text)]
    if not found:
        found = [m.span() for m in re.compile(pattern.pattern, re.IGNORECASE).finditer(text)]
    return found


def citation_spans(citation: dict, quotes: Iterable[dict]) -> list[tuple[int, int]]:
    """What to mark in a cited paragraph: its own start/end, and every quote that points to it."""
    text = citation.get("text") or ""
    spans: list[tuple[int, int]] = []
    if citation.get("start") is not None and citation.get("end") is not None:
        spans.append((int(citation["start"]), int(citation["end"])))
    for quote in quotes:
        if quote.get("citation") == citation.get("n") and quote.get("text"):
            spans.extend(find_spans(text, quote["text"]))
    return spans


def citation_label(citation: dict) -> str:
    title = citation.get("title") or citation.get("doc_id") or "untitled"
    return f"[{citation.get('n')}] {title}, paragraph {citation.get('paragraph')}"


def citations_html(answer: dict) -> str:
    """The panel for one answer (an `Answer.to_dict()`): each cited paragraph, quoted words marked."""
    citations = answer.get("citations") or []
    if not citations:
        return NO_CITATIONS
    quotes = answer.get("quotes") or []
    blocks = []
    for citation in citations:
        body = highlight(citation.get("text") or "", citation_spans(citation, quotes))
        blocks.append(
            '<div class="ws-citation">'
            f'<div class="ws-head">{html.escape(citation_label(citation))}</div>'
            f"<div>{body}</div></div>"
        )
    return "\n".join(blocks)


def error_markdown(exc: WhosaidError) -> str:
    """A library error as a chat message: what went wrong, then how to fix it."""
    text = f"**Sorry, I could not answer that.** {exc.message}"
    if exc.hint:
        text += f"\n\n*Hint:* {exc.hint}"
    return text


# --- the handlers --------------------------------------------------------------------------------


def chat_turn(ix: Any, question: str, history: list | None) -> tuple[list, str, dict | None]:
    """One question from the chat box: (new history, citations panel HTML, the answer's dict or None)."""
    history = list(history or [])
    question = (question or "").strip()
    if not question:
        history.append({"role": "assistant", "content": EMPTY_QUESTION})
        return history, NO_CITATIONS, None
    history.append({"role": "user", "content": question})
    try:
        answer = ix.ask(question).to_dict()
    except WhosaidError as exc:
        history.append({"role": "assistant", "content": error_markdown(exc)})
        return history, NO_CITATIONS, None
    history.append({"role": "assistant", "content": answer["answer"]})
    return history, citations_html(answer), answer


def api_ask(ix: Any, question: str) -> dict:
    """The `/ask` endpoint: `Answer.to_dict()`; a library error becomes a gr.Error with its hint."""
    try:
        return ix.ask(question or "").to_dict()
    except WhosaidError as exc:
        raise gr.Error(str(exc), print_exception=False) from exc


# --- the app -------------------------------------------------------------------------------------


def _open(index: Any) -> Any:
    """An already opened index is used as is; a path (or None, the default index) is opened once."""
    if index is not None and not isinstance(index, (str, os.PathLike)):
        return index
    import rag

    return rag.open_index(index)


def build_app(index: Any = None) -> gr.Blocks:
    """The chat app over one index: a path, None for the default index, or an opened rag Index."""
    ix = _open(index)

    def respond(question: str, history: list) -> tuple[list, str, dict | None, str]:
        new_history, panel, answer = chat_turn(ix, question, history)
        return new_history, panel, answer, ""

    def ask(question: str) -> dict:
        return api_ask(ix, question)

    with gr.Blocks(title="whosaid", analytics_enabled=False) as app:
        gr.Markdown("# whosaid\nAsk who said what in the indexed documents; every answer cites its paragraphs.")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(label="whosaid", height=460, buttons=["copy"])
                question = gr.Textbox(
                    placeholder='Ask e.g. Who said "..."? / What did X say about Y?',
                    show_label=False, lines=1, max_lines=3, submit_btn=True, autofocus=True,
                )
                gr.Examples(examples=[[q] for q in EXAMPLES], inputs=[question], label="Examples")
            with gr.Column(scale=2):
                gr.Markdown("### Cited paragraphs")
                panel = gr.HTML(NO_CITATIONS)
                with gr.Accordion("Answer as JSON", open=False):
                    answer_json = gr.JSON(label="Answer")
        question.submit(
            respond, [question, chatbot], [chatbot, panel, answer_json, question],
            api_visibility="private", concurrency_limit=1, concurrency_id="whosaid-index",
        )
        # The named API endpoint: question string in, Answer.to_dict() out.
        gr.api(ask, api_name="ask", concurrency_limit=1, concurrency_id="whosaid-index")
    return app


def launch(index: Any = None, host: str = "127.0.0.1", port: int | None = None, share: bool = False,
           **launch_kwargs: Any) -> gr.Blocks:
    """Build the app and serve it (blocks unless `prevent_thread_lock=True` is passed).

    In Gradio 6 the CSS is a `launch()` argument, not a `Blocks` one.
    """
    app = build_app(index)
    app.launch(server_name=host, server_port=port, share=share, css=CSS, **launch_kwargs)
    return app
