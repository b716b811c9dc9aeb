"""Group claims into themes: the ones declared in digest.yaml, or ones discovered from the claims."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import fields, replace
from functools import partial
from operator import attrgetter

from digest import _keyphrases as kp
from digest.config import ThemeSpec
from digest.models import ArticleRecord, Claim, Theme
from digest.recall import Recall, each, recalled
from digest.slugs import name_slug, off_listing

OTHER = Theme(name="Other", slug="other", description="Claims that match no other theme.")
# A second theme is kept when it scores at least this share of the best one.
_CLOSE_SECOND = 2 / 3
# Phrases found in more than this share of all claims are the story itself ("Alibaba", "AI"), not a theme.
_UBIQUITOUS = 0.3
_MAX_THEMES = 10
_MIN_THEMES = 4
_SAMPLE = 500
# A claim joins a discovered theme with its seed phrase (1.0) or phrases that mostly come with it.
_FLOOR = 0.5

Phrase = tuple[str, ...]
Label = tuple[str, ...]

_CLAIM_FIELDS = tuple(f.name for f in fields(Claim))
# Building a claim from its other fields in order is about twice as fast as `dataclasses.replace`,
# which matters for a quarter of a million claims; it needs `themes` to be the last field.
_CLAIM_HEAD = attrgetter(*_CLAIM_FIELDS[:-1]) if _CLAIM_FIELDS[-1] == "themes" else None
_new_claim: Callable[..., Claim] = Claim


def assign_themes(
    records: tuple[ArticleRecord, ...], *, specs: tuple[ThemeSpec, ...], recall: Recall | None = None
) -> tuple[tuple[ArticleRecord, ...], tuple[Theme, ...]]:
    """Return the records with each claim's themes filled in, and the themes in display order.

    With declared themes a record's themes depend on it alone, and a `recall` gives back the themed
    record of each record it has seen; discovered themes depend on every claim.
    """
    if specs:
        index = _keyword_index(specs)
        themed = each(recall, ("themes", specs), records, lambda batch: _configured(batch, index, specs))
        out = tuple(record for record, _ in themed)
        themes = [Theme(s.name, s.slug, s.description, s.keywords) for s in specs]
        if all(spec.slug != OTHER.slug for spec in specs) and any(other for _, other in themed):
            themes.append(OTHER)
        return out, tuple(themes)
    texts, ids = _distinct(records)
    labels, found = _discovered(records, list(texts), ids)
    it = iter(ids)
    per_record = [tuple(labels[next(it)] for _ in record.claims) for record in records]
    return tuple(
        recalled(recall, ("themed", label), record, partial(_themed, labels=label))
        for record, label in zip(records, per_record, strict=True)
    ), found


def _distinct(records: Iterable[ArticleRecord]) -> tuple[dict[str, int], list[int]]:
    """Return the distinct claim texts (numbered) and the number of each claim's text, in order."""
    # A claim's themes depend on its text alone, so each distinct text is matched once: stories
    # repeated by many outlets repeat their sentences word for word.
    texts: dict[str, int] = {}
    ids = [texts.setdefault(claim.text, len(texts)) for record in records for claim in record.claims]
    return texts, ids


def _themed(record: ArticleRecord, labels: Iterable[Label]) -> ArticleRecord:
    return replace(
        record, claims=tuple(_with_themes(c, label) for c, label in zip(record.claims, labels, strict=True))
    )


def _with_themes(claim: Claim, themes: Label) -> Claim:
    if _CLAIM_HEAD is None:
        return replace(claim, themes=themes)
    return _new_claim(*_CLAIM_HEAD(claim), themes)


def _keyword_index(specs: tuple[ThemeSpec, ...]) -> dict[str, list[tuple[Phrase, int, int]]]:
    """Return each declared keyword's stemmed phrase, by its first word, with theme and weight."""
    index: dict[str, list[tuple[Phrase, int, int]]] = {}
    for number, spec in enumerate(specs):
        words = spec.keywords or tuple(w for w in kp.tokens(spec.name) if w.lower() not in kp.STOPWORDS)
        for keyword in sorted(set(words)):
            phrase = tuple(kp.stems(keyword))
            if phrase:
                # Weigh by words as written, so that "e-commerce" counts once and "price war" twice.
                index.setdefault(phrase[0], []).append((phrase, number, len(keyword.split())))
    return index


def _configured(
    records: list[ArticleRecord],
    index: dict[str, list[tuple[Phrase, int, int]]],
    specs: tuple[ThemeSpec, ...],
) -> list[tuple[ArticleRecord, bool]]:
    """Return each record with its claims' declared themes, and whether any claim fell in none."""
    texts, ids = _distinct(records)
    slugs = [spec.slug for spec in specs]
    labels: list[Label] = []
    for text in texts:
        chosen = _best(_match(kp.stems(text), index, len(specs)))
        labels.append(tuple(slugs[i] for i in chosen) or (OTHER.slug,))
    out = []
    it = iter(ids)
    for record in records:
        mine = [labels[next(it)] for _ in record.claims]
        out.append((_themed(record, mine), any(label == (OTHER.slug,) for label in mine)))
    return out


