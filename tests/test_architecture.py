"""The app's shape, checked: every route declares its roles, others are refused, GET never writes."""

import hashlib

import pytest
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy import text
from sqlmodel import Session, SQLModel

from app.people.models import Role
from tests.web import csrf_token, page, signed_in_client

PUBLIC = frozenset()
YP, PA, MANAGER, ANALYST, ADMIN, NETWORK_ADMIN, NETWORK_ANALYST = (
    Role.young_person,
    Role.pa,
    Role.manager,
    Role.analyst,
    Role.admin,
    Role.network_admin,
    Role.network_analyst,
)

# Every route and the roles allowed on it. A new route without an entry here fails the suite.
ROUTES: dict[tuple[str, str], frozenset[Role]] = {
    ("GET", "/"): PUBLIC,
    ("GET", "/help"): PUBLIC,
    ("GET", "/language"): PUBLIC,
    ("GET", "/privacy"): PUBLIC,
    ("GET", "/privacy/staff"): PUBLIC,
    ("GET", "/healthz"): PUBLIC,
    ("GET", "/favicon.ico"): PUBLIC,
    ("GET", "/sign-in"): PUBLIC,
    ("POST", "/sign-in"): PUBLIC,
    ("POST", "/sign-out"): PUBLIC,
    ("GET", "/signed-out"): PUBLIC,
    ("GET", "/start"): PUBLIC,
    ("POST", "/start"): PUBLIC,
    ("POST", "/start/account"): PUBLIC,
    ("GET", "/account/passphrase"): frozenset(Role),
    ("GET", "/account/close"): frozenset({YP}),
    ("POST", "/account/close"): frozenset({YP}),
    ("GET", "/closures"): frozenset({PA, ADMIN}),
    ("GET", "/closures/{request_id}"): frozenset({PA, ADMIN}),
    ("POST", "/closures/{request_id}"): frozenset({PA, ADMIN}),
    ("POST", "/account/passphrase"): frozenset(Role),
    ("GET", "/me"): frozenset({YP}),
    ("GET", "/check-in"): frozenset({YP}),
    ("POST", "/check-in"): frozenset({YP}),
    ("GET", "/check-in/{check_in_id}/topics/{topic_key}"): frozenset({YP}),
    ("POST", "/check-in/{check_in_id}/topics/{topic_key}"): frozenset({YP}),
    ("GET", "/check-in/{check_in_id}/topics/{topic_key}/help"): frozenset({YP}),
    ("POST", "/check-in/{check_in_id}/topics/{topic_key}/help"): frozenset({YP}),
    ("POST", "/check-in/{check_in_id}/topics/{topic_key}/themes"): frozenset({YP}),
    ("GET", "/check-in/{check_in_id}/check"): frozenset({YP}),
    ("POST", "/check-in/{check_in_id}/check"): frozenset({YP}),
    ("GET", "/check-in/{check_in_id}/done"): frozenset({YP}),
    ("GET", "/check-ins"): frozenset({YP}),
    ("GET", "/check-ins/{check_in_id}"): frozenset({YP}),
    ("POST", "/check-ins/{check_in_id}/topics/{topic_key}/share"): frozenset({YP}),
    ("POST", "/check-ins/{check_in_id}/topics/{topic_key}/unshare"): frozenset({YP}),
    ("GET", "/check-ins/{check_in_id}/delete-kept"): frozenset({YP}),
    ("POST", "/check-ins/{check_in_id}/delete-kept"): frozenset({YP}),
    ("POST", "/check-ins/{check_in_id}/topics/{topic_key}/corrections"): frozenset({YP}),
    ("GET", "/check-ins/{check_in_id}/delete"): frozenset({YP}),
    ("POST", "/check-ins/{check_in_id}/delete"): frozenset({YP}),
    ("GET", "/my-data"): frozenset({YP}),
    ("GET", "/reminders"): frozenset({YP}),
    ("POST", "/reminders"): frozenset({YP}),
    ("POST", "/reminders/off"): frozenset({YP}),
    ("GET", "/me/who-has-looked"): frozenset({YP}),
    ("GET", "/my-data.json"): frozenset({YP}),
    ("GET", "/team"): frozenset({MANAGER}),
    ("GET", "/insights"): frozenset({ANALYST}),
    ("GET", "/insights/tables/{table_key}"): frozenset({ANALYST}),
    ("GET", "/insights/tables/{table_key}.csv"): frozenset({ANALYST}),
    ("GET", "/insights/tables/{table_key}.xlsx"): frozenset({ANALYST}),
    ("GET", "/insights/tables/{table_key}.json"): frozenset({ANALYST}),
    ("GET", "/insights/tables/{table_key}/network"): frozenset({ANALYST}),
    ("GET", "/network"): frozenset({NETWORK_ANALYST}),
    ("GET", "/network/tables/{table_key}"): frozenset({NETWORK_ANALYST}),
    ("GET", "/caseload"): frozenset({PA}),
    ("POST", "/caseload/away"): frozenset({PA}),
    ("GET", "/young-people/{young_person_id}/meeting"): frozenset({PA}),
    ("POST", "/young-people/{young_person_id}/check-ins/{check_in_id}/seen"): frozenset({PA}),
    ("POST", "/young-people/{young_person_id}/check-ins/{check_in_id}/reply"): frozenset({PA}),
    ("POST", "/young-people/{young_person_id}/next-meeting"): frozenset({PA}),
    ("POST", "/young-people/{young_person_id}/check-ins/{check_in_id}/topics/{topic_key}/themes"): frozenset(
        {PA}
    ),
    ("GET", "/young-people/{young_person_id}/child-id"): frozenset({PA, ADMIN}),
    ("POST", "/young-people/{young_person_id}/child-id"): frozenset({PA, ADMIN}),
    ("GET", "/sources/903"): frozenset({ANALYST, ADMIN}),
    ("POST", "/sources/903"): frozenset({ANALYST, ADMIN}),
    ("GET", "/my-data/council-record"): frozenset({YP}),
    ("POST", "/my-data/council-record"): frozenset({YP}),
    ("GET", "/sources/tables"): frozenset({ANALYST}),
    ("GET", "/alerts"): frozenset({PA, MANAGER}),
    ("GET", "/alerts/{alert_id}"): frozenset({PA, MANAGER}),
    ("POST", "/alerts/{alert_id}/acknowledge"): frozenset({PA, MANAGER}),
    ("GET", "/young-people/new"): frozenset({PA, ADMIN}),
    ("POST", "/young-people/new"): frozenset({PA, ADMIN}),
    ("GET", "/young-people/{young_person_id}"): frozenset({PA, ADMIN}),
    ("POST", "/young-people/{young_person_id}/invite"): frozenset({PA, ADMIN}),
    ("POST", "/young-people/{young_person_id}/sign-out-everywhere"): frozenset({PA, ADMIN}),
    ("GET", "/admin"): frozenset({ADMIN}),
    ("GET", "/admin/exports"): frozenset({ADMIN}),
    ("GET", "/admin/localities"): frozenset({ADMIN}),
    ("POST", "/admin/localities"): frozenset({ADMIN}),
    ("GET", "/admin/localities/{locality_id}"): frozenset({ADMIN}),
    ("POST", "/admin/localities/{locality_id}"): frozenset({ADMIN}),
    ("POST", "/admin/localities/{locality_id}/remove"): frozenset({ADMIN}),
    ("GET", "/admin/teams"): frozenset({ADMIN}),
    ("POST", "/admin/teams"): frozenset({ADMIN}),
    ("GET", "/admin/teams/{team_id}"): frozenset({ADMIN}),
    ("POST", "/admin/teams/{team_id}"): frozenset({ADMIN}),
    ("POST", "/admin/teams/{team_id}/manager"): frozenset({ADMIN}),
    ("GET", "/admin/question-sets"): frozenset({ADMIN}),
    ("GET", "/admin/question-sets/in-use.yaml"): frozenset({ADMIN}),
    ("POST", "/admin/question-sets/preview"): frozenset({ADMIN}),
    ("POST", "/admin/question-sets/publish"): frozenset({ADMIN}),
    ("GET", "/admin/network"): frozenset({ADMIN}),
    ("POST", "/admin/network"): frozenset({ADMIN}),
    ("GET", "/admin/staff/new"): frozenset({ADMIN}),
    ("POST", "/admin/staff/new"): frozenset({ADMIN}),
    ("GET", "/admin/staff/{staff_id}"): frozenset({ADMIN}),
    ("POST", "/admin/staff/{staff_id}/deactivate"): frozenset({ADMIN}),
    ("GET", "/admin/staff/{staff_id}/email"): frozenset({ADMIN}),
    ("POST", "/admin/staff/{staff_id}/email"): frozenset({ADMIN}),
    ("GET", "/councils"): frozenset({NETWORK_ADMIN}),
    ("GET", "/councils/new"): frozenset({NETWORK_ADMIN}),
    ("POST", "/councils/new"): frozenset({NETWORK_ADMIN}),
    ("GET", "/young-people/{young_person_id}/pa"): frozenset({ADMIN, MANAGER}),
    ("POST", "/young-people/{young_person_id}/pa"): frozenset({ADMIN, MANAGER}),
}


