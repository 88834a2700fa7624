"""The analyst's pages: the list of tables, a table with its chart and notes, and who may see them."""

import hashlib

from app.db import utcnow
from app.people.models import Role
from tests.insights.cohort import add_people
from tests.web import page, signed_in_client


def test_the_analyst_picks_a_period_and_sees_the_approved_tables(client, db, world):
    signed_in_client(client, db, world.analyst)
    html = page(client.get("/insights?period=2025-q1"))
    links = [a["href"] for a in html.select("main ul.govuk-list--bullet a")]
    assert "/insights/tables/coverage?period=2025-Q1" in links
    assert "/insights/tables/wellbeing.life_satisfaction?period=2025-Q1" in links
    assert (
        html.select_one("#chosen-period").get_text(strip=True) == "Showing tables for January to March 2025."
    )
    assert html.select_one("#period")["value"] == "2025-Q1"
    now = utcnow()
    current = page(client.get(f"/insights/tables/coverage?period={now.year}"))
    assert current.select_one("#provisional") is not None


def test_a_table_shows_figures_a_chart_with_gaps_marked_c_and_its_notes(client, db, world):
    for answer, count in (("yes", 15), ("no", 4), ("not_sure", 20)):
        add_people(db, world.locality, count, {"relationships.trusted_adult": answer})
    signed_in_client(client, db, world.analyst)
    html = page(client.get("/insights/tables/relationships.trusted_adult?period=2025-Q1"))
    chart = html.select_one("svg[role=img]")
    assert chart.title.get_text() and chart.desc.get_text()
    assert [t.get_text() for t in chart.select("text") if t.get_text() in {"c", "20"}] == ["c", "c", "20"]
    captions = [c.get_text(strip=True) for c in html.select("table caption")]
    assert captions[:2] == ["By locality", "By locality – percentage of each row's total"]
    first = html.select_one("table")
    assert {th["scope"] for th in first.select("th")} == {"col", "row"}
    assert [td.get_text() for td in first.select("tbody tr")[0].select("td")] == ["c", "c", "20", "40"]
    notes = html.select_one("#notes").find_next("ul").get_text()
    assert "Is there an adult you trust" in html.get_text() and "Final: the period has ended." in notes
    assert html.select_one("#provisional") is None
    assert len(html.select("#downloads a")) == 3


def test_a_period_that_is_not_a_fixed_past_one_gets_a_clear_message_and_a_bad_table_is_not_found(
    client, db, world
):
    signed_in_client(client, db, world.analyst)
    for period in ("2025-13", "soon", "2999", "1999-Q1"):
        for path in ("/insights", "/insights/tables/coverage"):
            response = client.get(f"{path}?period={period}")
            assert response.status_code == 400
            assert page(response).select_one(".govuk-error-summary a")["href"] == "#period"
        assert client.get(f"/insights/tables/coverage.csv?period={period}").status_code == 404
    assert client.get("/insights/tables/everyone-by-name?period=2025").status_code == 404
    assert client.get("/insights/tables/everyone-by-name.csv?period=2025").status_code == 404


def test_only_analysts_see_insights(client, db, world):
    for role in Role:
        client.cookies.clear()
        signed_in_client(client, db, world.user(role))
        expected = 200 if role is Role.analyst else 403
        assert client.get("/insights").status_code == expected, role
        assert client.get("/insights/tables/coverage.json?period=2025").status_code == expected, role


def test_admins_see_every_download_in_their_own_council_only(client, db, world):
    signed_in_client(client, db, world.analyst)
    content = client.get("/insights/tables/coverage.csv?period=2025-Q1").content
    client.cookies.clear()
    signed_in_client(client, db, world.admin)
    rows = page(client.get("/admin/exports")).select("#export-log tbody tr")
    cells = [td.get_text(" ", strip=True) for td in rows[0].select("td")]
    assert cells[1:5] == ["Analyst One analyst.one", "Check-in coverage", "2025-Q1", "csv"]
    assert cells[5] == hashlib.sha256(content).hexdigest()
    client.cookies.clear()
    signed_in_client(client, db, world.other_admin)
    assert page(client.get("/admin/exports")).select_one("#no-exports") is not None
