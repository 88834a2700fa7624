"""Which source holds a measure for each of the eight topics: the duplications and the gaps."""

from dataclasses import dataclass

from app.i18n import gettext as _
from app.questions.catalogue import say
from app.questions.schema import Kind, QuestionSetFile


@dataclass(frozen=True)
class TopicSources:
    """One topic: the statutory return's measure, if any, and the check-in questions that measure it."""

    key: str
    title: str
    statutory: str | None
    check_ins: list[str]

    @property
    def finding(self) -> str:
        if self.statutory and self.check_ins:
            return _("Both: the tables below set the two side by side")
        if self.check_ins:
            return _("Gap in the return: only young people's check-ins measure this")
        return _("Gap: no source measures this")


def statutory_measures() -> dict[str, str]:
    """The topics the SSDA903 care-leaver return measures, and how."""
    return {
        "employment": _("ACTIV: main activity (employment, training, apprenticeship, NEET)"),
        "education": _("ACTIV: higher and other education, full or part time"),
        "housing": _("ACCOM: type of accommodation and whether it is suitable"),
        "risk": _("ACCOM S and X only: no fixed abode, in custody"),
    }


def sources_map(questions: QuestionSetFile) -> list[TopicSources]:
    """Each topic of the question set with the measures each source holds, in topic order."""
    statutory = statutory_measures()
    return [
        TopicSources(
            topic.key,
            say(topic.title),
            statutory.get(topic.key),
            [say(q.text) for q in topic.questions if q.kind is not Kind.text],
        )
        for topic in questions.topics
    ]
