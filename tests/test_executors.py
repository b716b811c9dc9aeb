"""Executors: the same records in the same order whatever runs them; a clear error without Dask."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import digest.executors as executors
from digest.build import build
from digest.config import load_config
from digest.errors import ConfigError, DigestError
from digest.executors import map_articles
from digest.load import load_articles
from digest.models import SourceDoc
from digest.records import process_article

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def docs() -> tuple[SourceDoc, ...]:
    """Return the seed articles, loaded."""
    config = load_config(ROOT)
    loaded, _ = load_articles(config.articles_dir, tz=config.tz)
    return loaded


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_two_processes_give_the_records_of_one_in_order(
    docs: tuple[SourceDoc, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(executors, "MIN_PARALLEL", 1)
    seen: list[int] = []
    parallel = map_articles(process_article, docs, workers=2, on_done=seen.append)
    assert parallel == [process_article(doc) for doc in docs]
    assert sum(seen) == len(docs)


def test_a_site_built_with_two_workers_is_byte_identical(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(executors, "MIN_PARALLEL", 1)
    sites = []
    for workers in (1, 2):
        project = tmp_path / f"w{workers}"
        project.mkdir()
        shutil.copytree(ROOT / "articles", project / "articles")
        shutil.copy(ROOT / "digest.yaml", project / "digest.yaml")
        config = load_config(project)
        build(config, workers=workers, use_cache=False)
        sites.append(_tree(config.output_dir))
    assert sites[0] == sites[1] and len(sites[0]) > 5


def test_small_inputs_stay_in_this_process(
    docs: tuple[SourceDoc, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a handful of articles")

    monkeypatch.setattr(executors, "ProcessPoolExecutor", no_pool)
    assert len(map_articles(process_article, docs[:2], workers=4)) == 2


def test_bad_options_are_config_errors(docs: tuple[SourceDoc, ...]) -> None:
    with pytest.raises(ConfigError):
        map_articles(process_article, docs, workers=0)
    with pytest.raises(ConfigError):
        map_articles(process_article, docs, executor="spark")  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="--scheduler"):
        map_articles(process_article, docs, executor="dask")


def test_missing_dask_names_the_extra(docs: tuple[SourceDoc, ...], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)
    with pytest.raises(DigestError, match=r"pip install 'digest\[dask\]'"):
        map_articles(process_article, docs, executor="dask", scheduler="tcp://127.0.0.1:8786")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::UserWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_dask_local_cluster_gives_the_same_records(docs: tuple[SourceDoc, ...]) -> None:
    distributed = pytest.importorskip("distributed")
    # Thread workers start in well under a second; the tasks still cross the scheduler's protocol.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        seen: list[int] = []
        records = map_articles(
            process_article, docs, executor="dask", scheduler=cluster.scheduler_address, on_done=seen.append
        )
    assert records == [process_article(doc) for doc in docs]
    assert sum(seen) == len(docs)


def test_records_sent_back_by_workers_load_as_made_and_are_cached_as_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from digest.cache import safe_loads
    from digest.records import packed_article

    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    monkeypatch.setattr(executors, "MIN_PARALLEL", 1)
    project = tmp_path / "p"
    project.mkdir()
    shutil.copytree(ROOT / "articles", project / "articles")
    shutil.copy(ROOT / "digest.yaml", project / "digest.yaml")
    config = load_config(project)
    loaded, _ = load_articles(config.articles_dir, tz=config.tz)
    assert [safe_loads(packed_article(doc)) for doc in loaded] == [process_article(doc) for doc in loaded]
    first = build(config, workers=2)
    assert first.cache_misses == len(loaded)
    made = _tree(config.output_dir)
    shutil.rmtree(config.output_dir)
    again = build(config, workers=2)  # every record from the cache the workers' bytes went into
    assert again.cache_hits == len(loaded) and again.cache_misses == 0
    assert _tree(config.output_dir) == made
