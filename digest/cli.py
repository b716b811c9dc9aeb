"""Command-line entry point: the `digest` group and its commands, one module each."""

from __future__ import annotations

import click

from digest import __version__
from digest.commands.build import build
from digest.commands.check import check
from digest.commands.extract import extract
from digest.commands.importer import import_
from digest.commands.init import init
from digest.commands.serve import serve


@click.group()
@click.version_option(__version__, prog_name="digest")
def main() -> None:
    """Turn a folder of news articles about one story into a cross-source digest site."""


for command in (build, extract, check, init, import_, serve):
    main.add_command(command)
