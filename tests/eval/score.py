"""Score the extractor on the held-out articles in tests/eval/ and list every miss.

Run `python -m tests.eval.score` from the project root. Spans are matched by overlap, one to one.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import yaml

from digest.load import load_article
from digest.models import ArticleRecord
from digest.records import process_article
from tests.eval._match import locate, match, options, same_label, same_name, same_unit, same_value

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
GOLD = HERE / "gold"

# Targets from issue 3 ("Quality bar"), keyed like `Scores.metrics`.
TARGETS: dict[str, float] = {
    "dates_span_f1": 0.92,
    "dates_value_f1": 0.85,
    "money_percent_span_f1": 0.98,
    "money_percent_value_unit": 0.97,
    "counts_recall": 0.80,
    "speakers_name_recall": 0.85,
    "quotes_f1": 0.90,
    "quotes_speaker": 0.92,
}


@dataclass
class Scores:
    """Counts gathered over the corpus and the list of every error found."""

    counts: dict[str, int] = field(default_factory=dict)
    errors: list[tuple[str, str, str, str]] = field(default_factory=list)

    def add(self, key: str, n: int = 1) -> None:
        """Add `n` to the counter `key`."""
        self.counts[key] = self.counts.get(key, 0) + n

    def error(self, kind: str, article: str, text: str, detail: str) -> None:
        """Record one miss, false positive or wrong value."""
        self.errors.append((kind, article, text, detail))

    def ratio(self, num: str, den: str) -> float:
        """Return counts[num] / counts[den], 1.0 when the denominator is zero."""
        d = self.counts.get(den, 0)
        return self.counts.get(num, 0) / d if d else 1.0

    def f1(self, hits: str, gold: str, pred: str, pred_hits: str | None = None) -> float:
        """Return the F1 of `hits` against `gold` (recall) and `pred` (precision)."""
        r = self.ratio(hits, gold)
        p = self.ratio(pred_hits or hits, pred)
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def metrics(self) -> dict[str, float]:
        """Return every headline metric by name."""
        return {
            "dates_span_f1": self.f1("date_hit", "date_gold", "date_pred"),
            "dates_value_f1": self.f1("date_value_ok", "date_gold", "date_pred"),
            "dates_type_acc": self.ratio("date_type_ok", "date_hit"),
            "money_percent_span_f1": self.f1("mp_hit", "mp_gold", "mp_pred"),
            "money_percent_exact_f1": self.f1("mp_exact", "mp_gold", "mp_pred"),
            "money_percent_value_unit": self.ratio("mp_value_ok", "mp_hit"),
            "counts_recall": self.ratio("count_hit", "count_gold"),
            "counts_precision": self.ratio("count_hit", "count_pred"),
            "counts_unit_acc": self.ratio("count_unit_ok", "count_hit"),
            "speakers_name_recall": self.ratio("spk_hit", "spk_gold"),
            "speakers_precision": self.ratio("spk_hit", "spk_pred"),
            "speakers_role_org_acc": self.ratio("spk_label_ok", "spk_label"),
            "speakers_anonymous_acc": self.ratio("spk_anon_ok", "spk_hit"),
            "quotes_f1": self.f1("quote_hit", "quote_gold", "quote_pred"),
            "quotes_speaker": self.ratio("quote_speaker_ok", "quote_hit"),
        }


def evaluate(paths: Sequence[Path] | None = None) -> Scores:
    """Run the extractor on every held-out article and score it against its gold file."""
    scores = Scores()
    for path in paths or sorted(ARTICLES.glob("*.md")):
        gold = yaml.safe_load((GOLD / f"{path.stem}.yaml").read_text(encoding="utf-8"))
        record = process_article(load_article(path, articles_dir=ARTICLES, tz=ZoneInfo("UTC")))
        _score_article(path.stem, gold, record, scores)
    return scores


def _score_article(name: str, gold: dict[str, Any], record: ArticleRecord, scores: Scores) -> None:
    text = record.article.text
    _dates(name, text, gold.get("dates") or [], record, scores)
    _money_percent(name, text, gold.get("figures") or [], record, scores)
    _counts(name, text, gold.get("counts") or [], record, scores)
    _speakers(name, gold.get("speakers") or [], record, scores)
    anonymous = {s["name"] for s in gold.get("speakers") or [] if s["anonymous"]}
    _quotes(name, text, gold.get("quotes") or [], record, scores, anonymous=anonymous)


def _unlocated(name: str, kind: str, items: list[dict[str, Any]], spans: list[Any], scores: Scores) -> None:
    for item, span in zip(items, spans, strict=True):
        if span is None:
            scores.error(f"{kind}: gold text not in the cleaned text", name, item["text"], "")


def _dates(name: str, text: str, gold: list[dict[str, Any]], record: ArticleRecord, scores: Scores) -> None:
    spans = locate(text, gold)
    _unlocated(name, "date", gold, spans, scores)
    pred = record.dates
    pairs = match(spans, [(d.start, d.end) for d in pred])
    scores.add("date_gold", len(gold))
    scores.add("date_pred", len(pred))
    for g, item in enumerate(gold):
        if g not in pairs:
            scores.error("date: missed", name, item["text"], f"want {item['type']} {item['value']}")
            continue
        got = pred[pairs[g]]
        scores.add("date_hit")
        scores.add("date_type_ok", got.type == item["type"])
        if got.value in options(item["value"]):
            scores.add("date_value_ok")
        else:
            detail = f"want {item['value']!r}, got {got.value!r} (from {got.text!r})"
            scores.error("date: wrong value", name, item["text"], detail)
    for p in sorted(set(range(len(pred))) - set(pairs.values())):
        scores.error("date: false positive", name, pred[p].text, f"{pred[p].type} {pred[p].value!r}")


def _money_percent(
    name: str, text: str, gold: list[dict[str, Any]], record: ArticleRecord, scores: Scores
) -> None:
    spans = locate(text, gold)
    _unlocated(name, "money/percent", gold, spans, scores)
    pred = [f for f in record.figures if f.kind in ("money", "percent")]
    pairs = match(spans, [(f.start, f.end) for f in pred])
    scores.add("mp_gold", len(gold))
    scores.add("mp_pred", len(pred))
    for g, item in enumerate(gold):
        if g not in pairs:
            scores.error("money/percent: missed", name, item["text"], f"want {item['value']} {item['unit']}")
            continue
        got = pred[pairs[g]]
        scores.add("mp_hit")
        scores.add("mp_exact", got.text == item["text"])
        ok = (
            same_value(item["value"], got.value)
            and got.unit == item["unit"]
            and ("value_max" not in item or same_value(item["value_max"], got.value_max))
        )
        if ok:
            scores.add("mp_value_ok")
        else:
            want = f"{item['value']}-{item.get('value_max')} {item['unit']}"
            detail = f"want {want}, got {got.value}-{got.value_max} {got.unit} (from {got.text!r})"
            scores.error("money/percent: wrong value or unit", name, item["text"], detail)
    for p in sorted(set(range(len(pred))) - set(pairs.values())):
        scores.error("money/percent: false positive", name, pred[p].text, f"{pred[p].kind} {pred[p].value}")


def _counts(name: str, text: str, gold: list[dict[str, Any]], record: ArticleRecord, scores: Scores) -> None:
    spans = locate(text, gold)
    _unlocated(name, "count", gold, spans, scores)
    pred = [f for f in record.figures if f.kind == "count"]
    pairs = match(spans, [(f.start, f.end) for f in pred])
    scores.add("count_gold", len(gold))
    scores.add("count_pred", len(pred))
    for g, item in enumerate(gold):
        if g not in pairs:
            scores.error("count: missed", name, item["text"], f"want {item['value']} {item['unit']}")
            continue
        got = pred[pairs[g]]
        scores.add("count_hit")
        if same_unit(item["unit"], got.unit) and same_value(item["value"], got.value):
            scores.add("count_unit_ok")
        else:
            detail = f"want {item['value']} {item['unit']}, got {got.value} {got.unit!r} (from {got.text!r})"
            scores.error("count: wrong value or noun", name, item["text"], detail)
    for p in sorted(set(range(len(pred))) - set(pairs.values())):
        scores.error("count: not in gold", name, pred[p].text, f"{pred[p].value} {pred[p].unit!r}")


def _speakers(name: str, gold: list[dict[str, Any]], record: ArticleRecord, scores: Scores) -> None:
    pred = list(record.speakers)
    used: set[int] = set()
    scores.add("spk_gold", len(gold))
    scores.add("spk_pred", len(pred))
    for item in gold:
        found = next(
            (
                i
                for i, s in enumerate(pred)
                if i not in used
                and same_name(item["name"], s.name, aliases=s.aliases, anonymous=item["anonymous"])
            ),
            None,
        )
        if found is None:
            scores.error(
                "speaker: missed", name, item["name"], f"role {item['role']!r}, org {item['organization']!r}"
            )
            continue
        used.add(found)
        got = pred[found]
        scores.add("spk_hit")
        scores.add("spk_anon_ok", got.anonymous == item["anonymous"])
        for key, value in (("role", got.role), ("organization", got.organization)):
            if item[key] is None:
                continue
            scores.add("spk_label")
            if same_label(item[key], value):
                scores.add("spk_label_ok")
            else:
                scores.error(
                    f"speaker: wrong {key}", name, item["name"], f"want {item[key]!r}, got {value!r}"
                )
    for i in sorted(set(range(len(pred))) - used):
        s = pred[i]
        scores.error("speaker: not in gold", name, s.name, f"role {s.role!r}, org {s.organization!r}")


def _quotes(
    name: str,
    text: str,
    gold: list[dict[str, Any]],
    record: ArticleRecord,
    scores: Scores,
    *,
    anonymous: set[str],
) -> None:
    spans = locate(text, gold)
    _unlocated(name, "quote", gold, spans, scores)
    pred = [q for q in record.quotes if q.direct]
    aliases = {s.name: s.aliases for s in record.speakers}
    pairs = match(spans, [(q.start, q.end) for q in pred])
    scores.add("quote_gold", len(gold))
    scores.add("quote_pred", len(pred))
    for g, item in enumerate(gold):
        if g not in pairs:
            scores.error("quote: missed", name, item["text"], f"speaker {item['speaker']!r}")
            continue
        got = pred[pairs[g]]
        scores.add("quote_hit")
        wanted = options(item["speaker"])
        ok = any(
            (w is None and got.speaker is None)
            or (
                w is not None
                and same_name(
                    w, got.speaker, aliases=aliases.get(got.speaker or "", ()), anonymous=w in anonymous
                )
            )
            for w in wanted
        )
        if ok:
            scores.add("quote_speaker_ok")
        else:
            scores.error(
                "quote: wrong speaker", name, item["text"], f"want {item['speaker']!r}, got {got.speaker!r}"
            )
    for p in sorted(set(range(len(pred))) - set(pairs.values())):
        scores.error("quote: false positive", name, pred[p].text, f"speaker {pred[p].speaker!r}")


def report(scores: Scores) -> str:
    """Return the score table followed by every error, grouped by kind."""
    lines = [f"{'metric':<28} {'score':>6} {'target':>7} {'gap':>7}", "-" * 51]
    for key, value in scores.metrics.items():
        target = TARGETS.get(key)
        if target is None:
            lines.append(f"{key:<28} {value:6.3f}")
        else:
            lines.append(f"{key:<28} {value:6.3f} {target:7.2f} {value - target:+7.3f}")
    lines.append("")
    lines.append("counts: " + ", ".join(f"{k}={v}" for k, v in sorted(scores.counts.items())))
    kinds = sorted({e[0] for e in scores.errors})
    for kind in kinds:
        errors = [e for e in scores.errors if e[0] == kind]
        lines.append("")
        lines.append(f"## {kind} ({len(errors)})")
        lines.extend(f"  {article}: {text!r}  {detail}" for _, article, text, detail in errors)
    return "\n".join(lines)


def main() -> int:
    """Print the score table and the errors."""
    print(report(evaluate()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
