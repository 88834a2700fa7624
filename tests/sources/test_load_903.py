"""Loading the OC3 extract: mistakes explained by line and field, nothing stored unless chosen, each load recorded."""

from collections.abc import Iterator

import pytest
from click.testing import CliRunner
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.cli import main
from app.settings import get_settings
from app.sources.models import StatutoryLoad, StatutoryRecord
from app.sources.oc3 import read_extract
from tests.sources.extracts import born, extract, give_child_ids
from tests.web import csrf_token, error_messages, page, signed_in_client


def _mistakes(response) -> list[tuple[str, str, str]]:
    rows = page(response).select("#mistakes ~ .app-table-scroll tbody tr")
    return [tuple(td.get_text(" ", strip=True) for td in row.select("td")) for row in rows]


def test_an_analyst_sees_each_mistake_by_line_and_loads_only_the_good_lines(client, db: Session, world):
    give_child_ids(db, world)
    signed_in_client(client, db, world.analyst)
    file = extract(
        f"C001,{born(world)},YES,F5,U1",
        f"C002,{born(world, 'pa2_person')},YES,Q9,D1",
        f"C002,{born(world, 'pa2_person')},DIED,F1,0",
        f"C003,{born(world, 'other_person')},NO,0,0",
    )
    token = csrf_token(client, "/sources/903")
    checked = client.post("/sources/903", data={"csrf_token": token}, files={"extract": ("oc3.csv", file)})
    assert checked.status_code == 422
    assert error_messages(checked) == ["3 lines have mistakes: each is explained below."]
    assert _mistakes(checked) == [
        ("3", "ACTIV", "'Q9' is not an ACTIV code: use F1, P1, F2, P2, F4, P4, F5, P5, G4, G5, G6, 0."),
        ("4", "ACTIV", "IN_TOUCH is DIED (died), so ACTIV must be 0, not F1."),
        ("5", "CHILD", "No young person in your council has child ID C003, so the line is not matched."),
    ]
    assert db.exec(select(StatutoryLoad)).all() == []
    good = page(checked).select_one("form input[name=good_lines]").find_parent("form")
    fields = {i["name"]: i["value"] for i in good.select("input[type=hidden]")}
    loaded = client.post("/sources/903", data=fields)
    assert loaded.status_code == 303
    banner = page(client.get(loaded.headers["location"])).select_one("#loaded").get_text(" ", strip=True)
    assert "1 line loaded." in banner and "Not matched to a young person: 1." in banner
    admin_page = page(signed_in_client(client, db, world.admin).get(loaded.headers["location"]))
    assert not admin_page.select('#loaded a[href="/sources/tables"]')  # that page is for analysts
    load = db.exec(select(StatutoryLoad)).one()
    assert (load.rows_in_file, load.rows_loaded, load.rows_unmatched, load.rows_with_mistakes) == (4, 1, 1, 2)
    assert (load.loaded_by_id, load.via, len(load.file_sha256)) == (world.analyst.id, "screen", 64)
    record = db.exec(select(StatutoryRecord)).one()
    assert (record.young_person_id, record.in_touch, record.activity, record.accommodation) == (
        world.young.id,
        "YES",
        "F5",
        "U1",
    )
    assert db.exec(select(AuditEvent).where(AuditEvent.action == "statutory_return.loaded")).one()


def test_the_rules_of_the_return_are_each_explained():
    found = read_extract(
        extract(
            "A1,31/02/2005,YES,F1,U1",
            "A2,01/02/2005,RHOM,0,U1",
            "A3,01/02/2005,YES,0,D1",
            "A4,01/02/2005,NO,G5,S1",
            "A5,01/02/2005,NO,G5,X2",
            "A6,01/02/2005,MAYBE,G5,Q1",
            ",01/02/2005,NO,G5,D1",
        )
    )
    assert [(m.line, m.column, m.message) for m in found.mistakes] == [
        (2, "DOB", "'31/02/2005' is not a date written as dd/mm/YYYY."),
        (3, "ACCOM", "IN_TOUCH is RHOM (returned home for 6 months or more), so ACCOM must be 0, not U1."),
        (4, "ACTIV", "IN_TOUCH is YES (in touch), so ACTIV must say what it is, not 0."),
        (5, "ACCOM", "S (no fixed abode or homeless) is always recorded as not suitable: use S2."),
        (7, "IN_TOUCH", "'MAYBE' is not an IN_TOUCH code: use YES, NO, DIED, REFU, NREQ, RHOM."),
        (7, "ACCOM", "'Q1' is not an ACCOM code: use a letter with 1 (suitable) or 2 (not suitable), or 0."),
        (8, "CHILD", "The child ID must be 1 to 10 letters or numbers."),
    ]
    assert [line.child_id for line in found.lines] == ["A5"] and found.rows == 7
    assert read_extract(b"CHILD,DOB\nA1,01/02/2005").unreadable is not None


@pytest.fixture
def fresh_settings() -> Iterator[None]:
    """The command reads DATABASE_URL through the cached settings: start and end without a cache, or
    it would write to whichever database an earlier test left there."""
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


def test_the_command_refuses_a_file_with_mistakes_unless_told_to_load_the_good_lines(
    db: Session, world, tmp_path, engine, fresh_settings
):
    give_child_ids(db, world)
    file = tmp_path / "oc3.csv"
    file.write_bytes(extract(f"C001,{born(world)},YES,F5,U1", "C999,01/01/2006,YES,F5,U1"))
    runner = CliRunner()
    env = {"DATABASE_URL": engine.url.render_as_string(hide_password=False)}
    refused = runner.invoke(
        main, ["sources", "load-903", str(file), "--organisation", "Test Council"], env=env
    )
    assert refused.exit_code == 1 and "Line 3, CHILD: No young person" in refused.output
    assert db.exec(select(StatutoryLoad)).all() == []
    args = ["sources", "load-903", str(file), "--organisation", "Test Council", "--good-lines"]
    done = runner.invoke(main, args, env=env)
    assert done.exit_code == 0 and "Loaded 1 of 2 lines (1 not matched, 0 with mistakes)." in done.output
    load = db.exec(select(StatutoryLoad)).one()
    assert (load.via, load.loaded_by_id) == ("command", None)
