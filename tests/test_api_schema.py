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
              "POST /api/search", "POST /api/answer", "POST /api/answer/batch"]


# Negative (schema-violating) input only exists for the routes that take a body.
CASES = [(label, GenerationMode.POSITIVE) for label in OPERATIONS] + [
    (label, GenerationMode.NEGATIVE) for label in OPERATIONS if label.startswith("POST")]


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
