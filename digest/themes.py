"""Group claims into themes: the ones declared in digest.yaml, or ones discovered from the claims."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from digest import _keyphrases as kp
from digest.config import ThemeSpec
from digest.models import ArticleRecord, Claim, Theme

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


def assign_themes(
    records: tuple[ArticleRecord, ...], *, specs: tuple[ThemeSpec, ...]
) -> tuple[tuple[ArticleRecord, ...], tuple[Theme, ...]]:
    """Return the records with each claim's themes filled in, and the themes in display order."""
    claims = [claim for record in records for claim in record.claims]
    if specs:
        labels, themes = _configured(claims, specs)
    else:
        labels, themes = _discovered(records)
    it = iter(labels)
    out = tuple(
        replace(record, claims=tuple(replace(claim, themes=next(it)) for claim in record.claims))
        for record in records
    )
    return out, themes


def _configured(
    claims: list[Claim], specs: tuple[ThemeSpec, ...]
) -> tuple[list[tuple[str, ...]], tuple[Theme, ...]]:
    index: dict[str, list[tuple[Phrase, int, int]]] = {}
    for number, spec in enumerate(specs):
        words = spec.keywords or tuple(w for w in kp.tokens(spec.name) if w.lower() not in kp.STOPWORDS)
        for keyword in sorted(set(words)):
            phrase = tuple(kp.stems(keyword))
            if phrase:
                # Weigh by words as written, so that "e-commerce" counts once and "price war" twice.
                index.setdefault(phrase[0], []).append((phrase, number, len(keyword.split())))
    slugs = [spec.slug for spec in specs]
    labels: list[tuple[str, ...]] = []
    for claim in claims:
        scores = _match(kp.stems(claim.text), index, len(specs))
        chosen = _best(scores)
        labels.append(tuple(slugs[i] for i in chosen) or (OTHER.slug,))
    themes = [Theme(s.name, s.slug, s.description, s.keywords) for s in specs]
    if "other" not in slugs and any(label == (OTHER.slug,) for label in labels):
        themes.append(OTHER)
    return labels, tuple(themes)


def _match(words: list[str], index: dict[str, list[tuple[Phrase, int, int]]], size: int) -> list[float]:
    """Score each theme by the words of the sentence its keywords cover, so overlaps count once."""
    covered: list[set[int]] = [set() for _ in range(size)]
    for position, word in enumerate(words):
        for phrase, theme, weight in index.get(word, ()):
            if tuple(words[position : position + len(phrase)]) == phrase:
                # "e-commerce" is one written word: it covers one place however it splits.
                covered[theme].update(range(position, position + weight))
    return [float(len(places)) for places in covered]


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


def _discovered(records: tuple[ArticleRecord, ...]) -> tuple[list[tuple[str, ...]], tuple[Theme, ...]]:
    """Cluster claims around their most shared keyphrases and name each cluster after them."""
    phrases: list[list[Phrase]] = []
    df: Counter[Phrase] = Counter()
    spread: Counter[Phrase] = Counter()
    for record in records:
        in_article: set[Phrase] = set()
        for claim in record.claims:
            keys = list(kp.candidate_keys(claim.text))
            phrases.append(keys)
            df.update(keys)
            in_article.update(keys)
        spread.update(in_article)
    total = len(phrases)
    if not total:
        return [], ()
    articles = sum(1 for record in records if record.claims)
    support = max(2, math.ceil(0.01 * total))
    min_spread = 2 if articles > 1 else 1
    ubiquitous: set[Phrase] = {p for p, n in df.items() if len(p) == 1 and n > _UBIQUITOUS * total}
    usable = {
        p for p, n in df.items()
        if n >= support and spread[p] >= min_spread and not all((w,) in ubiquitous for w in p)
    }
    # A word that nearly always comes inside one longer phrase ("intelligence") is that phrase.
    inside: Counter[Phrase] = Counter()
    for p in usable:
        for word in p if len(p) > 1 else ():
            inside[(word,)] = max(inside[(word,)], df[p])
    usable -= {p for p, n in inside.items() if n * 5 >= df[p] * 4}
    postings: dict[Phrase, list[int]] = {p: [] for p in usable}
    for number, keys in enumerate(phrases):
        kept = [p for p in keys if p in usable]
        phrases[number] = kept
        for p in kept:
            postings[p].append(number)
    seeds = _seeds(postings, _target(total))
    vocab = _vocabulary(seeds, postings, phrases, df)
    labels: list[tuple[int, ...]] = []
    for keys in phrases:
        scores = [0.0] * len(seeds)
        for p in keys:
            for theme, weight in vocab.get(p, ()):
                scores[theme] += weight
        labels.append(_best(scores, floor=_FLOOR))
    return _name_themes(records, seeds, labels, phrases, ubiquitous)


def _target(total: int) -> int:
    return max(_MIN_THEMES, min(_MAX_THEMES, round(math.sqrt(total) / 1.5)))


