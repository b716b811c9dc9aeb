"""Figures across sources: one quantity stated by several articles is one fact; disagreements conflict."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache

from digest.models import ArticleRecord, Conflict, Fact, Figure, SourceRef

# Relative difference two exact values may have and still be the same figure rounded differently.
_ROUNDING = 0.015
# How far above a lower bound ("over $50 billion") an exact value may be and still match it.
_BOUND_SLACK = 0.25
_LOWER = frozenset({"over", "more than", "above", "past", "at least", "beyond", "plus"})
_UPPER = frozenset({"under", "less than", "below", "up to", "nearly", "almost", "at most"})
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "from",
        "by",
        "with",
        "its",
        "their",
        "his",
        "her",
        "our",
        "this",
        "that",
        "these",
        "those",
        "and",
        "or",
        "into",
        "over",
        "per",
        "as",
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "et",
        "en",
        "dans",
        "d",
        "l",
        "au",
        "aux",
        "sur",
        "par",
        "pour",
    ]
)
_SYNONYMS = {
    "artificial": "ai",
    "intelligence": "",
    "intelligenceartificielle": "ai",
    "ia": "ai",
    "spend": "spending",
    "spent": "spending",
    "investments": "investment",
    "invest": "investment",
    "revenues": "revenue",
}
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

FigureKey = tuple[int, int]  # (record index, figure index)


@lru_cache(maxsize=1 << 16)
def measure_tokens(measure: str | None) -> frozenset[str]:
    """Return the normalised content words of a figure's measure."""
    # Cached: thousands of articles state the same few measures ("revenue", "cloud revenue").
    if not measure:
        return frozenset()
    text = unicodedata.normalize("NFKC", measure).casefold()
    text = text.replace("intelligence artificielle", "intelligenceartificielle")
    out: set[str] = set()
    for word in _WORD.findall(text):
        if word in _STOP:
            continue
        word = _SYNONYMS.get(word, word)
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        if word:
            out.add(word)
    return frozenset(out)


