"""The admin's question set form: the uploaded file or pasted text, and its mistakes for the page."""

from dataclasses import dataclass, field

from app.i18n import gettext as _
from app.questions.loader import QuestionFileError

MAX_FILE_BYTES = 200_000
"""Far above a real set (version 1 is about 15 KB); a bigger upload is refused with a message."""


@dataclass
class Mistakes:
    """Every mistake in an upload, for the GOV.UK error summary: each links to the text box."""

    messages: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.messages)

    def summary(self) -> list[dict[str, str]]:
        return [{"text": message, "href": "#text"} for message in self.messages]

    def field(self, name: str) -> dict[str, str] | None:
        """The message under the text box: how many mistakes the summary lists."""
        if not self.messages:
            return None
        count = len(self.messages)
        return {"text": _("Fix the %(count)s mistakes listed at the top of the page", count=count)}


def mistakes_of(error: QuestionFileError) -> Mistakes:
    """Each mistake on its own line, or the one message when the file could not be read at all."""
    return Mistakes([str(m) for m in error.mistakes] or [str(error)])


def uploaded_text(upload: bytes | None, text: str) -> tuple[str, Mistakes]:
    """The set's text: a chosen file wins over the text box; a file that is not text is refused."""
    too_big = Mistakes([_("The question set is too big: it must be under 200 KB")])
    if not upload:
        if not text.strip():
            return text, Mistakes([_("Choose a question set file, or paste its text into the box")])
        return text, too_big if len(text.encode()) > MAX_FILE_BYTES else Mistakes()
    if len(upload) > MAX_FILE_BYTES:
        return text, too_big
    try:
        return upload.decode("utf-8").replace("\r\n", "\n"), Mistakes()
    except UnicodeDecodeError:
        return text, Mistakes([_("The file is not a text file: save the question set as UTF-8 text (.yaml)")])
