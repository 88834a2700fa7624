"""Downloads: the same bytes every time for a closed period, logged, readable, and never personal."""

import hashlib
import io
import re
import zipfile

from openpyxl import load_workbook
from sqlmodel import col, select

from app.insights.models import ExportLog
from app.people.models import Locality
from tests.insights.cohort import add_people
from tests.web import page, signed_in_client

PERIOD = "2025-Q1"
PERSONAL = [
    "Zebedee", "Quill", "Alex", "Blake", "Casey", "Tester", "young.one", "pa.one", "pa.two",
    "Pa One", "Leaving Care", "2006-06-01", "1 June 2006", "01/06/2006", "2006-05-14",
    "Free text no one may see", "My own words", "young_person", "date_of_birth",
]  # fmt: skip


def fetch(client, key: str, file_format: str, period: str = PERIOD) -> bytes:
    response = client.get(f"/insights/tables/{key}.{file_format}?period={period}")
    assert response.status_code == 200, (key, file_format, response.status_code)
    return response.content


def xlsx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist())


def test_a_locality_of_three_shows_only_c_and_3_appears_nowhere_in_the_downloads(client, db, world):
    south, east = (Locality(organisation_id=world.org.id, name=name) for name in ("South", "East"))
    db.add_all([south, east])
    db.commit()
    add_people(db, world.locality, 3, {"life.ran_out": "yes"})
    add_people(db, south, 25, {"life.ran_out": "no"})
    add_people(db, east, 14, {"life.ran_out": "yes"})
    add_people(db, east, 16, {"life.ran_out": "no"})
    signed_in_client(client, db, world.analyst)
    html = page(client.get(f"/insights/tables/life.ran_out?period={PERIOD}"))
    north = next(tr for tr in html.select("tbody tr") if tr.th.get_text(strip=True) == "North")
    assert {td.get_text(strip=True) for td in north.find_all("td")} == {"c"}
    for file_format in ("csv", "json"):
        assert not re.search(r"\b3\b", fetch(client, "life.ran_out", file_format).decode("utf-8-sig"))
    sheet = load_workbook(io.BytesIO(fetch(client, "life.ran_out", "xlsx")))["Table"]
    assert all(cell.value not in (3, "3") for line in sheet.iter_rows() for cell in line)


def test_two_downloads_of_a_closed_period_are_byte_identical_and_both_logged(client, db, world):
    add_people(db, world.locality, 12, {"wellbeing.life_satisfaction": 7, "housing.where": "D"})
    signed_in_client(client, db, world.analyst)
    files = {f: [fetch(client, "accommodation", f) for _ in range(2)] for f in ("csv", "xlsx", "json")}
    logged = db.exec(select(ExportLog).order_by(col(ExportLog.id))).all()
    assert [(e.file_format, e.table_key, e.period, e.user_id) for e in logged] == [
        (f, "accommodation", PERIOD, world.analyst.id) for f in ("csv", "csv", "xlsx", "xlsx", "json", "json")
    ]
    for file_format, (first, second) in files.items():
        assert first == second, file_format
        digests = {e.sha256 for e in logged if e.file_format == file_format}
        assert digests == {hashlib.sha256(first).hexdigest()}


def test_the_xlsx_reads_back_with_its_table_and_a_notes_sheet(client, db, world):
    add_people(db, world.locality, 12, {"employment.activity": "F2"})
    signed_in_client(client, db, world.analyst)
    book = load_workbook(io.BytesIO(fetch(client, "activity", "xlsx")))
    assert book.sheetnames == ["Table", "Notes"]
    table = [[c for c in line if c is not None] for line in book["Table"].iter_rows(values_only=True)]
    assert table[0] == ["Activity (DfE ACTIV), self-reported"]
    assert ["North", 0, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 10] in table
    notes = " ".join(str(c) for line in book["Notes"].iter_rows(values_only=True) for c in line if c)
    for words in ("c: confidential", "k: rounds to zero", "Self-report", "nearest 5", "2025-Q1"):
        assert words in notes
    assert book.properties.modified.year == 2025


def test_downloads_hold_no_personal_data(client, db, world):
    add_people(db, world.locality, 12, {"housing.where": "U", "risk.unsafe_now": "yes", "wellbeing.happy": 6})
    signed_in_client(client, db, world.analyst)
    keys = [
        a["href"].split("?")[0].rsplit("/", 1)[1] for a in page(client.get("/insights")).select("main ul a")
    ]
    keys = [
        k for k in keys if k.startswith(("ons", "change", "activity", "accommodation", "coverage", "safety"))
    ]
    contents = [fetch(client, key, f) for key in [*keys, "risk.unsafe_now"] for f in ("csv", "json")]
    contents += [xlsx_text(fetch(client, key, "xlsx")).encode() for key in ("coverage", "risk.unsafe_now")]
    for content in contents:
        text = content.decode("utf-8-sig")
        assert not [word for word in PERSONAL if word in text]
