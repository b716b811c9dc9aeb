"""What every command shares: turning DigestError into a message and an exit code, common options."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import click

from digest.errors import DigestError

F = TypeVar("F", bound=Callable[..., Any])


def friendly(func: F) -> F:
    """Print a DigestError as `path:line: message` and exit with its code, never a traceback."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DigestError as exc:
            click.echo(f"error: {exc.format()}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted; the previous site was left as it was", err=True)
            sys.exit(130)

    return wrapper  # type: ignore[return-value]


project_option = click.option(
    "--project",
    "project",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The digest project directory (holding articles/ and digest.yaml).",
)
