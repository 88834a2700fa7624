"""Driving a check-in through its real forms, as a young person's browser would."""

from fastapi.testclient import TestClient

from tests.web import csrf_token

TOPICS = ["employment", "education", "housing", "relationships", "wellbeing", "health", "life", "risk"]


class Journey:
    """One young person's check-in, step by step through HTTP."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.token = csrf_token(client, "/check-in")
        self.check_in_id: int | None = None

    def start(self, mode: str = "full"):
        response = self.client.post("/check-in", data={"mode": mode, "csrf_token": self.token})
        self.check_in_id = int(response.headers["location"].split("/")[2])
        return response

    def answer(self, topic: str, answers: dict[str, str | list[str]] | None = None, action="continue"):
        data: dict[str, object] = {**(answers or {}), "action": action, "csrf_token": self.token}
        return self.client.post(f"/check-in/{self.check_in_id}/topics/{topic}", data=data)

    def skip(self, topic: str):
        return self.answer(topic, action="skip")

    def finish(self, choices: dict[str, str], **extra: str | list[str]):
        data: dict[str, object] = {f"share-{k}": v for k, v in choices.items()}
        data.update(extra, csrf_token=self.token)
        return self.client.post(f"/check-in/{self.check_in_id}/check", data=data)


def full_answers() -> dict[str, dict[str, str | list[str]]]:
    """A calm full check-in: an answer for every topic, no risk answers."""
    return {
        "employment": {"employment.feeling": "good", "employment.activity": "F5", "comment": "New job!"},
        "education": {"education.feeling": "ok", "education.barriers": ["money", "travel"]},
        "housing": {"housing.feeling": "ok", "housing.where": "U", "housing.safe": "most"},
        "relationships": {"relationships.feeling": "good", "relationships.lonely": "some"},
        "wellbeing": {"wellbeing.life_satisfaction": "7", "wellbeing.anxious": "3"},
        "health": {"health.general": "good", "health.dentist": "no"},
        "life": {"life.feeling": "not_great", "life.ran_out": "yes", "life.help": "yes"},
        "risk": {"risk.feeling": "quite_safe", "risk.unsafe_now": "no", "risk.recent": ["none"]},
    }
