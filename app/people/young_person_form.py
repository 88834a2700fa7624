"""Checking the 'add a young person' form."""

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.forms import FormErrors, clean_text, parse_date
from app.i18n import gettext as _
from app.people.models import Locality, User

NAME_LIMIT = 60
GENDER_LIMIT = 40


class YoungPersonForm(BaseModel):
    """The fields as typed; nothing is trusted until check_young_person has looked at it."""

    model_config = ConfigDict(extra="ignore")

    first_name: Annotated[str, Field(max_length=200)] = ""
    last_name: Annotated[str, Field(max_length=200)] = ""
    day: Annotated[str, Field(max_length=10)] = ""
    month: Annotated[str, Field(max_length=10)] = ""
    year: Annotated[str, Field(max_length=10)] = ""
    locality_id: Annotated[str, Field(max_length=20)] = ""
    gender: Annotated[str, Field(max_length=200)] = ""
    pa_id: Annotated[str, Field(max_length=20)] = ""


@dataclass(frozen=True)
class CleanYoungPerson:
    first_name: str
    last_name: str
    date_of_birth: date
    locality_id: int
    gender: str | None
    pa: User


def age_on(date_of_birth: date, day: date) -> int:
    """Age in whole years on a given day."""
    before_birthday = (day.month, day.day) < (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - before_birthday


def check_young_person(
    form: YoungPersonForm, *, localities: list[Locality], pas: list[User], default_pa: User | None
) -> tuple[CleanYoungPerson | None, FormErrors]:
    """The cleaned record, or the errors to show beside each field."""
    errors = FormErrors()
    first = clean_text(form.first_name, limit=NAME_LIMIT)
    last = clean_text(form.last_name, limit=NAME_LIMIT)
    errors.add("first_name", None if first else _("Enter their first name"))
    errors.add("last_name", None if last else _("Enter their last name"))
    date_of_birth, date_error = parse_date(form.day, form.month, form.year)
    errors.add("dob-day", date_error)
    if date_of_birth and not 16 <= age_on(date_of_birth, date.today()) <= 25:
        errors.add("dob-day", _("Check-in is for care leavers aged 16 to 25. Check their date of birth."))
    locality = next((loc for loc in localities if str(loc.id) == form.locality_id), None)
    errors.add("locality_id", None if locality else _("Choose where they live"))
    pa = default_pa or next((p for p in pas if str(p.id) == form.pa_id), None)
    errors.add("pa_id", None if pa else _("Choose their PA"))
    if errors or not (date_of_birth and locality and locality.id and pa):
        return None, errors
    gender = clean_text(form.gender, limit=GENDER_LIMIT) or None
    return CleanYoungPerson(first, last, date_of_birth, locality.id, gender, pa), errors
