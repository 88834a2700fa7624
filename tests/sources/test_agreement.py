"""Analysts see the statutory return against what young people said, through the disclosure rules."""

from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from app.sources.loading import take_extract
from tests.insights.cohort import add_people
from tests.sources.extracts import extract
from tests.web import page, signed_in_client

SAID = {"employment.activity": "G5", "housing.where": "S", "housing.feeling": "really_bad"}


def _give_ids_and_load(db: Session, world, groups: list[tuple[list, str]]) -> None:
    lines = []
    for people, codes in groups:
        for person in people:
            person.council_child_id = f"Z{person.id}"
            db.add(person)
            lines.append(f"Z{person.id},{person.date_of_birth:%d/%m/%Y},{codes}")
    db.commit()
    outcome = take_extract(
        db, organisation_id=world.org.id, actor=None, content=extract(*lines), good_lines=False
    )
    assert outcome.load is not None and outcome.load.rows_loaded == len(lines)


def _table(html, caption_start: str) -> dict[str, list[str]]:
    table = next(
        t for t in html.select("table") if t.caption and t.caption.get_text().startswith(caption_start)
    )
    return {
        r.th.get_text(strip=True): [td.get_text(strip=True) for td in r.select("td")]
        for r in table.tbody.select("tr")
    }


def test_agreement_tables_count_disagreements_and_hide_small_groups(client, db: Session, world):
    recent = datetime.now(UTC) - timedelta(days=30)
    disagree = add_people(db, world.locality, 30, SAID, when=recent)
    agree = add_people(db, world.locality, 15, SAID, when=recent)
    silent = add_people(db, world.locality, 20, {}, shared=False)
    _give_ids_and_load(db, world, [(disagree, "YES,F5,U1"), (agree, "YES,G5,S2"), (silent, "NO,0,0")])

    signed_in_client(client, db, world.analyst)
    html = page(client.get("/sources/tables"))
    activity = _table(html, "Activity")
    # columns: education, work, NEET, no answer shared, then the row total
    assert activity["In work, training or an apprenticeship"] == ["0", "0", "30", "0", "30"]
    assert activity["Not in education, employment or training"] == ["0", "0", "15", "0", "15"]
    assert activity["Not known"] == ["0", "0", "0", "20", "20"]
    accommodation = _table(html, "Accommodation")
    assert accommodation["Emergency, bed and breakfast or no fixed abode"][3] == "15"
    in_touch = _table(html, "In touch")
    assert in_touch["In touch"] == ["45", "0", "45"] and in_touch["Not in touch or refuses contact"] == [
        "0",
        "20",
        "20",
    ]
    mapped = {
        r.th.get_text(strip=True): r.select("td")[-1].get_text(strip=True)
        for r in html.select("#sources-map-table tbody tr")
    }
    assert mapped["Work"].startswith("Both") and mapped["How you feel"].startswith("Gap in the return")

    few = add_people(db, world.locality, 3, SAID, when=recent)
    _give_ids_and_load(db, world, [(few, "YES,F1,D1")])
    activity = _table(page(client.get("/sources/tables")), "Activity")
    assert set(activity["In education"]) == {"c"}  # a group of 3 is never shown


def test_before_any_load_the_page_says_so_and_shows_the_map(client, db: Session, world):
    signed_in_client(client, db, world.analyst)
    html = page(client.get("/sources/tables"))
    assert html.select_one("#no-return") is not None
    assert len(html.select("#sources-map-table tbody tr")) == 8
