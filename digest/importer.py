"""Turn raw text copied from a web page into an article file: front matter, then the text verbatim.

`prepare_article` works on a string and guesses what the text does not say; `write_article` puts
the result in articles/ under a name no other file has.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from digest.errors import ArticleError, ConfigError, OutputError
from digest.slugs import slugify

MAX_TITLE_WORDS = 25
MIN_TITLE_WORDS = 3
MAX_NAME_CHARS = 60
_NEW_NAME_ATTEMPTS = 1000
# "Headline – Reuters", "Headline | AP News": an outlet named after a dash or bar ends the line.
_OUTLET_SUFFIX = re.compile(r"\s+[-–—|]\s+((?:[A-Z][\w.&'’]*\s?){1,4})\s*$")
_URL = re.compile(r"^\s*(?:https?://|www\.)\S*\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z0-9])")


@dataclass(frozen=True, slots=True)
class Draft:
    """An article ready to be written: its front matter values, body and what was guessed."""

    title: str
    body: str
    language: str | None
    source: str | None = None
    url: str | None = None
    published: dt.date | dt.datetime | None = None
    guessed: tuple[str, ...] = ()

    def front_matter(self) -> str:
        """Return the YAML front matter block, `---` lines included."""
        lines = ["---", f"title: {_quoted(self.title)}"]
        if self.source:
            lines.append(f"source: {_quoted(self.source)}")
        if self.url:
            lines.append(f"url: {_quoted(self.url)}")
        if self.published is not None:
            lines.append(f"published: {self.published.isoformat()}")
        if self.language:
            lines.append(f"language: {self.language}")
        return "\n".join([*lines, "---", ""])

    def file_text(self) -> str:
        """Return the whole article file."""
        return self.front_matter() + self.body


def parse_published(value: str) -> dt.date | dt.datetime:
    """Return `value` (YYYY-MM-DD, or an ISO date and time) as a date or datetime; raise ConfigError."""
    text = value.strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError as exc:
        raise ConfigError(
            f"--published {value!r} is not a valid date (YYYY-MM-DD or ISO 8601): {exc}"
        ) from exc


def check_url(value: str) -> str:
    """Return `value` if it is an absolute http(s) URL; raise ConfigError otherwise."""
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or any(ch.isspace() for ch in value.strip()):
        raise ConfigError(f"--url {value!r} must be an absolute http:// or https:// address")
    return value.strip()


def prepare_article(
    text: str,
    *,
    title: str | None = None,
    source: str | None = None,
    url: str | None = None,
    published: dt.date | dt.datetime | None = None,
    path: str = "<text>",
) -> Draft:
    """Return the draft of `text`, guessing its title, source and language where they are not given."""
    body = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if not body.strip():
        raise ArticleError("the text is empty", path=path)
    body = body.strip("\n") + "\n"
    guessed: list[str] = []
    if title is None:
        title, line = _guess_title(body)
        suffix = _OUTLET_SUFFIX.search(title)
        if suffix and len(title[: suffix.start()].split()) >= MIN_TITLE_WORDS:
            if source is None:
                source = suffix.group(1).strip()
                guessed.append(f"source “{source}” (from the end of the title line)")
            title = title[: suffix.start()].strip()
        guessed.append(f"title “{title}” (from line {line})")
    language = _guess_language(body)
    if language is not None:
        guessed.append(f"language {language} (detected from the text)")
    return Draft(title, body, language, source, url, published, tuple(guessed))


def write_article(draft: Draft, *, articles_dir: Path) -> Path:
    """Write `draft` into `articles_dir` under a new name and return its path; never overwrite."""
    stem = _file_stem(draft)
    articles_dir.mkdir(parents=True, exist_ok=True)
    data = draft.file_text().encode("utf-8")
    for attempt in range(1, _NEW_NAME_ATTEMPTS + 1):
        name = f"{stem}.md" if attempt == 1 else f"{stem}-{attempt}.md"
        target = articles_dir / name
        try:
            # "x" fails if the name exists, even if it appeared a moment ago.
            with open(target, "xb") as handle:
                handle.write(data)
        except FileExistsError:
            continue
        return target
    raise OutputError(f"no free file name for {stem}.md in {articles_dir}")


def decode(raw: bytes, *, path: str) -> str:
    """Return the text of `raw`: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    if b"\x00" in raw[:8192]:
        raise ArticleError("this looks like a binary file, not text", path=path)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Text copied on Windows is the usual non-UTF-8 input; cp1252 decodes almost any byte.
        return raw.decode("cp1252", errors="replace")


def _guess_title(body: str) -> tuple[str, int]:
    lines = body.split("\n")
    for number, line in enumerate(lines, start=1):
        words = line.split()
        if not MIN_TITLE_WORDS <= len(words) <= MAX_TITLE_WORDS:
            continue
        if _is_label(line):
            continue
        return " ".join(words).lstrip("#> ").strip(), number
    # No line looks like a headline: take the first sentence of the first paragraph, shortened.
    texts = [(n, line) for n, line in enumerate(lines, start=1) if line.strip()]
    number, first = next(
        ((n, line) for n, line in texts if len(line.split()) >= MIN_TITLE_WORDS and not _is_label(line)),
        texts[0],
    )
    sentence = _SENTENCE_END.split(first.strip(), maxsplit=1)[0]
    words = sentence.split()
    shortened = " ".join(words[:MAX_TITLE_WORDS]) + ("…" if len(words) > MAX_TITLE_WORDS else "")
    return shortened, number


def _is_label(line: str) -> bool:
    return line.rstrip().endswith((":", ",")) or _URL.match(line) is not None


def _guess_language(body: str) -> str | None:
    from digest.language import detect_languages

    paragraphs = [line for line in body.split("\n") if line.strip()]
    if not paragraphs:
        return None
    # Weighting by length keeps a one-line summary in another language from deciding.
    weights: Counter[str] = Counter()
    for paragraph, language in zip(paragraphs, detect_languages(paragraphs, fallback=""), strict=True):
        if language:
            weights[language] += len(paragraph)
    if not weights:
        return None
    return min(weights, key=lambda lang: (-weights[lang], lang))


def _file_stem(draft: Draft) -> str:
    slug = slugify(draft.title).replace("_", "-")
    if len(slug) > MAX_NAME_CHARS:
        cut = slug.rfind("-", 0, MAX_NAME_CHARS)
        slug = slug[: cut if cut > MAX_NAME_CHARS // 2 else MAX_NAME_CHARS].strip("-")
    slug = slug or "article"
    if draft.published is not None:
        return f"{draft.published.isoformat()[:10]}-{slug}"
    return slug


def _quoted(value: str) -> str:
    # PyYAML's double-quoted style escapes whatever YAML would misread; never a bare scalar.
    dumped = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=1 << 30)
    return dumped.removesuffix("\n...\n").strip()
