"""`checkin serve`: uvicorn with the app factory, and a worker health check a busy machine passes."""

import inspect

import uvicorn
from click.testing import CliRunner

from app import cli


def test_serve_runs_uvicorn_with_a_patient_worker_health_check(monkeypatch):
    calls = []
    monkeypatch.setattr(cli.uvicorn, "run", lambda *args, **kwargs: calls.append((args, kwargs)))
    result = CliRunner().invoke(cli.main, ["serve", "--workers", "2"])
    assert result.exit_code == 0, result.output
    ((args, kwargs),) = calls
    assert args == ("app.main:create_app",)
    assert kwargs["factory"] and kwargs["workers"] == 2 and kwargs["proxy_headers"]
    assert kwargs["timeout_worker_healthcheck"] == 60
    assert "timeout_worker_healthcheck" in inspect.signature(uvicorn.Config).parameters
