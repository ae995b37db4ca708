"""Schemathesis against the app's own /openapi.json: no input gives a 500, and every response
matches its documented status, content type and schema. Bounded: well under 60 s."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from assistant.api import create_app

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance]
OPERATIONS = ["GET /api/health", "GET /api/sources", "GET /api/sources/{source_id}",
              "POST /api/search", "POST /api/answer", "POST /api/answer/batch",
              "GET /api/articles", "GET /api/articles/{article_id}", "POST /api/articles",
              "DELETE /api/articles/{article_id}"]


# Negative (schema-violating) input only exists for the routes that take a body.
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS
    if label.startswith("POST") and label != "POST /api/articles"]


@pytest.mark.parametrize(("label", "mode"), CASES,
                         ids=[f"{label}-{mode.value}" for label, mode in CASES])
def test_api_conforms_to_its_openapi_and_never_500s(assistant, label, mode):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(assistant))
    operations = {op.label: op for op in (r.ok() for r in schema.get_all_operations())}
    assert set(operations) == set(OPERATIONS)

    @given(case=operations[label].as_strategy(generation_mode=mode))
    @settings(max_examples=20, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(checks=CHECKS)

    check()


def test_every_source_and_real_answers_conform_to_the_documented_responses(assistant):
    """Generated ids are all unknown (404): check each real id's 200, and the answer routes
    with real questions (answered, abstained, follow-up, bad batch items), against the schema,
    which lists exactly the fields returned (additionalProperties false)."""
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(assistant))
    operations = {op.label: op for op in (r.ok() for r in schema.get_all_operations())}
    cases = [operations["GET /api/sources/{source_id}"].Case(path_parameters={"source_id": s.id})
             for s in assistant.sources()]
    bodies = [
        {"question": "Which cells break down bone?"},
        {"question": "Who won the 2014 FIFA World Cup?"},
        {"question": "Which university is she at?", "history": ["Who led the review?"]},
    ]
    cases += [operations["POST /api/answer"].Case(body=b, media_type="application/json")
              for b in bodies]
    cases.append(operations["POST /api/answer/batch"].Case(
        body={"questions": [b["question"] for b in bodies] + [5, {"question": ""}]},
        media_type="application/json"))
    cases.append(operations["POST /api/search"].Case(body={"query": "oxytocin bone", "k": 3},
                                                     media_type="application/json"))
    for case in cases:
        response = case.call()
        assert response.status_code == 200, response.text
        case.validate_response(response, checks=CHECKS)
