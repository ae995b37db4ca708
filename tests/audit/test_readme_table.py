"""README.md's "What we tried" table is true: per area, as many cases as this folder holds,
and as many passing as are not expected to fail."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
ROW = re.compile(r"^\|\s*([^|]+?)\s*\|\s*(\d+)\s*\|\s*(\d+)\s*\|")


def readme_table() -> dict[str, tuple[int, int]]:
    """{area: (cases, pass)} from the table under "## What we tried" (the Total row aside,
    once checked to be the sum)."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## What we tried", 1)[1].split("\n## ", 1)[0]
    rows = {m[1].strip("* "): (int(m[2]), int(m[3])) for line in section.splitlines()
            if (m := ROW.match(line))}
    total = rows.pop("Total", None)
    if total is not None:
        assert total == tuple(map(sum, zip(*rows.values(), strict=True))), "Total row is off"
    return rows


def collected(tmp_path: Path) -> dict[str, dict[str, int]]:
    out = tmp_path / "cases.json"
    env = {**os.environ, "AUDIT_CASES_FILE": str(out)}
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
         str(HERE)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_readme_table_counts_the_cases_of_every_area(tmp_path):
    table = readme_table()
    counts = collected(tmp_path)
    assert counts, "no audit case was collected"
    want = {area: (c["cases"], c["cases"] - c["xfail"]) for area, c in counts.items()}
    assert table == want, (
        "README.md's 'What we tried' table is out of date; per area (cases, pass) "
        f"should be {want}")
