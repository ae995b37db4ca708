"""Every shell command in README.md's code blocks runs as a reader would type it.

Commands are found, not listed: a ```console block's ``$ `` lines (with the output shown under
them), and the lines of indented or ```sh / ```bash / ```shell / ```console blocks that start
with a command name (``assistant``, ``curl``, ``python``, ``make``...). A command someone adds
to the README later is picked up and run. Each runs in a scratch folder holding the files the
README's examples name, with ``assistant`` on PATH and every path (index, library) in that
folder; its exit code must be 0, every output line the README shows under it must appear,
and a file it writes must not be empty. The few commands that cannot run here are listed in
``NOT_RUN`` with the reason; a README command that is neither run nor listed fails the test.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from assistant.config import PROJECT_ROOT

README = PROJECT_ROOT / "README.md"
COMMAND_WORDS = ("assistant", "curl", "python", "python3", "make", "source", "pip", "git",
                 ".venv/bin/")
# Commands that are not run here, and why (matched on the start of the command).
NOT_RUN: dict[str, str] = {
    "make ": "installs into .venv and serves or runs the whole suite: CI runs `make test` itself",
    "python app.py": "serves until stopped: the e2e tests start it (tests/e2e, benchmarks/server.py)",
    "source .venv/bin/activate": "changes the reader's shell: here .venv/bin is put on PATH",
}
# The server address the README's curl lines use; the test points them at its own server.
README_SERVER = "localhost:7860"
QUESTIONS = ["What is osteoporosis?", "Which cells break down bone?",
             "Who won the 2014 FIFA World Cup?"]


@dataclass
class Command:
    line: int  # where it starts in README.md
    text: str  # as typed (continuation lines joined)
    shown: list[str] = field(default_factory=list)  # the output the README shows under it

    @property
    def id(self) -> str:
        return f"README:{self.line}: {self.text[:60]}"

    def not_run_because(self) -> str | None:
        return next((why for start, why in NOT_RUN.items() if self.text.startswith(start)), None)


def readme_commands(text: str) -> list[Command]:
    """The shell commands of the README's code blocks, in reading order."""
    commands: list[Command] = []
    lines = text.splitlines()
    fence: str | None = None  # the language of the fenced block we are in
    previous_blank = True
    in_indented = False
    pending: Command | None = None  # a command whose line ends with "\"
    shows: Command | None = None  # the console command whose output lines follow
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if stripped.startswith("```"):
            fence = None if fence is not None else (stripped[3:].strip() or "text")
            pending = shows = None
            continue
        if pending is not None:
            pending.text += " " + stripped.rstrip("\\").strip()
            if not stripped.endswith("\\"):
                pending = None
            continue
        in_indented = (fence is None and line.startswith("    ") and
                       (previous_blank or in_indented))
        previous_blank = not stripped
        if fence == "console" and stripped.startswith("$ "):
            command = shows = Command(number, stripped[2:].rstrip("\\").strip())
        elif (fence in ("console", "sh", "bash", "shell") or in_indented) and \
                stripped.startswith(COMMAND_WORDS) and not stripped.startswith("$"):
            command = Command(number, stripped.rstrip("\\").strip())
        else:
            if shows is not None and stripped:
                shows.shown.append(stripped)
            continue
        commands.append(command)
        if stripped.endswith("\\"):
            pending = command
    return commands


COMMANDS = readme_commands(README.read_text(encoding="utf-8"))
RUN = [c for c in COMMANDS if not c.not_run_because() and not c.text.startswith("curl ")]
CURL = [c for c in COMMANDS if c.text.startswith("curl ")]


def test_the_readme_has_commands_and_each_is_run_or_says_why_not():
    assert len(RUN) >= 10 and len(CURL) >= 5
    for command in COMMANDS:
        assert command in RUN or command in CURL or command.not_run_because(), command.id


