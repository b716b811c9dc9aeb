"""Measure digest against Pelican and Hugo on the same generated corpus, in one run.

    python benchmarks/run.py            # 10,000 articles (a few minutes)
    python benchmarks/run.py --quick    # 500 articles

Every build runs in a fresh subprocess; its peak memory is the largest resident set of any one
process (wait4's ru_maxrss) and, sampled every 20 ms, the largest sum over the process and its
children (the workers of a parallel build). The code under test is copied first, so that edits
made while the benchmark runs do not change what it measures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ROOT, write_corpus

PEERS_VENV = ROOT / "benchmarks" / ".venv"
CHANGE = "\nShares of the company rose 1.5% in Hong Kong on Friday, traders said.\n"


@dataclass(frozen=True, slots=True)
class Run:
    """One measured command: wall-clock seconds and peak memory in MiB."""

    name: str
    seconds: float
    max_rss_mib: float
    tree_rss_mib: float
    returncode: int


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:
        return []
    return found


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def measure(name: str, command: list[str], *, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run `command` in a fresh process; return its time and peak memory."""
    peak = 0
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            tree, pending = 0, [proc.pid]
            while pending:
                pid = pending.pop()
                tree += _rss_kib(pid)
                pending += _children(pid)
            peak = max(peak, tree)
            done.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        print(f"{name}: exit {proc.returncode}\n{err[-2000:]}", file=sys.stderr)
    run = Run(name, seconds, usage.ru_maxrss / 1024, max(peak, usage.ru_maxrss) / 1024, proc.returncode)
    memory = f"{run.max_rss_mib:7.0f} MiB largest process {run.tree_rss_mib:7.0f} MiB all processes"
    print(f"  {name:<28} {run.seconds:8.2f} s  {memory}", flush=True)
    stages = [line.strip() for line in err.splitlines() if line.strip().endswith(" ms")]
    if stages:
        print("      " + ", ".join(" ".join(line.split()) for line in stages), flush=True)
    return run


def _snapshot(work: Path) -> dict[str, str]:
    code = work / "code"
    if code.exists():
        shutil.rmtree(code)
    shutil.copytree(ROOT / "digest", code / "digest", ignore=shutil.ignore_patterns("__pycache__"))
    env = dict(os.environ, PYTHONPATH=str(code))
    env.pop("CI", None)
    return env


def _extraction_rate(project: Path, env: dict[str, str], sample: int) -> dict[str, float]:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--rate-only", str(project), "--sample", str(sample)],
        env=env, capture_output=True, text=True, check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def rate_only(project: Path, sample: int) -> None:
    """Print, as JSON, words per second of clean+extract and of extract alone, in this one process."""
    from zoneinfo import ZoneInfo

    from digest.clean import clean_article
    from digest.extract import extract_record
    from digest.load import load_articles

    docs, _ = load_articles(project / "articles", tz=ZoneInfo("UTC"))
    docs = docs[:sample]
    from digest.language import load_classifier

    process_article_warmup = extract_record(clean_article(docs[0]))  # first-use loads
    del process_article_warmup
    load_classifier()  # the warm-up article may never reach the language model
    words = sum(len(doc.body.split()) for doc in docs)
    start = time.perf_counter()
    articles = [clean_article(doc) for doc in docs]
    cleaned = time.perf_counter()
    for article in articles:
        extract_record(article)
    end = time.perf_counter()
    print(json.dumps({
        "articles": len(docs), "words": words, "clean_s": cleaned - start, "extract_s": end - cleaned,
        "clean_extract_wps": words / (end - start), "extract_wps": words / (end - cleaned),
    }))


def warm_only(project: Path) -> None:
    """Build, change one article, build again in the same process (as digest serve does); print JSON."""
    from digest.build import build
    from digest.config import load_config
    from digest.warm import Warm

    warm = Warm()
    build(load_config(project), warm=warm)
    changed = sorted((project / "articles").iterdir())[len(warm.docs) // 3]
    changed.write_text(changed.read_text(encoding="utf-8") + CHANGE.replace("1.5%", "2.5%"), encoding="utf-8")
    start = time.perf_counter()
    report = build(load_config(project), warm=warm)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "written": report.written, "stages": dict(report.timings)}))


