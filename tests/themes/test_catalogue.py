"""The theme catalogue: the stable keys of issue 16, each with words a young person understands."""

from app.i18n import set_language
from app.themes.catalogue import keys, latest_version, theme, themes, versions

STABLE_KEYS = (
    "money",
    "housing",
    "loneliness",
    "family",
    "friends_and_partners",
    "mental_health",
    "physical_health",
    "finding_work",
    "education",
    "everyday_living",
    "drugs_and_alcohol",
    "police_and_courts",
    "immigration_status",
    "parenting",
    "more_support",
    "going_well",
)


def test_version_one_has_exactly_the_sixteen_stable_keys():
    assert versions()[0] == 1
    assert keys(1) == STABLE_KEYS
    assert latest_version() == max(versions())


def test_every_theme_has_a_plain_name_and_a_description():
    set_language("en")
    names = [t.name_text() for t in themes()]
    assert len(set(names)) == len(names)
    for item in themes():
        assert 3 <= len(item.name_text()) <= 30
        assert len(item.description_text()) > len(item.name_text())


def test_a_theme_is_found_by_key_and_an_unknown_key_is_not():
    money = theme("money")
    assert money is not None
    assert money.name_text() == "Money"
    assert theme("astrology") is None


def test_a_missing_translation_falls_back_to_english():
    money = theme("money")
    assert money is not None
    assert money.name_text("cy") == "Money"
