"""A brand-new council, with no localities and no check-ins yet: its analyst's table pages work."""

from app.insights.catalogue import approved_tables
from app.insights.service import current_questions
from app.people.models import Organisation, Role
from tests.factories import make_user
from tests.web import page, signed_in_client


def test_every_table_of_a_council_with_no_check_ins_says_so_instead_of_failing(client, db, world):
    council = Organisation(name="New Council")
    db.add(council)
    db.commit()
    analyst = make_user(db, council, Role.analyst, "new.analyst")
    signed_in_client(client, db, analyst)
    for spec in approved_tables(current_questions(db)):
        for file_format in ("", ".csv", ".xlsx", ".json"):
            response = client.get(f"/insights/tables/{spec.key}{file_format}?period=2025-Q1")
            assert response.status_code == 200, (spec.key, file_format)
        html = page(client.get(f"/insights/tables/{spec.key}?period=2025-Q1"))
        assert html.select_one("#no-check-ins").get_text().startswith("Not enough check-ins yet"), spec.key
