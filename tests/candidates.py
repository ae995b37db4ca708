"""Candidates for the answerer's checks, on a made-up post: one paragraph each."""

from __future__ import annotations

import numpy as np

from assistant.answering import Candidate
from assistant.types import Source, Span


def post_candidates(*passages: str | tuple[str, float]) -> list[Candidate]:
    """A candidate for each passage, in order: a text (probability 0.5) or a (text, probability)
    pair, each the whole of its own paragraph of a post."""
    out = []
    for i, passage in enumerate(passages):
        text, prob = (passage, 0.5) if isinstance(passage, str) else passage
        src = Source(f"post-{i}", "post", f"Post, paragraph {i}", text)
        out.append(Candidate(i, Span(src.id, 0, len(text), text), src, prob, np.zeros(3)))
    return out
