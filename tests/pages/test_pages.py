"""Pages anyone can reach, each role's home, health, and the friendly error pages."""

from fastapi.testclient import TestClient

from app.db import make_engine
from app.main import create_app
from app.people.service import deactivate_staff
from tests.conftest import make_settings
from tests.web import page, signed_in_client


def test_help_works_signed_out_with_every_crisis_number(client):
    html = page(client.get("/help"))
    links = {a["href"] for a in html.find_all("a")}
    assert {"tel:999", "tel:116123", "sms:85258", "tel:08001111", "tel:111"} <= links
    assert "text SHOUT to 85258" in html.get_text().replace("Text", "text")
    assert "tel:03001234567" in links


def test_every_page_has_the_skip_link_and_get_help_now_in_the_same_place(client, db, world):
    for path in ("/", "/sign-in", "/start", "/help", "/no-such-page"):
        header = page(client.get(path)).find("header")
        assert header.find("a", string="Get help now")["href"] == "/help"
    signed_in_client(client, db, world.pa)
    html = page(client.get("/caseload"))
    assert html.find("a", class_="govuk-skip-link")["href"] == "#main-content"
    assert html.find("header").find("a", string="Get help now")["href"] == "/help"


def test_the_page_language_is_english_for_now(client):
    html = page(client.get("/help", headers={"Accept-Language": "ar, en;q=0.5"}))
    assert html.find("html")["lang"] == "en"


def test_each_role_lands_on_a_home_of_its_own(client, db, world):
    homes = {
        "young_person": ("/me", "Your Personal Adviser is Pa One."),
        "pa": ("/caseload", "Your caseload"),
        "manager": ("/team", "Leaving Care"),
        "analyst": ("/insights", "Insights"),
        "admin": ("/admin", "Accounts"),
    }
    for role, (path, text) in homes.items():
        client.cookies.clear()
        signed_in_client(client, db, world.user(role))
        response = client.get("/", follow_redirects=True)
        assert response.url.path == path
        assert text in response.text


def test_a_young_person_without_a_pa_is_told_plainly(client, db, world):
    deactivate_staff(db, actor=world.admin, member=world.pa)
    signed_in_client(client, db, world.young_user)
    assert "You do not have a Personal Adviser at the moment" in client.get("/me").text


def test_health_is_200_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "up"}


def test_health_is_503_when_the_database_does_not_answer(tmp_path):
    dead = make_engine("postgresql://nobody@127.0.0.1:1/none")
    settings = make_settings(dead)
    with TestClient(create_app(settings, engine=dead)) as client:
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"


def test_a_missing_page_is_a_friendly_404_with_a_reference(client):
    response = client.get("/no-such-page")
    assert response.status_code == 404
    assert "Page not found" in response.text
    assert response.headers["x-request-id"] in response.text


def test_an_unexpected_error_shows_a_friendly_page_with_the_request_id(engine):
    app = create_app(make_settings(engine), engine=engine)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret detail that must not be shown")

    with TestClient(app) as client:
        response = client.get("/boom")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.text
    assert "secret detail" not in response.text
    assert response.headers["x-request-id"] in response.text
    assert response.headers["content-security-policy"]