def _match(words: list[str], index: dict[str, list[tuple[Phrase, int, int]]], size: int) -> list[float]:
    """Score each theme by the words of the sentence its keywords cover, so overlaps count once."""
    scores = [0.0] * size
    # Most words start no keyword: only the few that do get a set of covered places.
    covered: dict[int, set[int]] = {}
    for position in [p for p, word in enumerate(words) if word in index]:
        for phrase, theme, weight in index[words[position]]:
            if len(phrase) == 1 or tuple(words[position : position + len(phrase)]) == phrase:
                # "e-commerce" is one written word: it covers one place however it splits.
                covered.setdefault(theme, set()).update(range(position, position + weight))
    for theme, places in covered.items():
        scores[theme] = float(len(places))
    return scores


def _best(scores: list[float], *, floor: float = 1.0) -> tuple[int, ...]:
    """Return the best-scoring theme and a close second, ties going to the earlier theme."""
    ranked = sorted((-score, number) for number, score in enumerate(scores) if score >= floor)
    if not ranked:
        return ()
    best = -ranked[0][0]
    chosen = [ranked[0][1]]
    if len(ranked) > 1 and -ranked[1][0] >= best * _CLOSE_SECOND:
        chosen.append(ranked[1][1])
    return tuple(chosen)


def _discovered(
    records: tuple[ArticleRecord, ...], texts: list[str], ids: list[int]
) -> tuple[list[Label], tuple[Theme, ...]]:
    """Cluster claims around their most shared keyphrases and name each cluster after them.

    `texts` are the distinct claim texts and `ids` the text of each claim in record order; every
    count below is of claims, a text counting as many times as it is claimed.
    """
    total = len(ids)
    if not total:
        return [], ()
    weight = [0] * len(texts)
    for i in ids:
        weight[i] += 1
    keys = [kp.candidate_keys(text) for text in texts]
    df: Counter[Phrase] = Counter()
    for found, n in zip(keys, weight, strict=True):
        if n == 1:
            df.update(found.keys())
        else:
            for p in found:
                df[p] += n
    spread: Counter[Phrase] = Counter()
    start = 0
    for record in records:
        end = start + len(record.claims)
        spread.update(set().union(*(keys[i] for i in set(ids[start:end]))))
        start = end
    articles = sum(1 for record in records if record.claims)
    support = max(2, math.ceil(0.01 * total))
    min_spread = 2 if articles > 1 else 1
    ubiquitous: set[Phrase] = {p for p, n in df.items() if len(p) == 1 and n > _UBIQUITOUS * total}
    usable = {
        p
        for p, n in df.items()
        if n >= support and spread[p] >= min_spread and not all((w,) in ubiquitous for w in p)
    }
    # A word that nearly always comes inside one longer phrase ("intelligence") is that phrase.
    inside: Counter[Phrase] = Counter()
    for p in usable:
        for word in p if len(p) > 1 else ():
            inside[(word,)] = max(inside[(word,)], df[p])
    usable -= {p for p, n in inside.items() if n * 5 >= df[p] * 4}
    # In each text's order (candidate_keys keeps it): floating-point scores must add up in the same
    # order every run for the labels to be the same.
    kept = [[p for p in found if p in usable] for found in keys]
    postings: dict[Phrase, list[int]] = {p: [] for p in usable}
    for i, phrases in enumerate(kept):
        for p in phrases:
            postings[p].append(i)
    seeds = _seeds(postings, df, weight, _target(total))
    vocab = _vocabulary(seeds, postings, kept, weight, df)
    labels: list[tuple[int, ...]] = []
    for phrases in kept:
        scores = [0.0] * len(seeds)
        for p in phrases:
            for theme, share in vocab.get(p, ()):
                scores[theme] += share
        labels.append(_best(scores, floor=_FLOOR))
    return _name_themes(texts, weight, seeds, labels, kept)


def _target(total: int) -> int:
    return max(_MIN_THEMES, min(_MAX_THEMES, round(math.sqrt(total) / 1.5)))


def _seeds(
    postings: dict[Phrase, list[int]], df: Counter[Phrase], weight: list[int], target: int
) -> list[Phrase]:
    """Pick the most shared phrases whose claims are not mostly another seed's claims."""
    # Every claim with a usable phrase keeps it, so df counts the claims of each posting.
    ranked = sorted(postings, key=lambda p: (-df[p] * (1 + 0.5 * (len(p) - 1)), p))
    seeds: list[Phrase] = []
    members: list[set[int]] = []
    for phrase in ranked[: 50 * target]:
        if any(set(phrase) & set(seed) for seed in seeds):
            continue
        texts = set(postings[phrase])
        if any(sum(weight[i] for i in texts & other) * 2 > df[phrase] for other in members):
            continue
        seeds.append(phrase)
        members.append(texts)
        if len(seeds) == target:
            break
    return seeds


