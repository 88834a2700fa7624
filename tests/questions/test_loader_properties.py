"""The question-file loader on hostile input: a valid set or QuestionFileError, never anything else.

Three sources of input: random text (including control characters and YAML punctuation), random
YAML documents, and random mutations of the default file (structural: a key deleted, a value
replaced, an item duplicated; and textual: characters cut, inserted or swapped).
"""

import copy
import os
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.questions.loader import DEFAULT_FILE, QuestionFileError, parse_question_file
from app.questions.schema import QuestionSetFile

DEFAULT_TEXT = DEFAULT_FILE.read_text(encoding="utf-8")
DEFAULT_RAW = yaml.safe_load(DEFAULT_TEXT)
FUZZ = settings(
    max_examples=int(os.environ.get("PROPERTY_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
# Each example of the default file is a whole 260-line YAML read in pure Python: fewer of them.
FUZZ_DEFAULT = settings(FUZZ, max_examples=max(15, FUZZ.max_examples // 6))
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

yaml_punctuation = st.sampled_from(
    list(":-[]{}&*!|>'\"%@`#,?\n\t ") + ["---", "...", "!!python/object", "<<"]
)
nasty_text = st.lists(st.one_of(st.text(max_size=20), yaml_punctuation), max_size=40).map("".join)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.sampled_from(["employment", "wellbeing.anxious", "scale", "choice", "multi", "yesno", "en", ""]),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=25,
)


def outcome(text: str) -> QuestionSetFile | QuestionFileError:
    """What the loader makes of a text; any other exception fails the test."""
    try:
        return parse_question_file(text)
    except QuestionFileError as error:
        assert str(error).strip(), "a QuestionFileError must say what is wrong"
        return error


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a loaded document that a mutation can change."""
    found = [prefix] if prefix else []
    children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else []
    for key, child in children:
        found.extend(_paths(child, (*prefix, key)))
    return found


@st.composite
def mutated_defaults(draw: st.DrawFn) -> str:
    """The default file with one to three structural changes, dumped back to YAML."""
    raw = copy.deepcopy(DEFAULT_RAW)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(raw)
        *parent_path, last = draw(st.sampled_from(paths))
        parent = raw
        for step in parent_path:
            parent = parent[step]
        action = draw(st.sampled_from(["delete", "replace", "duplicate"]))
        if action == "delete":
            del parent[last]
        elif action == "replace":
            parent[last] = draw(documents)
        elif isinstance(parent, list):
            parent.insert(last, copy.deepcopy(parent[last]))
        else:
            parent[draw(st.text(max_size=10))] = copy.deepcopy(parent[last])
    return yaml.dump(raw, Dumper=DUMPER, allow_unicode=True, sort_keys=False)


@st.composite
def edited_defaults(draw: st.DrawFn) -> str:
    """The default file's text with a few characters cut, inserted or swapped."""
    text = DEFAULT_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        cut = draw(st.integers(0, 40))
        text = text[:at] + draw(st.one_of(st.just(""), nasty_text)) + text[at + cut :]
    return text


def test_the_default_file_loads():
    assert isinstance(outcome(DEFAULT_TEXT), QuestionSetFile)


@FUZZ
@given(nasty_text)
def test_random_text_gives_a_set_or_a_message(text):
    outcome(text)


@FUZZ
@given(documents)
def test_random_yaml_documents_give_a_set_or_a_message(document):
    outcome(yaml.safe_dump(document, allow_unicode=True))


@FUZZ_DEFAULT
@given(mutated_defaults())
def test_structural_changes_to_the_default_file_give_a_set_or_a_message(text):
    result = outcome(text)
    if isinstance(result, QuestionFileError):
        assert str(result).startswith(("The file", "The question set has mistakes"))


@FUZZ_DEFAULT
@given(edited_defaults())
def test_typing_mistakes_in_the_default_file_give_a_set_or_a_message(text):
    outcome(text)


def test_deeply_nested_yaml_is_refused_with_a_message_not_a_crash():
    result = outcome("[" * 600 + "]" * 600)
    assert isinstance(result, QuestionFileError)
    assert "nested too deeply" in str(result)
