"""Index a built site for Pagefind: every article, and each claim and quotation as a sub-result.

The records come from the site's own `data/records.jsonl` (the extract contract), not from the
HTML, so that a result opens the exact sentence (`articles/<id>.html#s<n>`) and the index does not
depend on how the templates lay a page out. Pagefind runs as a local binary (the `pagefind`
package from PyPI, called directly: its Python API waits 0.1 s per record); nothing is fetched at
build or read time.
"""

from __future__ import annotations

import html
import json
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from digest.errors import OutputError
from digest.models import OutputFile

INDEX_DIR = "pagefind"
RECORDS = Path("data") / "records.jsonl"
TITLE_CHARS = 90
LEDE_SENTENCES = 2
TIMEOUT_SECONDS = 120


@dataclass(frozen=True, slots=True)
class SearchSection:
    """A sentence of an article that holds claims or quotes: a sub-result linking to `#<anchor>`."""

    anchor: str
    heading: str
    content: str


@dataclass(frozen=True, slots=True)
class SearchPage:
    """One article as Pagefind sees it: its text, and a section per sentence with claims or quotes."""

    path: str
    title: str
    text: str
    sections: tuple[SearchSection, ...]


def search_files(files: Sequence[OutputFile], *, language: str = "en") -> tuple[OutputFile, ...]:
    """Return the Pagefind index of the site made of `files`, as files under `pagefind/`.

    The build adds these to the site's files before its one atomic write. Every record is indexed
    under the site's `language`: Pagefind keeps one index per language and the search page loads
    the one of its own `<html lang>`, so a French quotation in an English digest must be filed
    under English to be found at all.
    """
    records = next((f for f in files if f.path == RECORDS.as_posix()), None)
    if records is None:
        raise OutputError(f"cannot index the site for search: it has no {RECORDS.as_posix()}")
    with tempfile.TemporaryDirectory(prefix="digest-index-") as scratch:
        output = Path(scratch) / INDEX_DIR
        _index(records.content.decode("utf-8").splitlines(), output=output, language=language, where="site")
        found = sorted(p for p in output.rglob("*") if p.is_file())
        return tuple(
            OutputFile(f"{INDEX_DIR}/{p.relative_to(output).as_posix()}", p.read_bytes()) for p in found
        )


def _index(lines: list[str], *, output: Path, language: str, where: str) -> None:
    pages = sorted(_pages(lines), key=lambda p: p.path)
    if not pages:
        return  # Pagefind refuses to build an empty index; a site with no articles has nothing to find
    executable = _executable()
    # Pagefind indexes HTML pages: one small page per article, laid out at the article's own path
    # so that results and sub-results (one per sentence with a claim or quote) link to the real
    # page and sentence. The pages live in a scratch directory and are never published.
    with tempfile.TemporaryDirectory(prefix="digest-search-") as scratch:
        site = Path(scratch) / "records"
        for page in pages:
            target = site / page.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(_page(page, language), encoding="utf-8")
        command = [
            str(executable),
            "--site",
            str(site),
            "--output-path",
            str(output),
            "--force-language",
            language,
            "--silent",
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise OutputError(f"Pagefind could not index the site: {exc}", path=where) from exc
    if done.returncode != 0:
        raise OutputError(
            f"Pagefind failed ({done.returncode}): {(done.stderr or done.stdout).strip()}", path=where
        )


def _executable() -> Path:
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise OutputError("search needs the pagefind package: pip install 'pagefind[extended]'") from exc
    found = get_executable()
    if found is None:
        raise OutputError("the pagefind package has no binary for this platform")
    return Path(found)


def _page(page: SearchPage, language: str) -> str:
    esc = html.escape
    sections = "".join(
        f'<h2 id="{esc(section.anchor)}">{esc(section.heading)}</h2><p>{esc(section.content)}</p>'
        for section in page.sections
    )
    # No data-pagefind-filter: Pagefind writes filter values in hash-map order, so the index would
    # differ between identical builds.
    return (
        f'<!DOCTYPE html><html lang="{esc(language)}"><head><meta charset="utf-8">'
        f"<title>{esc(page.title)}</title></head><body><main data-pagefind-body>"
        f'<h1 data-pagefind-meta="title">{esc(page.title)}</h1><p>{esc(page.text)}</p>{sections}'
        "</main></body></html>\n"
    )


def _pages(lines: list[str]) -> Iterator[SearchPage]:
    for line in lines:
        if not line.strip():
            continue
        data = json.loads(line)
        items: dict[int, list[tuple[str, str]]] = {}
        for claim in data["claims"]:
            items.setdefault(claim["sentence"], []).append((f"Claim: {_short(claim['text'])}", claim["text"]))
        for quote in data["quotes"]:
            speaker = quote["speaker"] or "unattributed"
            text = f"“{quote['text']}”" if quote["direct"] else quote["text"]
            items.setdefault(quote["sentence"], []).append(
                (f"Quote · {speaker}: {_short(text)}", f"{text} — {speaker}")
            )
        sections = tuple(
            SearchSection(f"s{sentence}", entries[0][0], " ".join(content for _, content in entries))
            for sentence, entries in sorted(items.items())
        )
        # The page holds the lede, not the whole text: claims and quotes carry the rest, and indexing
        # every article twice over makes Pagefind need gigabytes for a large digest.
        lede = " ".join(data["text"][s["start"] : s["end"]] for s in data["sentences"][:LEDE_SENTENCES])
        yield SearchPage(f"articles/{data['id']}.html", data["title"], lede, sections)


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    cut = text.rfind(" ", 0, TITLE_CHARS)
    return text[: cut if cut > TITLE_CHARS // 2 else TITLE_CHARS] + "…"
