"""Start-up benchmark: time from `firststeps run` to "ready", and the process's memory once ready.

Runs the real command twice on a fresh data folder: the first start creates the database (and trains the
model if no cached one exists), the second is an ordinary restart. Writes benchmarks/reports/startup.md.

    .venv/bin/python benchmarks/startup_bench.py
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
READY = re.compile(r"ready in ([0-9.]+) s: web chat at (http://\S+)")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def start(config: Path) -> tuple[float, float, float]:
    """(seconds to ready as measured outside, as logged inside, RSS MB when ready)."""
    env = {**os.environ, "FIRSTSTEPS_CONFIG": str(config)}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    began = time.perf_counter()
    process = subprocess.Popen(
        [str(ROOT / ".venv/bin/firststeps"), "run", "--port", "0"],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stderr is not None
    try:
        for line in process.stderr:
            match = READY.search(line)
            if match:
                outside = time.perf_counter() - began
                with urllib.request.urlopen(match.group(2) + "healthz", timeout=5) as response:
                    assert response.status == 200
                return outside, float(match.group(1)), rss_mb(process.pid)
        raise RuntimeError("the service exited before it was ready")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="firststeps-bench-"))
    try:
        config = work / "config.yml"
        text = (ROOT / "config.yml").read_text()
        config.write_text(text.replace("data_dir: data", f"data_dir: {work / 'data'}"))
        rows = [("first start (new database)", *start(config)), ("restart", *start(config))]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    lines = [
        "# Start-up",
        "",
        f"`firststeps run` on this machine ({os.cpu_count()} cores), Python {sys.version.split()[0]},",
        "SQLite,",
        "no Telegram token. The model cache under data/models is shared with the working copy.",
        "",
        "| start | to ready (measured outside) | logged by the service | RSS when ready |",
        "|---|---|---|---|",
        *(
            f"| {name} | {outside:.2f} s | {inside:.2f} s | {rss:.0f} MB |"
            for name, outside, inside, rss in rows
        ),
        "",
    ]
    report = ROOT / "benchmarks" / "reports" / "startup.md"
    report.write_text("\n".join(lines))
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
