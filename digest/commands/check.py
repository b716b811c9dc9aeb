"""`digest check`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from digest.commands._common import friendly, project_option


@click.command()
@project_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@friendly
def check(*, project: Path, strict: bool) -> None:
    """Load and clean every article, print warnings and errors, write nothing."""
    from digest.build import collect
    from digest.config import load_config

    config = load_config(project)
    records, diagnostics = collect(config)
    for record in records:
        art = record.article
        flags = ", ".join(art.flags) or "none"
        click.echo(
            f"{art.path}: {len(art.removed)} removed, flags: {flags}; {len(record.figures)} figures, "
            f"{len(record.dates)} dates, {len(record.quotes)} quotes, {len(record.claims)} claims"
        )
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)
    errors = sum(d.level == "error" for d in diagnostics)
    warnings = len(diagnostics) - errors
    click.echo(f"{len(records)} articles, {errors} errors, {warnings} warnings", err=True)
    if errors or (strict and warnings):
        sys.exit(1)
