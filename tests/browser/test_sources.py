"""An analyst loads the council's OC3 extract on a phone: mistakes explained by line, good lines loaded, tables opened."""

import pytest

from tests.browser.support import Page, expect, follow, press, sign_in, visit
from tests.factories import World
from tests.sources.extracts import born, extract, give_child_ids

pytestmark = pytest.mark.browser


def test_analyst_sees_each_mistake_by_line_loads_the_good_lines_and_opens_the_agreement_tables(
    world: World, db, page: Page
) -> None:
    give_child_ids(db, world)
    file = extract(
        f"C001,{born(world)},YES,F5,U1",
        f"C002,{born(world, 'pa2_person')},YES,Q9,D1",
        f"C002,{born(world, 'pa2_person')},DIED,F1,0",
        "C999,01/01/2006,YES,F5,U1",
    )
    sign_in(page, "analyst.one")
    visit(page, "/sources/903")
    page.get_by_label("The care leavers (OC3) extract, as a CSV file").set_input_files(
        {"name": "oc3.csv", "mimeType": "text/csv", "buffer": file}
    )
    press(page, "Check and load")
    expect(page.get_by_role("link", name="3 lines have mistakes: each is explained below.")).to_be_visible()
    mistakes = page.get_by_role("region", name="Mistakes by line")
    expect(mistakes.get_by_role("row").nth(1)).to_contain_text("'Q9' is not an ACTIV code")
    expect(mistakes.get_by_role("row").nth(2)).to_contain_text(
        "IN_TOUCH is DIED (died), so ACTIV must be 0, not F1."
    )
    expect(mistakes.get_by_role("row").nth(3)).to_contain_text(
        "No young person in your council has child ID C999"
    )
    press(page, "Load the 1 good line")
    expect(page.get_by_text("1 line loaded.")).to_be_visible()
    expect(page.get_by_text("Not matched to a young person: 1.")).to_be_visible()
    follow(page, "See the return beside what young people say")
    expect(
        page.get_by_role("heading", name="The statutory return beside what young people say")
    ).to_be_visible()
    expect(page.get_by_role("region", name="Sources map")).to_contain_text("Gap in the return")
    activity = page.get_by_role(
        "region", name="Activity: the statutory return (ACTIV, rows)", exact=False
    ).first
    expect(activity).to_contain_text("In work, training or an apprenticeship")
