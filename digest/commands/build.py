"""`digest build`."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from digest.commands._common import friendly, project_option


@click.command()
@project_option
@click.option(
    "--output", type=click.Path(path_type=Path), default=None, help="Write the site here instead of site/."
)
@click.option("--timings", is_flag=True, help="Print the time spent in each stage and the cache hits.")
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help=(
        "Extract, and render a whole site, in this many local processes "
        "(default: one per CPU; small projects use one)."
    ),
)
@click.option(
    "--executor",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="Where to extract: local processes, or a Dask cluster (pip install 'digest[dask]').",
)
@click.option("--scheduler", default=None, help="The Dask scheduler address, e.g. tcp://10.0.0.5:8786.")
@click.option("--no-cache", is_flag=True, help="Ignore the cache in .digest-cache/ and leave it as it is.")
@friendly
def build(
    *,
    project: Path,
    output: Path | None,
    timings: bool,
    workers: int | None,
    executor: str,
    scheduler: str | None,
    no_cache: bool,
) -> None:
    """Build the site from articles/ into site/ (or --output)."""
    from digest.build import build as run_build
    from digest.config import load_config
    from digest.errors import ConfigError
    from digest.progress import ProgressBar

    if executor == "dask" and not scheduler:
        raise ConfigError("--executor dask needs --scheduler ADDRESS (for example tcp://10.0.0.5:8786)")
    config = load_config(project, output_dir=output)
    with ProgressBar("extracting") as bar:
        report = run_build(
            config,
            use_cache=not no_cache,
            executor="dask" if executor == "dask" else "local",
            workers=workers,
            scheduler=scheduler,
            progress=bar.update,
        )
    for diagnostic in report.diagnostics:
        click.echo(diagnostic.format(), err=True)
    click.echo(
        f"built {report.articles} articles into {config.output_dir}: "
        + ("site already up to date" if report.reused else
           f"{report.written} files written, {report.unchanged} unchanged")
        + (f", {report.errors} articles skipped with errors" if report.errors else ""),
        err=True,
    )
    if timings:
        for name, seconds in report.timings:
            click.echo(f"{name:>14}: {seconds * 1000:9.1f} ms", err=True)
        click.echo(
            f"{'cache':>14}: {report.cache_hits} hits, {report.cache_misses} misses"
            f" ({os.cpu_count()} CPUs, executor {executor})",
            err=True,
        )
    if report.errors:
        sys.exit(1)
