"""The HTTP API keeps the README's promises: real examples, one set of validation messages
for every front end, a bad batch item answered in place, and a schema that is exactly what
the routes return."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

from assistant.api import create_app
from assistant.cli import cli
from assistant.errors import InvalidQuestionError

POSTS = ("/api/answer", "/api/search", "/api/answer/batch")


@pytest.fixture
def client(assistant):
    with TestClient(create_app(assistant)) as c:
        yield c


@pytest.fixture
def schema(client):
    return client.get("/openapi.json").json()


def _examples(schema, path: str) -> list[dict]:
    content = schema["paths"][path]["post"]["requestBody"]["content"]["application/json"]
    return [e["value"] for e in content["examples"].values()]


@pytest.mark.parametrize("path", POSTS)
def test_every_request_example_is_real_and_accepted(client, schema, path):
    examples = _examples(schema, path)
    assert examples
    for body in examples:
        assert "string" not in str(body)  # no placeholder Swagger would send as it is
        r = client.post(path, json=body)
        assert r.status_code == 200, (body, r.text)


def test_swaggers_default_answer_body_gets_a_real_answer(client, schema):
    first = _examples(schema, "/api/answer")[0]
    body = client.post("/api/answer", json=first).json()
    assert body["abstained"] is False and body["quotes"]


@pytest.mark.parametrize("model", ["AnswerRequest", "SearchRequest", "BatchRequest"])
def test_every_request_model_carries_examples_in_the_schema(schema, model):
    assert schema["components"]["schemas"][model]["examples"]


@pytest.mark.parametrize("question", ["", "   ", "\n\t", "a" * 1001, "bone\x00", 5, None])
def test_the_same_mistake_gets_the_same_message_over_http_cli_and_python(
        client, assistant, monkeypatch, settings, question):
    try:
        assistant.ask(question)  # type: ignore[arg-type]
    except InvalidQuestionError as exc:
        python = str(exc)
    r = client.post("/api/answer", json={"question": question})
    assert r.status_code == 422
    assert r.json()["detail"] == python
    batch = client.post("/api/answer/batch", json={"questions": [{"question": question}]})
    assert batch.json()["answers"][0]["error"] == python
    if isinstance(question, str) and "\x00" not in question:
        monkeypatch.setenv("ASSISTANT_EMBEDDER", "hash")
        monkeypatch.setenv("ASSISTANT_CORPUS_DIR", str(settings.corpus_dir))
        monkeypatch.setenv("ASSISTANT_INDEX_DIR", str(settings.index_dir))
        out = CliRunner().invoke(cli, ["ask", question]).output
        assert out.strip() == f"Error: {python}"


def test_search_query_and_kinds_use_the_same_checks(client, assistant):
    empty = client.post("/api/search", json={"query": " "}).json()["detail"]
    assert empty == "the question is empty: type a question about the article"
    kinds = client.post("/api/answer", json={"question": "q", "kinds": ["blog"]}).json()
    with pytest.raises(ValueError) as exc:
        assistant.ask("q", kinds=["blog"])
    assert kinds["detail"] == str(exc.value)
    k = client.post("/api/search", json={"query": "bone", "k": 51}).json()["detail"]
    assert k == "k must be a whole number from 1 to 50, got 51"


BAD_ITEMS = [
    (5, None, "got a number"),
    (None, None, "got null"),
    (["What is osteoporosis?"], None, "got a list"),
    ({"question": 5}, None, "must be text, got int"),
    ({"question": ""}, "", "the question is empty"),
    ({"question": "What about men?", "history": "not a list"}, "What about men?", "history"),
    ({"question": "Why?", "kinds": ["blog"]}, "Why?", "unknown source kind 'blog'"),
    ({"history": []}, None, "question"),
]


@pytest.mark.parametrize(("item", "question", "words"), BAD_ITEMS,
                         ids=[repr(i[0])[:30] for i in BAD_ITEMS])
def test_a_bad_batch_item_gets_question_and_error_in_its_place(client, item, question, words):
    r = client.post("/api/answer/batch",
                    json={"questions": ["Which cells break down bone?", item, "What is osteoporosis?"]})
    assert r.status_code == 200, r.text
    first, bad, last = r.json()["answers"]
    assert "answer" in first and "answer" in last
    assert set(bad) == {"question", "error"}
    assert bad["question"] == question and words in bad["error"]


def test_every_error_response_is_documented_as_a_detail_string(schema):
    for path, ops in schema["paths"].items():
        for op in ops.values():
            for status, response in op["responses"].items():
                if status.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorOut"), (path, status)
    assert "HTTPValidationError" not in schema["components"]["schemas"]


def test_response_schemas_list_exactly_the_fields_returned(client, schema):
    models = schema["components"]["schemas"]
    for name in ("Health", "AnswerOut", "QuoteOut", "SourceRef", "SourceOut", "HitOut",
                 "SearchResponse", "BatchResponse", "BatchItemError", "ErrorOut"):
        assert models[name].get("additionalProperties") is False, name
    assert set(client.get("/api/health").json()) == set(models["Health"]["properties"])
    assert "reason" in models["AnswerOut"]["properties"]
    abstained = client.post("/api/answer", json={"question": "How tall is Mount Everest?"})
    assert abstained.json()["reason"]
    assert set(abstained.json()) <= set(models["AnswerOut"]["properties"])


def test_sources_show_what_python_gives_low_content_included(client, assistant):
    listed = client.get("/api/sources").json()["sources"]
    assert listed == [s.to_dict() for s in assistant.sources()]
    assert any(s.get("low_content") for s in listed)


@pytest.mark.integration
def test_with_the_real_model_every_example_is_answered(real_assistant):
    with TestClient(create_app(real_assistant)) as c:
        schema = c.get("/openapi.json").json()
        for body in _examples(schema, "/api/answer"):
            got = c.post("/api/answer", json=body).json()
            assert got["abstained"] is False, (body, got["answer"])
        for body in _examples(schema, "/api/answer/batch"):
            answers = c.post("/api/answer/batch", json=body).json()["answers"]
            assert all(a.get("abstained") is False for a in answers), answers
