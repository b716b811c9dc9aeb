"""Lighthouse on the built front page: at least 95 in performance, accessibility, best practices, SEO."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.browser._site import CHROMIUM, CHROMIUM_ARGS, NODE_MODULES, need_program, need_tool, run

LIGHTHOUSE = NODE_MODULES / "lighthouse" / "cli" / "index.js"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 0.95


def test_lighthouse_scores_the_index_page_at_least_95(
    browser: object, base_url: str, tmp_path: Path
) -> None:
    # `browser` is requested only to skip, with its message, where Chromium cannot start.
    node = need_program("node")
    cli = need_tool(LIGHTHOUSE, "lighthouse")
    report = tmp_path / "lighthouse.json"
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = run(
        [
            node, str(cli), base_url + "index.html", "--quiet", "--output=json", f"--output-path={report}",
            f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(CHROMIUM_ARGS)}",
        ],
        timeout=240,
        env=env,
    )
    if not report.is_file():
        pytest.fail(f"lighthouse wrote no report (exit {done.returncode}): {done.stderr[-2000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    failing = {
        name: [
            f"{audit_id}: {data['audits'][audit_id].get('displayValue') or data['audits'][audit_id]['title']}"
            for audit_id in (ref["id"] for ref in data["categories"][name]["auditRefs"] if ref["weight"])
            if data["audits"][audit_id].get("score") not in (None, 1)
        ]
        for name, score in scores.items()
        if score is None or score < MINIMUM
    }
    print("lighthouse scores:", scores)
    assert not failing, f"scores {scores}; audits below full marks: {failing}"
