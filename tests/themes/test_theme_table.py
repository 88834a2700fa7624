"""The analysts' table "What young people wrote about": confirmed themes of shared topics only,
distinct young people, through the disclosure rules; the words themselves never reach an analyst."""

import io
import zipfile

from sqlmodel import col, select

from app.checkins.models import CheckIn, TopicResponse
from app.themes.models import AddedBy, TopicTheme
from tests.insights.cohort import add_people
from tests.web import page, signed_in_client

WORDS = "skint again SECRET-WORDS-7731"
TABLE = "/insights/tables/themes?period=2025-Q1"


def _people_with(db, world, count: int, theme_keys: list[str], *, shared: bool = True) -> None:
    """Young people who shared (or kept) 'Money and everyday life' with their words and these themes."""
    people = add_people(db, world.locality, count, {"life.feeling": "not_great"}, shared=shared)
    responses = db.exec(
        select(TopicResponse)
        .join(CheckIn, col(CheckIn.id) == TopicResponse.check_in_id)
        .where(col(CheckIn.young_person_id).in_([p.id for p in people]))
    ).all()
    for response in responses:
        response.comment = WORDS
        db.add(response)
        db.add_all(
            TopicTheme(
                check_in_id=response.check_in_id,
                topic_key="life",
                theme_key=key,
                added_by=AddedBy.young_person,
                catalogue_version=1,
            )
            for key in theme_keys
        )
    db.commit()


def _money_section(html) -> dict[str, list[str]]:
    """Rows of the first table under the 'Money and everyday life' caption: label -> cells."""
    table = next(
        t for t in html.select("table") if t.caption.get_text(strip=True) == "Money and everyday life"
    )
    headers = [th.get_text(strip=True) for th in table.select("thead th")]
    rows = {}
    for tr in table.select("tbody tr"):
        rows[tr.th.get_text(strip=True)] = [td.get_text(strip=True) for td in tr.select("td")]
    return {"headers": headers, **rows}


def test_confirmed_themes_of_shared_topics_are_counted_once_the_group_is_large_enough(client, db, world):
    _people_with(db, world, 12, ["money", "housing"])
    _people_with(db, world, 11, ["money"])
    _people_with(db, world, 10, ["going_well"])
    _people_with(db, world, 9, ["housing"], shared=False)  # kept to themselves: never counted
    signed_in_client(client, db, world.analyst)
    section = _money_section(page(client.get(TABLE)))
    money, housing = section["headers"].index("Money") - 1, section["headers"].index("Where I live") - 1
    assert (section["North"][money], section["North"][housing]) == ("25", "10")  # 23 and 12, rounded to 5
    assert section["North"][-1] == "35"  # the 33 young people who shared the topic


def test_a_theme_everyone_who_shared_has_is_hidden(client, db, world):
    _people_with(db, world, 20, ["money"])
    signed_in_client(client, db, world.analyst)
    section = _money_section(page(client.get(TABLE)))
    assert section["North"][section["headers"].index("Money") - 1] == "c"


def test_a_small_group_shows_no_figures(client, db, world):
    _people_with(db, world, 6, ["money"])
    signed_in_client(client, db, world.analyst)
    section = _money_section(page(client.get(TABLE)))
    assert set(section["North"]) == {"c"}


def test_the_words_never_reach_an_analyst_page_or_download(client, db, world):
    _people_with(db, world, 12, ["money"])
    signed_in_client(client, db, world.analyst)
    for path in (TABLE, TABLE.replace("themes?", "themes.csv?"), TABLE.replace("themes?", "themes.json?")):
        response = client.get(path)
        assert response.status_code == 200
        assert "SECRET-WORDS" not in response.text and "skint" not in response.text
    workbook = client.get(TABLE.replace("themes?", "themes.xlsx?")).content
    sheets = zipfile.ZipFile(io.BytesIO(workbook))
    assert not any(b"SECRET-WORDS" in sheets.read(name) for name in sheets.namelist())
