"""``benchmarks.server.app_server``, the start-up helper of the load test and the e2e tests.

Starting for real is covered by tests/e2e (and the load test); here, a start that fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.server import app_server, free_port


@pytest.mark.parametrize("error", [RuntimeError, SystemExit])
def test_a_failed_start_raises_the_callers_error_with_the_log_tail(tmp_path: Path, error):
    log = tmp_path / "app.log"
    with pytest.raises(error) as caught, app_server(log, args=["--workers", "9"], timeout=60,
                                                    error=error):
        pytest.fail("the server should not have started")
    message = str(caught.value)
    assert message.startswith("app.py did not start (exit 2):")
    assert "--workers" in message and "invalid choice" in message  # argparse's error, from the log


def test_free_port_is_a_port():
    assert 0 < free_port() < 65536
