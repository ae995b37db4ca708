"""The chat in the browser: cited answers a reader can check in one click (Gradio Blocks).

``build_ui(assistant)`` returns the page; ``mount(app, assistant)`` mounts it on a FastAPI
app with the options that keep it offline (system fonts, no SSR, no footer links). What the
page shows is rendered, escaped, by ``assistant.ui_html``; its names are re-exported here.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import gradio as gr

from . import downloads, sheet
from .errors import AssistantError, InvalidQuestionError
from .library import ArticleInfo, Library
from .service import Assistant
from .text import printable
from .types import Source
from .ui_articles import add_article, article_choices, header_html
from .ui_html import (
    _SHOWN_CHARS,
    FAILED,
    OPINION,
    Turn,
    _e,
    answer_html,
    article_html,
    chat_messages,
    citation_html,
    error_html,
    quote_id,
    user_html,
)

__all__ = [
    "CSS", "DELETE_CACHE", "FAILED", "FILTERS", "MONO_FONTS", "OPINION", "SYSTEM_FONTS", "Turn",
    "answer_html", "article_html", "ask_turn", "build_ui", "chat_messages", "citation_html",
    "error_html", "kinds_for", "mount", "page_options", "quote_id", "sheet_files", "theme",
    "user_html",
]

log = logging.getLogger(__name__)

# What the reader ticks -> the source kinds searched.
FILTERS: Mapping[str, tuple[str, ...]] = {
    "The post": ("title", "caption", "post", "abstract"),
    "Reference": ("reference",),
    "Reader comments": ("comment",),
}
# Gradio serves a download from its own cache (GRADIO_TEMP_DIR, default <tmp>/gradio): it copies
# each sheet there when the handler returns and, unless told, never deletes the copy. Every
# 10 minutes, copies this page made that are over an hour old are deleted (all at shutdown).
DELETE_CACHE = (600, int(downloads.MAX_AGE))  # (frequency, age) in seconds

SYSTEM_FONTS = ("system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial",
                "sans-serif")
MONO_FONTS = ("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace")


# --- answering ----------------------------------------------------------------------------


def kinds_for(labels: Iterable[str] | None) -> tuple[str, ...] | None:
    """Ticked filter labels -> kinds; None (search everything) when all are ticked or no
    filter is given; an empty tuple when none is ticked."""
    if labels is None:
        return None
    chosen = [label for label in FILTERS if label in set(labels)]
    if len(chosen) == len(FILTERS):
        return None
    return tuple(kind for label in chosen for kind in FILTERS[label])


def ask_turn(
    assistant: Assistant, question: str, turns: Sequence[Turn], labels: Iterable[str] | None
) -> Turn:
    """Ask with the earlier answered questions as history; errors become friendly text.
    The turn keeps the question as typed, lone surrogates shown as U+FFFD (unsendable)."""
    question, typed = printable(question), question
    kinds = kinds_for(labels)
    # A refused question is kept only as far as the chat shows it: the session holds its
    # turns, and must not hold an over-long question (up to the 1 MB body limit) whole.
    refused = question[:_SHOWN_CHARS + 1]
    if kinds == ():
        return Turn(refused, error="Tick at least one source to search: the post, the "
                                   "reference or the reader comments.")
    history = [t.question for t in turns if t.answer]
    try:
        return Turn(question, answer=assistant.ask(typed, history=history, kinds=kinds))
    except InvalidQuestionError as exc:
        return Turn(refused, error=f"I can\u2019t take that question: {exc}.")
    except AssistantError as exc:
        log.warning("question not answered: %s", exc)
        return Turn(question, error=f"Sorry, I can\u2019t answer right now: {exc}")
    except Exception:
        log.exception("answering %r failed", question[:200])
        return Turn(question, error=FAILED)


def sheet_files(
    turns: Sequence[Turn], sources: Sequence[Source], directory: Path,
    article: ArticleInfo | None = None,
) -> tuple[str | None, str | None]:
    """The conversation as Markdown and CSV Q&A sheets (paths), or Nones if nothing answered.

    Each file is ``qa-sheet.md`` / ``qa-sheet.csv`` in a subfolder of ``directory`` named by
    its content hash, so sessions never overwrite each other's sheets; the folder is pruned
    on every write (``downloads.store``: the newest ``downloads.KEEP`` files, none older than
    ``downloads.MAX_AGE`` seconds).
    """
    answers = [t.answer for t in turns if t.answer]
    if not answers:
        return None, None
    md, csv = (downloads.store(directory, f"qa-sheet.{fmt}",
                               sheet.render(answers, fmt, sources, article))
               for fmt in ("md", "csv"))
    return str(md), str(csv)


# --- the page -----------------------------------------------------------------------------

# Clicking a citation scrolls the article to the quote and highlights it (no external script).
# When a new answer highlights sentences out of sight, the article panel scrolls to the first
# one by itself: the panel only (not the page, and not on a phone, where the panel does not
# scroll), and the keyboard focus stays in the question box.
_JS = """
if (!element.__qaFollow) {
  element.__qaFollow = true;
  new MutationObserver(() => {
    const mark = element.querySelector('mark.qa-cited');
    const box = document.getElementById('qa-article-box');
    if (!mark || !box || box.scrollHeight <= box.clientHeight) return;
    const b = box.getBoundingClientRect(), m = mark.getBoundingClientRect();
    if (m.top >= b.top && m.bottom <= b.bottom) return;
    box.scrollTo({top: box.scrollTop + m.top - b.top - box.clientHeight / 3, behavior: 'smooth'});
  }).observe(element, {childList: true, subtree: true});
}
if (!window.__qaCitations) {
  window.__qaCitations = true;
  document.addEventListener('click', (ev) => {
    const a = ev.target.closest && ev.target.closest('a[href^="#q-"]');
    if (!a) return;
    ev.preventDefault();
    ev.stopPropagation();
    const id = decodeURIComponent(a.getAttribute('href').slice(1));
    const m = /^q-(.+)-(\\d+)-(\\d+)$/.exec(id);
    const anchor = document.getElementById(id);
    if (!m || !anchor) return;
    document.querySelectorAll('.qa-focus').forEach((el) => el.classList.remove('qa-focus'));
    const src = document.getElementById('src-' + m[1]);
    (src ? src.querySelectorAll('[data-s]') : []).forEach((seg) => {
      if (+seg.dataset.s >= +m[2] && +seg.dataset.e <= +m[3]) seg.classList.add('qa-focus');
    });
    anchor.scrollIntoView({behavior: 'smooth', block: 'center'});
  }, true);
}
"""

_ARTICLE_CSS = """
.qa-article { line-height: 1.55; padding: 0 .25rem; }
.qa-panel-head { font-size: .8rem; text-transform: uppercase; letter-spacing: .05em;
  color: var(--body-text-color-subdued); margin: 0 0 .3rem; }
