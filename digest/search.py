"""Index a built site for Pagefind: every article, claim and quotation, linked to its sentence.

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
TIMEOUT_SECONDS = 120


@dataclass(frozen=True, slots=True)
class SearchRecord:
    """One entry of the search index: where it links, what it says, how a result is titled."""

    url: str
    content: str
    title: str
    kind: str
    article: str


def index_site(site_dir: Path, *, language: str = "en") -> None:
    """Write the Pagefind index of the site in `site_dir` into `site_dir/pagefind/`.

    Every record is indexed under the site's `language`: Pagefind keeps one index per language
    and the search page loads the one of its own `<html lang>`, so a French quotation in an
    English digest must be filed under English to be found at all.
    """
    path = site_dir / RECORDS
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise OutputError(f"cannot index the site for search: {exc}", path=str(path)) from exc
    _index(lines, output=(site_dir / INDEX_DIR).resolve(), language=language, where=str(site_dir))


def search_files(files: Sequence[OutputFile], *, language: str = "en") -> tuple[OutputFile, ...]:
    """Return the Pagefind index of the site made of `files`, as files under `pagefind/`.

    The same index as `index_site`, for a build that writes every file of the site in one
    atomic step: add these to the site's files before writing them.
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
    records = sorted(_records(lines), key=lambda r: (r.url, r.kind, r.content))
    if not records:
        return  # Pagefind refuses to build an empty index; a site with no articles has nothing to find
    executable = _executable()
    # Pagefind indexes HTML pages; each record becomes a tiny page whose result links to the
    # sentence it came from. The pages live in a scratch directory and are never published.
    with tempfile.TemporaryDirectory(prefix="digest-search-") as scratch:
        pages = Path(scratch) / "records"
        pages.mkdir()
        width = len(str(len(records)))
        for number, record in enumerate(records):
            (pages / f"{number:0{width}d}.html").write_text(_page(record, language), encoding="utf-8")
        command = [
            str(executable), "--site", str(pages), "--output-path", str(output),
            "--force-language", language, "--silent",
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


def _page(record: SearchRecord, language: str) -> str:
    esc = html.escape
    return (
        f'<!DOCTYPE html><html lang="{esc(language)}"><head><meta charset="utf-8">'
        f"<title>{esc(record.title)}</title></head><body>"
        # One meta per element: Pagefind does not split "url:…, kind:…". No data-pagefind-filter:
        # Pagefind writes filter values in hash-map order, so the index would differ between builds.
        # The title sits outside the indexed body so that excerpts do not repeat it.
        f'<span data-pagefind-meta="kind:{esc(record.kind)}"></span>'
        f'<h1 data-pagefind-meta="title">{esc(record.title)}</h1>'
        f'<main data-pagefind-body data-pagefind-meta="url:{esc(record.url)}">'
        f"<p>{esc(record.content)}</p></main></body></html>\n"
    )


def _records(lines: list[str]) -> Iterator[SearchRecord]:
    for line in lines:
        if not line.strip():
            continue
        data = json.loads(line)
        article_id = data["id"]
        page = f"articles/{article_id}.html"
        title = data["title"]
        yield SearchRecord(page, data["text"], title, "Article", article_id)
        for claim in data["claims"]:
            yield SearchRecord(
                f"{page}#s{claim['sentence']}", claim["text"], _short(claim["text"]), "Claim", article_id
            )
        for quote in data["quotes"]:
            speaker = quote["speaker"] or "unattributed"
            text = f"“{quote['text']}”" if quote["direct"] else quote["text"]
            yield SearchRecord(
                f"{page}#s{quote['sentence']}", f"{text} — {speaker}", f"{speaker}: {_short(text)}", "Quote",
                article_id,
            )


def _short(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    cut = text.rfind(" ", 0, TITLE_CHARS)
    return text[: cut if cut > TITLE_CHARS // 2 else TITLE_CHARS] + "…"