def _seeds(postings: dict[Phrase, list[int]], target: int) -> list[Phrase]:
    """Pick the most shared phrases whose claims are not mostly another seed's claims."""
    ranked = sorted(postings, key=lambda p: (-len(postings[p]) * (1 + 0.5 * (len(p) - 1)), p))
    seeds: list[Phrase] = []
    members: list[set[int]] = []
    for phrase in ranked[: 50 * target]:
        claims = set(postings[phrase])
        if any(set(phrase) & set(seed) for seed in seeds):
            continue
        if any(len(claims & other) * 2 > len(claims) for other in members):
            continue
        seeds.append(phrase)
        members.append(claims)
        if len(seeds) == target:
            break
    return seeds


def _vocabulary(
    seeds: list[Phrase], postings: dict[Phrase, list[int]], phrases: list[list[Phrase]], df: Counter[Phrase]
) -> dict[Phrase, list[tuple[int, float]]]:
    """Weigh each phrase by how often it comes with a seed: P(seed | phrase)."""
    vocab: dict[Phrase, list[tuple[int, float]]] = {}
    for theme, seed in enumerate(seeds):
        together: Counter[Phrase] = Counter()
        for number in postings[seed]:
            together.update(phrases[number])
        for phrase in sorted(together):
            weight = together[phrase] / df[phrase]
            if phrase == seed or (together[phrase] >= 2 and weight >= 0.5):
                vocab.setdefault(phrase, []).append((theme, 1.0 if phrase == seed else weight))
    return vocab


def _name_themes(
    records: tuple[ArticleRecord, ...],
    seeds: list[Phrase],
    labels: list[tuple[int, ...]],
    phrases: list[list[Phrase]],
    ubiquitous: set[Phrase],
) -> tuple[list[tuple[str, ...]], tuple[Theme, ...]]:
    members: list[list[int]] = [[] for _ in seeds]
    for number, label in enumerate(labels):
        for theme in label:
            members[theme].append(number)
    texts = [claim.text for record in records for claim in record.claims]
    built: list[tuple[int, str, int, Theme]] = []
    taken = set(seeds)
    for theme, seed in enumerate(seeds):
        if not members[theme]:
            continue
        counts = Counter(p for n in members[theme] for p in phrases[n] if p not in ubiquitous)
        ranked = sorted(counts, key=lambda p: (-counts[p] * (1 + 0.5 * (len(p) - 1)), p))
        second = next((p for p in ranked if p not in taken and not set(p) & set(seed)), None)
        # The written forms come from a fixed sample, so naming stays cheap on a large digest.
        sample = sorted(texts[n] for n in members[theme])[:_SAMPLE]
        surfaces = _surfaces(sample, {seed, *ranked[:5]})
        name = surfaces.get(seed, " ".join(seed))
        if second is not None and counts[second] * 3 >= len(members[theme]):
            name = f"{name} and {surfaces.get(second, ' '.join(second))}"
        keywords = tuple(surfaces.get(p, " ".join(p)) for p in [seed, *(p for p in ranked[:5] if p != seed)])
        description = "Claims that mention " + ", ".join(f"“{k}”" for k in keywords[:3]) + "."
        name = name[:1].upper() + name[1:]
        built.append((-len(members[theme]), name, theme, Theme(name, "", description, keywords, True)))
    built.sort(key=lambda item: (item[0], item[1], item[2]))
    themes: list[Theme] = []
    slug_of: dict[int, str] = {}
    used = {"other"}
    for _, name, theme, spec in built:
        slug = _unique(_slugify(name) or "theme", used)
        slug_of[theme] = slug
        themes.append(replace(spec, slug=slug))
    out = [tuple(slug_of[t] for t in label) or ("other",) for label in labels]
    if any(label == ("other",) for label in out):
        themes.append(replace(OTHER, discovered=True))
    return out, tuple(themes)


def _surfaces(texts: Iterable[str], wanted: set[Phrase]) -> dict[Phrase, str]:
    """Return the commonest written form of each wanted phrase, lower case winning a tie."""
    seen: dict[Phrase, Counter[str]] = {p: Counter() for p in wanted}
    for text in texts:
        for phrase, surface in kp.candidate_phrases(text).items():
            if phrase in seen:
                seen[phrase][surface] += 1
    out: dict[Phrase, str] = {}
    for phrase, forms in seen.items():
        if forms:
            out[phrase] = min(forms, key=lambda form: (-forms[form], form != form.lower(), form))
    return out


def _slugify(name: str) -> str:
    out = "".join(ch.lower() if ch.isascii() and ch.isalnum() else "-" for ch in name)
    return "-".join(part for part in out.split("-") if part)


def _unique(slug: str, used: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in used:
        candidate, number = f"{slug}-{number}", number + 1
    used.add(candidate)
    return candidate