.qa-title { font-size: 1.35rem; margin: .2rem 0 .4rem; }
.qa-caption { color: var(--body-text-color-subdued); font-size: .9rem; }
.qa-src, .qa-caption, .qa-title { white-space: pre-wrap; }
.qa-h { font-size: 1.05rem; margin: 1rem 0 .3rem; }
.qa-note { font-size: .85rem; color: var(--body-text-color-subdued); font-style: italic; }
.qa-comment { border-left: 3px solid var(--border-color-primary); padding-left: .6rem;
  margin: .6rem 0; }
.qa-who { font-weight: 600; font-size: .9rem; margin: 0; }
mark.qa-cited { background: #fff1a8; color: #000; border-radius: 2px; }
.qa-focus { background: #ffcf40 !important; color: #000; outline: 2px solid #e0a100;
  border-radius: 2px; }
"""

# Page-wide styles for the chat, injected by the article component's head (works however
# the page is mounted). Gradio floats the "Conversation" label over the messages: it is put
# in the flow above them instead, so scrolled messages never run under it.
CSS = """
#qa-article-box { max-height: 80vh; overflow-y: auto; }
#qa-chat > .wrapper > label[data-testid="block-label"] { position: static; align-self: flex-start; }
#qa-chat .qa-read-as { font-size: .85rem; color: var(--body-text-color-subdued); margin: 0 0 .3rem; }
#qa-chat .qa-cites-head, #qa-chat .qa-closest-head { font-size: .85rem; font-weight: 600;
  margin: .5rem 0 .1rem; }
