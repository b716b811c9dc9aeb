"""`digest init`."""

from __future__ import annotations

from pathlib import Path

import click

from digest.commands._common import friendly


@click.command()
@click.argument("directory", type=click.Path(path_type=Path))
@friendly
def init(*, directory: Path) -> None:
    """Create a new digest project in DIRECTORY, which must be absent or empty.

    It holds a commented digest.yaml, articles/ with one example article and templates/ with a
    copy of the built-in templates to edit. Exit code 3 if DIRECTORY is not empty.
    """
    from digest.scaffold import create_project

    written = create_project(directory)
    for path in written:
        click.echo(f"created {path}", err=True)
    click.echo(
        f"\nNext: cd {directory} && digest serve   (preview at http://127.0.0.1:8000/)\n"
        "      add articles with `digest import FILE`, publish with `digest build`",
        err=True,
    )
