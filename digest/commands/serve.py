"""`digest serve`."""

from __future__ import annotations

from pathlib import Path

import click

from digest.commands._common import friendly, project_option
from digest.errors import ConfigError


@click.command()
@project_option
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 to serve at (0 picks a free one).")
@friendly
def serve(*, project: Path, port: int) -> None:
    """Build the site into .digest-cache/serve-site, serve it and rebuild on every change.

    Saving an article, a template or digest.yaml rebuilds the preview and reloads open pages.
    A broken article or template shows its error at the bottom of every page and in the terminal;
    the server keeps running. site/ is left untouched: publish with `digest build`.
    """
    from digest.serve import serve as run_serve

    if not project.is_dir():
        raise ConfigError(f"no project directory at {project}")
    try:
        run_serve(project, port=port, log=lambda line: click.echo(line, err=True))
    except KeyboardInterrupt:
        # Ctrl-C is how a preview ends: not an error.
        click.echo("stopped", err=True)
    except OSError as exc:
        raise ConfigError(f"cannot serve on 127.0.0.1:{port}: {exc.strerror or exc}") from exc
