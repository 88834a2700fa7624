"""Question sets per council: each council's young people get its newest set, drafts keep theirs,
the shared core cannot be dropped or changed, and every mistake is told with its line and field."""

import copy

import pytest
import yaml
from click.testing import CliRunner
from sqlmodel import Session, select

from app.audit.models import AuditEvent
from app.checkins.service import start_check_in
from app.cli import main
from app.db import make_engine
from app.people.models import Organisation
from app.questions.catalogue import latest_version, question_set, topic
from app.questions.core import CORE_KEYS
from app.questions.loader import DEFAULT_FILE, QuestionFileError, check_council_set, load_question_set
from app.questions.publishing import council_versions, publish_council_set
from app.settings import get_settings


def council_text(*, changes=None, extra_question: bool = True) -> str:
    """The shared set with the council's own question added to housing, then `changes` applied."""
    data = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8"))
    housing = next(t for t in data["topics"] if t["key"] == "housing")
    if extra_question:
        housing["questions"].append(
            {"key": "housing.repairs", "kind": "yesno", "text": {"en": "Does your home need repairs?"}}
        )
    if changes:
        changes(data)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True)


def _question(data, key):
    return next(q for t in data["topics"] for q in t["questions"] if q["key"] == key)


def _rescored(data, key):
    """The question's answers (a list other questions share in the file) with the first rescored."""
    answers = copy.deepcopy(_question(data, key)["answers"])
    answers[0]["score"] = 9
    return answers


def test_each_council_asks_its_own_newest_set_and_others_keep_the_shared_one(db, world):
    row = publish_council_set(db, text=council_text(), organisation_id=world.org.id, actor=world.admin)
    assert row.version == 2
    mine = start_check_in(db, person=world.young, mode="full")
    theirs = start_check_in(db, person=world.other_person, mode="full")
    assert (mine.question_set_version, theirs.question_set_version) == (2, 1)
    keys = [q.key for q in topic(question_set(db, version=2), "housing").questions]
    assert keys[-1] == "housing.repairs"


def test_a_draft_keeps_the_version_it_started_with(db, world):
    draft = start_check_in(db, person=world.young, mode="full")
    publish_council_set(db, text=council_text(), organisation_id=world.org.id, actor=world.admin)
    db.refresh(draft)
    assert draft.question_set_version == 1
    assert latest_version(db, organisation_id=world.org.id) == 2


def test_a_newer_shared_set_does_not_replace_a_councils_own(db, world):
    publish_council_set(db, text=council_text(), organisation_id=world.org.id, actor=world.admin)
    shared = yaml.safe_load(DEFAULT_FILE.read_text(encoding="utf-8")) | {"version": 3}
    load_question_set(db, text=yaml.safe_dump(shared))
    assert latest_version(db, organisation_id=world.org.id) == 2
    assert latest_version(db, organisation_id=world.other_org.id) == 3
    assert latest_version(db) == 3


def test_publishing_is_audited_with_who_and_listed_for_that_council_only(db, world):
    row = publish_council_set(db, text=council_text(), organisation_id=world.org.id, actor=world.admin)
    event = db.exec(select(AuditEvent).where(AuditEvent.action == "question_set.published")).one()
    assert (event.actor_id, event.organisation_id, event.record_id) == (world.admin.id, world.org.id, row.id)
    [listed] = council_versions(db, organisation_id=world.org.id)
    assert (listed.version, listed.published_by) == (2, world.admin.display_name)
    assert council_versions(db, organisation_id=world.other_org.id) == []


def test_a_council_set_that_drops_a_core_question_is_refused(db, world):
    def drop(data):
        wellbeing = next(t for t in data["topics"] if t["key"] == "wellbeing")
        wellbeing["questions"] = [q for q in wellbeing["questions"] if q["key"] != "wellbeing.hope_agency"]

    with pytest.raises(QuestionFileError) as caught:
        publish_council_set(
            db, text=council_text(changes=drop), organisation_id=world.org.id, actor=world.admin
        )
    assert "wellbeing.hope_agency is a core question" in str(caught.value)
    assert latest_version(db, organisation_id=world.org.id) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: _question(d, "wellbeing.happy").update(text={"en": "Were you happy?"}), "text"),
        (
            lambda d: _question(d, "housing.feeling").update(answers=_rescored(d, "housing.feeling")),
            "answers",
        ),
        (lambda d: _question(d, "risk.unsafe_now").update(risk_answer="no"), "risk_answer"),
    ],
)
def test_a_council_set_that_changes_a_core_question_is_refused_naming_the_field(db, world, change, field):
    with pytest.raises(QuestionFileError) as caught:
        check_council_set(db, text=council_text(changes=change))
    [mistake] = caught.value.mistakes
    assert mistake.where.endswith(f"> {field}") and f"change {field} back" in mistake.message


def test_a_council_may_reword_its_own_questions_and_add_some(db, world):
    def reword(data):
        _question(data, "housing.where").update(text={"en": "Where do you live?"})

    checked = check_council_set(db, text=council_text(changes=reword))
    where = next(q for q in topic(checked, "housing").questions if q.key == "housing.where")
    assert where.text == {"en": "Where do you live?"}
    assert {q.key for t in checked.topics for q in t.questions} >= {*CORE_KEYS, "housing.repairs"}


THREE_MISTAKES = """\
version: 2
title: {en: "Our council's check-in"}
topics:
  - key: employment
    title: {en: "Work"}
    questions:
      - key: employment.feeling
        headline: true
        kind: slider
        text: {en: "How do you feel about work?"}
      - key: Employment.Help
        kind: yesno
        text: {en: "Would you like help with work?"}
        colour: red
"""


def test_every_mistake_is_told_with_its_line_and_field_in_plain_words(db, world):
    with pytest.raises(QuestionFileError) as caught:
        check_council_set(db, text=THREE_MISTAKES)
    told = [(m.line, m.where, m.message) for m in caught.value.mistakes]
    assert (
        9,
        "topics > 'employment' > questions > 'employment.feeling' > kind",
        "must be one of: 'scale', 'choice', 'multi', 'yesno' or 'text'",
    ) in told
    assert any(
        line == 11 and where.endswith("'Employment.Help' > key") and "small letters" in message
        for line, where, message in told
    )
    assert (
        14,
        "topics > 'employment' > questions > 'Employment.Help' > colour",
        "a question set has no such field: check the spelling, or remove it",
    ) in told
    assert any("employment.feeling is a core question" not in m for _, _, m in told)
    assert sum("is a core question" in m for _, _, m in told) == len(CORE_KEYS) - 1
    lines = [line or 0 for line, _, _ in told]
    assert lines == sorted(lines)


def test_the_cli_publishes_a_councils_set_and_explains_a_bad_one(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    with Session(make_engine(url)) as session:
        session.add(Organisation(name="Riverside"))
        session.commit()
    good, bad = tmp_path / "ours.yaml", tmp_path / "bad.yaml"
    good.write_text(council_text())
    bad.write_text(THREE_MISTAKES)
    refused = runner.invoke(main, ["questions", "load", str(bad), "--organisation", "Riverside"])
    assert refused.exit_code != 0 and "Line 9, topics > 'employment'" in refused.output
    unknown = runner.invoke(main, ["questions", "load", str(good), "--organisation", "Nowhere"])
    assert unknown.exit_code != 0 and "No council is called 'Nowhere'" in unknown.output
    loaded = runner.invoke(main, ["questions", "load", str(good), "--organisation", "Riverside"])
    assert loaded.exit_code == 0 and "version 2" in loaded.output, loaded.output
    get_settings.cache_clear()
