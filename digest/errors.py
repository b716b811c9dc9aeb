"""Exceptions that know the file and line they concern and the exit code they mean."""

from __future__ import annotations


class DigestError(Exception):
    """An error the user can act on; `cli.py` prints it without a traceback."""

    exit_code = 1

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def format(self) -> str:
        """Return `path:line: message`, leaving out what is unknown."""
        where = self.path or ""
        if where and self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}" if where else self.message

    def __str__(self) -> str:
        return self.format()


class ConfigError(DigestError):
    """digest.yaml or a command-line option is invalid."""

    exit_code = 2


class ArticleError(DigestError):
    """An article file cannot be read or its front matter is invalid."""


class OutputError(DigestError):
    """The output directory cannot be written safely."""

    exit_code = 3


class LockError(OutputError):
    """Another build holds the lock on the output directory."""

    exit_code = 4


class TemplateProblem(DigestError):
    """A template of the project cannot be compiled or rendered."""

    exit_code = 2
