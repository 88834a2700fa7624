"""Question fields in templates: the radios of a question and its rendered field, kept once rendered."""

import threading
from collections import OrderedDict
from typing import Any

from jinja2 import Environment, Template
from markupsafe import Markup

from app import i18n
from app.questions.catalogue import answers_of, say
from app.questions.schema import Kind, Question

SCALE_OPTIONS = tuple((str(n), str(n)) for n in range(11))
"""A 0 to 10 scale's radios: (value, text) for each."""


def answer_options(question: Question) -> list[tuple[str, str]]:
    """A question's radios or checkboxes: (value, text in the current language) for each answer."""
    return [(answer.key, say(answer.text)) for answer in answers_of(question)]


class QuestionFields:
    """question_field() for templates: the macro in components/questions.html, its output kept.

    A question set never changes once stored, so a question's field is the same HTML every time
    for the same language, error message and chosen answers; it is rendered once and then reused
    (a topic screen has up to 66 radios). An entry holds the question and the template it was
    rendered from, and is used only for that very question and template, so neither a reused id
    nor an edited template (auto-reload in development) can bring back another field. Fields
    holding free text (textareas) are never kept; at most `size` fields are.
    """

    def __init__(self, env: Environment, size: int = 2048) -> None:
        self.env, self.size = env, size
        self._kept: OrderedDict[tuple, tuple[Question, Template, Markup]] = OrderedDict()
        self._lock = threading.Lock()

    def __call__(self, question: Question, answers: Any, errors: Any) -> Markup:
        template = self.env.get_template("components/questions.html")
        render = template.module.question_field  # type: ignore[attr-defined]
        if question.kind is Kind.text:
            return render(question, answers, errors)  # a macro's output is Markup (autoescape is on)
        chosen = tuple(answers.values.get(question.key, ()))
        key = (id(question), i18n.current_language(), errors.get(question.key) if errors else None, chosen)
        with self._lock:
            kept = self._kept.get(key)
            if kept is not None and kept[0] is question and kept[1] is template:
                self._kept.move_to_end(key)
                return kept[2]
        html = render(question, answers, errors)
        with self._lock:
            self._kept[key] = (question, template, html)
            if len(self._kept) > self.size:
                self._kept.popitem(last=False)
        return html


def template_globals(env: Environment) -> dict[str, Any]:
    """What templates use to show questions and their answers."""
    return {
        "say": say,
        "answers_of": answers_of,
        "answer_options": answer_options,
        "scale_options": SCALE_OPTIONS,
        "question_field": QuestionFields(env),
    }
