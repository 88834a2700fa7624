"""Security headers on every response, and no caching of signed-in pages."""

import pytest
from fastapi.testclient import TestClient

from app.main import create_app
from app.web.security import CSP
from tests.conftest import make_settings
from tests.web import signed_in_client

EXPECTED = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "geolocation=(), camera=(), microphone=()",
}


@pytest.mark.parametrize(
    "path", ["/", "/help", "/sign-in", "/healthz", "/no-such-page", "/static/css/app.css"]
)
def test_every_response_carries_the_security_headers(client, path):
    response = client.get(path)
    for name, value in EXPECTED.items():
        assert response.headers[name] == value
    assert response.headers["x-request-id"]


def test_the_csp_allows_nothing_inline_and_nothing_from_elsewhere():
    assert "unsafe-inline" not in CSP and "unsafe-eval" not in CSP
    assert "frame-ancestors 'none'" in CSP and "object-src 'none'" in CSP


def test_signed_in_pages_are_never_stored(client, db, world):
    signed_in_client(client, db, world.pa)
    assert client.get("/caseload").headers["cache-control"] == "no-store"


def test_static_files_are_cached_for_a_year_by_versioned_url(client):
    assert "max-age=31536000" in client.get("/static/css/app.css").headers["cache-control"]


def test_hsts_is_sent_in_production_only(engine, client):
    assert "strict-transport-security" not in client.get("/help").headers
    settings = make_settings(engine, environment="production", secure_cookies=True)
    with TestClient(create_app(settings, engine=engine), base_url="https://testserver") as secure:
        hsts = secure.get("/help").headers["strict-transport-security"]
    assert hsts == "max-age=31536000; includeSubDomains"


def test_static_files_are_sent_pre_compressed_to_browsers_that_take_gzip(client):
    plain = client.get("/static/css/app.css", headers={"Accept-Encoding": "identity"})
    packed = client.get("/static/css/app.css", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert packed.headers["content-type"].startswith("text/css")
    assert int(packed.headers["content-length"]) < len(plain.content) / 4
    assert packed.content == plain.content
