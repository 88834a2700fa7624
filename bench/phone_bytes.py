"""Bytes a phone downloads for the whole full check-in journey, with an empty cache and a warm one.

Run: .venv/bin/python -m bench.phone_bytes   (writes its table into docs/performance.md)

The journey, as demo.young: sign-in page, sign in, home, check-in start page, a full check-in of
eight topic screens (one skipped), check your answers, send, confirmation. Each page's
stylesheet, script and icons are fetched the first time a page refers to them (empty cache) or
never (warm cache: they are served with a one-year max-age on versioned URLs). Bytes are the
response bodies as sent over the wire (gzip where the server compresses) plus response headers.
"""

import re
from dataclasses import dataclass, field

import httpx2

from bench.report import write_section
from bench.server import demo_server

ASSET = re.compile(r'(?:href|src)="(/(?:static/[^"]+|favicon\.ico))"')
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
ANSWERS = {
    "employment": {"employment.feeling": "good", "employment.activity": "F5"},
    "education": None,
    "housing": {"housing.feeling": "ok", "housing.where": "U", "housing.safe": "most"},
    "relationships": {"relationships.feeling": "good", "relationships.lonely": "some"},
    "wellbeing": {"wellbeing.life_satisfaction": "7", "wellbeing.anxious": "3", "wellbeing.coping": "6"},
    "health": {"health.general": "good", "health.gp": "yes"},
    "life": {"life.feeling": "ok", "life.ran_out": "no"},
    "risk": {"risk.feeling": "quite_safe", "risk.unsafe_now": "no"},
}


@dataclass
class Tally:
    cached: set[str] = field(default_factory=set)
    html: int = 0
    assets: int = 0
    headers: int = 0
    requests: int = 0

    def add(self, response: httpx2.Response, *, asset: bool) -> None:
        self.requests += 1
        self.headers += sum(len(k) + len(v) + 4 for k, v in response.headers.raw)
        if asset:
            self.assets += response.num_bytes_downloaded
        else:
            self.html += response.num_bytes_downloaded

    @property
    def body(self) -> int:
        return self.html + self.assets


def _visit(client: httpx2.Client, tally: Tally, response: httpx2.Response) -> str:
    tally.add(response, asset=False)
    for asset in ASSET.findall(response.text):
        if asset not in tally.cached:
            tally.cached.add(asset)
            tally.add(client.get(asset), asset=True)
    return response.text


def _post(client: httpx2.Client, tally: Tally, path: str, data: dict) -> str:
    response = client.post(path, data=data)
    tally.add(response, asset=False)
    return _visit(client, tally, client.get(response.headers["location"]))


def journey(base: str, warm: bool) -> Tally:
    """Walk the journey once and count what came down the wire."""
    tally = Tally()
    with httpx2.Client(base_url=base, headers={"Accept-Encoding": "gzip"}) as client:
        if warm:
            tally.cached.update(ASSET.findall(client.get("/sign-in").text))
        page = _visit(client, tally, client.get("/sign-in"))
        login = {"username": "demo.young", "passphrase": "try the demo safely"}
        page = _post(client, tally, "/sign-in", {**login, "csrf_token": CSRF.search(page)[1]})
        page = _visit(client, tally, client.get("/check-in"))
        token = CSRF.search(page)[1]
        page = _post(client, tally, "/check-in", {"mode": "full", "csrf_token": token})
        for topic, answers in ANSWERS.items():
            data = {
                **(answers or {}),
                "action": "skip" if answers is None else "continue",
                "csrf_token": token,
            }
            path = re.search(r'action="(/check-in/\d+/topics/[a-z]+)"', page)[1]
            assert path.endswith(topic), path
            page = _post(client, tally, path, data)
        choices = {f"share-{t}": "share" if i % 2 else "keep" for i, t in enumerate(ANSWERS) if ANSWERS[t]}
        path = re.search(r'action="(/check-in/\d+/check)"', page)[1]
        _post(client, tally, path, {**choices, "csrf_token": token})
    return tally


def main() -> None:
    with demo_server() as base:
        cold, warm = journey(base, warm=False), journey(base, warm=True)
    rows = [
        "| cache | requests | HTML | CSS, JS, icons | content total | response headers |",
        "|---|---|---|---|---|---|",
    ]
    for name, t in (("empty", cold), ("warm", warm)):
        rows.append(f"| {name} | {t.requests} | {t.html:,} | {t.assets:,} | **{t.body:,}** | {t.headers:,} |")
    verdict = "met" if cold.body <= 60 * 1024 else "NOT met"
    text = (
        "\n".join(rows)
        + f"\n\nBytes as sent (gzip). Target: the content of the whole journey in 60 KB (61,440 bytes)"
        f" or less with an empty cache: **{verdict}**. Headers are listed apart (HTTP/2 would compress"
        " them with HPACK; most are the same on every response).\n"
    )
    print(text)
    write_section("Phone: bytes for the full check-in journey", "python -m bench.phone_bytes", text)


if __name__ == "__main__":
    main()
