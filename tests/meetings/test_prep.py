"""Meeting preparation shows only what was shared: now, last time, at the start, markers."""

from datetime import date, timedelta

from sqlmodel import select

from app.audit.models import AuditEvent
from app.checkins.models import CheckIn
from tests.meetings.helpers import as_pa, check_in
from tests.web import error_messages, page


def _three_check_ins(client, db, world) -> list[int]:
    ids = [
        check_in(
            client,
            db,
            world,
            {
                "wellbeing": {"wellbeing.life_satisfaction": "8", "wellbeing.anxious": "2"},
                "housing": {"housing.feeling": "good", "comment": "private flat words"},
            },
            {"wellbeing": "share", "housing": "keep"},
        ),
        check_in(
            client,
            db,
            world,
            {"wellbeing": {"wellbeing.life_satisfaction": "7", "wellbeing.anxious": "3"}},
            {"wellbeing": "share"},
        ),
        check_in(
            client,
            db,
            world,
            {
                "wellbeing": {
                    "wellbeing.life_satisfaction": "4",
                    "wellbeing.anxious": "7",
                    "comment": "rough month",
                },
                "life": {"life.feeling": "not_great", "life.help": "yes"},
                "housing": {"housing.feeling": "really_bad", "housing.safe": "never"},
            },
            {"wellbeing": "share", "life": "share", "housing": "keep"},
            talk_about=["life"],
            going_well="Got my provisional licence",
        ),
    ]
    return ids


def test_prep_shows_now_last_time_and_the_start_with_reasons(client, db, world):
    _three_check_ins(client, db, world)
    as_pa(client, db, world)
    html = page(client.get(f"/young-people/{world.young.id}/meeting"))
    wellbeing = html.find(id="topic-wellbeing")
    row = wellbeing.find("th", string="Overall, how satisfied are you with your life nowadays?").parent
    assert [td.get_text(strip=True) for td in row.find_all("td")] == [
        "4 out of 10",
        "7 out of 10",
        "8 out of 10",
    ]
    reasons = [li.get_text(strip=True) for li in wellbeing.select(".app-markers li")]
    assert "life satisfaction 7 → 4" in reasons
    assert "anxiety now in the ONS 'high' band" in reasons
    assert "life satisfaction now in the ONS 'low' band" in reasons
    life = [li.get_text(strip=True) for li in html.find(id="topic-life").select(".app-markers li")]
    assert life == ["asked for help with money"]
    assert "rough month" in wellbeing.get_text()
    assert "Got my provisional licence" in html.find(id="going-well").get_text()
    assert "Money and everyday life" in html.find(id="talk-about").get_text()


def test_nothing_unshared_reaches_the_pa(client, db, world):
    _three_check_ins(client, db, world)
    as_pa(client, db, world)
    for path in (f"/young-people/{world.young.id}/meeting", "/caseload"):
        text = client.get(path).text
        assert "private flat words" not in text
        assert "Do you feel safe where you live?" not in text
        assert "feel about where you live" not in text
    assert page(client.get(f"/young-people/{world.young.id}/meeting")).find(id="topic-housing") is None


def test_each_view_writes_one_audit_row_without_answers(client, db, world):
    _three_check_ins(client, db, world)
    as_pa(client, db, world)
    client.get(f"/young-people/{world.young.id}/meeting")
    rows = db.exec(select(AuditEvent).where(AuditEvent.action == "meeting.viewed")).all()
    assert [(r.actor_id, r.young_person_id) for r in rows] == [(world.pa.id, world.young.id)]
    stored = " ".join(str(v) for v in rows[0].model_dump().values())
    assert "rough month" not in stored and "life_satisfaction" not in stored


def test_another_pa_gets_not_found_for_every_meeting_url(client, db, world):
    ids = _three_check_ins(client, db, world)
    as_pa(client, db, world, world.pa2)
    token = page(client.get("/caseload")).find("input", attrs={"name": "csrf_token"})["value"]
    base = f"/young-people/{world.young.id}"
    assert client.get(f"{base}/meeting").status_code == 404
    for path in (
        f"{base}/check-ins/{ids[-1]}/seen",
        f"{base}/check-ins/{ids[-1]}/reply",
        f"{base}/next-meeting",
    ):
        assert client.post(path, data={"csrf_token": token}).status_code == 404


def test_a_check_in_with_nothing_shared_cannot_be_marked_or_replied_to(client, db, world):
    hidden = check_in(client, db, world, {"housing": {"housing.feeling": "ok"}}, {"housing": "keep"})
    as_pa(client, db, world)
    token = page(client.get("/caseload")).find("input", attrs={"name": "csrf_token"})["value"]
    response = client.post(
        f"/young-people/{world.young.id}/check-ins/{hidden}/seen", data={"csrf_token": token}
    )
    assert response.status_code == 404


