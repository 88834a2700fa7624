"""Lighthouse mobile scores for the check-in start page and a topic page, on the system Chromium.

Run: .venv/bin/python -m bench.lighthouse_scores   (needs Node 20 and npm; installs Lighthouse
12.8.2 into bench/lighthouse/node_modules the first time). Writes its table into
docs/performance.md. The pages are fetched as demo.young through a session cookie made for the run.
"""

import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

import httpx2

from bench.report import write_section
from bench.server import demo_server

HERE = Path(__file__).parent / "lighthouse"
CHROME_FLAGS = (
    "--headless --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run --disable-quic"
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _install() -> Path:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=HERE, check=True)
    return binary


def _score(binary: Path, url: str, cookie: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        command = [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={CHROME_FLAGS}",
            f"--extra-headers={json.dumps({'Cookie': cookie})}",
            "--only-categories=" + ",".join(CATEGORIES),
            "--form-factor=mobile",
        ]
        env = {**os.environ, "CHROME_PATH": "/usr/bin/chromium"}
        subprocess.run(command, check=True, env=env, timeout=300)
        data = json.loads(report.read_text())
    return {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def _young_cookie(base: str) -> tuple[str, str]:
    """Sign in as demo.young through the form; returns the cookie and a started check-in's topic page."""
    with httpx2.Client(base_url=base) as client:
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/sign-in").text)[1]
        login = {"username": "demo.young", "passphrase": "try the demo safely", "csrf_token": csrf}
        client.post("/sign-in", data=login)
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', client.get("/check-in").text)[1]
        started = client.post("/check-in", data={"mode": "full", "csrf_token": csrf})
        for _ in range(3):
            client.get("/check-in")
            client.get(started.headers["location"])
        return f"checkin={client.cookies['checkin']}", started.headers["location"]


def main() -> None:
    binary = _install()
    with demo_server() as base:
        cookie, topic_path = _young_cookie(base)
        pages = {"check-in start page": "/check-in", "topic page": topic_path}
        rows = [(name, _score(binary, base + path, cookie)) for name, path in pages.items()]
    header = "| page | " + " | ".join(CATEGORIES) + " |"
    lines = [header, "|---|" + "---|" * len(CATEGORIES)]
    lines += [f"| {name} | " + " | ".join(str(s[c]) for c in CATEGORIES) + " |" for name, s in rows]
    text = "Lighthouse 12.8.2, mobile form factor with its default throttling, system Chromium.\n\n"
    text += "\n".join(lines) + "\n"
    print(text)
    write_section("Phone: Lighthouse mobile scores", "python -m bench.lighthouse_scores", text)


if __name__ == "__main__":
    main()
