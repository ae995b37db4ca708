"""A clone stands on its own: no file points at ../shared, and the repo keeps its own copies of
what the team keeps there (the answer contract, the dev questions, the scorer, the article).

Beside a team checkout (../shared present) each copy is also checked against its original,
so the copies cannot drift; without it, the same tests check the copies themselves.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.config import PROJECT_ROOT

SHARED = PROJECT_ROOT.parent / "shared"
ARTICLE = "corpus/new-treatment-for-osteoporosis.txt"
# The article as published; it never changes, so its copy is pinned by hash.
ARTICLE_SHA256 = "938f4350c25e4b48d46fb4d8d036f2a7e234c693d79a21d42a44f198076a6a05"


def contract_in_repo(text: str) -> str:
    """The team's CONTRACT.md with its ../shared paths made paths of this repository."""
    return (
        text.replace("the evaluation command and `../shared/qa/score.py` read answers",
                     "the evaluation command and the scorer (`python -m benchmarks.scoring`) "
                     "read answers")
        .replace("`../shared/qa/dev.jsonl`, one question a line:",
                 "`benchmarks/data/dev.jsonl`, one question a line:")
        .replace("`python ../shared/qa/score.py GOLD ANSWERS [SOURCES.json]`\nscores a run.",
                 "`python -m benchmarks.scoring GOLD ANSWERS [SOURCES.json]`\n(from the "
                 "repository's root) scores a run; `assistant eval [GOLD]` answers and scores "
                 "in one step.")
    )


COPIES: list[tuple[str, str, Callable[[str], str]]] = [
    ("docs/contract.md", "CONTRACT.md", contract_in_repo),
    ("benchmarks/data/dev.jsonl", "qa/dev.jsonl", str),
    ("tests/fixtures/score_reference.py", "qa/score.py", str),
    (ARTICLE, f"article/{Path(ARTICLE).name}", str),
]


@pytest.mark.parametrize(("ours", "theirs", "derive"), COPIES, ids=[c[0] for c in COPIES])
def test_the_repo_keeps_its_own_copy_of_each_team_file(ours, theirs, derive):
    text = (PROJECT_ROOT / ours).read_text(encoding="utf-8")
    assert text.strip()
    assert "../shared" not in text
    original = SHARED / theirs
    if original.is_file():
        assert text == derive(original.read_text(encoding="utf-8")), (
            f"{ours} differs from ../shared/{theirs}: copy it again")


def test_the_article_is_the_published_one():
    data = (PROJECT_ROOT / ARTICLE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == ARTICLE_SHA256


def _tracked_text_files() -> list[Path]:
    roots = [PROJECT_ROOT / "README.md", PROJECT_ROOT / "app.py", PROJECT_ROOT / "Makefile"]
    for folder, pattern in (("assistant", "*.py"), ("benchmarks", "*.py"), ("benchmarks", "*.md"),
                            ("docs", "*.md"), ("corpus", "*.md"), ("tests", "*.py")):
        roots += sorted((PROJECT_ROOT / folder).rglob(pattern))
    return [p for p in roots if p.name != Path(__file__).name and "fixtures" not in p.parts]


def test_nothing_in_the_repo_points_at_shared():
    """A user's clone has no ../shared beside it: no doc, help text or code may need it."""
    bad = [f"{p.relative_to(PROJECT_ROOT)}:{n}"
           for p in _tracked_text_files()
           for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), start=1)
           if re.search(r"\.\./shared|parent\s*/\s*\"shared\"|shared/(qa|CONTRACT)", line)]
    assert bad == []


def test_eval_with_no_argument_scores_the_repos_dev_set(monkeypatch):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    result = CliRunner().invoke(cli, ["eval", "--json"])
    assert result.exit_code == 0, result.output
    dev = PROJECT_ROOT / "benchmarks" / "data" / "dev.jsonl"
    questions = sum(1 for line in dev.read_text(encoding="utf-8").splitlines() if line.strip())
    assert f'"questions": {questions}' in result.output
