from tests.web import sign_in


def test_pa_signs_in_and_lands_on_caseload(client, world):
    response = sign_in(client, "pa.one")
    assert response.status_code == 303
    assert response.headers["location"] == "/"
    home = client.get("/", follow_redirects=True)
    assert "Your caseload" in home.text
    assert "Alex Tester" in home.text
