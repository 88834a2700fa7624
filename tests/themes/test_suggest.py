"""Suggestions from the offline model, as the service and `checkin themes suggest` give them."""

import json
import threading

from click.testing import CliRunner

from app.cli import main
from app.themes.catalogue import keys, latest_version
from app.themes.labelled import training_fingerprint
from app.themes.model import Weights, artefact_path
from app.themes.suggest import model, suggest

SKINT = "skint again, cant pay the gas and my flat is freezing"


def test_money_and_housing_are_suggested_for_a_cold_flat_and_no_money():
    for topic in (None, "housing", "life"):
        suggested = suggest(SKINT, topic=topic)
        assert {"money", "housing"} <= set(suggested), topic
        assert len(suggested) <= 3


def test_the_topic_the_comment_was_written_under_steers_the_suggestions():
    assert suggest("got a court date next month", topic="risk")[0] == "police_and_courts"
    assert suggest("waiting on a letter", topic="health")[0] == "physical_health"
    assert suggest("waiting on a letter", topic="education")[0] == "education"
    assert suggest("waiting on a letter", topic="not-a-topic") == suggest("waiting on a letter")


def test_suggestions_are_catalogue_keys_best_first_and_limited():
    assert suggest("home office lost my papers and i cant work til its sorted")[0] == "immigration_status"
    assert len(suggest(SKINT, limit=1)) == 1
    assert set(suggest("my baby has been ill and i cant get a gp appointment")) <= set(keys())


def test_nothing_is_suggested_for_empty_or_very_short_text():
    assert suggest("") == []
    assert suggest("   ") == []
    assert suggest("ok") == []
    assert suggest("...") == []


def test_the_stored_weights_were_fitted_on_the_labelled_set_as_it_is():
    weights = Weights.load(artefact_path(latest_version()))
    assert weights.trained_on == training_fingerprint(), "run `python -m app.themes.train`"
    assert weights.keys == keys(latest_version())


def test_threads_sharing_the_model_get_the_same_answers():
    texts = [SKINT, "my mum keeps ringing me drunk", "got my refugee status today!!", "court on monday"] * 25
    expected = [suggest(t) for t in texts]
    results: dict[int, list[list[str]]] = {}

    def work(n: int) -> None:
        results[n] = [suggest(t) for t in texts]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(answers == expected for answers in results.values())
    assert model() is model()


def test_the_command_writes_one_json_object_per_line_read():
    result = CliRunner().invoke(
        main, ["themes", "suggest"], input=f"{SKINT}\n\nok\nhome office lost my papers\n"
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert len(lines) == 4
    assert {"money", "housing"} <= set(lines[0]["themes"])
    assert lines[1] == {"themes": []} and lines[2] == {"themes": []}
    assert lines[3]["themes"] == suggest("home office lost my papers")


def test_the_command_passes_the_topic_as_the_service_does():
    comment = "the council never ring me back about it"
    result = CliRunner().invoke(main, ["themes", "suggest", "--topic", "housing"], input=comment + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"themes": suggest(comment, topic="housing")}
    refused = CliRunner().invoke(main, ["themes", "suggest", "--topic", "astrology"], input=comment + "\n")
    assert refused.exit_code != 0
