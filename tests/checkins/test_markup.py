"""The check-in's own lean question markup is the GOV.UK Frontend markup, element for element.

templates/components/questions.html and the error summary in components/forms.html render
without govuk-frontend-jinja's macros (they cost half a topic screen's server time). Here every
question of the default set, in every state a screen shows, is rendered both ways and compared:
the same elements, attributes (ids, names, values, classes, aria-describedby, checked) and texts,
whitespace between elements aside.
"""

import pytest
from bs4 import BeautifulSoup, NavigableString
from jinja2 import DictLoader, Environment
from markupsafe import Markup

from app.checkins.answer_form import TopicAnswers
from app.forms import FormErrors
from app.main import app_templates
from app.questions.catalogue import answers_of
from app.questions.fields import QuestionFields
from app.questions.loader import DEFAULT_FILE, parse_question_file
from app.questions.schema import Kind, Question
from app.settings import Settings

# What the screens rendered before: govuk-frontend-jinja's macros with these parameters.
GOVUK = """
{% from "govuk_frontend_jinja/components/radios/macro.html" import govukRadios %}
{% from "govuk_frontend_jinja/components/checkboxes/macro.html" import govukCheckboxes %}
{% from "govuk_frontend_jinja/components/textarea/macro.html" import govukTextarea %}
{% from "govuk_frontend_jinja/components/error-summary/macro.html" import govukErrorSummary %}
{% macro question_field(question, answers, errors) %}
{% set chosen = answers.values.get(question.key, []) %}
{% set legend = {"text": say(question.text), "classes": "govuk-fieldset__legend--m"} %}
{% set error = errors.field(question.key) if errors else none %}
{% if question.kind == "scale" %}
{% set items = [] %}
{% for n in range(0, 11) %}{% do items.append({"value": n|string, "text": n|string, "checked": (n|string) in chosen}) %}{% endfor %}
{{ govukRadios({
  "name": question.key, "idPrefix": question.key|replace(".", "-"), "classes": "app-scale",
  "fieldset": {"legend": legend},
  "hint": {"text": _("0 is '%(low)s' and 10 is '%(high)s'", low=say(question.low), high=say(question.high))},
  "items": items, "errorMessage": error
}) }}
{% elif question.kind == "multi" %}
{% set items = [] %}
{% for answer in answers_of(question) %}{% do items.append({"value": answer.key, "text": say(answer.text), "checked": answer.key in chosen}) %}{% endfor %}
{{ govukCheckboxes({
  "name": question.key, "idPrefix": question.key|replace(".", "-"), "fieldset": {"legend": legend},
  "hint": {"text": say(question.hint)} if question.hint else none, "items": items, "errorMessage": error
}) }}
{% elif question.kind == "text" %}
{{ govukTextarea({
  "name": question.key, "id": question.key|replace(".", "-"),
  "label": {"text": say(question.text), "classes": "govuk-label--m"},
  "value": chosen[0] if chosen else "", "errorMessage": error
}) }}
{% else %}
{% set items = [] %}
{% for answer in answers_of(question) %}{% do items.append({"value": answer.key, "text": say(answer.text), "checked": answer.key in chosen}) %}{% endfor %}
{{ govukRadios({
  "name": question.key, "idPrefix": question.key|replace(".", "-"),
  "classes": "govuk-radios--inline" if question.kind == "yesno" else "", "fieldset": {"legend": legend},
  "hint": {"text": say(question.hint)} if question.hint else none, "items": items, "errorMessage": error
}) }}
{% endif %}
{% endmacro %}
{% macro comment(value, error) %}
{{ govukTextarea({
  "name": "comment", "id": "comment", "rows": 3,
  "label": {"text": _("Anything else about this you want to say? (optional)"), "classes": "govuk-label--s"},
  "hint": {"text": _("Up to 2000 characters")}, "value": value, "errorMessage": error
}) }}
{% endmacro %}
{% macro summary(errors) %}{{ govukErrorSummary({"titleText": _("There is a problem"), "errorList": errors.summary(),
                                                   "attributes": {"tabindex": "-1", "autofocus": ""}}) }}{% endmacro %}
"""

OURS = """
{% from "components/questions.html" import textarea_field %}
{% from "components/forms.html" import error_summary %}
{% macro comment(value, error) %}
{{ textarea_field("comment", "comment", _("Anything else about this you want to say? (optional)"), "govuk-label--s",
                  value, rows=3, hint=_("Up to 2000 characters"), error=error) }}
{% endmacro %}
{% macro summary(errors) %}{{ error_summary(errors) }}{% endmacro %}
"""

