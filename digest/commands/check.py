"""`digest check`."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import click

from digest.commands._common import friendly, project_option
from digest.models import ArticleRecord, Conflict, Diagnostic

EXIT_CODES = """\b
Exit codes:
  0  no errors (and, with --strict, no warnings)
  1  an article has errors, or --strict and there are warnings
  2  digest.yaml or an option is invalid
  3  the output directory was refused (build and serve)
  4  another build holds the lock (build and serve)"""
QUOTE_CHARS = 60


@click.command(epilog=EXIT_CODES)
@project_option
@click.option("--strict", is_flag=True, help="Fail (exit 1) on warnings too.")
@friendly
def check(*, project: Path, strict: bool) -> None:
    """Read every article and report what a build would make of it; write nothing.

    For each article: what was removed as boilerplate (by reason), its flags and how many figures,
    dates, quotes and claims were found; then warnings: an article without a publication date, a
    quotation without a speaker, figures that disagree across sources.
    """
    from digest.build import collect
    from digest.config import load_config
    from digest.synthesize import synthesize

    config = load_config(project)
    records, diagnostics = collect(config)
    conflicts = synthesize(records, themes=()).conflicts
    warnings = [*_article_warnings(records), *_conflict_warnings(conflicts, records)]
    by_path: dict[str, list[Diagnostic]] = {}
    for warning in warnings:
        by_path.setdefault(warning.path, []).append(warning)
    for record in records:
        click.echo(_summary(record))
        for warning in by_path.get(record.article.path, []):
            click.echo(f"  warning: {warning.message}")
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)
    errors = sum(d.level == "error" for d in diagnostics)
    warned = len(diagnostics) - errors + len(warnings)
    click.echo(
        f"{len(records)} articles, {errors} errors, {warned} warnings, {len(conflicts)} conflicting figures",
        err=True,
    )
    if errors or (strict and warned):
        sys.exit(1)


def _summary(record: ArticleRecord) -> str:
    art = record.article
    reasons = Counter(r.reason for r in art.removed)
    removed = ", ".join(f"{reason} {n}" for reason, n in sorted(reasons.items())) or "nothing"
    return (
        f"{art.path}: {art.title}\n"
        f"  removed: {len(art.removed)} ({removed})\n"
        f"  flags: {', '.join(art.flags) or 'none'}\n"
        f"  found: {len(record.figures)} figures, {len(record.dates)} dates, "
        f"{len(record.quotes)} quotes, {len(record.claims)} claims"
    )


def _article_warnings(records: tuple[ArticleRecord, ...]) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    for record in records:
        art = record.article
        if art.published is None:
            found.append(
                Diagnostic(art.path, "no publication date: relative dates such as 'Thursday' stay unresolved")
            )
        for quote in record.quotes:
            if quote.direct and quote.speaker is None:
                text = quote.text if len(quote.text) <= QUOTE_CHARS else quote.text[:QUOTE_CHARS] + "…"
                found.append(
                    Diagnostic(art.path, f"quotation without a speaker (sentence {quote.sentence}): “{text}”")
                )
    return found


def _conflict_warnings(
    conflicts: tuple[Conflict, ...], records: tuple[ArticleRecord, ...]
) -> list[Diagnostic]:
    paths = {r.article.id: r.article.path for r in records}
    found: list[Diagnostic] = []
    for conflict in conflicts:
        versions = "; ".join(
            f"{' / '.join(fact.forms)} in {', '.join(sorted({s.article for s in fact.sources}))}"
            for fact in conflict.facts
        )
        articles = sorted({s.article for fact in conflict.facts for s in fact.sources})
        message = f"conflicting figures for {conflict.measure}: {versions}"
        found.extend(Diagnostic(paths.get(article, article), message) for article in articles)
    return found
