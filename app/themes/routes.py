"""Theme suggestions on a topic screen, for htmx once the young person's words change."""

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse, Response

from app.checkins.dependencies import MyDraft
from app.checkins.service import find_topic
from app.db import SessionDep
from app.forms import FIELD_BYTES, FORM_LISTS_OPENAPI, FormLists, clean_text
from app.questions.catalogue import say
from app.templating import render
from app.themes.offers import offers, read_chosen

router = APIRouter(prefix="/check-in")


@router.post("/{check_in_id}/topics/{topic_key}/themes", openapi_extra=FORM_LISTS_OPENAPI)
def suggest_themes(
    request: Request, db: SessionDep, check_in: MyDraft, topic_key: str, fields: FormLists
) -> Response:
    item = find_topic(db, check_in=check_in, topic_key=topic_key)
    if item is None:
        raise HTTPException(status_code=404)
    if "hx-request" not in request.headers:  # without JavaScript the check answers page offers themes
        return RedirectResponse(f"/check-in/{check_in.id}/topics/{topic_key}", status_code=303)
    words = clean_text(" ".join(fields.get("comment", [])), limit=FIELD_BYTES)
    offer = offers(db, check_in_id=check_in.id or 0, comments={topic_key: words}).get(topic_key)
    ticked = read_chosen(fields.get(f"themes-{topic_key}", []))[0] if "themes_offered" in fields else None
    context = {
        "check_in_id": check_in.id,
        "topic_key": topic_key,
        "title": say(item.title),
        "offer": offer,
        "chosen": offer.chosen if offer and ticked is None else ticked or set(),
    }
    return render(request, "themes/_topic_themes_fragment.html", context)
