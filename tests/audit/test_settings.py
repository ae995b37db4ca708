"""Settings (finding 9): a bad ``ASSISTANT_*`` value is one clear line naming the variable and
what it accepts, from the Python API, every CLI command and the app, never a traceback.

Every variable is read once, by ``Settings.from_env``; settings made in code are checked too.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from assistant.cli import cli
from assistant.config import Settings
from assistant.errors import SettingsError

AREA = "Settings"

BAD = {
    "threads-not-a-number": ("ASSISTANT_THREADS", "abc", "a whole number from 1 to 256"),
    "threads-zero": ("ASSISTANT_THREADS", "0", "a whole number from 1 to 256"),
    "question-limit-not-a-number": ("ASSISTANT_MAX_QUESTION_CHARS", "abc",
                                    "a whole number from 1 to 100,000"),
    "question-limit-negative": ("ASSISTANT_MAX_QUESTION_CHARS", "-5",
                                "a whole number from 1 to 100,000"),
    "chunk-tokens-zero": ("ASSISTANT_CHUNK_TOKENS", "0", "a whole number from 8 to 512"),
    "chunk-tokens-float": ("ASSISTANT_CHUNK_TOKENS", "96.5", "a whole number from 8 to 512"),
    "quantize-unknown": ("ASSISTANT_QUANTIZE", "maybe", "1/true/yes/on or 0/false/no/off"),
    "backend-unknown": ("ASSISTANT_BACKEND", "tensorflow", "'onnx' or 'torch'"),
    "embedder-unknown": ("ASSISTANT_EMBEDDER", "bert", "'minilm' or 'hash'"),
}


@pytest.mark.parametrize("var, value, accepts", BAD.values(), ids=BAD.keys())
def test_a_bad_variable_is_named_with_what_it_accepts(monkeypatch, var, value, accepts):
    monkeypatch.setenv(var, value)
    with pytest.raises(SettingsError) as err:
        Settings.from_env()
    assert str(err.value) == f"{var}={value!r} is not valid: it accepts {accepts}"


@pytest.mark.parametrize("command", [["ask", "What is osteoporosis?"], ["ask", "--jsonl"],
                                     ["sources"], ["index", "build"], ["index", "check"],
                                     ["sheet", "--examples"]], ids=" ".join)
@pytest.mark.parametrize("var, value, accepts", [BAD["threads-not-a-number"],
                                                 BAD["question-limit-not-a-number"],
                                                 BAD["chunk-tokens-zero"]],
                         ids=["threads", "question-limit", "chunk-tokens"])
def test_every_command_reports_a_bad_variable_in_one_line(monkeypatch, command, var, value,
                                                          accepts):
    monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
    monkeypatch.setenv(var, value)
    r = CliRunner().invoke(cli, command, input=b"", catch_exceptions=False)
    assert r.exit_code == 1, r.output
    assert r.output.strip() == f"Error: {var}={value!r} is not valid: it accepts {accepts}"


def test_the_app_reports_a_bad_variable_and_exits_1(monkeypatch, capsys):
    import app

    monkeypatch.setenv("ASSISTANT_THREADS", "abc")
    assert app.main(["--port", "1"]) == 1
    assert capsys.readouterr().err.strip() == (
        "error: ASSISTANT_THREADS='abc' is not valid: it accepts a whole number from 1 to 256")


def test_settings_made_in_code_are_checked_too():
    with pytest.raises(SettingsError, match=r"Settings\(chunk_tokens=0\) is not valid: "
                                            "chunk_tokens accepts a whole number from 8 to 512"):
        Settings(chunk_tokens=0)
