"""Hostile articles, end to end: nothing from an article runs in a page or a feed reader."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from digest.build import build
from digest.config import load_config

PAYLOADS = [
    "<script>alert(1)</script>",
    "<ScRiPt src=//evil.example/x.js></ScRiPt>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    "<a href='JaVaScRiPt:alert(1)'>x</a>",
    '<a href="&#106;&#97;vascript:alert(1)">x</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    "[click](javascript:alert(1))",
    "<svg/onload=alert(1)>",
    '"><iframe src=javascript:alert(1)>',
    "<style>body{display:none}</style>",
    "\u202eevil\u202c \x00 \x0b \ufffe",
]


# The search page's two scripts are digest's own files; no other page carries a script.
_OWN_SCRIPTS = ("pagefind/pagefind-ui.js", "assets/search.js")


class _Audit(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__()
        self.page = page
        self.problems: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "svg") and not (
            tag == "script" and self.page == "search.html" and dict(attrs).get("src") in _OWN_SCRIPTS
        ):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            if (
                name in ("href", "src", "action")
                and value
                and re.match(r"\s*(javascript|data|vbscript):", value, re.I)
            ):
                self.problems.append(f"{tag} {name}={value}")


def _audit_site(site: Path) -> None:
    for path in sorted(site.rglob("*")):
        if path.is_dir() or "pagefind" in path.parts:
            continue
        data = path.read_bytes()
        text = data.decode("utf-8")
        if path.suffix == ".html":
            audit = _Audit(path.relative_to(site).as_posix())
            audit.feed(text)
            assert not audit.problems, (path, audit.problems)
        elif path.suffix in (".xml", ".atom"):
            etree.fromstring(data)  # strict: raises on any XML error
            if path.name != "sitemap.xml":
                assert feedparser.parse(data).bozo == 0, path
            assert "<script" not in text.lower(), path
        elif path.suffix in (".json", ".jsonl"):
            assert "<" not in text, path
        assert "\x00" not in text and "\ufffe" not in text, path


def _project(tmp_path: Path, articles: dict[str, str]) -> Path:
    (tmp_path / "articles").mkdir(parents=True)
    for name, content in articles.items():
        (tmp_path / "articles" / name).write_text(content, encoding="utf-8")
    return tmp_path


def test_hostile_bodies_titles_and_front_matter(tmp_path: Path) -> None:
    articles = {}
    for index, payload in enumerate(PAYLOADS):
        front = yaml.safe_dump(
            {
                "title": f"Title {payload}",
                "source": f"Outlet {payload}",
                "author": payload,
                "tags": [payload],
            },
            allow_unicode=True,
        )
        body = f"Acme said {payload} revenue rose 5% on Monday. “{payload},” the chief executive said.\n"
        articles[f"a{index:02d}.md"] = f"---\n{front}---\n{body}"
    project = _project(tmp_path / "p", articles)
    (project / "digest.yaml").write_text(
        yaml.safe_dump(
            {
                "description": "Hostile *digest* [x](javascript:alert(1)) <script>alert(1)</script>",
                "themes": [
                    {
                        "name": "Evil <script>",
                        "description": "<img src=x onerror=alert(1)>",
                        "keywords": ["revenue"],
                    }
                ],
            }
        ),
        encoding="utf-8",
    )
    config = load_config(project)
    report = build(config)
    assert report.articles == len(PAYLOADS)
    _audit_site(config.output_dir)


def test_unsafe_url_in_front_matter_is_rejected(tmp_path: Path) -> None:
    project = _project(tmp_path / "p", {"a.md": '---\ntitle: t\nurl: "javascript:alert(1)"\n---\nBody.\n'})
    config = load_config(project)
    report = build(config)
    assert report.errors == 1
    assert any("url" in d.message for d in report.diagnostics)
    _audit_site(config.output_dir)


_text = st.text(st.characters(codec="utf-8"), max_size=40)
_values = st.one_of(
    _text, st.integers(), st.booleans(), st.none(), st.lists(_text, max_size=3), st.dates().map(str)
)
_front = st.dictionaries(
    st.sampled_from(
        [
            "title",
            "source",
            "author",
            "url",
            "tags",
            "language",
            "published",
            "slug",
            "content",
            "handler",
            "extra",
        ]
    ),
    _values,
    max_size=6,
)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(front=_front, body=st.text(max_size=300))
def test_fuzzed_front_matter_and_body_never_crash_or_inject(tmp_path: Path, front: dict, body: str) -> None:
    project = tmp_path / "fuzz"
    if (project / "articles").exists():
        for old in (project / "articles").iterdir():
            old.unlink()
    else:
        (project / "articles").mkdir(parents=True)
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body + " <script>x</script>"
    (project / "articles" / "fuzzed.md").write_text(text, encoding="utf-8", errors="surrogatepass")
    (project / "articles" / "plain.txt").write_text("Headline\n\nAcme said revenue rose 3%.\n")
    config = load_config(project)
    build(config)  # a bad article is reported, never raised
    _audit_site(config.output_dir)
    assert sorted(p.name for p in project.iterdir()) == [
        ".digest-cache",
        ".site.lock",
        "articles",
        "site",
    ] or sorted(p.name for p in project.iterdir()) == [".site.lock", "articles", "site"]
