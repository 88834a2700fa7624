"""Every form parser on hostile input: never an exception, always a clean value or a message.

The parsers are pure functions, so they are fuzzed directly (no database): the check-in topic and
share forms, dates, free text, the add-a-young-person and add-staff checks, and the passphrase and
username rules. Inputs mix real field names and answer keys with markup, odd Unicode (bidi marks,
combining characters, emoji, lone surrogates), NUL and other control characters, and long text.
"""

import os
import unicodedata
from datetime import date

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from app.auth.credential_rules import (
    MAX_LENGTH,
    MIN_LENGTH,
    USERNAME_PATTERN,
    passphrase_problem,
    username_problem,
)
from app.checkins.answer_form import SCALE_VALUES, TEXT_LIMIT, read_topic_form
from app.checkins.models import COMMENT_LIMIT
from app.checkins.share_form import read_share_form
from app.checkins.summary import TopicSummary
from app.forms import FIELD_BYTES, FormErrors, clean_text, parse_date, parse_meeting_date
from app.people.models import STAFF_ROLES, Locality, Role, Team, User
from app.people.staff_form import StaffForm, check_staff
from app.people.young_person_form import NAME_LIMIT, YoungPersonForm, age_on, check_young_person
from app.questions.catalogue import answers_of, asked_questions
from app.questions.loader import DEFAULT_FILE, parse_question_file
from app.questions.schema import Kind, Question

FUZZ = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
QUESTIONS = parse_question_file(DEFAULT_FILE.read_text(encoding="utf-8"))
TOPIC_KEYS = [t.key for t in QUESTIONS.topics]
ANSWER_KEYS = sorted({a.key for t in QUESTIONS.topics for q in t.questions for a in answers_of(q)})

NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "\x00",
    "\x07\x1b[31m",
    "\r\n",
    "\u202etxt.exe",  # right-to-left override
    "\u200f\u200e",  # right-to-left and left-to-right marks
    "\u2066\u2069",  # bidi isolates
    "👩\u200d👩\u200d👧",  # a family: emoji joined by zero-width joiners
    "🏳️\u200d🌈",
    "e\u0301\u0301\u0301",  # stacked combining accents
    "\u00a0\u3000",  # odd spaces
    "\u2028\u2029",
    "\ud800",  # a lone surrogate: cannot be written as UTF-8
    "\ufeff\u00ad",
    "﷽",
    "²",  # isdigit() is true, int() fails
    "١٠",  # Arabic-Indic ten
    "9" * 30,
]
any_char = st.characters(exclude_categories=())  # every category, surrogates included
hostile_text = st.lists(
    st.one_of(st.text(any_char, max_size=30), st.sampled_from(NASTY), st.sampled_from(ANSWER_KEYS)),
    max_size=12,
).map("".join)
long_text = st.integers(COMMENT_LIMIT - 5, COMMENT_LIMIT * 3).map(
    lambda n: "é\x00<b>"[: n % 5 + 1] * (n // 3)
)
field_text = st.one_of(hostile_text, long_text, st.sampled_from([*SCALE_VALUES, "11", "-1", "07", " 5 ", ""]))

ALLOWED_FORMAT = {"\u200c", "\u200d"}  # zero-width non-joiner and joiner


def assert_clean(text: str, limit: int) -> None:
    """Free text that is safe to store anywhere: in length, and free of controls and NUL."""
    assert len(text) <= limit
    text.encode("utf-8")  # no lone surrogates
    for ch in text:
        category = unicodedata.category(ch)
        assert ch in "\n\t" or category not in {"Cc", "Cs", "Co", "Cn", "Zl", "Zp"}, repr(ch)
        assert category != "Cf" or ch in ALLOWED_FORMAT, repr(ch)


def assert_messages(errors: FormErrors) -> None:
    for name, message in errors.messages.items():
        assert isinstance(message, str) and message.strip(), name


@FUZZ
@given(hostile_text, st.integers(0, 3000))
def test_clean_text_removes_controls_and_keeps_to_the_limit(text, limit):
    assert_clean(clean_text(text, limit=limit), limit)


@FUZZ
@given(st.text(st.characters(categories=["L", "M", "N", "P", "S"]), min_size=1, max_size=200))
def test_clean_text_keeps_ordinary_writing_as_it_was(text):
    assert clean_text(text, limit=1000) == text


def test_clean_text_keeps_emoji_sequences_and_makes_odd_spaces_plain():
    assert clean_text("👩\u200d👩\u200d👧 ok", limit=50) == "👩\u200d👩\u200d👧 ok"
    assert clean_text("a\u00a0b\u2028c\x00d\u202ee", limit=50) == "a b\ncde"


@st.composite
def topic_forms(draw: st.DrawFn) -> tuple[list[Question], dict[str, list[str]]]:
    """A topic screen's questions and a form with real and made-up field names."""
    item = draw(st.sampled_from(QUESTIONS.topics))
    questions = asked_questions(item, quick=draw(st.booleans()))
    names = st.one_of(
        st.sampled_from([q.key for q in item.questions] + ["comment", "action", "csrf_token"]), hostile_text
    )
    values = st.lists(st.one_of(st.sampled_from(ANSWER_KEYS), field_text), max_size=4)
    return questions, draw(st.dictionaries(names, values, max_size=8))


def _valid(question: Question, chosen: list[str]) -> bool:
    if question.kind is Kind.scale:
        return len(chosen) == 1 and chosen[0] in SCALE_VALUES
    if question.kind is Kind.text:
        assert_clean(chosen[0], FIELD_BYTES)
        return len(chosen) == 1 and 0 < len(chosen[0]) <= TEXT_LIMIT
    offered = {a.key for a in answers_of(question)}
    exclusive = {a.key for a in question.answers if a.exclusive}
    one_only = question.kind is not Kind.multi or bool(exclusive & set(chosen))
    return set(chosen) <= offered and (len(chosen) == 1 or not one_only)


@FUZZ
@given(topic_forms())
@example(
    ([q for t in QUESTIONS.topics for q in t.questions if q.kind is Kind.scale], {"wellbeing.anxious": ["²"]})
)
def test_topic_form_gives_offered_answers_or_a_message_beside_the_question(case):
    questions, form = case
    answers, errors = read_topic_form(questions, form)
    assert_clean(answers.comment, FIELD_BYTES)
    assert ("comment" in errors.messages) == (len(answers.comment) > COMMENT_LIMIT), (
        "kept whole, with a message"
    )
    assert_messages(errors)
    by_key = {q.key: q for q in questions}
    assert set(answers.values) <= set(by_key), "only the screen's own questions are kept"
    assert set(errors.messages) <= set(answers.values) | {"comment"}
    for key, chosen in answers.values.items():
        assert chosen, key
        if key not in errors.messages:
            assert _valid(by_key[key], chosen), (key, chosen)


@st.composite
def share_forms(draw: st.DrawFn) -> tuple[list[TopicSummary], dict[str, list[str]]]:
    summaries = [TopicSummary(key=k, title=k.title(), skipped=draw(st.booleans())) for k in TOPIC_KEYS]
    names = st.one_of(
        st.sampled_from(
            [f"share-{k}" for k in TOPIC_KEYS] + ["talk_about", "talk_about_words", "going_well", "action"]
        ),
        hostile_text,
    )
    values = st.lists(
        st.one_of(st.sampled_from(["share", "keep", "share_all", "keep_all", *TOPIC_KEYS]), field_text),
        max_size=4,
    )
    return summaries, draw(st.dictionaries(names, values, max_size=10))


@FUZZ
@given(share_forms())
def test_share_form_gives_a_choice_or_a_message_for_every_answered_topic(case):
    summaries, form = case
    choices, errors = read_share_form(summaries, form)
    assert_messages(errors)
    for name in ("talk_about_words", "going_well"):
        words = getattr(choices, name)
        assert_clean(words, FIELD_BYTES)
        assert (name in errors.messages) == (len(words) > COMMENT_LIMIT), "kept whole, with a message"
    assert choices.talk_about <= set(TOPIC_KEYS)
    for summary in summaries:
        picked = [
            summary.key in choices.shared,
            summary.key in choices.kept,
            f"share-{summary.key}" in errors.messages,
        ]
        assert sum(picked) == (0 if summary.skipped else 1), (summary, picked)


boxes = st.one_of(field_text, st.integers(-5, 10**12).map(str), st.sampled_from(["29", "2", "2028", "0"]))


@FUZZ
@given(boxes, boxes, boxes)
@example("1", "1", "9999999999")
def test_a_date_of_birth_is_a_real_past_date_or_a_message(day, month, year):
    value, problem = parse_date(day, month, year)
    assert (value is None) != (problem is None)
    if value:
        assert date(1900, 1, 1) <= value <= date.today()
    else:
        assert problem.strip()


@FUZZ
@given(boxes, boxes, boxes, st.dates(date(2000, 1, 1), date(2100, 12, 31)))
def test_a_meeting_date_is_within_a_year_or_a_message(day, month, year, today):
    value, problem = parse_meeting_date(day, month, year, today=today)
    assert (value is None) != (problem is None)
    if value:
        assert today <= value and (value - today).days <= 366


def test_a_meeting_can_be_set_on_the_29th_of_february():
    leap_day = date(2028, 2, 29)
    assert parse_meeting_date("28", "2", "2029", today=leap_day) == (date(2029, 2, 28), None)


LOCALITIES = [
    Locality(id=3, organisation_id=1, name="North"),
    Locality(id=4, organisation_id=1, name="South"),
]
PAS = [
    User(id=7, organisation_id=1, username="pa.one", password_hash="x", role=Role.pa, display_name="PA One")
]


def _as_posted(text: str, size: int) -> str:
    """What a form post can carry: UTF-8 (a lone surrogate arrives as "?"), within the model's
    max_length (FastAPI answers longer with a 400 before the check runs)."""
    return text.encode("utf-8", "replace").decode()[:size]


def _limited(size: int) -> st.SearchStrategy[str]:
    return st.one_of(field_text, st.sampled_from(["3", "4", "7", "1"])).map(
        lambda text: _as_posted(text, size)
    )


@FUZZ
@given(
    st.builds(
        YoungPersonForm,
        first_name=_limited(200),
        last_name=_limited(200),
        day=_limited(10),
        month=_limited(10),
        year=_limited(10),
        locality_id=_limited(20),
        gender=_limited(200),
        pa_id=_limited(20),
    ),
    st.booleans(),
)
def test_add_a_young_person_gives_a_clean_record_or_messages(form, pa_chooses):
    record, errors = check_young_person(
        form, localities=LOCALITIES, pas=PAS, default_pa=PAS[0] if pa_chooses else None
    )
    assert_messages(errors)
    assert (record is None) == bool(errors)
    if record:
        assert_clean(record.first_name, NAME_LIMIT)
        assert_clean(record.last_name, NAME_LIMIT)
        assert record.first_name and record.last_name
        assert 16 <= age_on(record.date_of_birth, date.today()) <= 25
        assert record.locality_id in {loc.id for loc in LOCALITIES}
        assert record.pa in PAS


TEAMS = [Team(id=5, organisation_id=1, name="Leaving Care")]


@FUZZ
@given(
    st.builds(
        StaffForm,
        display_name=_limited(200),
        username=st.one_of(_limited(200), st.sampled_from(["pa.two", "Pa.Two ", "ab", "x" * 41])),
        role=st.one_of(st.sampled_from([r.value for r in Role]), _limited(20)),
        team_id=st.one_of(st.just("5"), _limited(20)),
        passphrase=st.one_of(
            _limited(1000), st.sampled_from(["kettle orbit lantern", "password1", "checkin123"])
        ),
    ),
    st.booleans(),
)
def test_add_staff_gives_no_messages_only_for_a_usable_account(form, taken):
    errors = check_staff(form, teams=TEAMS, taken=taken)
    assert_messages(errors)
    if not errors:
        assert not taken
        assert USERNAME_PATTERN.fullmatch(form.username.strip().casefold())
        assert form.role in {r.value for r in STAFF_ROLES}
        assert clean_text(form.display_name, limit=120)


@FUZZ
@given(field_text, st.lists(hostile_text, max_size=3).map(tuple))
def test_a_passphrase_is_usable_or_gets_a_message(passphrase, context):
    problem = passphrase_problem(passphrase, context_words=context)
    if problem is None:
        assert MIN_LENGTH <= len(unicodedata.normalize("NFC", passphrase)) <= MAX_LENGTH
    else:
        assert problem.strip()


@FUZZ
@given(field_text)
def test_a_username_matches_the_pattern_or_gets_a_message(username):
    problem = username_problem(username)
    assert (problem is None) == bool(USERNAME_PATTERN.fullmatch(username))
