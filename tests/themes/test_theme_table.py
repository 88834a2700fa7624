"""The analysts' table "What young people wrote about": confirmed themes of shared topics only,
distinct young people, through the disclosure rules; the words themselves never reach an analyst."""

import io
import zipfile

from tests.themes.seeding import people_with_themes
from tests.web import page, signed_in_client

TABLE = "/insights/tables/themes?period=2025-Q1"


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
    people_with_themes(db, world.locality, 12, ["money", "housing"])
    people_with_themes(db, world.locality, 11, ["money"])
    people_with_themes(db, world.locality, 10, ["going_well"])
    people_with_themes(db, world.locality, 9, ["housing"], shared=False)  # kept to themselves: never counted
    signed_in_client(client, db, world.analyst)
    section = _money_section(page(client.get(TABLE)))
    money, housing = section["headers"].index("Money") - 1, section["headers"].index("Where I live") - 1
    assert (section["North"][money], section["North"][housing]) == ("25", "10")  # 23 and 12, rounded to 5
    assert len(section["North"]) == len(section["headers"]) - 1, "no totals column: coverage publishes those"


def test_a_theme_everyone_who_shared_has_is_hidden(client, db, world):
    people_with_themes(db, world.locality, 20, ["money"])
    signed_in_client(client, db, world.analyst)
    section = _money_section(page(client.get(TABLE)))
    assert section["North"][section["headers"].index("Money") - 1] == "c"


def test_a_small_group_shows_no_figures(client, db, world):
    people_with_themes(db, world.locality, 6, ["money"])
    signed_in_client(client, db, world.analyst)
    section = _money_section(page(client.get(TABLE)))
    assert set(section["North"]) == {"c"}


def test_the_words_never_reach_an_analyst_page_or_download(client, db, world):
    people_with_themes(db, world.locality, 12, ["money"])
    signed_in_client(client, db, world.analyst)
    for path in (TABLE, TABLE.replace("themes?", "themes.csv?"), TABLE.replace("themes?", "themes.json?")):
        response = client.get(path)
        assert response.status_code == 200
        assert "SECRET-WORDS" not in response.text and "skint" not in response.text
    workbook = client.get(TABLE.replace("themes?", "themes.xlsx?")).content
    sheets = zipfile.ZipFile(io.BytesIO(workbook))
    assert not any(b"SECRET-WORDS" in sheets.read(name) for name in sheets.namelist())
