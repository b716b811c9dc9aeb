"""`digest build`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from digest.commands._common import friendly, project_option


@click.command()
@project_option
@click.option(
    "--output", type=click.Path(path_type=Path), default=None, help="Write the site here instead of site/."
)
@click.option("--timings", is_flag=True, help="Print the time spent in each stage.")
@friendly
def build(*, project: Path, output: Path | None, timings: bool) -> None:
    """Build the site from articles/ into site/ (or --output)."""
    from digest.build import build as run_build
    from digest.config import load_config

    config = load_config(project, output_dir=output)
    report = run_build(config)
    for diagnostic in report.diagnostics:
        click.echo(diagnostic.format(), err=True)
    click.echo(
        f"built {report.articles} articles into {config.output_dir}: "
        f"{report.written} files written, {report.unchanged} unchanged"
        + (f", {report.errors} articles skipped with errors" if report.errors else ""),
        err=True,
    )
    if timings:
        for name, seconds in report.timings:
            click.echo(f"{name:>14}: {seconds * 1000:9.1f} ms", err=True)
    if report.errors:
        sys.exit(1)
