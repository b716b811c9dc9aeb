"""The loader: every input rule of docs/input-rules.md, on fixtures named after the case and on literals."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import socket
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

import digest.load
from digest.errors import ArticleError
from digest.load import load_article, load_articles, parse_article
from digest.models import Diagnostic, SourceDoc

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "load"
SEEDS = Path("/work/shared/seeds")
SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")

LEDE = (
    "SHANGHAI, Feb 21 (Wire) - Alibaba Group said on Thursday it would spend more on artificial "
    "intelligence over the next three years than it had over the past decade, its chief executive said.\n"
)
BODY = LEDE + '\n"We are confident in our strategy," the chief executive told analysts on a call.\n'
ACCENTED_BODY = "Le président a déclaré « nous investirons » — a €5 billion plan, “bold” in every sense.\n"


def parse(text: str | bytes, *, path: str = "articles/story.md", tz: ZoneInfo = UTC) -> SourceDoc:
    raw = text.encode() if isinstance(text, str) else text
    return parse_article(raw, path=path, tz=tz)


def messages(doc: SourceDoc) -> str:
    return " | ".join(d.message for d in doc.diagnostics)


# -- every fixture and its outcome ---------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    outcome: str  # "ok", "error" or "skipped" (a warning; the file is left out)
    text: str = ""  # a fragment of the diagnostic (for "ok": of one of the doc's warnings)
    line: int | None = None
    check: Callable[[SourceDoc], object] | None = None


def ok(text: str = "", check: Callable[[SourceDoc], object] | None = None) -> Expect:
    return Expect("ok", text, None, check)


def error(text: str, line: int | None = None) -> Expect:
    return Expect("error", text, line)


def skipped(text: str) -> Expect:
    return Expect("skipped", text)


def _at(hour: int, minute: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime(2025, 2, 21, hour, minute, tzinfo=tz)


EXPECTED: dict[str, Expect] = {
    # Encodings
    "utf8_without_bom.md": ok(check=lambda d: d.body == BODY and not d.diagnostics),
    "utf8_with_bom.md": ok(check=lambda d: d.title == "Alibaba to raise AI spending" and d.source == "Wire"),
    "utf16_with_bom.md": ok(check=lambda d: d.title == "Café société" and d.body == ACCENTED_BODY),
    "utf16_be_with_bom.md": ok(check=lambda d: d.body == ACCENTED_BODY and not d.diagnostics),
    "utf16_without_bom.md": ok("read as UTF-16-LE", lambda d: d.body == BODY),
    "utf16_with_bom_truncated.md": error("invalid UTF-16-LE despite its byte-order mark", 5),
    "cp1252_bytes.md": ok("read as Windows-1252", lambda d: d.body == ACCENTED_BODY),
    "latin1_bytes.md": ok("read as Windows-1252", lambda d: d.title == "Société Générale"),
    "invalid_utf8.md": ok("1 bad sequence(s) replaced", lambda d: "byte \ufffd in" in d.body),
    "nul_and_control_chars.md": ok(
        "removed 3 control character(s) (U+0000, U+0007, U+001B)",
        lambda d: "Group said" in d.body and "Bell and escape." in d.body,
    ),
    "crlf_line_ends.md": ok(check=lambda d: d.body == BODY and not d.diagnostics),
    "cr_line_ends.md": ok(check=lambda d: d.body == BODY and d.body_line == 5),
    "mixed_line_ends.md": ok("mixed line endings", lambda d: d.body == LEDE + "\nSecond paragraph.\n"),
    "binary_png_named_md.md": error("binary file"),
    "binary_bytes_named_md.md": error("binary file"),
    "empty_with_bom.md": skipped("empty file"),
    # Front matter
    "empty_file.md": skipped("empty file"),
    "whitespace_only.md": skipped("empty file"),
    "front_matter_only.md": ok("no body", lambda d: d.title == "Headline only" and d.body == ""),
    "unclosed_front_matter.md": error("never closed", 1),
    "body_opens_with_rule.md": error("must be 'key: value' lines, not a single value", 2),
    "body_opens_with_rule_after_front_matter.md": ok(check=lambda d: d.body == "---\n" + BODY),
    "front_matter_is_a_list.md": error("not a list", 2),
    "front_matter_is_a_scalar.md": error("not a single value", 2),
    "front_matter_empty.md": ok("no title", lambda d: d.body == BODY and d.body_line == 3),
    "front_matter_after_blank_lines.md": ok("blank lines before", lambda d: d.source == "Wire"),
    "front_matter_closed_with_dots.md": ok(check=lambda d: d.body == BODY and d.body_line == 4),
    "malformed_yaml.md": error("invalid front matter", 4),
    "duplicate_keys.md": error("duplicate key 'title'", 4),
    "yaml11_surprises.md": ok(
        check=lambda d: (
            (d.title, d.source, d.author, d.tags)
            == ("NO", "on", "yes", ("012345", "12:30:00", "off", "1e3", "0x1F"))
        )
    ),
    "python_tag.md": error("tag !!python/object/apply:os.system is not allowed", 2),
    "unknown_tag.md": error("tag !headline is not allowed", 2),
    "binary_tag.md": error("tag !!binary is not allowed", 2),
    "alias_bomb.md": error("anchors and aliases", 3),
    "anchor_and_alias.md": error("anchors and aliases", 2),
    "deeply_nested.md": error("nested more than 16 levels", 3),
    "content_and_handler_keys.md": ok(
        "the key 'handler' is not a front-matter field", lambda d: d.body == BODY and len(d.diagnostics) == 2
    ),
    "unknown_keys.md": ok("unknown key 'Title' ignored (did you mean 'title'?)", lambda d: d.title == "Keys"),
    "non_text_key.md": error("keys must be plain text", 3),
    "title_is_a_list.md": error("'title': must be text, not a list", 3),
    "title_is_a_boolean.md": error("'title': must be text, not true/false (put it in quotes)", 2),
    "tags_is_text.md": error("'tags': must be a list of text", 3),
    "tags_holds_a_mapping.md": error("'tags': tag 2 must be text, not a mapping", 3),
    "tags_list.md": ok(check=lambda d: d.tags == ("ai", "cloud")),
    "author_list.md": ok(check=lambda d: d.author == "Fan Feifei, Wang Ying"),
    "url_http.md": ok(check=lambda d: d.url == "https://www.example.com/news/alibaba-ai?id=1"),
    "url_javascript.md": error("must be an http:// or https:// address", 3),
    "url_without_host.md": error("must be an http:// or https:// address", 3),
    "language_invalid.md": error("is not a language code", 3),
    "language_region.md": ok(check=lambda d: d.language == "pt-BR"),
    "published_date.md": ok(check=lambda d: d.published == _at(0, 0, SHANGHAI)),
    "published_quoted_date.md": ok(check=lambda d: d.published == _at(0, 0, SHANGHAI)),
    "date_alias.md": ok(check=lambda d: d.published == _at(0, 0, SHANGHAI)),
    "published_and_date.md": error("both 'published' and its alias 'date'", 4),
    "invalid_date.md": error("'2025-02-30' is not a valid date (day is out of range for month)", 4),
    "invalid_datetime.md": error("not a valid date and time", 3),
    "naive_datetime.md": ok(
        check=lambda d: d.published == _at(9, 30, SHANGHAI) and d.published.tzinfo is SHANGHAI
    ),
    "aware_datetime.md": ok(
        check=lambda d: d.published is not None and d.published.utcoffset() == dt.timedelta(hours=8)
    ),
    "zulu_datetime.md": ok(check=lambda d: d.published == dt.datetime(2025, 2, 21, 1, 30, tzinfo=dt.UTC)),
    "rfc2822_date.md": ok(check=lambda d: d.published == _at(9, 30, SHANGHAI)),
    "far_past_date.md": error("outside the years 1800-2200", 3),
    "far_future_date.md": error("outside the years 1800-2200", 3),
    "date_not_a_date.md": error("'last Thursday' is not a date", 3),
    "date_is_a_number.md": error("must be a date such as 2025-02-21, not a list", 3),
    "missing_title.md": ok(
        "no title in the front matter", lambda d: d.title == "Alibaba to raise AI spending"
    ),
    "missing_title_no_front_matter.md": ok(check=lambda d: d.title == "Alibaba to raise AI spending"),
    "missing_title_long_line.md": ok(check=lambda d: len(d.title) <= 201 and d.title.endswith("word…")),
    "missing_title_empty_body.md": error("no title in the front matter and no text in the body"),
    "empty_title.md": ok("the title is empty", lambda d: d.title.startswith("SHANGHAI, Feb 21")),
    # Ids
    "slug_with_dotdot.md": ok("not a safe file name", lambda d: d.id == "etc-passwd"),
    "slug_absolute_path.md": ok(check=lambda d: d.id == "tmp-owned"),
    "slug_windows_reserved.md": ok(check=lambda d: d.id == "con_"),
    "slug_with_bidi_override.md": ok(check=lambda d: d.id == "invoice-gnp-md"),
    "slug_accented.md": ok(check=lambda d: d.id == "societe-generale-a-paris"),
    "slug_empty.md": ok("gives an empty id", lambda d: d.id.startswith("article-") and len(d.id) == 20),
    "slug_is_a_list.md": error("'slug': must be text, not a list", 3),
}


@pytest.fixture(scope="module")
def fixture_load() -> tuple[dict[str, SourceDoc], dict[str, list[Diagnostic]]]:
    docs, problems = load_articles(FIXTURES, tz=SHANGHAI)
    by_name = {Path(doc.path).name: doc for doc in docs}
    found: dict[str, list[Diagnostic]] = {}
    for problem in problems:
        found.setdefault(Path(problem.path).name, []).append(problem)
    return by_name, found


def test_every_fixture_has_an_expected_outcome() -> None:
    names = {p.name for p in FIXTURES.iterdir() if p.suffix == ".md"}
    assert names == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_outcome(
    name: str, fixture_load: tuple[dict[str, SourceDoc], dict[str, list[Diagnostic]]]
) -> None:
    docs, problems = fixture_load
    expect = EXPECTED[name]
    if expect.outcome == "ok":
        assert name not in problems, problems.get(name)
        doc = docs[name]
        assert doc.path == f"load/{name}"
        assert expect.text in messages(doc)
        if expect.check is not None:
            assert expect.check(doc), doc
        return
    assert name not in docs
    (problem,) = problems[name]
    assert problem.level == ("error" if expect.outcome == "error" else "warning")
    assert expect.text in problem.message
    assert problem.line == expect.line
    assert problem.path == f"load/{name}"


def test_an_error_names_the_file_and_the_line() -> None:
    with pytest.raises(ArticleError) as caught:
        load_article(FIXTURES / "invalid_date.md", articles_dir=FIXTURES, tz=UTC)
    assert caught.value.format().startswith("load/invalid_date.md:4: 'published'")


# -- decoding, on literals -----------------------------------------------------------------------


def test_body_is_kept_verbatim_and_its_first_line_is_known() -> None:
    doc = parse("---\ntitle: T\nsource: Wire\n---\n\n  Indented *Markdown* stays.  \n\n")
    assert doc.body == "\n  Indented *Markdown* stays.  \n\n"
    assert doc.body_line == 5


def test_sha256_is_of_the_raw_bytes() -> None:
    raw = b"\xef\xbb\xbf---\r\ntitle: T\r\n---\r\nBody\r\n"
    assert parse(raw).sha256 == hashlib.sha256(raw).hexdigest()


def test_damaged_utf8_keeps_the_valid_characters() -> None:
    doc = parse("---\ntitle: Société\n---\nCafé ".encode() + b"\xc3(" + " — fin.\n".encode())
    assert doc.body == "Café \ufffd( — fin.\n"
    assert "replaced with U+FFFD" in messages(doc)
    assert doc.diagnostics[0].line == 4


def test_cp1252_warning_names_the_file_and_line() -> None:
    doc = parse("---\ntitle: Quotes\n---\nHe said \u201cyes\u201d.\n".encode("cp1252"), path="articles/q.md")
    assert doc.body == "He said \u201cyes\u201d.\n"
    (warning,) = doc.diagnostics
    assert (
        warning.format()
        == "articles/q.md:4: warning: not UTF-8; read as Windows-1252 (Latin-1): save the file as UTF-8"
    )


def test_cp1252_undefined_bytes_become_removed_controls() -> None:
    doc = parse(b"---\ntitle: Odd\n---\nA\x81B \xe9t\xe9\n")
    assert doc.body == "AB été\n"
    assert "U+0081" in messages(doc)


def test_utf32_with_bom_is_read() -> None:
    assert parse(b"\xff\xfe\x00\x00" + "---\ntitle: Été\n---\nBody\n".encode("utf-32-le")).title == "Été"


def test_text_with_a_few_nuls_is_not_binary() -> None:
    doc = parse(("---\ntitle: T\n---\n" + BODY).replace("Alibaba", "Ali\x00baba", 1))
    assert "Alibaba Group" in doc.body
    assert "U+0000" in messages(doc)


def test_control_characters_never_reach_title_or_body() -> None:
    doc = parse('---\ntitle: "Breaking\\x1b[31m news"\n---\nBody\x0c text\x7f.\n')
    assert doc.title == "Breaking [31m news"
    assert doc.body == "Body text.\n"


def test_tabs_and_unicode_line_separators_are_kept() -> None:
    assert parse("---\ntitle: T\n---\na\tb\u2028c\n").body == "a\tb\u2028c\n"


# -- front matter, on literals -------------------------------------------------------------------


def test_alias_bomb_is_rejected_before_any_expansion() -> None:
    bomb = (FIXTURES / "alias_bomb.md").read_bytes()
    assert len(bomb) < 600
    started = time.perf_counter()
    with pytest.raises(ArticleError, match="anchors and aliases"):
        parse(bomb)
    assert time.perf_counter() - started < 0.5


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("on", "on"),
        ("NO", "NO"),
        ("yes", "yes"),
        ("012345", "012345"),
        ("12:30:00", "12:30:00"),
        ("0o17", "0o17"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        ("2025-02-21", "2025-02-21"),
        ("'true'", "true"),
    ],
)
def test_plain_scalars_stay_text(value: str, expected: str) -> None:
    assert parse(f"---\ntitle: T\ntags: [{value}]\n---\nB\n").tags == (expected,)


@pytest.mark.parametrize("value", ["true", "false", "True", "FALSE"])
def test_only_true_and_false_are_booleans(value: str) -> None:
    with pytest.raises(ArticleError, match="not true/false"):
        parse(f"---\ntitle: {value}\n---\nB\n")


def test_null_values_count_as_absent() -> None:
    doc = parse("---\ntitle: T\nsource: ~\nauthor:\nurl: null\ntags:\n---\nB\n")
    assert (doc.source, doc.author, doc.url, doc.tags) == (None, None, None, ())


def test_explicit_str_tag_is_allowed() -> None:
    assert parse("---\ntitle: !!str 2025\n---\nB\n").title == "2025"


@pytest.mark.parametrize(
    "tag", ["!!int", "!!float", "!!timestamp", "!!set", "!!omap", "!!python/name:os.system"]
)
def test_other_tags_are_rejected(tag: str) -> None:
    with pytest.raises(ArticleError, match="is not allowed in front matter"):
        parse(f"---\ntitle: T\nsource: {tag} x\n---\nB\n")


def test_merge_key_is_just_an_unknown_key() -> None:
    doc = parse("---\ntitle: T\n<<: {source: Wire}\n---\nB\n")
    assert doc.source is None
    assert "unknown key '<<'" in messages(doc)


def test_duplicate_nested_keys_are_rejected() -> None:
    with pytest.raises(ArticleError, match="duplicate key 'a'") as caught:
        parse("---\ntitle: T\nextra:\n  a: 1\n  a: 2\n---\nB\n")
    assert caught.value.line == 5


def test_title_is_whitespace_collapsed() -> None:
    assert (
        parse("---\ntitle: >\n  Alibaba raises\n  AI spending\n---\nB\n").title
        == "Alibaba raises AI spending"
    )


def test_front_matter_that_is_too_long_is_rejected() -> None:
    with pytest.raises(ArticleError, match="front matter longer than"):
        parse("---\ntitle: T\nnote: " + "x" * 70_000 + "\n---\nB\n")


def test_dashes_in_the_body_do_not_end_the_front_matter_early() -> None:
    doc = parse("---\ntitle: T\n---\nFirst\n---\nSecond\n----\n")
    assert doc.body == "First\n---\nSecond\n----\n"


def test_title_fallback_skips_rules_and_markup() -> None:
    doc = parse("---\nsource: Wire\n---\n\n***\n> ### Markets rally ###\n\nBody\n")
    assert doc.title == "Markets rally"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-02-21", dt.datetime(2025, 2, 21, tzinfo=SHANGHAI)),
        ("2025-02-21T14:30", dt.datetime(2025, 2, 21, 14, 30, tzinfo=SHANGHAI)),
        ("2025-02-21 14:30:05", dt.datetime(2025, 2, 21, 14, 30, 5, tzinfo=SHANGHAI)),
        (
            "2025-02-21T14:30:00-05:00",
            dt.datetime(2025, 2, 21, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5))),
        ),
        ("1800-01-01", dt.datetime(1800, 1, 1, tzinfo=SHANGHAI)),
        ("2200-12-31", dt.datetime(2200, 12, 31, tzinfo=SHANGHAI)),
    ],
)
def test_published_forms(value: str, expected: dt.datetime) -> None:
    doc = parse(f"---\ntitle: T\npublished: {value}\n---\nB\n", tz=SHANGHAI)
    assert doc.published == expected
    assert doc.published is not None and doc.published.tzinfo is not None


@pytest.mark.parametrize(
    "value", ["2025-13-01", "2025-02-29", "0000-01-01", "1799-12-31", "2201-01-01", "99999"]
)
def test_published_out_of_range(value: str) -> None:
    with pytest.raises(ArticleError, match="'published'"):
        parse(f"---\ntitle: T\npublished: '{value}'\n---\nB\n")


@pytest.mark.parametrize(
    "url",
    [
        "JavaScript:alert(1)",
        "data:text/html,<script>",
        "ftp://example.com/a",
        "//example.com/a",
        "https://exa mple.com/",
        "http://[::1",
        "example.com/news",
    ],
)
def test_url_must_be_http(url: str) -> None:
    with pytest.raises(ArticleError, match="'url'"):
        parse(f"---\ntitle: T\nurl: '{url}'\n---\nB\n")


def test_uppercase_scheme_is_accepted() -> None:
    assert parse("---\ntitle: T\nurl: HTTPS://Example.com/A\n---\nB\n").url == "HTTPS://Example.com/A"


# -- ids -----------------------------------------------------------------------------------------


def test_id_comes_from_the_file_stem() -> None:
    doc = parse("---\ntitle: T\n---\nB\n", path="articles/000-Alibaba AI.md")
    assert doc.id == "000-alibaba-ai"
    assert "is not a safe file name" in messages(doc)


def test_lowercase_stem_is_taken_without_warning() -> None:
    doc = parse("---\ntitle: T\n---\nB\n", path="articles/sub/003-Reuters_story.markdown")
    assert doc.id == "003-reuters_story"
    assert not doc.diagnostics


def test_empty_id_falls_back_to_a_stable_hash_of_the_path() -> None:
    first = parse("---\ntitle: T\n---\nB\n", path="articles/阿里巴巴.md")
    again = parse("---\ntitle: Other\n---\nC\n", path="articles/阿里巴巴.md")
    other = parse("---\ntitle: T\n---\nB\n", path="articles/腾讯.md")
    assert first.id == again.id != other.id
    assert first.id.startswith("article-")


# -- the file system -----------------------------------------------------------------------------


def _article(path: Path, title: str = "T", body: str = BODY) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\ntitle: {title}\n---\n{body}", encoding="utf-8")
    return path


def _load(articles: Path, **kwargs: int) -> tuple[tuple[SourceDoc, ...], tuple[Diagnostic, ...]]:
    return load_articles(articles, tz=UTC, **kwargs)


def test_missing_articles_directory_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="does not exist"):
        _load(tmp_path / "articles")


def test_walk_is_recursive_sorted_and_skips_hidden_and_other_files(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    for name in (
        "b.md",
        "a.markdown",
        "sub/c.txt",
        "D.MD",
        ".hidden.md",
        ".git/e.md",
        "notes.rst",
        "img.png",
    ):
        _article(articles / name)
    docs, problems = _load(articles)
    assert [d.path for d in docs] == [
        "articles/D.MD",
        "articles/a.markdown",
        "articles/b.md",
        "articles/sub/c.txt",
    ]
    assert not problems


def test_a_bad_file_is_reported_and_the_rest_loads(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _article(articles / "a.md")
    (articles / "b.md").write_bytes(b"---\ntitle: [\n---\nB\n")
    _article(articles / "c.md")
    docs, problems = _load(articles)
    assert [d.id for d in docs] == ["a", "c"]
    (problem,) = problems
    assert problem.format().startswith("articles/b.md:3: error: invalid front matter: ")


def test_symlink_inside_articles_is_read(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _article(articles / "real" / "story.md", "Real")
    (articles / "alias.md").symlink_to(articles / "real" / "story.md")
    docs, problems = _load(articles)
    assert [(d.path, d.title) for d in docs] == [
        ("articles/alias.md", "Real"),
        ("articles/real/story.md", "Real"),
    ]
    assert not problems


def test_symlink_leading_outside_articles_is_skipped(tmp_path: Path) -> None:
    secret = _article(tmp_path / "secret.md", "Secret")
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "leak.md").symlink_to(secret)
    (articles / "passwd.md").symlink_to("/etc/passwd")
    (articles / "up.md").symlink_to("../secret.md")
    docs, problems = _load(articles)
    assert docs == ()
    assert {(p.path, p.level) for p in problems} == {
        ("articles/leak.md", "warning"),
        ("articles/passwd.md", "warning"),
        ("articles/up.md", "warning"),
    }
    assert all("outside the articles directory" in p.message for p in problems)


def test_broken_and_looping_symlinks_are_skipped(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "broken.md").symlink_to(articles / "missing.md")
    (articles / "loop.md").symlink_to(articles / "loop.md")
    docs, problems = _load(articles)
    assert docs == ()
    assert [p.message for p in problems] == ["broken symbolic link or link loop; skipped"] * 2


def test_symlinked_directory_is_not_followed(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _article(articles / "a.md")
    (articles / "again").symlink_to(articles)
    docs, problems = _load(articles)
    assert [d.id for d in docs] == ["a"]
    assert [p.message for p in problems] == ["symbolic link to a directory; not followed"]


def test_fifo_is_skipped_without_being_opened(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    os.mkfifo(articles / "pipe.md")
    docs, problems = _load(articles)  # opening a FIFO for reading would block: this returns at once
    assert docs == ()
    assert problems[0].message == "a FIFO, not a regular file; skipped without opening it"


def test_socket_and_device_are_skipped(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(articles / "sock.md"))
        if os.geteuid() == 0:
            os.mknod(articles / "null.md", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        docs, problems = _load(articles)
    finally:
        server.close()
    assert docs == ()
    assert problems and all("a device or socket, not a regular file" in p.message for p in problems)


def test_directory_named_like_an_article_is_skipped(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _article(articles / "folder.md" / "inside.md")
    docs, problems = _load(articles)
    assert docs == ()
    assert [(p.path, p.message) for p in problems] == [
        ("articles/folder.md", "a directory named like an article; skipped")
    ]


def test_load_article_refuses_a_directory(tmp_path: Path) -> None:
    (tmp_path / "articles" / "x.md").mkdir(parents=True)
    with pytest.raises(ArticleError, match="a directory, not a file"):
        load_article(tmp_path / "articles" / "x.md", articles_dir=tmp_path / "articles", tz=UTC)


def test_oversized_file_is_skipped_before_it_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = tmp_path / "articles"
    _article(articles / "small.md")
    with open(articles / "huge.md", "wb") as handle:
        handle.truncate(10 * 1024 * 1024 * 1024)  # sparse: 10 GiB on paper, nothing on disk
    read_sizes: list[int] = []
    real_read_all = digest.load._read_all

    def counting(fd: int, limit: int) -> bytes:
        read_sizes.append(limit)
        return real_read_all(fd, limit)

    monkeypatch.setattr(digest.load, "_read_all", counting)
    docs, problems = _load(articles, max_bytes=1000)
    assert [d.id for d in docs] == ["small"]
    assert [(p.path, p.level) for p in problems] == [("articles/huge.md", "warning")]
    assert "over the limit of 1000" in problems[0].message
    assert read_sizes == [1001]  # only small.md was read


def test_file_changing_while_read_is_retried_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = tmp_path / "articles"
    path = _article(articles / "live.md", "Before")
    real_read_all = digest.load._read_all
    calls: list[int] = []

    def grow_once(fd: int, limit: int) -> bytes:
        data = real_read_all(fd, limit)
        if not calls:
            _article(path, "After the edit", BODY * 2)
        calls.append(len(data))
        return data

    monkeypatch.setattr(digest.load, "_read_all", grow_once)
    doc = load_article(path, articles_dir=articles, tz=UTC)
    assert doc.title == "After the edit"
    assert len(calls) == 2


def test_file_that_keeps_changing_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = tmp_path / "articles"
    path = _article(articles / "live.md")
    real_read_all = digest.load._read_all

    def always_grow(fd: int, limit: int) -> bytes:
        data = real_read_all(fd, limit)
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("more\n")
        return data

    monkeypatch.setattr(digest.load, "_read_all", always_grow)
    docs, problems = _load(articles)
    assert docs == ()
    assert (
        problems[0].format() == "articles/live.md: error: the file changed while it was being read; skipped"
    )


def test_same_id_is_an_error_naming_both_files(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _article(articles / "Story.md", "First")
    _article(articles / "story.md", "Second")
    _article(articles / "sub" / "story.txt", "Third")
    _article(articles / "z.md", "Slugged").write_text(
        "---\ntitle: Z\nslug: STORY\n---\nB\n", encoding="utf-8"
    )
    docs, problems = _load(articles)
    assert [(d.path, d.title) for d in docs] == [("articles/Story.md", "First")]
    assert [p.path for p in problems] == ["articles/story.md", "articles/sub/story.txt", "articles/z.md"]
    for problem in problems:
        assert problem.level == "error"
        assert "already used by articles/Story.md" in problem.message
        assert "articles/story.html" in problem.message


def test_unicode_normalisation_collision(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _article(articles / "caf\u00e9.md", "Composed")
    _article(articles / "cafe\u0301.md", "Decomposed")
    docs, problems = _load(articles)
    assert [d.id for d in docs] == ["cafe"]
    assert len(problems) == 1 and "already used by" in problems[0].message


def test_bidi_override_in_a_file_name_is_escaped_in_messages(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    _article(articles / "report\u202edm.txt", "Bidi")
    docs, _ = _load(articles)
    assert docs[0].path == "articles/report\\u202edm.txt"
    assert docs[0].id == "report-u202edm"


def test_undecodable_file_name_is_printable(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    with open(os.path.join(os.fsencode(articles), b"caf\xe9.md"), "w", encoding="utf-8") as handle:
        handle.write("---\ntitle: Latin-1 name\n---\nB\n")
    docs, _ = _load(articles)
    assert docs[0].path == "articles/caf\ufffd.md"
    docs[0].path.encode("utf-8")


def test_load_article_outside_articles_uses_the_given_path(tmp_path: Path) -> None:
    path = _article(tmp_path / "elsewhere" / "note.md", "Note")
    doc = load_article(path, articles_dir=tmp_path / "articles", tz=UTC)
    assert doc.path == "elsewhere/note.md"
    assert doc.id == "note"


def test_loading_many_files_is_fast(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    text = (
        '---\ntitle: "Story {n}"\nsource: Wire\nlanguage: en\npublished: 2025-02-21\ntags: [ai, cloud]\n---\n'
    )
    for n in range(1000):
        (articles / f"{n:05d}.md").write_text(text.format(n=n) + BODY * 5, encoding="utf-8")
    started = time.perf_counter()
    docs, problems = _load(articles)
    elapsed = time.perf_counter() - started
    assert len(docs) == 1000 and not problems
    assert elapsed < 2.0, f"{elapsed:.2f}s for 1000 files"


# -- the real articles ---------------------------------------------------------------------------


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the raw seeds are not available here")
def test_seed_bodies_are_the_raw_seeds_byte_for_byte() -> None:
    docs, problems = load_articles(ROOT / "articles", tz=UTC)
    assert problems == ()
    assert len(docs) == 5
    seeds = {p.name[:3]: p for p in SEEDS.glob("*.txt")}
    for doc in docs:
        assert doc.diagnostics == (), doc.diagnostics
        assert doc.body == seeds[doc.id[:3]].read_bytes().decode("utf-8")


def test_seed_front_matter() -> None:
    docs, problems = load_articles(ROOT / "articles", tz=UTC)
    assert problems == ()
    by_number = {doc.id[:3]: doc for doc in docs}
    assert by_number["000"].published == dt.datetime(2025, 10, 16, tzinfo=UTC)
    assert by_number["004"].published == dt.datetime(2025, 2, 21, tzinfo=UTC)
    assert (by_number["004"].source, by_number["004"].author) == ("China Daily", "Fan Feifei")
    assert by_number["003"].source == "Reuters"
    assert all(doc.language == "en" and doc.path.startswith("articles/") for doc in docs)


def test_title_in_a_literal_block_keeps_its_word_breaks() -> None:
    assert (
        parse("---\ntitle: |\n  Alibaba raises\n  AI spending\n---\nB\n").title
        == "Alibaba raises AI spending"
    )


def test_pure_python_loader_gives_the_same_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import digest._yaml

    fast_docs, fast_problems = load_articles(FIXTURES, tz=SHANGHAI)
    monkeypatch.setattr(digest._yaml, "_Loader", digest._yaml.StrictLoader)
    docs, problems = load_articles(FIXTURES, tz=SHANGHAI)
    assert docs == fast_docs
    assert [(p.path, p.level, p.line) for p in problems] == [(p.path, p.level, p.line) for p in fast_problems]
