"""Serve the assistant: the HTTP API under /api and the Gradio chat at /, on one app.

    python app.py --host 127.0.0.1 --port 7860
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant import Assistant

log = logging.getLogger("app")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to bind (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=7860, help="port (default 7860)")
    parser.add_argument("--log-level", default="info",
                        choices=["critical", "error", "warning", "info", "debug"],
                        help="our log lines at this level (default info); other libraries' "
                             "(faiss, gradio, uvicorn, httpx) show only warnings unless debug")
    parser.add_argument("--cors-origin", action="append", default=[], metavar="ORIGIN",
                        help="allow browser calls from this origin (repeatable; off by default)")
    parser.add_argument("--access-log", action="store_true", help="log every request")
    parser.add_argument("--threads", type=int, default=None, metavar="N",
                        help="CPU threads for the model, numpy and faiss (default: "
                             "ASSISTANT_THREADS, else 1; on 2 shared cores more threads contend)")
    parser.add_argument("--workers", type=int, default=2, choices=range(1, 5), metavar="N",
                        help="threads answering questions (default 2, max 4): the model call "
                             "releases the GIL, so two use both cores of a 2-core machine")
    parser.add_argument("--allow-fetch", action="store_true",
                        help="let POST /api/articles fetch a link ({\"url\": ...}); off by "
                             "default: a server that fetches any link can be turned against "
                             "the network it sits in")
    parser.add_argument("--allow-delete", action="store_true",
                        help="allow DELETE /api/articles/{id} (off by default)")
    return parser.parse_args(argv)


def build_app(assistant: Assistant, *, host: str = "127.0.0.1", port: int = 7860,
              cors_origins: Sequence[str] = (), workers: int = 2, allow_fetch: bool = False,
              allow_delete: bool = False) -> FastAPI:
    """The API app with the Gradio UI mounted at "/"; both serve one article library.

    The whole app sits behind the guards of ``assistant.app_guards``: every body bounded
    (``BodyLimit``) and the chat's routes refusing what Gradio would answer with a 500
    (``ChatGuard``)."""
    import inspect

    import gradio as gr

    from assistant import ui
    from assistant.api import create_app
    from assistant.app_guards import CHAT_UPLOAD_BYTES, BodyLimit, ChatGuard
    from assistant.library import Library

    library = Library(assistant.settings, bundled=assistant)
    app = create_app(assistant, cors_origins=cors_origins, workers=workers, library=library,
                     allow_fetch=allow_fetch, allow_delete=allow_delete)
    params = inspect.signature(gr.mount_gradio_app).parameters
    options: dict[str, Any] = {"server_name": host, "server_port": port, "ssr_mode": False,
                               "mcp_server": False, "max_file_size": CHAT_UPLOAD_BYTES,
                               **ui.page_options()}
    options = {k: v for k, v in options.items() if k in params}
    page = ui.build_ui(assistant, library=library)
    app = gr.mount_gradio_app(app, page, path="/", **options)
    app.add_middleware(ChatGuard, queued_handlers=[i for i, fn in page.fns.items() if fn.queue])
    app.add_middleware(BodyLimit)  # outermost: before anything reads a body
    return app


def _interrupted(*_: object) -> None:
    """Ctrl-C while starting up: nothing is being served and every file is written whole or
    not at all (temp files are swept on the next start), so stop at once. Exiting here
    rather than raising KeyboardInterrupt means no library can swallow it mid-import."""
    print("interrupted", file=sys.stderr, flush=True)
    os._exit(130)


def main(argv: Sequence[str] | None = None) -> int:
    """Serve until SIGTERM or Ctrl-C; Ctrl-C while starting up is a quiet exit 130 (uvicorn
    takes SIGINT over once it serves)."""
    signal.signal(signal.SIGINT, _interrupted)
    try:
        return _serve(parse_args(argv))
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def _serve(args: argparse.Namespace) -> int:
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    logging.basicConfig(level=args.log_level.upper(),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from assistant.logs import quiet_third_party

    quiet_third_party(args.log_level)
    if args.access_log:
        logging.getLogger("uvicorn.access").setLevel(logging.INFO)

    from assistant import Assistant, AssistantError, Settings, downloads
    from assistant.http_server import serve

    downloads.sweep_leftovers()  # sheets of servers that are gone
    overrides = {"threads": args.threads} if args.threads else {}
    try:
        assistant = Assistant.load(Settings.from_env(**overrides))
        assistant.warm_up()
        app = build_app(assistant, host=args.host, port=args.port,
                        cors_origins=args.cors_origin, workers=args.workers,
                        allow_fetch=args.allow_fetch, allow_delete=args.allow_delete)
    except AssistantError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    # Serving: uvicorn's own Ctrl-C handling (a graceful stop, exit 0) from here on.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    log.info("serving on http://%s:%d (API docs at /docs)", args.host, args.port)
    # Uvicorn's lines go through the logging set up above (log_config=None), at the levels
    # set there (log_level=None): its start-up chatter only with --log-level debug.
    serve(app, host=args.host, port=args.port, access_log=args.access_log,
          on_stop=downloads.remove_process_folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