def _declared_roles(route: APIRoute) -> frozenset[Role]:
    """The roles that pass every role guard the route depends on (each guard must pass)."""
    allowed: frozenset[Role] | None = None
    stack = [route.dependant]
    while stack:
        dependant = stack.pop()
        roles = getattr(dependant.call, "roles", None)
        if roles:
            allowed = roles if allowed is None else allowed & roles
        stack.extend(dependant.dependencies)
    return allowed if allowed is not None else PUBLIC


def _app_routes(web_app) -> dict[tuple[str, str], frozenset[Role]]:
    table = {}
    for context in iter_route_contexts(web_app.routes):
        route = context.original_route
        if isinstance(route, APIRoute):
            for method in route.methods:
                table[(method, context.path)] = _declared_roles(route)
    return table


def _fill(path: str, world) -> str:
    return path.format(
        young_person_id=world.young.id,
        staff_id=world.pa.id,
        check_in_id=1,
        topic_key="employment",
        alert_id=1,
        request_id=1,
        table_key="coverage",
        locality_id=world.locality.id,
        team_id=world.team.id,
    )


@pytest.fixture
def sqlite_only(engine):
    if engine.dialect.name != "sqlite":
        pytest.skip("route declarations do not depend on the database")


def test_every_route_declares_exactly_the_roles_in_the_table(web_app, sqlite_only):
    assert _app_routes(web_app) == ROUTES


