"""The command line as the contract fixes it, on the fake embedder."""

import json

import pytest


@pytest.fixture
def run(cli_run):
    return cli_run


def test_ask_plain_shows_answer_and_citations(run):
    r = run("ask", "Which bone cells have oxytocin receptors?")
    assert r.exit_code == 0
    assert "[1]" in r.output and "Post, paragraph 3" in r.output


def test_ask_json_is_the_contract_shape(run):
    r = run("ask", "--json", "Which university is she at?", "--history", "Who led the review?")
    d = json.loads(r.output)
    assert set(d) >= {"question", "answer", "abstained", "quotes", "closest"}
    assert d["question"] == "Which university is she at?"


def test_ask_plain_says_why_the_article_does_not_answer(run):
    r = run("ask", "How tall is Mount Everest?")
    assert r.exit_code == 0
    lines = r.output.splitlines()
    assert lines[0].startswith("The article does not say.")
    assert lines[1].startswith("Why: the ") and lines[1].endswith(".")
    assert "Closest passages:" in r.output


def test_ask_json_has_the_reason_of_an_abstention(run):
    d = json.loads(run("ask", "--json", "How tall is Mount Everest?").output)
    assert d["abstained"] is True
    assert d["reason"].startswith("the ")  # plain words, e.g. the article never mentions "Mount Everest"


def test_ask_empty_question_is_a_clear_error(run):
    r = run("ask", "   ")
    assert r.exit_code == 1
    assert "Error: the question is empty" in r.output
    assert "Traceback" not in r.output


def test_jsonl_answers_every_good_line_and_reports_bad_ones(run):
    lines = [
        json.dumps({"question": "What is osteoporosis?", "id": "x"}),
        "{not json",
        json.dumps({"question": "   "}),
        json.dumps({"question": "y" * 1001}),
        "",
        json.dumps({"question": "Which university is she at?", "history": ["Who led the review?"]}),
        json.dumps(["a list"]),
    ]
    data = ("\n".join(lines) + "\n").encode() + b'{"question": "\xff\xfe"}\n'
    r = run("ask", "--jsonl", input=data)
    assert r.exit_code == 1
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert len(out) == 7
    assert out[0]["question"] == "What is osteoporosis?" and "answer" in out[0]
    assert "not valid JSON" in out[1]["error"] and "line 2" in out[1]["error"]
    assert "empty" in out[2]["error"]
    assert "1,001 characters" in out[3]["error"]
    assert out[4]["question"] == "Which university is she at?" and "answer" in out[4]
    assert "expected an object" in out[5]["error"]
    assert "not valid UTF-8" in out[6]["error"]


def test_jsonl_all_good_exits_zero(run):
    r = run("ask", "--jsonl", input=b'{"question": "What is osteoporosis?"}\n')
    assert r.exit_code == 0 and len(r.stdout.splitlines()) == 1


def test_sources_json_lists_every_source_with_text(run):
    d = json.loads(run("sources", "--json").output)
    ids = [s["id"] for s in d["sources"]]
    assert ids[0] == "title" and "comment-4" in ids
    assert all(set(s) >= {"id", "kind", "label", "author", "date", "text"} for s in d["sources"])
    assert [s["id"] for s in d["sources"] if s.get("low_content")] == ["comment-3"]


def test_index_build_then_check(run, settings):
    assert run("index", "build").exit_code == 0
    r = run("index", "check")
    assert r.exit_code == 0 and r.output.startswith("ok:")
    (settings.index_dir / "chunks.faiss").write_bytes(b"broken")
    r = run("index", "check")
    assert r.exit_code == 1 and "chunks.faiss is corrupt" in r.output


def test_index_check_notices_a_stale_index(run, settings):
    run("index", "build")
    art = settings.article_path
    art.write_text(art.read_text().replace("very weak", "quite weak"))
    r = run("index", "check")
    assert r.exit_code == 1 and "stale" in r.output


def test_broken_article_names_file_and_line(run, settings):
    settings.article_path.write_text("\n\nOnly a title\n")
    r = run("ask", "What is osteoporosis?")
    assert r.exit_code == 1 and "line 3: no paragraphs" in r.output


def test_eval_prints_the_metrics(run, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        json.dumps({"id": "a", "question": "What is osteoporosis?", "answerable": True,
                    "evidence": ["process of building new bone"], "source": "post"}) + "\n"
        + json.dumps({"id": "b", "question": "Who won the 2014 FIFA World Cup?",
                      "answerable": False}) + "\n")
    r = run("eval", "--json", str(gold))
    m = json.loads(r.output)
    assert m["questions"] == 2 and m["verbatim_violations"] == 0
    table = run("eval", str(gold)).output
    assert "answer_hit" in table and "abstain_on_unanswerable" in table


def test_ask_a_surrogate_from_undecodable_arguments_is_a_clear_error(run):
    r = run("ask", "caf\udce9?")  # what Python makes of the bytes b"caf\xe9?" in argv
    assert r.exit_code == 1 and "Error: the question contains a control character" in r.output