def test_mark_seen_reply_and_next_meeting_reach_the_young_person(client, db, world):
    ids = _three_check_ins(client, db, world)
    as_pa(client, db, world)
    base = f"/young-people/{world.young.id}"
    token = page(client.get(f"{base}/meeting")).find("input", attrs={"name": "csrf_token"})["value"]
    client.post(f"{base}/check-ins/{ids[-1]}/seen", data={"csrf_token": token})
    client.post(
        f"{base}/check-ins/{ids[-1]}/reply",
        data={
            "words": "Thanks for telling me.",
            "actions": "I will call about the bursary",
            "csrf_token": token,
        },
    )
    soon = date.today() + timedelta(days=30)
    meeting = {"day": str(soon.day), "month": str(soon.month), "year": str(soon.year), "csrf_token": token}
    client.post(f"{base}/next-meeting", data=meeting)
    as_pa(client, db, world, world.young_user)
    history = client.get(f"/check-ins/{ids[-1]}").text
    assert "Seen by Pa" in history
    assert "Thanks for telling me." in history and "I will call about the bursary" in history
    assert f"Your next meeting is on {soon.strftime('%A %-d %B %Y')}" in client.get("/me").text


def test_a_bad_meeting_date_is_explained_and_kept(client, db, world):
    _three_check_ins(client, db, world)
    as_pa(client, db, world)
    base = f"/young-people/{world.young.id}"
    token = page(client.get(f"{base}/meeting")).find("input", attrs={"name": "csrf_token"})["value"]
    bad = {"day": "31", "month": "2", "year": str(date.today().year + 1), "csrf_token": token}
    response = client.post(f"{base}/next-meeting", data=bad)
    assert response.status_code == 422
    assert page(response).find("input", attrs={"name": "day"})["value"] == "31"


def test_the_young_person_sees_who_has_looked_in_plain_words(client, db, world):
    _three_check_ins(client, db, world)
    as_pa(client, db, world)
    client.get(f"/young-people/{world.young.id}/meeting")
    as_pa(client, db, world, world.young_user)
    views = page(client.get("/me/who-has-looked")).find(id="views").get_text(" ", strip=True)
    assert "Pa One (your PA) looked at your check-ins on" in views


def test_the_trend_shows_the_latest_twelve_shared_answers_and_the_start_stays_the_first(client, db, world):
    shared = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 9, 8, 7]
    for n, score in enumerate(shared):
        check_in(
            client,
            db,
            world,
            {"wellbeing": {"wellbeing.life_satisfaction": str(score)}},
            {"wellbeing": "share"},
        )
        if n == 6:
            check_in(
                client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "0"}}, {"wellbeing": "keep"}
            )
    as_pa(client, db, world)
    wellbeing = page(client.get(f"/young-people/{world.young.id}/meeting")).find(id="topic-wellbeing")
    row = wellbeing.find("th", string="Overall, how satisfied are you with your life nowadays?").parent
    assert [td.get_text(strip=True) for td in row.find_all("td")] == [
        "7 out of 10",
        "8 out of 10",
        "1 out of 10",
    ]
    points = [title.get_text().rsplit(": ", 1)[1] for title in wellbeing.select(".app-trend circle title")]
    assert points == [f"{score} out of 10" for score in shared[-12:]]


def test_a_reply_over_the_limit_is_explained_and_kept_in_the_box(client, db, world):
    ids = _three_check_ins(client, db, world)
    as_pa(client, db, world)
    base = f"/young-people/{world.young.id}"
    token = page(client.get(f"{base}/meeting")).find("input", attrs={"name": "csrf_token"})["value"]
    long_reply = ("Thanks for telling me. " * 261)[:5992] + "The end."
    assert len(long_reply) == 6000
    response = client.post(
        f"{base}/check-ins/{ids[-1]}/reply",
        data={"words": long_reply, "actions": "Call the college", "csrf_token": token},
    )
    assert response.status_code == 422
    assert error_messages(response) == ["Your reply must be 2,000 characters or fewer. It has 6,000."]
    html = page(response)
    assert html.find("textarea", attrs={"name": "words"}).get_text() == long_reply
    assert html.find("textarea", attrs={"name": "actions"}).get_text() == "Call the college"
    assert db.get(CheckIn, ids[-1]).reply is None


