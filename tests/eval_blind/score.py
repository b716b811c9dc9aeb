"""Score the extractor on the blind held-out articles in tests/eval_blind/ and list every miss.

Run `python -m tests.eval_blind.score` from the project root. The articles and their gold were written
before the extractor was ever run on them; scoring reuses tests/eval/score.py so both sets are measured
the same way.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from digest.load import load_article
from digest.records import process_article
from tests.eval.score import TARGETS, Scores, _score_article, report

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

__all__ = ["ARTICLES", "GOLD", "TARGETS", "Scores", "evaluate", "main"]


def evaluate(paths: Sequence[Path] | None = None) -> Scores:
    """Run the extractor on every blind article and score it against its gold file."""
    scores = Scores()
    for path in paths or sorted(ARTICLES.glob("*.md")):
        gold = yaml.safe_load((GOLD / f"{path.stem}.yaml").read_text(encoding="utf-8"))
        record = process_article(load_article(path, articles_dir=ARTICLES, tz=ZoneInfo("UTC")))
        _score_article(path.stem, gold, record, scores)
    return scores


def main() -> int:
    """Print the score table and the errors."""
    print(report(evaluate()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
