"""Every user-facing string goes through gettext; the English catalogue is kept up to date."""

import subprocess
import sys

from babel.messages.pofile import read_po

from app.i18n import TRANSLATIONS_DIR, choose_language
from app.settings import ROOT


def _msgids(path) -> set[tuple[str | None, str]]:
    """(msgctxt, msgid) pairs: "Home" the page and "Home" the topic are different messages."""
    with open(path, "rb") as handle:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.id}


def test_the_english_catalogue_holds_every_string_in_the_code_and_templates(tmp_path):
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            "babel.cfg",
            "-k",
            "_",
            "-k",
            "gettext",
            "-k",
            "ngettext:1,2",
            "-o",
            str(fresh),
            "--no-location",
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    committed = _msgids(TRANSLATIONS_DIR / "en" / "LC_MESSAGES" / "messages.po")
    missing = _msgids(fresh) - committed
    assert not missing, f"run `make translations`; missing: {sorted(missing)[:5]}"


def test_unsupported_languages_fall_back_to_english():
    assert choose_language("pl-PL, ar;q=0.8") == "en"
    assert choose_language("") == "en"


def test_the_extractor_can_read_every_template():
    """A template the extractor cannot parse (say, a tag from an extension babel.cfg does not list)
    is skipped without a word, and its strings never reach the catalogue."""
    from configparser import ConfigParser

    from jinja2 import Environment

    config = ConfigParser()
    config.read(ROOT / "babel.cfg")
    extensions = config["jinja2: templates/**.html"]["extensions"].split(",")
    environment = Environment(extensions=[name.strip() for name in extensions])
    for template in sorted((ROOT / "templates").rglob("*.html")):
        environment.parse(template.read_text(encoding="utf-8"), filename=str(template))


def test_a_draft_language_is_used_only_when_picked():
    assert choose_language("ar, en;q=0.5") == "en"
    assert choose_language("fa-AF") == "en"


def test_every_date_format_a_page_uses_has_a_pattern_for_other_languages():
    import re

    from app.i18n import CLDR_PATTERNS

    used = set()
    for template in (ROOT / "templates").rglob("*.html"):
        used.update(re.findall(r'moment\("([^"]+)"\)', template.read_text(encoding="utf-8")))
        assert ".strftime(" not in template.read_text(encoding="utf-8"), f"{template}: use | moment(...)"
    assert used <= set(CLDR_PATTERNS), sorted(used - set(CLDR_PATTERNS))


def test_every_translation_keeps_the_placeholders_of_its_english_text():
    """A translation that drops, renames or adds a %(name)s placeholder crashes the page it is on."""
    import re

    placeholder = re.compile(r"%\((\w+)\)[sd]")
    broken = []
    for catalogue in sorted(TRANSLATIONS_DIR.glob("*/LC_MESSAGES/messages.po")):
        with open(catalogue, "rb") as handle:
            for message in read_po(handle):
                if not message.id:
                    continue
                originals = message.id if isinstance(message.id, tuple) else (message.id,)
                translations = message.string if isinstance(message.string, tuple) else (message.string,)
                expected = sorted(set().union(*(placeholder.findall(text) for text in originals)))
                for text in translations:
                    found = sorted(set(placeholder.findall(text)))
                    # a plural form may leave the number out ("one answer"), never add a name
                    fits = set(found) <= set(expected) if len(originals) > 1 else found == expected
                    if text and not fits:
                        broken.append((catalogue.parent.parent.name, originals[0], text))
    assert not broken, broken[:5]


def test_arabic_counts_use_the_form_for_their_number():
    """Arabic says "30 يوماً" (11 to 99 take the accusative singular) but "100 يوم" (100 to 102 the
    genitive); Babel's plural rule for ar puts 100-102 in form 4 and 11-99 in form 5."""
    from app.i18n import ngettext, set_language

    set_language("ar")
    try:
        days = [
            ngettext(
                "A check-in you never share is deleted after %(num)s day.",
                "A check-in you never share is deleted after %(num)s days.",
                n,
            )
            for n in (1, 3, 30, 100)
        ]
    finally:
        set_language("en")
    assert days == [
        "التسجيل الذي لا تشاركه يُحذف بعد يوم واحد.",
        "التسجيل الذي لا تشاركه يُحذف بعد 3 أيام.",
        "التسجيل الذي لا تشاركه يُحذف بعد 30 يوماً.",
        "التسجيل الذي لا تشاركه يُحذف بعد 100 يوم.",
    ]


def test_the_same_english_word_can_mean_different_things():
    """The menu's "Home" is the home page; the check-in topic "Home" is where the young person lives."""
    from app.i18n import gettext, pgettext, set_language

    set_language("ar")
    try:
        assert (pgettext("page", "Home"), gettext("Home")) == ("الصفحة الرئيسية", "البيت")
    finally:
        set_language("en")
    assert (pgettext("page", "Home"), gettext("Home")) == ("Home", "Home")
