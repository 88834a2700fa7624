"""Driving wrk (Debian's `wrk`, written in C) with a list of (path, session cookie) requests.

wrk costs the machine far less CPU per request than a Python client, so on a small machine the
server gets nearly all of it and the throughput ratios are the server's own. Each request takes
the next (path, cookie) pair in turn, so 50 connections act as 50 different signed-in people.
"""

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from bench.journeys import Figures

SCRIPT = """
local targets = {%s}
local i = 0
request = function()
  i = i %% #targets + 1
  local headers = {["Accept-Encoding"] = "gzip"}
  if targets[i][2] ~= "" then headers["Cookie"] = targets[i][2] end
  return wrk.format("GET", targets[i][1], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def available() -> bool:
    return shutil.which("wrk") is not None


def _lua(targets: Sequence[tuple[str, str]]) -> str:
    def quoted(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    return SCRIPT % ", ".join(f"{{{quoted(path)}, {quoted(cookie)}}}" for path, cookie in targets)


def run(base: str, targets: Sequence[tuple[str, str]], *, connections: int, seconds: float) -> Figures:
    """GET the targets in turn over this many keep-alive connections for this long."""
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "targets.lua"
        script.write_text(_lua(targets), encoding="utf-8")
        command = ["wrk", "-t1", f"-c{connections}", f"-d{seconds:g}s", "--timeout", "30s", "-s", str(script)]
        output = subprocess.run(
            [*command, base], capture_output=True, text=True, check=True, timeout=seconds + 60
        ).stdout
    line = next(line for line in output.splitlines() if line.startswith("RESULT "))
    requests, micros, p50, p95, errors = (int(part) for part in line.split()[1:])
    return Figures(requests, (requests - errors) / (micros / 1e6), p50 / 1000, p95 / 1000, errors)
