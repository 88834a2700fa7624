"""An intruder's probe: every role tries every route that takes ids with other people's ids.

Routes come from tests/test_architecture.py's ROUTES, so a new route is probed automatically (and
a new kind of id in a path fails here until the probe knows whose records to try). Each role only
tries the routes it is allowed on (refusals to other roles are tested there). Foreign records: a
young person of another PA in the same council, one of another council, their check-ins, alerts
addressed to another PA or to the other council, staff of the other council, and ids that do not
exist. Mixed paths are tried too: the PA's own young person with someone else's check-in.

Every try must be a 404 that shows none of the other people's words or names, and nothing stored
may change. Sessions (fixation, replay after sign-out, expiry, sign out everywhere) are covered by
tests/auth/test_sessions.py.
"""

import hashlib
import itertools
import re
from collections import Counter

from sqlalchemy import text
from sqlmodel import Session, SQLModel

from app.db import MAX_ID
from app.insights import network
from app.people.models import Role
from tests.insights.test_network_tables import two_council_cohort
from tests.records import Records, build_records
from tests.test_architecture import ROUTES
from tests.web import csrf_token, page, signed_in_client

MISSING = MAX_ID  # an id no record has


def own_ids(records: Records) -> dict[Role, dict[str, list[int]]]:
    """The ids each role may use: mixed with foreign ones, never tried alone."""
    world = records.world
    return {
        Role.young_person: {"check_in_id": [records.sent_id]},
        Role.pa: {
            "young_person_id": [world.young.id],
            "check_in_id": [records.sent_id],
            "alert_id": [records.alert_id],
        },
        Role.manager: {"young_person_id": [world.young.id]},
        Role.admin: {
            "young_person_id": [world.young.id],
            "staff_id": [world.pa.id],
            "locality_id": [world.locality.id],
            "team_id": [world.team.id],
        },
        Role.analyst: {},
        Role.network_analyst: {},
    }


def foreign_ids(records: Records) -> dict[Role, dict[str, list[int]]]:
    """For each role, the ids of records that are not theirs to see."""
    world = records.world
    other_council = {
        "young_person_id": [world.other_person.id, MISSING],
        "alert_id": [records.other_alert_id, MISSING],
        "staff_id": [world.other_admin.id, records.other_pa.id, MISSING],
        "check_in_id": [records.other_sent_id, MISSING],
        "request_id": [records.other_closure_id, MISSING],
        "locality_id": [world.other_person.locality_id, MISSING],
        "team_id": [records.other_pa.team_id, MISSING],
    }
    return {
        Role.young_person: {"check_in_id": [records.pa2_sent_id, records.other_sent_id, MISSING]},
        Role.pa: {
            "young_person_id": [
                world.pa2_person.id,
                records.other_team_person_id,
                *other_council["young_person_id"],
            ],
            "check_in_id": [records.pa2_sent_id, *other_council["check_in_id"]],
            "alert_id": [records.pa2_alert_id, *other_council["alert_id"]],
            "request_id": [records.pa2_closure_id, *other_council["request_id"]],
        },
        # The manager's team holds both PAs: their young people are not foreign to the manager, but
        # alerts addressed to a PA are, until they are escalated or go to the team's duty queue.
        # Another team's young person in the same council is foreign to them (admins see all).
        Role.manager: {
            **other_council,
            "young_person_id": [records.other_team_person_id, *other_council["young_person_id"]],
            "alert_id": [records.alert_id, records.pa2_alert_id, *other_council["alert_id"]],
        },
        Role.admin: other_council,
        Role.analyst: other_council,
        Role.network_analyst: other_council,
    }


def tries(records: Records) -> list[tuple[Role, str, str, str]]:
    """(role, method, route, path) for every id-taking route and allowed role, each combination
    of ids with at least one foreign id."""
    own, foreign = own_ids(records), foreign_ids(records)
    found = []
    for (method, pattern), roles in sorted(ROUTES.items()):
        names = re.findall(r"{(\w+_id)}", pattern)
        if not names:
            continue
        for role in sorted(roles):
            unknown = [n for n in names if n not in foreign[role]]
            assert not unknown, f"the probe does not know whose {unknown} to try on {pattern}: add them"
            choices = [
                [(i, True) for i in foreign[role][n]] + [(i, False) for i in own[role].get(n, [])]
                for n in names
            ]
            for combination in itertools.product(*choices):
                if any(is_foreign for _id, is_foreign in combination):
                    values = dict(zip(names, (i for i, _ in combination), strict=True))
                    path = pattern.format(topic_key="employment", table_key="coverage", **values)
                    found.append((role, method, pattern, path))
    return found


