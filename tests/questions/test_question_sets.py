"""Question sets are data: version 1 from the repo, new versions from a file, mistakes explained."""

import pytest
import yaml
from click.testing import CliRunner
from sqlmodel import select

from app.cli import main
from app.questions.catalogue import answers_of, is_risk, latest_version, question_set, topic
from app.questions.loader import (
    DEFAULT_FILE,
    QuestionFileError,
    ensure_default_set,
    load_question_set,
    parse_question_file,
)
from app.questions.models import QuestionSet
from app.settings import get_settings


def _version_2_text() -> str:
    data = yaml.safe_load(DEFAULT_FILE.read_text())
    data["version"] = 2
    wellbeing = next(t for t in data["topics"] if t["key"] == "wellbeing")
    wellbeing["questions"].append(
        {"key": "wellbeing.one_thing", "kind": "text", "text": {"en": "One thing that helped this month?"}}
    )
    return yaml.safe_dump(data, sort_keys=False)


def test_version_1_holds_the_eight_topics_with_one_headline_each(db):
    ensure_default_set(db)
    questions = question_set(db, version=1)
    assert [t.key for t in questions.topics] == [
        "employment",
        "education",
        "housing",
        "relationships",
        "wellbeing",
        "health",
        "life",
        "risk",
    ]
    assert all(sum(q.headline for q in t.questions) == 1 for t in questions.topics)


def test_risk_answers_come_from_the_data(db):
    ensure_default_set(db)
    questions = question_set(db, version=1)
    risk = {q.key: q for q in topic(questions, "risk").questions}
    housing = {q.key: q for q in topic(questions, "housing").questions}
    assert is_risk(risk["risk.unsafe_now"], "yes") and not is_risk(risk["risk.unsafe_now"], "no")
    assert is_risk(risk["risk.feeling"], "really_unsafe") and not is_risk(risk["risk.feeling"], "bit_unsafe")
    assert is_risk(housing["housing.safe"], "never") and is_risk(housing["housing.safe"], "hardly")
    assert [a.key for a in answers_of(risk["risk.unsafe_now"])] == ["yes", "no"]


def test_loading_twice_keeps_one_version_1(db):
    ensure_default_set(db)
    ensure_default_set(db)
    assert len(db.exec(select(QuestionSet)).all()) == 1


def test_a_new_version_is_added_and_version_1_stays_readable(db):
    ensure_default_set(db)
    load_question_set(db, text=_version_2_text())
    assert latest_version(db) == 2
    assert topic(question_set(db, version=1), "wellbeing").questions[-1].key == "wellbeing.coping"
    assert topic(question_set(db, version=2), "wellbeing").questions[-1].key == "wellbeing.one_thing"


def test_a_version_number_cannot_be_loaded_twice(db):
    ensure_default_set(db)
    with pytest.raises(QuestionFileError, match="Version 1 is already loaded"):
        load_question_set(db, text=DEFAULT_FILE.read_text())


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["topics"].pop(), "each of the eight topics once"),
        (lambda d: d["topics"][0]["questions"][0].update(kind="slider"), "'employment.feeling' > kind"),
        (lambda d: d["topics"][0]["questions"][0].update(headline=False), "exactly one headline"),
        (lambda d: d["topics"][1]["questions"][1].update(key="employment.extra"), "start 'education.'"),
        (lambda d: d["topics"][7]["questions"][1].update(risk_answer="maybe"), "'yes' or 'no'"),
        (lambda d: d["topics"][0]["questions"][1].update(answers=[]), "at least two answers"),
        (
            lambda d: d["topics"][0]["questions"][1].update(colour="red"),
            "colour: a question set has no such field",
        ),
    ],
)
def test_mistakes_in_a_question_file_are_explained(change, message):
    data = yaml.safe_load(DEFAULT_FILE.read_text())
    change(data)
    with pytest.raises(QuestionFileError) as caught:
        parse_question_file(yaml.safe_dump(data))
    assert message in str(caught.value)


def test_broken_yaml_names_the_line():
    with pytest.raises(QuestionFileError, match="not valid YAML at line"):
        parse_question_file("version: 2\ntitle: {en: x}\ntopics: [\n")


def test_the_cli_loads_a_good_file_and_refuses_a_bad_one(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    get_settings.cache_clear()
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"]).exit_code == 0
    good, bad = tmp_path / "v2.yaml", tmp_path / "bad.yaml"
    good.write_text(_version_2_text())
    bad.write_text(_version_2_text().replace("kind: scale", "kind: slider", 1))
    refused = runner.invoke(main, ["questions", "load", str(bad)])
    assert refused.exit_code != 0
    assert "The question set has mistakes" in refused.output and "kind" in refused.output
    loaded = runner.invoke(main, ["questions", "load", str(good)])
    assert loaded.exit_code == 0, loaded.output
    assert "version 2" in loaded.output
    get_settings.cache_clear()
