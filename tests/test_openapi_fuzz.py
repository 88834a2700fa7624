"""Hostile requests from the app's own OpenAPI description (schemathesis), with a real database.

Every operation in /openapi.json is fuzzed in-process, signed in as a role allowed on it (from
tests/test_architecture.py's ROUTES; public routes signed out), with a valid X-CSRF-Token so that
POSTs get past CSRF to validation. Cases are schema-valid, schema-violating, or schema-valid with
the path filled with the role's own real ids (so the handlers behind the 404s run too). Then, on
PostgreSQL, a fixed pass sends hostile strings (NUL, markup, bidi overrides, very long text) in
every string parameter and form field. The rules: no 5xx ever; a schema-violating request is refused with a 4xx;
every 4xx is a page that says what happened (a heading; 422s carry the error summary).

FUZZ_EXAMPLES (default 2) sets the examples per operation and makes them random (without it the
same cases are sent every run, so CI is repeatable); bench/hostile.py runs a bigger, random pass.
"""

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import pytest
import schemathesis
from fastapi.routing import APIRoute, iter_route_contexts
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.core import NOT_SET
from schemathesis.specs.openapi.checks import negative_data_rejection
from sqlalchemy import text
from sqlmodel import Session

from app.auth.sessions import start_session
from app.auth.tokens import csrf_token
from app.forms import reads_form_lists
from app.people.models import Role
from tests.checkins.journey import TOPICS
from tests.factories import make_user
from tests.records import Records, build_records
from tests.test_architecture import ROUTES

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "2"))
RANDOM = "FUZZ_EXAMPLES" in os.environ  # bench runs explore; `make test` repeats the same cases
HOSTILE = [
    "a\x00b",
    '"><script>alert(1)</script>\u202e👩\u200d👧e\u0301 ../%00',
    "9" * 40 + "x" * 6000,
]


# Requests that can end the fuzzer's own sessions or close its accounts.
ENDS_SESSIONS = ("/sign-out", "/sign-out-everywhere", "/deactivate", "/account/passphrase")


@dataclass
class Tally:
    """What was sent and what came back, for the figures in docs/reliability.md."""

    statuses: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)

    def summary(self) -> str:
        by_class = Counter(f"{status // 100}xx" for status in self.statuses.elements())
        return f"{sum(self.statuses.values())} requests: {dict(sorted(by_class.items()))}"


@dataclass
class Fuzzer:
    """Sends cases as a given role with fresh sessions; records statuses and broken rules."""

    app: Any
    db: Session
    records: Records
    tally: Tally = field(default_factory=Tally)
    sessions: dict[Role, str] = field(default_factory=dict)

    def credentials(self, role: Role | None) -> tuple[dict[str, str], dict[str, str]]:
        if role is None:
            return {}, {}
        if role not in self.sessions:
            self.sessions[role] = start_session(self.db, user=self.records.world.user(role))
        token, settings = self.sessions[role], self.app.state.settings
        return {settings.session_cookie_name: token}, {"X-CSRF-Token": csrf_token(settings.secret_key, token)}

    def send(self, case: schemathesis.Case, role: Role | None, *, schema_checks: bool = True) -> None:
        cookies, headers = self.credentials(role)
        response = case.call(cookies=cookies, headers=headers, allow_redirects=False)
        self.tally.statuses[response.status_code] += 1
        if case.method == "POST" and case.operation.path.endswith(ENDS_SESSIONS):
            self.sessions.clear()  # and accounts the fuzzer closed come back, so roles keep signing in
            self.db.exec(text('UPDATE "user" SET active = true'))
            self.db.commit()
        label = f"{case.operation.label} as {role or 'visitor'}"
        checks = [not_a_server_error, negative_data_rejection] if schema_checks else [not_a_server_error]
        try:
            case.validate_response(response, checks=checks)
        except Exception as error:  # noqa: BLE001 - schemathesis's FailureGroup lists what broke
            self.tally.failures.append(f"{label}: {str(error)[:600]}")
        problem = unclear_refusal(response.status_code, response.content)
        if problem:
            self.tally.failures.append(f"{label}: {problem}")


def unclear_refusal(status: int, body: bytes) -> str | None:
    """Why a 4xx would leave a person puzzled, or None."""
    if not 400 <= status < 500 or status == 405:
        return None
    html = body.decode("utf-8", "replace")
    heading = re.search(r"<h1[^>]*>\s*([^<\s][^<]*)</h1>", html)
    if heading is None:
        return f"{status} without a heading saying what happened"
    if status == 422 and 'class="govuk-error-summary' not in html:
        return "422 without an error summary"
    return None


def real_path_ids(records: Records, spare_staff_id: int) -> dict[Role | None, dict[str, list[Any]]]:
    """Ids of records each role may use, so fuzzed bodies reach the handlers."""
    world = records.world
    return {
        None: {},
        Role.young_person: {"check_in_id": [records.draft_id, records.sent_id], "topic_key": TOPICS},
        Role.pa: {
            "young_person_id": [world.young.id],
            "check_in_id": [records.sent_id],
            "alert_id": [records.alert_id],
        },
        Role.manager: {"young_person_id": [world.young.id, world.pa2_person.id]},
        Role.admin: {
            "young_person_id": [world.young.id],
            "staff_id": [spare_staff_id],
            "locality_id": [world.locality.id],
            "team_id": [world.team.id],
        },
        Role.analyst: {"table_key": ["coverage"]},
        Role.network_admin: {},
        Role.network_analyst: {"table_key": ["coverage"]},
    }