def _similar(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.5


def source_ref(record: ArticleRecord, sentence: int, text: str, start: int, end: int) -> SourceRef:
    """Return where in which article something was stated."""
    return SourceRef(record.article.id, sentence, text, start, end)


def figure_refs(record: ArticleRecord) -> tuple[SourceRef, ...]:
    """Return where in its article each of the record's figures was stated."""
    return tuple(source_ref(record, f.sentence, f.text, f.start, f.end) for f in record.figures)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[FigureKey, FigureKey] = {}

    def find(self, key: FigureKey) -> FigureKey:
        root = self.parent.setdefault(key, key)
        while root != self.parent[root]:
            root = self.parent[root]
        while key != root:
            key, self.parent[key] = self.parent[key], root
        return root

    def union(self, a: FigureKey, b: FigureKey) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            low, high = sorted((ra, rb))
            self.parent[high] = low


def _compatible(a: Figure, b: Figure) -> bool:
    """Return whether two figures of one unit state the same quantity, allowing rounding and bounds."""
    if a.value is None or b.value is None or a.value_max is not None or b.value_max is not None:
        return False
    lo_a, lo_b = a.approx in _LOWER, b.approx in _LOWER
    if lo_a and lo_b:
        return abs(a.value - b.value) <= _ROUNDING * max(abs(a.value), abs(b.value))
    if lo_a or lo_b:
        bound, exact = (a, b) if lo_a else (b, a)
        return (
            bound.value is not None
            and exact.value is not None
            and (bound.value <= exact.value <= bound.value * (1 + _BOUND_SLACK))
        )
    if a.approx in _UPPER or b.approx in _UPPER:
        return False
    return abs(a.value - b.value) <= _ROUNDING * max(abs(a.value), abs(b.value))


def _translated(record: ArticleRecord, a: Figure, b: Figure) -> bool:
    """An article that restates itself in another language (a summary) states the same figure twice."""
    sentences = record.article.sentences
    if not (0 <= a.sentence < len(sentences) and 0 <= b.sentence < len(sentences)):
        return False
    return (
        sentences[a.sentence].language != sentences[b.sentence].language
        and a.value == b.value
        and a.approx == b.approx
    )


def _distinctive(a: Figure, b: Figure) -> bool:
    """Large amounts of money stated alike are specific enough to match without the same wording."""
    return all(
        fig.kind == "money" and fig.value is not None and abs(fig.value) >= 1e6 for fig in (a, b)
    ) and ((a.approx is None and b.approx is None) or (a.approx == b.approx and a.value == b.value))


def facts_and_conflicts(
    records: tuple[ArticleRecord, ...], *, refs: Sequence[Sequence[SourceRef]] | None = None
) -> tuple[tuple[Fact, ...], tuple[Conflict, ...]]:
    """Return the facts stated across `records` (most sources first) and the conflicts among them.

    `refs` holds where each record's figures are (`figure_refs`), when the caller has them already.
    """
    if refs is None:
        refs = [figure_refs(record) for record in records]
    uf = _UnionFind()
    blocks: dict[tuple[str, str | None], list[FigureKey]] = defaultdict(list)
    tokens: dict[FigureKey, frozenset[str]] = {}
    for r, record in enumerate(records):
        for f, fig in enumerate(record.figures):
            if fig.value is None or fig.kind == "other":
                continue
            key = (r, f)
            uf.find(key)
            tokens[key] = measure_tokens(fig.measure)
            blocks[(fig.kind, fig.unit)].append(key)
            equivalent = fig.equivalent
            if (
                equivalent is not None
                and 0 <= equivalent < len(record.figures)
                and (record.figures[equivalent].value is not None)
            ):
                uf.union((r, equivalent), key)
    for members in blocks.values():
        _merge_block(records, members, tokens, uf)
    groups: dict[FigureKey, list[FigureKey]] = defaultdict(list)
    for key in sorted(tokens):
        groups[uf.find(key)].append(key)
    facts = tuple(
        sorted(
            (_fact(records, refs, members) for members in groups.values()),
            key=lambda fact: (-len({s.article for s in fact.sources}), fact.measure, fact.key),
        )
    )
    return facts, _conflicts(facts)


def _merge_block(
    records: tuple[ArticleRecord, ...],
    members: list[FigureKey],
    tokens: dict[FigureKey, frozenset[str]],
    uf: _UnionFind,
) -> None:
    # Figures stated alike (same value, qualifier and measure) are merged in one step, so a story
    # repeated by thousands of articles costs one comparison per distinct wording, not per pair.
    buckets: dict[tuple[float, str | None, frozenset[str]], list[FigureKey]] = defaultdict(list)
    for key in members:
        fig = records[key[0]].figures[key[1]]
        buckets[(fig.value or 0.0, fig.approx, tokens[key])].append(key)
    reps: list[FigureKey] = []
    for keys in buckets.values():
        first = records[keys[0][0]].figures[keys[0][1]]
        # A figure with no measure matches others only as a large sum or a translation (below).
        if tokens[keys[0]] or _distinctive(first, first):
            for other in keys[1:]:
                uf.union(keys[0], other)
            reps.append(keys[0])
    by_record: dict[int, list[FigureKey]] = defaultdict(list)
    for key in members:
        by_record[key[0]].append(key)
    for r, keys in by_record.items():
        for i, a_key in enumerate(keys):
            a = records[r].figures[a_key[1]]
            for b_key in keys[i + 1 :]:
                b = records[r].figures[b_key[1]]
                if a.sentence != b.sentence and _translated(records[r], a, b):
                    uf.union(a_key, b_key)
    _link(records, reps, tokens, uf)


def _link(
    records: tuple[ArticleRecord, ...],
    reps: list[FigureKey],
    tokens: dict[FigureKey, frozenset[str]],
    uf: _UnionFind,
) -> None:
    """Join figures of compatible values whose measures are alike, or that are large sums stated alike."""
    # Whether two figures are compatible or distinctive depends on their value and qualifier only, so
    # it is decided once per pair of (value, qualifier) classes, not once per pair of figures.
    classes: dict[tuple[float, str | None], list[FigureKey]] = defaultdict(list)
    for key in reps:
        fig = records[key[0]].figures[key[1]]
        # A range matches nothing (see `_compatible`).
        if fig.value is not None and fig.value_max is None:
            classes[(fig.value, fig.approx)].append(key)
    # Sorting by size keeps the comparison window small even for thousands of distinct values.
    order = sorted(classes, key=lambda c: (abs(c[0]), c[0], c[1] is not None, c[1] or ""))
    for i, a_class in enumerate(order):
        a_keys = classes[a_class]
        a = records[a_keys[0][0]].figures[a_keys[0][1]]
        limit = abs(a_class[0]) * (1 + _BOUND_SLACK + _ROUNDING) + 1e-9
        for j in range(i, len(order)):
            b_class = order[j]
            if abs(b_class[0]) > limit:
                break
            b_keys = classes[b_class]
            b = records[b_keys[0][0]].figures[b_keys[0][1]]
            if not _compatible(a, b):
                continue
            if _distinctive(a, b):
                _link_all(records, a_keys if i == j else a_keys + b_keys, uf)
            else:
                _link_similar(records, a_keys, None if i == j else b_keys, tokens, uf)


def _link_all(records: tuple[ArticleRecord, ...], keys: list[FigureKey], uf: _UnionFind) -> None:
    """Join figures that all match each other except where two share a sentence."""
    # Two figures in one sentence never match, but both match any figure stated elsewhere: so the
    # figures are one group as soon as they come from two places, and stay apart if from one.
    places = {(key[0], records[key[0]].figures[key[1]].sentence) for key in keys}
    if len(places) > 1:
        for key in keys[1:]:
            uf.union(keys[0], key)


def _link_similar(
    records: tuple[ArticleRecord, ...],
    a_keys: list[FigureKey],
    b_keys: list[FigureKey] | None,
    tokens: dict[FigureKey, frozenset[str]],
    uf: _UnionFind,
) -> None:
    """Join each figure of `a_keys` to the figures of `b_keys` (or of `a_keys`) with a similar measure."""
    for i, a_key in enumerate(a_keys):
        a_tokens = tokens[a_key]
        if not a_tokens:
            continue
        sentence = records[a_key[0]].figures[a_key[1]].sentence
        for b_key in a_keys[i + 1 :] if b_keys is None else b_keys:
            # Figures already joined need no comparison: a story told alike collapses quickly.
            if uf.find(a_key) == uf.find(b_key):
                continue
            if a_key[0] == b_key[0] and sentence == records[b_key[0]].figures[b_key[1]].sentence:
                continue
            if _similar(a_tokens, tokens[b_key]):
                uf.union(a_key, b_key)


def _fact(
    records: tuple[ArticleRecord, ...], refs: Sequence[Sequence[SourceRef]], members: list[FigureKey]
) -> Fact:
    figures = [(k, records[k[0]].figures[k[1]]) for k in members]
    # The fact is stated in the unit most sources used; exact figures beat bounds.
    by_unit: dict[str | None, int] = defaultdict(int)
    for _, fig in figures:
        by_unit[fig.unit] += 1
    unit = min(by_unit, key=lambda u: (-by_unit[u], u or ""))
    main = min(
        (item for item in figures if item[1].unit == unit),
        key=lambda item: (item[1].approx is not None, item[0]),
    )
    measure = next((fig.measure for _, fig in figures if fig.measure), None) or ""
    sources = tuple(refs[k[0]][k[1]] for k, _ in figures)
    forms = tuple(fig.text for _, fig in figures)
    equivalents = tuple(sorted({fig.text for _, fig in figures if fig.unit != unit}))
    key = f"{main[1].kind}-{unit or 'none'}-{main[1].value:g}-{records[main[0][0]].article.id}-{main[0][1]}"
    return Fact(key, measure, main[1].kind, main[1].value, unit, sources, forms, equivalents)


def _conflicts(facts: tuple[Fact, ...]) -> tuple[Conflict, ...]:
    """Return groups of facts with the same measure and unit whose values disagree."""
    by_measure: dict[tuple[str, str | None, frozenset[str]], list[Fact]] = defaultdict(list)
    for fact in facts:
        words = measure_tokens(fact.measure)
        # A one-word measure ("revenue", "sales") names too many different quantities to call a clash.
        if len(words) < 2 or fact.value is None:
            continue
        by_measure[(fact.kind, fact.unit, words)].append(fact)
    conflicts = []
    for (_, _, words), group in sorted(by_measure.items(), key=lambda kv: (sorted(kv[0][2]), kv[0][0])):
        articles = {s.article for fact in group for s in fact.sources}
        if len(group) > 1 and len(articles) > 1:
            ordered = tuple(sorted(group, key=lambda f: (f.value or 0.0, f.key)))
            conflicts.append(Conflict(" ".join(sorted(words)) and group[0].measure, ordered))
    return tuple(conflicts)
