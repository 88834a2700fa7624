"""The admin's question set pages: mistakes listed with the text kept, a preview, publishing."""

from sqlmodel import select

from app.checkins.service import start_check_in
from app.questions.models import QuestionSet
from tests.questions.test_council_sets import THREE_MISTAKES, council_text
from tests.web import csrf_token, error_messages, page, signed_in_client

PAGE = "/admin/question-sets"


def _post(client, path: str, **data):
    return client.post(path, data={**data, "csrf_token": csrf_token(client, PAGE)})


def test_an_upload_with_mistakes_lists_each_with_its_line_and_keeps_the_text(client, db, world):
    signed_in_client(client, db, world.admin)
    response = _post(client, f"{PAGE}/preview", text=THREE_MISTAKES)
    assert response.status_code == 422
    messages = error_messages(response)
    kind = "Line 9, topics > 'employment' > questions > 'employment.feeling' > kind: must be one of:"
    assert any(m.startswith(kind) for m in messages)
    assert any(m.startswith("Line 14,") and "colour" in m for m in messages)
    assert page(response).find("textarea", id="text").get_text() == THREE_MISTAKES
    assert db.exec(select(QuestionSet)).all()[-1].version == 1


def test_a_file_upload_is_previewed_as_topic_screens_and_published_for_this_council(client, db, world):
    signed_in_client(client, db, world.admin)
    token = csrf_token(client, PAGE)
    files = {"file": ("ours.yaml", council_text().encode(), "application/yaml")}
    preview = page(client.post(f"{PAGE}/preview", data={"text": "", "csrf_token": token}, files=files))
    assert preview.find("h2", id="preview-housing").get_text() == "Home"
    assert preview.find("legend", string="Does your home need repairs?")
    assert all(i.find_parent("fieldset", disabled=True) for i in preview.find_all("input", type="radio"))
    assert preview.find("button", string="Publish as version 2")
    published = _post(client, f"{PAGE}/publish", text=preview.find("input", attrs={"name": "text"})["value"])
    assert (published.status_code, published.headers["location"]) == (303, f"{PAGE}?done=published")
    listed = page(client.get(PAGE))
    assert "your council's version 2" in listed.find(id="in-use").get_text()
    assert start_check_in(db, person=world.young, mode="full").question_set_version == 2
    assert start_check_in(db, person=world.other_person, mode="full").question_set_version == 1


def test_another_councils_admin_sees_only_the_shared_set(client, db, world):
    signed_in_client(client, db, world.admin)
    _post(client, f"{PAGE}/publish", text=council_text())
    client.cookies.clear()
    signed_in_client(client, db, world.other_admin)
    listed = page(client.get(PAGE))
    assert "the shared set (version 1)" in listed.find(id="in-use").get_text()
    assert listed.find(id="versions") is None


def test_the_set_in_use_downloads_as_a_file_that_checks_clean_and_a_huge_paste_is_kept(client, db, world):
    signed_in_client(client, db, world.admin)
    _post(client, f"{PAGE}/publish", text=council_text())
    download = client.get(f"{PAGE}/in-use.yaml")
    assert download.headers["content-disposition"] == 'attachment; filename="question-set-v2.yaml"'
    preview = page(_post(client, f"{PAGE}/preview", text=download.text))
    assert preview.find("button", string="Publish as version 3")
    assert preview.find("legend", string="Does your home need repairs?")
    huge = download.text + "#" * 200_000
    refused = _post(client, f"{PAGE}/preview", text=huge)
    assert refused.status_code == 422 and "too big" in error_messages(refused)[0]
    assert page(refused).find("textarea", id="text").get_text() == huge
