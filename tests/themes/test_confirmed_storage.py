"""Confirmed themes are stored per topic, go with the words they are about, and are the young
person's to see and download."""

from sqlmodel import select

from app.themes.confirmed import add_pa_theme, choose_themes
from app.themes.models import TopicTheme
from tests.checkins.sending import send_check_in
from tests.web import csrf_token, signed_in_client

MONEY = {"life": {"life.feeling": "not_great", "comment": "skint again, cant pay the gas"}}
FLAT = {"housing": {"housing.feeling": "really_bad", "comment": "my flat is freezing"}}


def _themes(db, check_in_id: int) -> set[tuple[str, str, str]]:
    db.expire_all()
    rows = db.exec(select(TopicTheme).where(TopicTheme.check_in_id == check_in_id)).all()
    return {(r.topic_key, r.theme_key, r.added_by) for r in rows}


def _choose(db, check_in_id: int, chosen: dict[str, set[str]]) -> None:
    choose_themes(db, check_in_id=check_in_id, chosen=chosen, version=1)
    db.commit()


def _post(client, path: str):
    return client.post(path, data={"csrf_token": csrf_token(client, "/check-ins")})


def test_choosing_again_replaces_the_young_persons_themes_but_keeps_the_pas(client, db, world):
    signed_in_client(client, db, world.young_user)
    check_in_id = send_check_in(client, MONEY, {"life": "share"})
    _choose(db, check_in_id, {"life": {"money", "housing"}})
    add_pa_theme(
        db, check_in_id=check_in_id, topic_key="life", theme_key="more_support", pa_id=world.pa.id, version=1
    )
    db.commit()
    _choose(db, check_in_id, {"life": {"money"}})
    assert _themes(db, check_in_id) == {("life", "money", "young_person"), ("life", "more_support", "pa")}


def test_deleting_kept_topics_deletes_their_themes_and_leaves_the_shared_ones(client, db, world):
    signed_in_client(client, db, world.young_user)
    check_in_id = send_check_in(client, {**MONEY, **FLAT}, {"life": "share", "housing": "keep"})
    _choose(db, check_in_id, {"life": {"money"}, "housing": {"housing"}})
    assert _post(client, f"/check-ins/{check_in_id}/delete-kept").status_code == 303
    assert _themes(db, check_in_id) == {("life", "money", "young_person")}


def test_deleting_a_check_in_deletes_its_themes(client, db, world):
    signed_in_client(client, db, world.young_user)
    check_in_id = send_check_in(client, FLAT, {"housing": "keep"})
    _choose(db, check_in_id, {"housing": {"housing"}})
    assert _post(client, f"/check-ins/{check_in_id}/delete").status_code == 303
    assert _themes(db, check_in_id) == set()


def test_my_data_names_each_theme_and_who_added_it(client, db, world):
    signed_in_client(client, db, world.young_user)
    check_in_id = send_check_in(client, MONEY, {"life": "share"})
    _choose(db, check_in_id, {"life": {"money"}})
    add_pa_theme(
        db, check_in_id=check_in_id, topic_key="life", theme_key="housing", pa_id=world.pa.id, version=1
    )
    db.commit()
    [record] = client.get("/my-data.json").json()["check_ins"]
    life = next(t for t in record["topics"] if t["key"] == "life")
    assert [(t["name"], t["added_by"]) for t in life["themes"]] == [
        ("Money", "you"),
        ("Where I live", "your PA"),
    ]
    assert "Theme: Where I live (added by your PA on" in client.get("/my-data").text
