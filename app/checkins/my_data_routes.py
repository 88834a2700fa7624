"""My data: everything held about the signed-in young person, as a page and as a JSON download."""

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.auth.dependencies import YoungPersonUser
from app.checkins import my_data
from app.checkins.dependencies import Me
from app.db import SessionDep
from app.templating import render

router = APIRouter()


@router.get("/my-data")
def show_my_data(request: Request, db: SessionDep, me: Me, user: YoungPersonUser) -> Response:
    data = my_data.collect(db, person=me, user=user)
    context = {"data": data, "shared": my_data.sharing_history(data)}
    return render(request, "checkins/my_data.html", context)


@router.get("/my-data.json")
def download_my_data(db: SessionDep, me: Me, user: YoungPersonUser) -> Response:
    data = my_data.collect(db, person=me, user=user)
    filename = f"check-in-my-data-{data.downloaded_at:%Y-%m-%d}.json"
    return Response(
        my_data.to_json(data),
        media_type="application/json",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )
