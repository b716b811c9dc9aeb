"""Generate a deterministic benchmark corpus from the seed articles, and the same articles for the peers.

`python benchmarks/corpus.py --n 10000 --out benchmarks/.corpus/n10000` writes three projects:
`digest/` (articles/ + digest.yaml), `pelican/` (content/ + pelicanconf.py) and `hugo/`
(content/posts/ + hugo.toml + minimal layouts). The same seed always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "articles"

_SOURCES = (
    "Reuters", "Associated Press", "Bloomberg", "China Daily", "Le Monde", "Financial Times",
    "Nikkei Asia", "South China Morning Post", "The Wall Street Journal", "CNBC", "Caixin", "AFP",
)
_AUTHORS = ("Fan Feifei", "Sarah Chen", "Ann Cao", "Eduardo Baptista", "Brenda Goh", "Jane Doe", None)
_ANGLES = (
    "{title}", "Update: {title}", "{title}, analysts say", "Explainer: {title}", "{title} (corrected)",
    "Analysis: {title}", "{title}, sources say", "Factbox: {title}",
)
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“‘(]?[A-Z0-9])")
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True, slots=True)
class CorpusArticle:
    """One generated article: metadata and a Markdown body."""

    number: int
    slug: str
    title: str
    source: str
    author: str | None
    published: dt.date
    body: str

    @property
    def words(self) -> int:
        """Return the number of words of the body."""
        return len(self.body.split())


def _seeds() -> list[tuple[dict[str, object], str]]:
    seeds = []
    for path in sorted(SEEDS.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        match = _FRONT.match(text)
        meta = yaml.safe_load(match.group(1)) if match else {}
        seeds.append((meta or {}, text[match.end() :] if match else text))
    return seeds


def _shuffle_body(body: str, rng: random.Random) -> str:
    # Paragraphs keep their own sentences so that quotes and their speakers stay together.
    paragraphs = [p for p in body.split("\n") if p.strip()]
    shuffled = []
    for paragraph in paragraphs:
        sentences = _SENTENCE_END.split(paragraph.strip())
        if len(sentences) > 2 and rng.random() < 0.5:
            head, tail = sentences[0], sentences[1:]
            rng.shuffle(tail)
            sentences = [head, *tail]
        shuffled.append(" ".join(sentences))
    middle = shuffled[1:-1]
    rng.shuffle(middle)
    return "\n".join([*shuffled[:1], *middle, *shuffled[-1:]]) + "\n"


def generate(n: int, *, seed: int = 20251016) -> list[CorpusArticle]:
    """Return `n` articles made from the seeds, with varied titles, dates, sources and sentence order."""
    rng = random.Random(seed)
    seeds = _seeds()
    start = dt.date(2025, 1, 1)
    out = []
    for number in range(n):
        meta, body = seeds[number % len(seeds)]
        title = rng.choice(_ANGLES).format(title=str(meta.get("title", "Untitled")))
        out.append(
            CorpusArticle(
                number=number,
                slug=f"a{number:06d}",
                title=f"{title} ({number})",
                source=rng.choice(_SOURCES),
                author=rng.choice(_AUTHORS),
                published=start + dt.timedelta(days=rng.randrange(365)),
                body=_shuffle_body(body, rng),
            )
        )
    return out


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def write_digest(articles: list[CorpusArticle], project: Path) -> None:
    """Write `articles` as a digest project, with this repository's digest.yaml."""
    target = project / "articles"
    target.mkdir(parents=True)
    shutil.copyfile(ROOT / "digest.yaml", project / "digest.yaml")
    for a in articles:
        lines = ["---", f"title: {_quoted(a.title)}", f"source: {_quoted(a.source)}"]
        if a.author:
            lines.append(f"author: {_quoted(a.author)}")
        lines += [f"published: {a.published.isoformat()}", 'language: "en"', "---", a.body]
        (target / f"{a.slug}.md").write_text("\n".join(lines), encoding="utf-8")


_PELICAN_SETTINGS = """\
AUTHOR = "Desk"
SITENAME = "Benchmark"
SITEURL = ""
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = 50
RELATIVE_URLS = True
"""


def write_pelican(articles: list[CorpusArticle], project: Path) -> None:
    """Write `articles` as a minimal Pelican project (default theme, default feeds)."""
    target = project / "content"
    target.mkdir(parents=True)
    (project / "pelicanconf.py").write_text(_PELICAN_SETTINGS, encoding="utf-8")
    for a in articles:
        head = [f"Title: {a.title}", f"Date: {a.published.isoformat()}", f"Slug: {a.slug}",
                f"Category: {a.source}"]
        if a.author:
            head.append(f"Author: {a.author}")
        (target / f"{a.slug}.md").write_text("\n".join(head) + "\n\n" + a.body, encoding="utf-8")


_HUGO_CONFIG = 'baseURL = "https://example.org/"\ntitle = "Benchmark"\n[pagination]\npagerSize = 50\n'
_HUGO_SINGLE = (
    "<!doctype html><html><head><title>{{ .Title }}</title></head><body><h1>{{ .Title }}</h1>"
    "<p>{{ .Date.Format \"2006-01-02\" }} {{ .Params.source }}</p>{{ .Content }}</body></html>\n"
)
_HUGO_LIST = (
    "<!doctype html><html><head><title>{{ .Title }}</title></head><body><ul>"
    "{{ range .Paginator.Pages }}<li><a href=\"{{ .RelPermalink }}\">{{ .Title }}</a></li>{{ end }}"
    "</ul></body></html>\n"
)


def write_hugo(articles: list[CorpusArticle], project: Path) -> None:
    """Write `articles` as a minimal Hugo site: content/posts/*.md and two plain layouts."""
    target = project / "content" / "posts"
    target.mkdir(parents=True)
    layouts = project / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (project / "hugo.toml").write_text(_HUGO_CONFIG, encoding="utf-8")
    (layouts / "single.html").write_text(_HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(_HUGO_LIST, encoding="utf-8")
    for a in articles:
        lines = ["---", f"title: {_quoted(a.title)}", f"date: {a.published.isoformat()}",
                 f"source: {_quoted(a.source)}", "---", a.body]
        (target / f"{a.slug}.md").write_text("\n".join(lines), encoding="utf-8")


def write_corpus(n: int, out: Path, *, seed: int = 20251016) -> list[CorpusArticle]:
    """Write the three projects for `n` articles under `out` (replacing it) and return the articles."""
    if out.exists():
        shutil.rmtree(out)
    articles = generate(n, seed=seed)
    write_digest(articles, out / "digest")
    write_pelican(articles, out / "pelican")
    write_hugo(articles, out / "hugo")
    return articles


def main() -> None:
    """Write a corpus from the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=20251016)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or ROOT / "benchmarks" / ".corpus" / f"n{args.n}"
    articles = write_corpus(args.n, out, seed=args.seed)
    words = sum(a.words for a in articles)
    print(f"wrote {len(articles)} articles ({words} words) under {out}")


if __name__ == "__main__":
    main()