QUESTIONS = [
    q for t in parse_question_file(DEFAULT_FILE.read_text(encoding="utf-8")).topics for q in t.questions
]


def canonical(html: str) -> list[str]:
    """Each element with its sorted attributes, and each text with its whitespace collapsed."""
    lines: list[str] = []

    def walk(node: BeautifulSoup, depth: int) -> None:
        for child in node.children:
            if isinstance(child, NavigableString):
                if text := " ".join(str(child).split()):
                    lines.append(f"{'  ' * depth}{text}")
                continue
            attributes = sorted(
                (name, " ".join(value) if isinstance(value, list) else value)
                for name, value in child.attrs.items()
            )
            lines.append(f"{'  ' * depth}<{child.name} {attributes}>")
            walk(child, depth + 1)

    walk(BeautifulSoup(html, "html.parser"), 0)
    return lines


@pytest.fixture(scope="module")
def env():
    return app_templates(Settings()).env


def _answers(question: Question, state: str) -> TopicAnswers:
    if state == "empty":
        return TopicAnswers()
    if question.kind is Kind.scale:
        return TopicAnswers(values={question.key: ["0" if state == "first" else "10"]})
    if question.kind is Kind.text:
        return TopicAnswers(values={question.key: ["Some <b>words</b> & more\non two lines"]})
    keys = [a.key for a in answers_of(question)]
    return TopicAnswers(values={question.key: keys[:2] if question.kind is Kind.multi else keys[-1:]})


@pytest.mark.parametrize("state", ["empty", "first", "last"])
@pytest.mark.parametrize("with_error", [False, True], ids=["no error", "error"])
@pytest.mark.parametrize("question", QUESTIONS, ids=[q.key for q in QUESTIONS])
def test_each_question_renders_as_the_govuk_macros_do(env, question, state, with_error):
    answers = _answers(question, state)
    errors = FormErrors()
    if with_error:
        errors.add(question.key, "Choose one of the answers shown, or leave it")
    ours = str(env.globals["question_field"](question, answers, errors))
    again = str(env.globals["question_field"](question, answers, errors))  # kept, not rendered again
    theirs = env.from_string(GOVUK).module.question_field(question, answers, errors)
    assert canonical(ours) == canonical(theirs)
    assert again == ours


def test_a_kept_field_is_never_shown_for_other_answers_or_errors(env):
    question = next(q for q in QUESTIONS if q.kind is Kind.scale)
    field = env.globals["question_field"]
    seven = str(field(question, TopicAnswers(values={question.key: ["7"]}), FormErrors()))
    three = str(field(question, TopicAnswers(values={question.key: ["3"]}), FormErrors()))
    errors = FormErrors()
    errors.add(question.key, "Choose a number from 0 to 10, or leave it")
    with_error = str(field(question, TopicAnswers(values={question.key: ["7"]}), errors))
    assert 'value="7" checked' in seven and 'value="3" checked' not in seven
    assert 'value="3" checked' in three and 'value="7" checked' not in three
    assert "govuk-error-message" in with_error and "govuk-error-message" not in seven


@pytest.mark.parametrize("value", ["", 'I moved <flat> & it\'s "fine"\nreally'])
@pytest.mark.parametrize("error", [None, {"text": "Too long"}])
def test_the_comment_box_renders_as_govuk_textarea_does(env, value, error):
    ours, theirs = env.from_string(OURS).module, env.from_string(GOVUK).module
    assert canonical(ours.comment(value, error)) == canonical(theirs.comment(value, error))
    assert f">{Markup.escape(value)}</textarea>" in ours.comment(value, error)  # the words exactly


def test_the_error_summary_renders_as_govuk_error_summary_does(env):
    errors = FormErrors()
    errors.add("wellbeing.happy", "Choose a number from 0 to 10, or leave it")
    errors.add("comment", "Words <b>with</b> markup & more")
    ours, theirs = env.from_string(OURS).module, env.from_string(GOVUK).module
    assert canonical(ours.summary(errors)) == canonical(theirs.summary(errors))


def test_a_template_edited_while_running_is_rendered_again():
    loader = DictLoader({"components/questions.html": "{% macro question_field(q, a, e) %}one{% endmacro %}"})
    fields = QuestionFields(Environment(loader=loader, autoescape=True, auto_reload=True))
    question = next(q for q in QUESTIONS if q.kind is Kind.scale)
    assert fields(question, TopicAnswers(), FormErrors()) == "one"
    loader.mapping["components/questions.html"] = "{% macro question_field(q, a, e) %}two{% endmacro %}"
    assert fields(question, TopicAnswers(), FormErrors()) == "two"