def test_the_tables_scroll_by_keyboard_with_a_name_and_the_charts_speak_of_them(client, db, world):
    _three_check_ins(client, db, world)
    as_pa(client, db, world)
    html = page(client.get(f"/young-people/{world.young.id}/meeting"))
    boxes = html.select(".app-table-scroll")
    assert boxes
    for box in boxes:
        assert box["tabindex"] == "0" and box["role"] == "region"
        assert box["aria-label"] == box.find("caption").get_text(strip=True)
    captions = [c.get_text(" ", strip=True) for c in html.select(".app-trend figcaption, .app-trend desc")]
    assert captions and all(c.startswith("Their answers to '") for c in captions)
    assert "Your answer" not in html.get_text()


def _meeting(client, world):
    return page(client.get(f"/young-people/{world.young.id}/meeting"))


def _asks(html) -> list[str]:
    listed = html.select("#talk-about li")
    return [li.get_text(" ", strip=True).split(": ", 1)[1] for li in listed] or [
        html.find(id="talk-about").get_text()
    ]


def _save_reply(client, world, check_in_id: int, **fields: str):
    base = f"/young-people/{world.young.id}"
    token = page(client.get(f"{base}/meeting")).find("input", attrs={"name": "csrf_token"})["value"]
    return client.post(f"{base}/check-ins/{check_in_id}/reply", data={**fields, "csrf_token": token})


def test_every_ask_to_talk_stays_until_a_meeting_records_actions(client, db, world):
    money = {"life": {"life.feeling": "not_great"}}
    check_in(
        client, db, world, money, {"life": "share"}, talk_about=["life"], talk_about_words="Rent went up"
    )
    calm = check_in(
        client, db, world, {"wellbeing": {"wellbeing.life_satisfaction": "7"}}, {"wellbeing": "share"}
    )
    as_pa(client, db, world)
    assert _asks(_meeting(client, world)) == ["Money and everyday life, “Rent went up”"]
    _save_reply(client, world, calm, words="Thanks, see you Tuesday.")
    assert _asks(_meeting(client, world)) == ["Money and everyday life, “Rent went up”"]
    _save_reply(client, world, calm, words="Good to see you.", actions="I will ring the landlord.")
    assert _asks(_meeting(client, world)) == ["Nothing waiting to talk about."]
    later = {"wellbeing": {"wellbeing.life_satisfaction": "5"}}
    check_in(client, db, world, later, {"wellbeing": "keep"}, talk_about=["wellbeing"])
    as_pa(client, db, world)
    assert _asks(_meeting(client, world)) == ["How you feel"]


def test_open_safety_alerts_are_on_the_meeting_page_until_acknowledged(client, db, world):
    check_in(client, db, world, {"risk": {"risk.unsafe_now": "yes"}}, {"risk": "keep"})
    as_pa(client, db, world)
    banner = _meeting(client, world).find(id="open-alerts")
    link = banner.find("a")
    assert link.get_text(strip=True).endswith("not acknowledged yet")
    assert "Do you feel safe" not in banner.get_text()
    token = page(client.get(link["href"])).find("input", attrs={"name": "csrf_token"})["value"]
    client.post(f"{link['href']}/acknowledge", data={"action_taken": "Phoned, safe now", "csrf_token": token})
    assert _meeting(client, world).find(id="open-alerts") is None


def test_mark_as_seen_covers_every_unseen_shared_check_in(client, db, world):
    ids = _three_check_ins(client, db, world)
    hidden = check_in(client, db, world, {"housing": {"housing.feeling": "ok"}}, {"housing": "keep"})
    as_pa(client, db, world)
    base = f"/young-people/{world.young.id}"
    token = page(client.get(f"{base}/meeting")).find("input", attrs={"name": "csrf_token"})["value"]
    client.post(f"{base}/check-ins/{ids[-1]}/seen", data={"csrf_token": token})
    db.expire_all()
    assert all(db.get(CheckIn, i).seen_at for i in ids)
    assert db.get(CheckIn, hidden).seen_at is None
    assert "New check-in" not in page(client.get("/caseload")).find(id="caseload").get_text()


def test_repeated_looks_are_one_line_per_person_per_day_with_how_many_times(client, db, world):
    _three_check_ins(client, db, world)
    as_pa(client, db, world)
    for _ in range(3):
        client.get(f"/young-people/{world.young.id}/meeting")
    as_pa(client, db, world, world.pa2)
    client.get(f"/young-people/{world.young.id}/meeting")
    as_pa(client, db, world, world.young_user)
    lines = [
        li.get_text(" ", strip=True) for li in page(client.get("/me/who-has-looked")).select("#views li")
    ]
    assert len(lines) == 1, lines
    assert "Pa One (your PA) looked at your check-ins 3 times on" in lines[0]
