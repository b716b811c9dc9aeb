"""The record cache and the site stamp: keys, staleness, corrupt and planted files, atomic saves."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from digest import cache as cache_module
from digest.cache import NOT_RECORD_CODE, PACK_NAME, RecordCache, code_fingerprint, record_settings
from digest.models import Diagnostic, SourceDoc
from digest.stamp import SiteStamp, read_stamp, write_stamp
from tests.factories import make_record

TEXT = "Acme said revenue rose 12% to $5 billion on Thursday. \u201cWe are pleased,\u201d Jane Roe said."


def _doc(sha: str = "aa", *, path: str = "articles/a.md", doc_id: str = "a") -> SourceDoc:
    return SourceDoc(id=doc_id, path=path, title="Acme revenue rises", body=TEXT, sha256=sha)


def _record(sha: str = "aa"):  # type: ignore[no-untyped-def]
    record = make_record("a", TEXT)
    from dataclasses import replace

    return replace(record, article=replace(record.article, sha256=sha))


def _saved(directory: Path, settings: str = "s") -> RecordCache:
    cache = RecordCache(directory, settings=settings)
    cache.put(_doc(), _record())
    cache.save()
    return RecordCache(directory, settings=settings)


def test_a_saved_record_comes_back_equal(tmp_path: Path) -> None:
    again = _saved(tmp_path)
    assert again.get(_doc()) == _record()
    assert (again.hits, again.misses) == (1, 0)


def test_changed_article_bytes_miss(tmp_path: Path) -> None:
    again = _saved(tmp_path)
    assert again.get(_doc("bb")) is None
    assert again.misses == 1


def test_a_moved_or_renamed_article_misses(tmp_path: Path) -> None:
    again = _saved(tmp_path)
    assert again.get(_doc(path="articles/b.md")) is None
    assert again.get(_doc(doc_id="b")) is None


def test_changed_time_zone_misses(tmp_path: Path) -> None:
    _saved(tmp_path, record_settings(timezone="UTC"))
    assert RecordCache(tmp_path, settings=record_settings(timezone="UTC")).get(_doc()) is not None
    assert RecordCache(tmp_path, settings=record_settings(timezone="Asia/Shanghai")).get(_doc()) is None


def _fake_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    package = tmp_path / "pkg"
    (package / "extract").mkdir(parents=True)
    (package / "extract" / "dates.py").write_text("RULE = 1\n")
    (package / "render.py").write_text("PAGE = 1\n")
    (package / "templates").mkdir()
    (package / "templates" / "base.html").write_text("<p>")
    monkeypatch.setattr(cache_module, "PACKAGE_DIR", package)
    code_fingerprint.cache_clear()
    return package


def _fingerprints() -> tuple[str, str]:
    code_fingerprint.cache_clear()
    return code_fingerprint(records_only=True), code_fingerprint(records_only=False)


def test_changed_extractor_source_changes_the_record_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _fake_package(tmp_path, monkeypatch)
    records, everything = _fingerprints()
    settings = record_settings(timezone="UTC")
    _saved(tmp_path / "cache", settings)
    (package / "extract" / "dates.py").write_text("RULE = 2\n")
    changed_records, changed_everything = _fingerprints()
    assert changed_records != records and changed_everything != everything
    assert RecordCache(tmp_path / "cache", settings=record_settings(timezone="UTC")).get(_doc()) is None
    code_fingerprint.cache_clear()


def test_rendering_code_and_templates_change_only_the_site_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _fake_package(tmp_path, monkeypatch)
    records, everything = _fingerprints()
    (package / "render.py").write_text("PAGE = 2\n")
    after_render = _fingerprints()
    (package / "templates" / "base.html").write_text("<div>")
    after_template = _fingerprints()
    assert after_render[0] == after_template[0] == records
    assert len({everything, after_render[1], after_template[1]}) == 3
    code_fingerprint.cache_clear()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05garbage", "truncate"])
def test_a_corrupt_pack_is_ignored_and_replaced(tmp_path: Path, damage: bytes | str) -> None:
    _saved(tmp_path)
    pack = tmp_path / PACK_NAME
    pack.write_bytes(pack.read_bytes()[:40] if damage == "truncate" else damage)  # type: ignore[arg-type]
    cache = RecordCache(tmp_path, settings="s")
    assert cache.get(_doc()) is None
    cache.put(_doc(), _record())
    cache.save()
    assert RecordCache(tmp_path, settings="s").get(_doc()) == _record()


def test_a_corrupt_entry_is_a_miss(tmp_path: Path) -> None:
    cache = RecordCache(tmp_path, settings="s")
    key = cache.key(_doc())
    pack = (cache_module.CACHE_FORMAT, "s", {key: b"\x80\x05\x95broken"})
    (tmp_path / PACK_NAME).write_bytes(pickle.dumps(pack))
    assert RecordCache(tmp_path, settings="s").get(_doc()) is None


class _Planted:
    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, ("touch planted",))


def test_a_planted_pickle_is_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    key = RecordCache(tmp_path, settings="s").key(_doc())
    planted = (cache_module.CACHE_FORMAT, "s", {key: pickle.dumps(_Planted())})
    (tmp_path / PACK_NAME).write_bytes(pickle.dumps(planted))
    assert RecordCache(tmp_path, settings="s").get(_doc()) is None
    (tmp_path / PACK_NAME).write_bytes(pickle.dumps(_Planted()))
    assert RecordCache(tmp_path, settings="s").get(_doc()) is None
    assert not (tmp_path / "planted").exists()


def test_save_leaves_no_temporary_file_and_drops_unused_entries(tmp_path: Path) -> None:
    cache = RecordCache(tmp_path, settings="s")
    cache.put(_doc(), _record())
    cache.put(_doc("bb", path="articles/b.md", doc_id="b"), _record("bb"))
    cache.save()
    again = RecordCache(tmp_path, settings="s")
    assert again.get(_doc()) is not None
    again.save()
    assert sorted(p.name for p in tmp_path.iterdir()) == [PACK_NAME]
    assert RecordCache(tmp_path, settings="s").get(_doc("bb", path="articles/b.md", doc_id="b")) is None


def test_an_unwritable_cache_directory_does_not_fail(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = RecordCache(blocker / "cache", settings="s")
    cache.put(_doc(), _record())
    cache.save()
    write_stamp(blocker / "cache", tmp_path / "site", SiteStamp("k", 0, (), ()))


def test_the_stamp_round_trips_and_a_damaged_one_is_ignored(tmp_path: Path) -> None:
    problems = (Diagnostic("articles/a.md", "odd", "warning", 2),)
    stamp = SiteStamp("key", 3, problems, (("index.html", 5, 1, 2),))
    write_stamp(tmp_path, tmp_path / "site", stamp)
    assert read_stamp(tmp_path, tmp_path / "site") == stamp
    assert read_stamp(tmp_path, tmp_path / "elsewhere") is None
    for path in tmp_path.glob("*.stamp"):
        path.write_bytes(b"\x00garbage")
    assert read_stamp(tmp_path, tmp_path / "site") is None
    shutil.rmtree(tmp_path)
    assert read_stamp(tmp_path, tmp_path / "site") is None


def test_record_modules_never_import_the_modules_left_out_of_their_fingerprint() -> None:
    script = (
        "import sys, digest.load, digest.clean, digest.extract\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('digest.'))))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    imported = {name.split(".")[1] for name in out.split()}
    assert not imported & {name.removesuffix(".py") for name in NOT_RECORD_CODE}


def test_a_stamp_from_an_older_digest_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from digest.stamp import SiteStamp, _stamp_path, read_stamp

    # Pickle the stamp as a version that had only its first four fields would have.
    monkeypatch.setattr(SiteStamp, "__getstate__", lambda self: [self.key, self.articles, (), ()])
    path = _stamp_path(tmp_path, tmp_path / "site")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(SiteStamp("key", 1, (), ())))
    monkeypatch.undo()
    assert read_stamp(tmp_path, tmp_path / "site") is None


def _many(directory: Path, shas: list[str]) -> RecordCache:
    cache = RecordCache(directory, settings="s")
    for sha in shas:
        doc = _doc(sha, path=f"articles/{sha}.md", doc_id=sha)
        if cache.get(doc) is None:
            cache.put(doc, _record(sha))
    cache.save()
    return RecordCache(directory, settings="s")


def test_one_new_record_goes_to_the_delta_and_the_pack_is_left_alone(tmp_path: Path) -> None:
    shas = [f"{n:02x}" for n in range(20)]
    _many(tmp_path, shas)
    pack = (tmp_path / PACK_NAME).read_bytes()
    again = _many(tmp_path, [*shas[1:], "ff"])
    assert (tmp_path / PACK_NAME).read_bytes() == pack
    assert (tmp_path / "records.delta").is_file()
    for sha in [*shas[1:], "ff"]:
        assert again.get(_doc(sha, path=f"articles/{sha}.md", doc_id=sha)) == _record(sha)


def test_a_large_delta_is_folded_into_a_new_pack(tmp_path: Path) -> None:
    shas = [f"{n:02x}" for n in range(20)]
    _many(tmp_path, shas)
    more = [f"{n:02x}" for n in range(100, 105)]
    again = _many(tmp_path, shas + more)
    assert not (tmp_path / "records.delta").exists()
    assert again.get(_doc("64", path="articles/64.md", doc_id="64")) == _record("64")


def test_a_damaged_delta_only_costs_its_records(tmp_path: Path) -> None:
    shas = [f"{n:02x}" for n in range(20)]
    _many(tmp_path, shas)
    _many(tmp_path, [*shas, "ff"])
    (tmp_path / "records.delta").write_bytes(b"\x80\x05garbage")
    again = RecordCache(tmp_path, settings="s")
    assert again.get(_doc("ff", path="articles/ff.md", doc_id="ff")) is None
    assert again.get(_doc("00", path="articles/00.md", doc_id="00")) == _record("00")


def test_an_upgraded_library_changes_the_fingerprints(monkeypatch: pytest.MonkeyPatch) -> None:
    def fingerprints(upgraded: str) -> tuple[str, str]:
        monkeypatch.setattr(cache_module, "_version", lambda name: "99" if name == upgraded else "1")
        code_fingerprint.cache_clear()
        return code_fingerprint(records_only=True), code_fingerprint(records_only=False)

    try:
        none, jinja, langid = fingerprints(""), fingerprints("jinja2"), fingerprints("py3langid")
    finally:
        code_fingerprint.cache_clear()
    assert jinja[0] == none[0] and jinja[1] != none[1]  # rendering only: records stay
    assert langid[0] != none[0] and langid[1] != none[1]