def roles_for(method: str, path: str) -> list[Role | None]:
    return sorted(ROUTES[(method, path)]) or [None]


def case_strategy(operation: Any, roles: list[Role | None], real: dict) -> st.SearchStrategy:
    """(role, case): schema-valid, schema-violating, or valid with the role's own ids in the path."""
    names = [p["name"] for p in operation.definition.raw.get("parameters", []) if p["in"] == "path"]

    def for_role(role: Role | None) -> st.SearchStrategy:
        options = [
            operation.as_strategy(GenerationMode.POSITIVE),
            operation.as_strategy(GenerationMode.NEGATIVE),
        ]
        known = real[role]
        if names and all(n in known for n in names):
            fixed = st.fixed_dictionaries({n: st.sampled_from(known[n]) for n in names})
            options.append(fixed.flatmap(lambda ids: operation.as_strategy(path_parameters=ids)))
        return st.tuples(st.just(role), st.one_of(options))

    return st.sampled_from(roles).flatmap(for_role)


@pytest.fixture
def fuzzer(web_app, client, db, world) -> Fuzzer:
    return Fuzzer(app=web_app, db=db, records=build_records(client, db, world))


def test_openapi_describes_every_route_and_every_form(web_app, engine):
    if engine.dialect.name != "sqlite":
        pytest.skip("the description does not depend on the database")
    spec = web_app.openapi()
    static_files = {("GET", "/favicon.ico")}
    assert {(m.upper(), p) for p, ops in spec["paths"].items() for m in ops} == set(ROUTES) - static_files
    form_routes = [
        (context.path, context.original_route)
        for context in iter_route_contexts(web_app.routes)
        if isinstance(context.original_route, APIRoute) and reads_form_lists(context.original_route)
    ]
    assert len(form_routes) >= 3
    for path, route in form_routes:
        for method in route.methods:
            body = spec["paths"][path][method.lower()]["requestBody"]["content"]
            schema = body["application/x-www-form-urlencoded"]["schema"]
            assert schema["type"] == "object" and schema["additionalProperties"], path


def test_fuzzed_requests_get_no_server_errors_and_clear_refusals(web_app, fuzzer):
    spare = make_user(fuzzer.db, fuzzer.records.world.org, Role.pa, "spare.pa", fuzzer.records.world.team)
    real = real_path_ids(fuzzer.records, spare.id or 0)
    schema = schemathesis.openapi.from_asgi("/openapi.json", web_app)
    for result in schema.get_all_operations():
        operation = result.ok()
        roles = roles_for(operation.method.upper(), operation.path)

        @settings(
            max_examples=EXAMPLES,
            deadline=None,
            database=None,
            derandomize=not RANDOM,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(case_strategy(operation, roles, real))
        def fuzz(role_and_case):
            role, case = role_and_case
            fuzzer.send(case, role)

        fuzz()
    if fuzzer.db.get_bind().dialect.name == "postgresql":  # the stricter database: it refuses NUL
        hostile_pass(fuzzer, schema, web_app.openapi(), real)
    print(f"\nschemathesis, {fuzzer.db.get_bind().dialect.name}: {fuzzer.tally.summary()}")
    assert not fuzzer.tally.failures, "\n".join(fuzzer.tally.failures[:10])


def _body_fields(spec: dict, operation: dict) -> list[str]:
    content = operation.get("requestBody", {}).get("content", {}).get("application/x-www-form-urlencoded")
    if not content:
        return []
    body = content["schema"]
    if "$ref" in body:
        body = spec["components"]["schemas"][body["$ref"].rsplit("/", 1)[1]]
    return list(body.get("properties", {})) or ["comment", "going_well", "employment.feeling", "action"]


def hostile_pass(fuzzer: Fuzzer, schema: Any, spec: dict, real: dict) -> None:
    """Each hostile string in every query parameter and form field at once (the path holding the
    role's own ids, so the handler runs), then in the path's own string parameters."""
    for path, operations in spec["paths"].items():
        for method, definition in operations.items():
            role = roles_for(method.upper(), path)[0]
            parameters = definition.get("parameters", [])
            ids = {p["name"]: real[role].get(p["name"], [1])[0] for p in parameters if p["in"] == "path"}
            queries = [p["name"] for p in parameters if p["in"] == "query"]
            fields = _body_fields(spec, definition)
            in_path = [
                p["name"] for p in parameters if p["in"] == "path" and p["schema"].get("type") == "string"
            ]
            operation = schema[path][method.upper()]
            for value in HOSTILE:
                if queries or fields:
                    case = operation.Case(
                        path_parameters=ids,
                        query=dict.fromkeys(queries, value),
                        body=dict.fromkeys(fields, value) if fields else NOT_SET,
                        media_type="application/x-www-form-urlencoded" if fields else None,
                    )
                    fuzzer.send(case, role, schema_checks=False)
                if in_path:
                    case = operation.Case(path_parameters={**ids, **dict.fromkeys(in_path, value)})
                    fuzzer.send(case, role, schema_checks=False)