#qa-chat ul.qa-cites, #qa-chat ul.qa-closest { margin: 0; padding: 0; list-style: none;
  font-size: .9rem; }
#qa-chat ul.qa-closest li { margin: .25rem 0; }
#qa-chat .qa-opinion { font-size: .8rem; font-style: italic; color: #7a4f00; background: #fff4d6;
  border-radius: 4px; padding: 0 .3rem; }
#qa-chat .qa-abstain { border-left: 4px solid #c98b00; padding-left: .6rem; }
#qa-chat .qa-reason { margin: .2rem 0; }
#qa-chat .qa-error { color: #a3142a; margin: 0; }
#qa-chat .qa-quote { font-style: italic; }
#qa-chat a.qa-cite, #qa-chat a.qa-mark { text-decoration: underline; cursor: pointer; }
@media (max-width: 700px) { #qa-article-box { max-height: none; } }
"""


def theme() -> gr.themes.Base:
    """The default look with system fonts: the page loads no web font."""
    return gr.themes.Default(font=list(SYSTEM_FONTS), font_mono=list(MONO_FONTS))


def page_options() -> dict[str, Any]:
    """Options for ``gr.mount_gradio_app`` / ``launch`` that keep the page offline and tidy."""
    return {"theme": theme(), "ssr_mode": False, "footer_links": []}


def build_ui(assistant: Assistant, *, download_dir: Path | None = None,
             library: Library | None = None) -> gr.Blocks:
    """The chat page: article picker, conversation, filter, examples, downloads, the article
    and a panel to add an article. ``library`` holds the added articles (default: the one of
    ``assistant.settings``, with ``assistant`` as its bundled article).

    The Q&A sheets go to ``download_dir`` if given (pruned, never removed), else to this
    process's private folder (``downloads.process_folder()``, removed at exit).
    """
    library = library or Library(assistant.settings, bundled=assistant)
    bundled_id = library.bundled_id

    def pick(article_id: str | None) -> Assistant:
        return assistant if article_id in (None, "", bundled_id) else library.get(article_id)

    def respond(question: str, labels: list[str], turns: list[Turn],
                article_id: str | None = None):
        turns = list(turns or [])
        try:
            chosen = pick(article_id)
        except AssistantError as exc:
            turns.append(Turn(question, error=f"Sorry, that article is not available: {exc}"))
            return ("", *_outputs(turns, assistant))
        if (question or "").strip():
            turns.append(ask_turn(chosen, question, turns, labels))
        return ("", *_outputs(turns, chosen))

    def _outputs(turns: list[Turn], chosen: Assistant):
        sources = chosen.sources()
        try:
            folder = download_dir or downloads.process_folder()
            info = None if chosen.info.bundled else chosen.info
            md, csv = sheet_files(turns, sources, folder, info)
        except Exception:  # the chat goes on without downloads
            log.exception("writing the Q&A sheets failed")
            md = csv = None
        return (
            chat_messages(turns),
            article_html(sources, turns),
            turns,
            gr.DownloadButton(value=md, interactive=md is not None),
            gr.DownloadButton(value=csv, interactive=csv is not None),
        )

    def clear(article_id: str | None = None):
        try:
            chosen = pick(article_id)
        except AssistantError:
            chosen = assistant
        return ("", *_outputs([], chosen))

    def switch(article_id: str | None):
        """Another article: a fresh conversation, its text, its title and its examples."""
        try:
            chosen = pick(article_id)
        except AssistantError as exc:
            gr.Warning(f"That article is not available: {exc}")
            chosen = assistant
        examples = chosen.examples()
        return (*clear(chosen.info.id), header_html(chosen.info),
                gr.Dataset(samples=[[q] for q in examples], visible=bool(examples)))

    def refresh(article_id: str | None):
        ids = library.ids()
        value = article_id if article_id in ids else bundled_id
        return gr.Dropdown(choices=article_choices(library), value=value)

    def add(upload: str | None, pasted: str | None):
        message, new_id = add_article(library, upload, pasted)
        status = f'<p class="qa-add-status" role="status">{_e(message)}</p>'
        if new_id is None:
            return status, gr.File(), gr.Textbox(), gr.Dropdown()
        return (status, gr.File(value=None), gr.Textbox(value=""),
                gr.Dropdown(choices=article_choices(library), value=new_id))

    info = assistant.info
    examples = assistant.examples()
    with gr.Blocks(title=f"Ask the article: {info.title}", analytics_enabled=False,
                   delete_cache=DELETE_CACHE) as page:
        turns = gr.State([])
        header = gr.HTML(header_html(info), elem_id="qa-header")
        picker = gr.Dropdown(article_choices(library), value=bundled_id, label="Article",
                             elem_id="qa-article-picker", filterable=True,
                             info="The built-in article, or one you added")
        with gr.Row(equal_height=False):
            with gr.Column(scale=3, min_width=320):
                # No Markdown and no LaTeX: a question shows as typed ("$$x$$" is not math).
                chatbot = gr.Chatbot(
                    label="Conversation", height="52vh", render_markdown=False,
                    latex_delimiters=[], sanitize_html=True, feedback_options=None,
                    buttons=["copy"],
                    placeholder="Ask a question about the article below.",
                    elem_id="qa-chat",
                )
                question = gr.Textbox(
                    label="Your question", placeholder="e.g. Which cells break down bone?",
                    lines=1, max_lines=4, autofocus=True, elem_id="qa-question",
                )
                with gr.Row():
                    ask = gr.Button("Ask", variant="primary", elem_id="qa-ask")
                    start_over = gr.Button("Start over", elem_id="qa-clear")
                labels = gr.CheckboxGroup(
                    list(FILTERS), value=list(FILTERS), label="Search in", elem_id="qa-filter"
                )
                starters = gr.Dataset(components=[question], samples=[[q] for q in examples],
                                      label="Example questions", samples_per_page=6,
                                      visible=bool(examples), elem_id="qa-examples")
                with gr.Row():
                    md_button = gr.DownloadButton("Download Q&A (Markdown)", interactive=False,
                                                  elem_id="qa-download-md")
                    csv_button = gr.DownloadButton("Download Q&A (CSV)", interactive=False,
                                                   elem_id="qa-download-csv")
                with gr.Accordion("Add an article", open=False, elem_id="qa-add"):
                    upload = gr.File(label="A page saved from your browser (.html, .mhtml, "
                                           ".webarchive), an e-mail (.eml, .mbox), or a .txt / "
                                           ".md file (at most 5 MB)",
                                     file_types=[".html", ".htm", ".mhtml", ".mht",
                                                 ".webarchive", ".eml", ".mbox", ".txt",
                                                 ".md", ".srt", ".vtt"],
                                     type="filepath", elem_id="qa-add-file")
                    pasted = gr.Textbox(label="\u2026or paste the article\u2019s text (title on "
                                              "the first line)", lines=5, max_lines=12,
                                        elem_id="qa-add-text")
                    add_button = gr.Button("Add the article", elem_id="qa-add-button")
                    add_status = gr.HTML("", elem_id="qa-add-status")
            with gr.Column(scale=2, min_width=300, elem_id="qa-article-box"):
                article = gr.HTML(
                    article_html(assistant.sources()), label="The article", elem_id="qa-article",
                    js_on_load=_JS, css_template=_ARTICLE_CSS, head=f"<style>{CSS}</style>",
                )
        outputs = [question, chatbot, article, turns, md_button, csv_button]
        for event in (question.submit, ask.click):
            event(respond, [question, labels, turns, picker], outputs, show_progress="minimal",
                  api_visibility="private")
        start_over.click(clear, [picker], outputs, api_visibility="private")
        chatbot.clear(clear, [picker], outputs, api_visibility="private")
        # Clicking an example puts it in the box and asks it.
        starters.click(lambda row: row[0] if row else "", [starters], [question],
                       api_visibility="private").then(
            respond, [question, labels, turns, picker], outputs, show_progress="minimal",
            api_visibility="private")
        picker.change(switch, [picker], [*outputs, header, starters], api_visibility="private")
        add_button.click(add, [upload, pasted], [add_status, upload, pasted, picker],
                         show_progress="full", api_visibility="private")
        page.load(refresh, [picker], [picker], api_visibility="private")
    return page


def mount(app: Any, assistant: Assistant, path: str = "/") -> Any:
    """Mount the chat page on a FastAPI ``app`` at ``path`` with the offline page options."""
    return gr.mount_gradio_app(app, build_ui(assistant), path=path, **page_options())