def test_the_parser_finds_console_indented_and_continued_commands():
    text = "\n".join([
        "Intro", "", "```console", "$ assistant ask \"Q\"", "Answer [1]", "",
        "[1] Post", "$ assistant sources   # all", "```", "", "    assistant sheet q.txt -o s.md",
        "    curl -s -X POST x \\", "         -d '{}'", "", "```python", "    python x.py", "```",
        "```json", "{\"question\": 1}", "```",
    ])
    found = readme_commands(text)
    assert [c.text for c in found] == [
        'assistant ask "Q"', "assistant sources   # all", "assistant sheet q.txt -o s.md",
        "curl -s -X POST x -d '{}'"]
    assert found[0].shown == ["Answer [1]", "[1] Post"]


def _scratch(tmp: Path) -> dict[str, str]:
    """The files the README's examples name, and the environment a reader would have."""
    for name in ("benchmarks", "corpus", "docs"):
        (tmp / name).symlink_to(PROJECT_ROOT / name)
    (tmp / "questions.txt").write_text("\n".join(QUESTIONS) + "\n", encoding="utf-8")
    (tmp / "questions.jsonl").write_text(
        "".join(json.dumps({"question": q}) + "\n" for q in QUESTIONS), encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
            "ASSISTANT_INDEX_DIR": str(tmp / "index"),
            "ASSISTANT_LIBRARY_DIR": str(tmp / "library"),
            "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "NO_COLOR": "1"}


def _written(command: str) -> list[str]:
    """Files the command writes: ``> FILE``, ``-o FILE``, ``--student FILE``."""
    words = shlex.split(command, comments=True)
    out = [w for prev, w in zip(words, words[1:], strict=False)
           if prev in (">", "-o", "--output", "--student") and w != "-"]
    return out + [w[1:] for w in words if w.startswith(">") and len(w) > 1]


def _run(command: Command, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    text = command.text.replace(".venv/bin/", str(Path(sys.executable).parent) + "/")
    return subprocess.run(["bash", "-c", text], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


@dataclass
class Runs:
    cwd: Path
    results: dict[int, subprocess.CompletedProcess[str]]


@pytest.fixture(scope="module")
def cli_runs(tmp_path_factory: pytest.TempPathFactory) -> Runs:
    """Every runnable README command, run once in README order in one scratch folder."""
    tmp = tmp_path_factory.mktemp("readme")
    env = _scratch(tmp)
    return Runs(tmp, {c.line: _run(c, tmp, env) for c in RUN})


@pytest.mark.integration
@pytest.mark.parametrize("command", RUN, ids=[c.id for c in RUN])
def test_readme_command_runs_and_shows_what_the_readme_shows(cli_runs: Runs, command: Command):
    result = cli_runs.results[command.line]
    assert result.returncode == 0, f"{command.text}\n{result.stdout[-1500:]}\n{result.stderr[-1500:]}"
    assert "Traceback" not in result.stderr
    got = [line.strip() for line in result.stdout.splitlines()]
    for line in command.shown:
        assert line in got, f"README shows {line!r} under `{command.text}`; got:\n{result.stdout}"
    written = _written(command.text)
    for name in written:
        path = cli_runs.cwd / name
        assert path.is_file() and path.stat().st_size > 0, name
    if not written:
        assert result.stdout.strip(), command.text


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from benchmarks.server import app_server

    work = tmp_path_factory.mktemp("readme-server")
    env = {"ASSISTANT_INDEX_DIR": str(work / "index"), "ASSISTANT_EMBEDDER": "hash",
           "ASSISTANT_LIBRARY_DIR": str(work / "library")}
    with app_server(work / "app.log", env=env, timeout=240) as app:
        yield app.url


@pytest.mark.e2e
@pytest.mark.parametrize("command", CURL, ids=[c.id for c in CURL])
def test_readme_curl_command_gets_a_json_200(server, command: Command, tmp_path: Path):
    """200, or 201 for an article added (POST /api/articles), with a JSON body."""
    host = server.removeprefix("http://")
    assert README_SERVER in command.text
    text = command.text.replace(README_SERVER, host)
    text = re.sub(r"^curl ", "curl -w '\\n%{http_code}' ", text)
    result = subprocess.run(["bash", "-c", text], cwd=tmp_path, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.returncode == 0, result.stderr
    body, _, status = result.stdout.rpartition("\n")
    assert status == "200" or status == "201" and "/api/articles" in text, result.stdout[-1000:]
    assert "detail" not in json.loads(body)