def main() -> None:
    """Generate the corpus, run every measurement and print the figures and ratios."""
    parser = argparse.ArgumentParser(description="Benchmark digest against Pelican and Hugo.")
    parser.add_argument("--n", type=int, default=10_000, help="number of articles (default 10,000)")
    parser.add_argument("--quick", action="store_true", help="500 articles")
    parser.add_argument("--sample", type=int, default=500, help="articles timed for the extraction rate")
    parser.add_argument("--workers", type=int, default=None, help="digest build --workers")
    parser.add_argument("--no-peers", action="store_true", help="skip Pelican and Hugo")
    parser.add_argument("--rate-only", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--warm-only", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rate_only is not None:
        rate_only(args.rate_only, args.sample)
        return
    if args.warm_only is not None:
        warm_only(args.warm_only)
        return
    n = 500 if args.quick else args.n
    work = ROOT / "benchmarks" / "out" / f"n{n}"
    work.mkdir(parents=True, exist_ok=True)
    print(f"corpus: {n} articles", flush=True)
    articles = write_corpus(n, work / "corpus")
    # A build trusts a file by its state only when it was saved two seconds or more before the
    # build read it (a second save within the same clock tick could not be told apart); articles
    # on a desk are older than that.
    time.sleep(2.5)
    words = sum(a.words for a in articles)
    print(f"  {words} words, {os.cpu_count()} CPUs, Python {sys.version.split()[0]}", flush=True)
    env = _snapshot(work)
    project = work / "corpus" / "digest"
    digest_cmd = [str(Path(sys.executable).parent / "digest"), "build", "--project", str(project)]
    digest_cmd.append("--timings")
    if args.workers:
        digest_cmd += ["--workers", str(args.workers)]
    runs: dict[str, Run] = {}
    shutil.rmtree(project / "site", ignore_errors=True)
    shutil.rmtree(project / ".digest-cache", ignore_errors=True)
    runs["full"] = measure("digest build (no cache)", digest_cmd, cwd=project, env=env)
    runs["unchanged"] = measure("digest build (unchanged)", digest_cmd, cwd=project, env=env)
    changed = project / "articles" / f"{articles[n // 2].slug}.md"
    changed.write_text(changed.read_text(encoding="utf-8") + CHANGE, encoding="utf-8")
    runs["one_changed"] = measure("digest build (one changed)", digest_cmd, cwd=project, env=env)
    warm_cmd = [sys.executable, str(Path(__file__).resolve()), "--warm-only", str(project)]
    out = subprocess.run(warm_cmd, env=env, capture_output=True, text=True, check=True)
    warm = json.loads(out.stdout.strip().splitlines()[-1])
    stages = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in warm["stages"].items())
    print(f"  {'one changed, warm (serve)':<28} {warm['seconds']:8.2f} s  ({stages})", flush=True)
    rate = _extraction_rate(project, env, min(args.sample, n))
    print(f"  extraction, one core: clean+extract {rate['clean_extract_wps']:,.0f} words/s, "
          f"extract only {rate['extract_wps']:,.0f} words/s ({rate['articles']} articles)", flush=True)
    if not args.no_peers:
        pelican = work / "corpus" / "pelican"
        pelican_cmd = [str(PEERS_VENV / "bin" / "pelican"), "content", "-s", "pelicanconf.py", "-o", "output"]
        runs["pelican"] = measure("pelican", [*pelican_cmd, "-q"], cwd=pelican)
        hugo_bin = next((PEERS_VENV / "lib").glob("python3*/site-packages/hugo/binaries/hugo"))
        hugo_cmd = [str(hugo_bin), "--quiet", "-d", "public"]
        runs["hugo"] = measure("hugo", hugo_cmd, cwd=work / "corpus" / "hugo")
        full = runs["full"]
        for peer in ("pelican", "hugo"):
            other = runs[peer]
            print(f"  digest/{peer}: time {full.seconds / other.seconds:.2f}x, "
                  f"memory {full.tree_rss_mib / other.tree_rss_mib:.2f}x (tree), "
                  f"{full.max_rss_mib / other.max_rss_mib:.2f}x (largest process)")
    result = {"n": n, "words": words, "cpus": os.cpu_count(), "runs": {k: asdict(v) for k, v in runs.items()},
              "extraction": rate, "warm_one_changed": warm}
    (work / "results.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"results: {work / 'results.json'}")


if __name__ == "__main__":
    main()
