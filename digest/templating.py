"""The Jinja2 environment of the site, and rendering that reports a broken template by file and line."""

from __future__ import annotations

import traceback
from pathlib import Path
from typing import Any

import jinja2

from digest.errors import TemplateProblem
from digest.textsafe import xml_safe


def environment(templates_dir: Path | None) -> jinja2.Environment:
    """Return the Jinja2 environment: project templates first, then the built-in ones."""
    loaders: list[jinja2.BaseLoader] = []
    if templates_dir is not None and templates_dir.is_dir():
        loaders.append(jinja2.FileSystemLoader(str(templates_dir)))
    loaders.append(jinja2.PackageLoader("digest", "templates"))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["plural"] = lambda n, word: f"{n} {word}" if n == 1 else f"{n} {word}s"
    return env


def render_template(env: jinja2.Environment, template: str, **context: Any) -> str:
    """Render `template`; a template that fails is reported by its file and line, not a traceback.

    Characters XML forbids are taken out of the page as a whole: escaping neither makes nor
    removes any, so the page is the one cleaning each printed value would give, for one scan.
    """
    try:
        return xml_safe(env.get_template(template).render(**context))
    except jinja2.TemplateError as exc:
        raise template_problem(exc, template) from None


def template_problem(exc: jinja2.TemplateError, template: str) -> TemplateProblem:
    """Return what went wrong in a template as an error naming its file and line."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateProblem(
            f"template error: {exc.message}", path=exc.filename or template, line=exc.lineno
        )
    where, line = template, None
    # Jinja maps the frames of rendered templates to their own files and lines; the innermost names
    # the template that failed.
    for frame in traceback.extract_tb(exc.__traceback__):
        if frame.filename.endswith(_TEMPLATE_SUFFIXES):
            where, line = frame.filename, frame.lineno
    if isinstance(exc, jinja2.TemplateNotFound):
        return TemplateProblem(f"template not found: {exc.name}", path=where, line=line)
    return TemplateProblem(f"template error: {exc.message or type(exc).__name__}", path=where, line=line)


_TEMPLATE_SUFFIXES = (".html", ".xml", ".svg", ".css", ".js", ".txt")