@pytest.mark.parametrize(("method", "path"), sorted(k for k, v in ROUTES.items() if v))
def test_signed_out_visitors_are_sent_to_sign_in(client, world, method, path):
    token = csrf_token(client, "/sign-in")
    response = client.request(method, _fill(path, world), data={"csrf_token": token})
    assert response.status_code == 303
    assert response.headers["location"] == "/sign-in"


@pytest.mark.parametrize(("method", "path"), sorted(k for k, v in ROUTES.items() if v))
def test_every_other_role_is_refused(client, db, world, method, path):
    for role in set(Role) - ROUTES[(method, path)]:
        client.cookies.clear()
        signed_in_client(client, db, world.user(role))
        token = csrf_token(client, "/help")
        response = client.request(method, _fill(path, world), data={"csrf_token": token})
        assert response.status_code == 403, (role, response.status_code)
        assert "You cannot see this page" in response.text


# Sessions are touched to keep them alive, a staff view of a young person's check-ins must write
# its audit row, and every download of an approved table is logged (who, table, period, SHA-256):
# the only writes a GET may make.
GET_MAY_WRITE = {"user_session", "audit_event", "export_log", "insights_table_cache"}


def _snapshot(session: Session) -> str:
    digest = hashlib.sha256()
    for table in SQLModel.metadata.sorted_tables:
        if table.name in GET_MAY_WRITE:
            continue
        key = ", ".join(f'"{column.name}"' for column in table.primary_key.columns)
        rows = session.connection().execute(text(f'SELECT * FROM "{table.name}" ORDER BY {key}'))
        digest.update(repr([tuple(row) for row in rows]).encode())
    return digest.hexdigest()


def test_get_requests_never_change_stored_data(client, db, world):
    gets = [(path, roles) for (method, path), roles in ROUTES.items() if method == "GET"]
    before = _snapshot(db)
    for path, roles in gets:
        for role in roles or {YP}:
            client.cookies.clear()
            signed_in_client(client, db, world.user(role))
            assert client.get(_fill(path, world)).status_code < 500
    db.expire_all()
    assert _snapshot(db) == before


def test_pages_have_no_inline_script_style_or_event_handlers(client, db, world):
    for (method, path), roles in ROUTES.items():
        if method != "GET" or path in {"/healthz", "/favicon.ico"}:
            continue
        for role in roles or {None}:
            client.cookies.clear()
            if role:
                signed_in_client(client, db, world.user(role))
            html = page(client.get(_fill(path, world)))
            assert all(script.get("src") for script in html.find_all("script")), path
            assert not html.find_all("style"), path
            for element in html.find_all(True):
                assert "style" not in element.attrs, (path, element.name)
                assert not [a for a in element.attrs if a.startswith("on")], (path, element.name)
