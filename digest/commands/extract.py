"""`digest extract`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from digest.commands._common import friendly
from digest.errors import DigestError


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--timezone", default="UTC", show_default=True, help="Time zone for dates without one.")
@friendly
def extract(*, paths: tuple[Path, ...], fmt: str, timezone: str) -> None:
    """Print the record of each article file, or of every article in a directory, in input order."""
    from zoneinfo import ZoneInfo

    from digest.export import record_to_dict
    from digest.load import load_article, load_articles
    from digest.records import process_article

    tz = ZoneInfo(timezone)
    records: list[dict[str, Any]] = []
    failed = False
    for path in paths:
        if path.is_dir():
            docs, diagnostics = load_articles(path, tz=tz)
            for diagnostic in diagnostics:
                click.echo(diagnostic.format(), err=True)
                failed = failed or diagnostic.level == "error"
        else:
            try:
                docs = (load_article(path, articles_dir=path.parent, tz=tz),)
            except DigestError as exc:
                click.echo(f"error: {exc.format()}", err=True)
                failed = True
                continue
        for doc in docs:
            record = record_to_dict(process_article(doc))
            if fmt == "jsonl":
                click.echo(json.dumps(record, ensure_ascii=False))
            else:
                records.append(record)
    if fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    if failed:
        sys.exit(1)
