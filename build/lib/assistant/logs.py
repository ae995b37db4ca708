"""Logging for the command line and the server: our own lines at the level asked for, other
libraries' start-up chatter (faiss's loader, httpx, gradio, uvicorn's "Started server
process"...) at WARNING unless the level is debug, so a normal start shows no lines that look
like errors."""

from __future__ import annotations

import logging

# Top-level logger names of the libraries we use; their children follow them.
THIRD_PARTY: tuple[str, ...] = (
    "faiss", "httpx", "httpcore", "gradio", "gradio_client", "uvicorn.error", "urllib3",
    "asyncio", "multipart", "python_multipart", "sentence_transformers", "transformers",
    "torch", "onnxruntime", "huggingface_hub", "filelock", "fsspec", "matplotlib", "PIL",
    "watchfiles", "websockets", "tiktoken",
)


def level_of(name: str | int) -> int:
    """``"debug"`` / ``"INFO"`` / ``logging.WARNING`` -> the numeric level."""
    if isinstance(name, int):
        return name
    value = logging.getLevelName(name.upper())
    if not isinstance(value, int):
        raise ValueError(f"unknown log level {name!r}; choose debug, info, warning or error")
    return value


def quiet_third_party(level: str | int) -> None:
    """Other libraries' loggers at WARNING, or as they are when ``level`` is debug."""
    debug = level_of(level) <= logging.DEBUG
    for name in THIRD_PARTY:
        logging.getLogger(name).setLevel(logging.NOTSET if debug else logging.WARNING)
