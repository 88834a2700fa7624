"""Helpers for driving the app through its forms, as a browser would."""

from bs4 import BeautifulSoup
from fastapi.testclient import TestClient
from httpx2 import Response
from sqlmodel import Session

from app.auth.sessions import start_session
from app.people.models import User
from tests.factories import PASSPHRASE


def page(response: Response) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def csrf_token(client: TestClient, path: str = "/sign-in") -> str:
    """The CSRF token from a form on a page."""
    field = page(client.get(path, follow_redirects=True)).find("input", attrs={"name": "csrf_token"})
    assert field is not None, f"no form with a CSRF token on {path}"
    return str(field["value"])


def post_form(client: TestClient, path: str, data: dict[str, str], token_from: str | None = None) -> Response:
    """Post a form with a valid CSRF token taken from a page (the form's own page by default)."""
    token = csrf_token(client, token_from or path)
    return client.post(path, data={**data, "csrf_token": token})


def sign_in(client: TestClient, username: str, passphrase: str = PASSPHRASE) -> Response:
    return post_form(client, "/sign-in", {"username": username, "passphrase": passphrase})


def error_messages(response: Response) -> list[str]:
    """The texts in the GOV.UK error summary; each must link to a field on the page."""
    html = page(response)
    summary = html.select(".govuk-error-summary__list a")
    for link in summary:
        target = link["href"].removeprefix("#")
        assert html.find(id=target) is not None, f"the error summary links to #{target}, not on the page"
    return [a.get_text(" ", strip=True) for a in summary]


def signed_in_client(client: TestClient, db: Session, user: User) -> TestClient:
    """The client, signed in as the user without going through the (slow) passphrase check."""
    token = start_session(db, user=user)
    client.cookies.set(client.app.state.settings.session_cookie_name, token)
    return client
