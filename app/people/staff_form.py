"""Checking the 'add a member of staff' and 'email address' forms."""

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from app.auth.credential_rules import passphrase_problem, username_problem
from app.auth.service import normalise_username
from app.forms import FormErrors, clean_text
from app.i18n import gettext as _
from app.people.email_address import email_problem, normalise_email
from app.people.models import STAFF_ROLES, Role, Team


class StaffForm(BaseModel):
    """The fields as typed by the admin."""

    model_config = ConfigDict(extra="ignore")

    display_name: Annotated[str, Field(max_length=200)] = ""
    username: Annotated[str, Field(max_length=200)] = ""
    role: Annotated[str, Field(max_length=20)] = ""
    team_id: Annotated[str, Field(max_length=20)] = ""
    email: Annotated[str, Field(max_length=1000)] = ""
    passphrase: Annotated[str, Field(max_length=1000)] = ""


def check_staff(form: StaffForm, *, teams: list[Team], taken: bool) -> FormErrors:
    """Errors to show beside each field; empty when the account can be opened."""
    errors = FormErrors()
    errors.add("display_name", None if clean_text(form.display_name, limit=120) else _("Enter their name"))
    username = normalise_username(form.username)
    errors.add("username", username_problem(username))
    if taken:
        errors.add("username", _("That username is taken. Try another one."))
    if form.role not in {r.value for r in STAFF_ROLES}:
        errors.add("role", _("Choose what they will do"))
    needs_team = form.role in {Role.pa, Role.manager}
    if needs_team and not any(str(t.id) == form.team_id for t in teams):
        errors.add("team_id", _("Choose their team"))
    errors.add("email", email_problem(normalise_email(form.email)))
    errors.add("passphrase", passphrase_problem(form.passphrase, context_words=(username,)))
    return errors


class EmailForm(BaseModel):
    """A staff member's email address, as typed; empty stops emails to them."""

    model_config = ConfigDict(extra="ignore")

    email: Annotated[str, Field(max_length=1000)] = ""


def check_email(form: EmailForm) -> FormErrors:
    """The error to show beside the address; empty when it can be saved."""
    errors = FormErrors()
    errors.add("email", email_problem(normalise_email(form.email)))
    return errors
