"""Typed, validated configuration: `digest.yaml` plus command-line overrides, read once."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from digest.errors import ConfigError
from digest.slugs import name_slug, off_listing

CONFIG_NAME = "digest.yaml"
DEFAULT_MAX_ARTICLE_BYTES = 4 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ThemeSpec:
    """A theme declared in digest.yaml: claims whose sentences match its keywords belong to it."""

    name: str
    slug: str
    description: str = ""
    keywords: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SiteConfig:
    """Everything a build needs to know besides the articles themselves."""

    project_dir: Path
    output_dir: Path
    title: str = "News digest"
    description: str = "A cross-source digest of the coverage of one story."
    base_url: str = "https://example.org/"
    language: str = "en"
    timezone: str = "UTC"
    author: str | None = None
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    themes: tuple[ThemeSpec, ...] = ()
    page_size: int = 50
    feed_items: int = 50
    search: bool = True

    @property
    def articles_dir(self) -> Path:
        """Return the directory the articles are read from."""
        return self.project_dir / "articles"

    @property
    def templates_dir(self) -> Path:
        """Return the project's template override directory (it may not exist)."""
        return self.project_dir / "templates"

    @property
    def cache_dir(self) -> Path:
        """Return the directory where extraction results are cached."""
        return self.project_dir / ".digest-cache"

    @property
    def tz(self) -> ZoneInfo:
        """Return the site's time zone."""
        return ZoneInfo(self.timezone)


_KEYS = {
    "title": str,
    "description": str,
    "base_url": str,
    "language": str,
    "timezone": str,
    "author": str,
    "max_article_bytes": int,
    "page_size": int,
    "feed_items": int,
    "search": bool,
    "themes": list,
}


def load_config(project_dir: Path, *, output_dir: Path | None = None) -> SiteConfig:
    """Return the configuration of the project in `project_dir`, validated."""
    project_dir = project_dir.resolve()
    path = project_dir / CONFIG_NAME
    data: dict[str, Any] = {}
    if path.is_file():
        try:
            loaded = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            raise ConfigError(f"invalid YAML: {exc}", path=str(path), line=line) from exc
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read: {exc}", path=str(path)) from exc
        if loaded is None:
            loaded = {}
        if not isinstance(loaded, dict):
            raise ConfigError("the top level must be a mapping of settings", path=str(path))
        data = loaded
    return parse_config(data, project_dir=project_dir, output_dir=output_dir, path=str(path))


def parse_config(
    data: dict[str, Any], *, project_dir: Path, output_dir: Path | None = None, path: str = CONFIG_NAME
) -> SiteConfig:
    """Return a SiteConfig from the mapping `data`, raising ConfigError on any invalid setting."""
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key not in _KEYS:
            raise ConfigError(f"unknown setting {key!r}; known: {', '.join(sorted(_KEYS))}", path=path)
        expected = _KEYS[key]
        if not isinstance(value, expected) or (expected is not bool and isinstance(value, bool)):
            raise ConfigError(f"{key!r} must be a {expected.__name__}, not {type(value).__name__}", path=path)
        values[key] = value
    if "themes" in values:
        values["themes"] = _parse_themes(values["themes"], path=path)
    base_url = values.get("base_url", "https://example.org/")
    if not base_url.startswith(("http://", "https://")):
        raise ConfigError("'base_url' must start with http:// or https://", path=path)
    values["base_url"] = base_url.rstrip("/") + "/"
    try:
        ZoneInfo(values.get("timezone", "UTC"))
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"unknown time zone {values.get('timezone')!r}", path=path) from exc
    for key in ("max_article_bytes", "page_size", "feed_items"):
        if key in values and values[key] < 1:
            raise ConfigError(f"{key!r} must be positive", path=path)
    out = (output_dir if output_dir is not None else project_dir / "site").resolve()
    return SiteConfig(project_dir=project_dir, output_dir=out, **values)


def _parse_themes(raw: list[Any], *, path: str) -> tuple[ThemeSpec, ...]:
    themes: list[ThemeSpec] = []
    seen: set[str] = set()
    for index, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str) or not item["name"].strip():
            raise ConfigError(f"theme {index} needs a 'name' string", path=path)
        keywords = item.get("keywords", [])
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise ConfigError(f"theme {item['name']!r}: 'keywords' must be a list of strings", path=path)
        description = item.get("description", "")
        if not isinstance(description, str):
            raise ConfigError(f"theme {item['name']!r}: 'description' must be a string", path=path)
        slug = off_listing(name_slug(item["name"]), "theme")
        if not slug or slug in seen:
            raise ConfigError(f"theme {item['name']!r}: its name gives an empty or duplicate slug", path=path)
        seen.add(slug)
        themes.append(ThemeSpec(item["name"].strip(), slug, description.strip(), tuple(keywords)))
    return tuple(themes)


def with_overrides(config: SiteConfig, **changes: Any) -> SiteConfig:
    """Return a copy of `config` with the given fields replaced."""
    return dataclasses.replace(config, **changes)