def _vocabulary(
    seeds: list[Phrase],
    postings: dict[Phrase, list[int]],
    kept: list[list[Phrase]],
    weight: list[int],
    df: Counter[Phrase],
) -> dict[Phrase, list[tuple[int, float]]]:
    """Weigh each phrase by how often it comes with a seed: P(seed | phrase)."""
    vocab: dict[Phrase, list[tuple[int, float]]] = {}
    for theme, seed in enumerate(seeds):
        together: Counter[Phrase] = Counter()
        for i in postings[seed]:
            _add_counts(together, kept[i], weight[i])
        for phrase in sorted(together):
            share = together[phrase] / df[phrase]
            if phrase == seed or (together[phrase] >= 2 and share >= 0.5):
                vocab.setdefault(phrase, []).append((theme, 1.0 if phrase == seed else share))
    return vocab


def _add_counts(counts: Counter[Phrase], phrases: Iterable[Phrase], n: int) -> None:
    if n == 1:
        counts.update(phrases)
    else:
        for p in phrases:
            counts[p] += n


def _name_themes(
    texts: list[str],
    weight: list[int],
    seeds: list[Phrase],
    labels: list[tuple[int, ...]],
    kept: list[list[Phrase]],
) -> tuple[list[Label], tuple[Theme, ...]]:
    members: list[list[int]] = [[] for _ in seeds]
    for i, label in enumerate(labels):
        for theme in label:
            members[theme].append(i)
    built: list[tuple[int, str, int, Theme]] = []
    taken = set(seeds)
    for theme, seed in enumerate(seeds):
        if not members[theme]:
            continue
        size = sum(weight[i] for i in members[theme])
        counts: Counter[Phrase] = Counter()
        # No kept phrase is ubiquitous: those were left out of `usable`.
        for i in members[theme]:
            _add_counts(counts, kept[i], weight[i])
        ranked = sorted(counts, key=lambda p: (-counts[p] * (1 + 0.5 * (len(p) - 1)), p))
        second = next((p for p in ranked if p not in taken and not set(p) & set(seed)), None)
        # The written forms come from a fixed sample, so naming stays cheap on a large digest.
        surfaces = _surfaces(_sample(texts, weight, members[theme]), {seed, *ranked[:5]})
        name = surfaces.get(seed, " ".join(seed))
        if second is not None and counts[second] * 3 >= size:
            name = f"{name} and {surfaces.get(second, ' '.join(second))}"
        keywords = tuple(surfaces.get(p, " ".join(p)) for p in [seed, *(p for p in ranked[:5] if p != seed)])
        description = "Claims that mention " + ", ".join(f"“{k}”" for k in keywords[:3]) + "."
        name = name[:1].upper() + name[1:]
        built.append((-size, name, theme, Theme(name, "", description, keywords, True)))
    built.sort(key=lambda item: (item[0], item[1], item[2]))
    themes: list[Theme] = []
    slug_of: dict[int, str] = {}
    used = {"other"}
    for _, name, theme, spec in built:
        slug = _unique(off_listing(name_slug(name) or "theme", "theme"), used)
        slug_of[theme] = slug
        themes.append(replace(spec, slug=slug))
    out = [tuple(slug_of[t] for t in label) or ("other",) for label in labels]
    if any(label == ("other",) for label in out):
        themes.append(replace(OTHER, discovered=True))
    return out, tuple(themes)


def _sample(texts: list[str], weight: list[int], members: list[int]) -> list[tuple[str, int]]:
    """Return the first `_SAMPLE` claims of a theme in text order, as (text, how many claim it)."""
    sample: list[tuple[str, int]] = []
    room = _SAMPLE
    for text, i in sorted((texts[i], i) for i in members):
        sample.append((text, min(weight[i], room)))
        room -= sample[-1][1]
        if not room:
            break
    return sample


def _surfaces(texts: Iterable[tuple[str, int]], wanted: set[Phrase]) -> dict[Phrase, str]:
    """Return the commonest written form of each wanted phrase, lower case winning a tie."""
    seen: dict[Phrase, Counter[str]] = {p: Counter() for p in wanted}
    for text, n in texts:
        for phrase, surface in kp.candidate_phrases(text).items():
            if phrase in seen:
                seen[phrase][surface] += n
    out: dict[Phrase, str] = {}
    for phrase, forms in seen.items():
        if forms:
            out[phrase] = min(forms, key=lambda form: (-forms[form], form != form.lower(), form))
    return out


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate
