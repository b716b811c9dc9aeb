"""Record types passed between the stages of a build.

Every record is a frozen dataclass; collections are tuples. Offsets (`start`, `end`) are character
offsets into the cleaned article text (`Article.text`), end exclusive; `sentence` is an index into
`Article.sentences`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in an input file; `line` is 1-based, or None when unknown."""

    path: str
    message: str
    level: Level = "warning"
    line: int | None = None

    def format(self) -> str:
        """Return the diagnostic as `path:line: level: message`."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.level}: {self.message}"


@dataclass(frozen=True, slots=True)
class SourceDoc:
    """One article file as read from disk: validated front matter and the raw body.

    `path` is relative to the project directory, in POSIX form (`articles/000-foo.md`). `body_line` is the
    1-based line of the file on which the body starts, so that later stages can name lines.
    """

    id: str
    path: str
    title: str
    body: str
    body_line: int = 1
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    sha256: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class Removed:
    """A span of the raw body that the cleaner dropped, and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the clean text; `paragraph` indexes `Article.paragraphs`."""

    start: int
    end: int
    language: str
    paragraph: int = 0


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the clean text: `kind` is "text", "heading", "list", "table", "section" or "disclaimer"."""

    start: int
    end: int
    kind: str = "text"
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article: boilerplate removed, paragraphs and sentences with offsets into `text`."""

    id: str
    path: str
    title: str
    text: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published: dt.datetime | None = None
    language: str = "en"
    tags: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    removed: tuple[Removed, ...] = ()
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    sha256: str = ""
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
class Figure:
    """A number stated in the text: money, a percentage, a count or another quantity."""

    text: str
    start: int
    end: int
    sentence: int
    kind: Literal["money", "percent", "count", "other"]
    value: float | None
    unit: str | None
    approx: str | None = None
    equivalent: int | None = None
    measure: str | None = None
    value_max: float | None = None


@dataclass(frozen=True, slots=True)
class TimeExpr:
    """A temporal expression with its TIMEX3 type and value."""

    text: str
    start: int
    end: int
    sentence: int
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Mention:
    """A place in the text where a speaker is named or referred to."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person (or anonymous source) quoted or reported as saying something."""

    name: str
    role: str | None = None
    organization: str | None = None
    anonymous: bool = False
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct quotation or a piece of reported speech."""

    text: str
    start: int
    end: int
    sentence: int
    speaker: str | None
    cue: str | None
    direct: bool


@dataclass(frozen=True, slots=True)
class Claim:
    """A check-worthy sentence: a fact, a figure, a forecast or a position someone holds."""

    text: str
    start: int
    end: int
    sentence: int
    kind: Literal["statistic", "forecast", "statement", "assessment"]
    speaker: str | None = None
    attribution: str | None = None
    hedged: bool = False
    figures: tuple[int, ...] = ()
    dates: tuple[int, ...] = ()
    themes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """An article with everything extracted from it: the unit the `extract` command prints."""

    article: Article
    figures: tuple[Figure, ...] = ()
    dates: tuple[TimeExpr, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()


@dataclass(frozen=True, slots=True)
class OutputFile:
    """A file of the site, relative to the output directory, ready to be written.

    `fingerprint` names everything a page was made from (see pagememo.py). A `kept` file has no
    bytes: it is the last build's file at the same path, made from the same fingerprint.
    """

    path: str
    content: bytes = field(repr=False)
    fingerprint: str = ""
    kept: bool = False


@dataclass(frozen=True, slots=True)
class Theme:
    """A group of claims: declared in digest.yaml or discovered from the claims themselves."""

    name: str
    slug: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    discovered: bool = False


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Where in which article something was stated: links to `articles/<article>.html#s<sentence>`."""

    article: str
    sentence: int
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Fact:
    """One quantity stated by one or more sources, with the form each used."""

    key: str
    measure: str
    kind: str
    value: float | None
    unit: str | None
    sources: tuple[SourceRef, ...]
    forms: tuple[str, ...]
    equivalents: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Conflict:
    """Figures for the same measure that disagree beyond rounding."""

    measure: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True, slots=True)
class PersonQuote:
    """A quote by a person, with where it was found."""

    text: str
    direct: bool
    ref: SourceRef


@dataclass(frozen=True, slots=True)
class Person:
    """A speaker merged across articles."""

    key: str
    name: str
    roles: tuple[str, ...]
    organizations: tuple[str, ...]
    anonymous: bool
    articles: tuple[str, ...]
    quotes: tuple[PersonQuote, ...]
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """A dated expression in its sentence; `value` is None in undated articles."""

    value: str | None
    type: str
    text: str
    sentence_text: str
    ref: SourceRef


@dataclass(frozen=True, slots=True)
class Digest:
    """Everything the renderer shows: records, themes, facts, conflicts, people and the timeline."""

    records: tuple[ArticleRecord, ...]
    themes: tuple[Theme, ...]
    facts: tuple[Fact, ...]
    conflicts: tuple[Conflict, ...]
    people: tuple[Person, ...]
    timeline: tuple[TimelineEvent, ...]
    undated: tuple[TimelineEvent, ...]