def own_pages(records: Records) -> list[tuple[Role, str]]:
    """The control: with their own ids, the same roles do get these pages."""
    world = records.world
    return [
        (Role.young_person, f"/check-ins/{records.sent_id}"),
        (Role.young_person, f"/check-in/{records.draft_id}/topics/housing"),
        (Role.pa, f"/young-people/{world.young.id}/meeting"),
        (Role.pa, f"/alerts/{records.alert_id}"),
        (Role.manager, f"/young-people/{world.pa2_person.id}/pa"),
        (Role.admin, f"/admin/staff/{world.pa.id}"),
        (Role.admin, f"/young-people/{world.young.id}"),
        (Role.admin, f"/young-people/{records.other_team_person_id}/pa"),
        (Role.admin, f"/closures/{records.pa2_closure_id}"),
        (Role.admin, f"/admin/localities/{world.locality.id}"),
        (Role.admin, f"/admin/teams/{world.team.id}"),
    ]


# Only sign-in sessions may change while probing; an audit row for a refused look would show up.
def _snapshot(db: Session) -> str:
    digest = hashlib.sha256()
    for table in SQLModel.metadata.sorted_tables:
        if table.name != "user_session":
            rows = db.connection().execute(text(f'SELECT * FROM "{table.name}" ORDER BY 1'))
            digest.update(repr([tuple(row) for row in rows]).encode())
    return digest.hexdigest()


def test_every_role_gets_404_and_no_data_for_other_peoples_ids(client, db, world):
    records = build_records(client, db, world)
    probes = tries(records)
    assert {(m, p) for m, p in ROUTES if "_id}" in p} == {(m, p) for _r, m, p, _path in probes}
    assert {Role.young_person, Role.pa, Role.manager, Role.admin} <= {role for role, *_rest in probes}
    for role, path in own_pages(records):
        client.cookies.clear()
        assert signed_in_client(client, db, world.user(role)).get(path).status_code == 200, (role, path)
    db.expire_all()
    before = _snapshot(db)
    problems = []
    for role, group in itertools.groupby(sorted(probes, key=lambda t: t[0]), key=lambda t: t[0]):
        client.cookies.clear()
        signed_in_client(client, db, world.user(role))
        token = csrf_token(client, "/help")
        for _role, method, _route, path in group:
            response = client.request(
                method, path, data={"csrf_token": token, "text": "x", "action_taken": "x"}
            )
            leaked = [m for m in records.markers() if m in response.text]
            if response.status_code != 404 or leaked or "Page not found" not in response.text:
                problems.append((role.value, method, path, response.status_code, leaked))
    by_role = Counter(role.value for role, *_rest in probes)
    print(
        f"\naccess probe, {db.get_bind().dialect.name}: {len(probes)} tries {dict(by_role)}, {len(problems)} not 404"
    )
    assert not problems, f"{len(problems)} of {len(probes)} probes got through: {problems[:10]}"
    db.expire_all()
    assert _snapshot(db) == before, "a probe with someone else's id changed stored data"


def _row_labels(response) -> list[str]:
    return [th.get_text(strip=True) for th in page(response).select("tbody th[scope=row]")]


def test_a_council_analyst_sees_only_their_own_council_beside_the_network(client, db, world):
    """Both councils share their tables: the network analyst sees both, a council analyst only their own
    council's row and the network's, on every network table; other councils' pages stay refused."""
    two_council_cohort(db, world)
    network_keys = [spec.key for _group, specs in network.network_specs(db) for spec in specs]
    signed_in_client(client, db, world.network_analyst)
    seen = _row_labels(client.get(f"/network/tables/{network_keys[0]}?period=2025-Q1"))
    assert {"Other Council", "Test Council"} <= set(seen)
    client.cookies.clear()
    signed_in_client(client, db, world.analyst)
    for key in network_keys:
        response = client.get(f"/insights/tables/{key}/network?period=2025-Q1")
        assert response.status_code == 200, key
        labels = set(_row_labels(response))
        assert "Test Council" in labels and "Other Council" not in labels, (key, labels)
        assert "Other Council" not in response.text and "Range across councils" not in response.text, key
    assert client.get(f"/network/tables/{network_keys[0]}?period=2025-Q1").status_code == 403
    assert client.get("/insights/tables/ons-wellbeing-means/network?period=2025-Q1").status_code == 404
