"""Build speed and page weight, measured (a benchmark: prints figures, asserts nothing).

    make bench              # shipped site + large municipality, 3 runs each, medians
    python scripts/bench.py --runs 5 --skip-serve

For the shipped site and a generated large municipality (scripts/large_site.py,
at scale 0.25 and 1) it prints: total build time, time per language, time in
the project's hooks and data layer, peak memory, the size of site/ and the
compressed size of the largest pages, next to two bare baselines built in the
same run with Material and mkdocs-static-i18n but without the project's hooks,
data and theme overrides:

- "source pages": the Markdown files of docs/ as they are (markers stay comments,
  the pages made from data do not exist);
- "same pages": the pages the full build makes, frozen. A full build saves each
  page's final HTML and every generated file (bench_hook.py, BENCH_FREEZE);
  the bare build then converts the same Markdown and swaps in the saved HTML,
  so MkDocs, Material's search and the theme do all their usual work on the
  same content. The hooks' overhead target is measured against this one.

It then times a preview rebuild under `mkdocs serve`
(saving a data file until the page shows the change) and the best case for
building the three languages in parallel processes.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from large_site import generate  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VELKOMMEN_BUILD_DATE": "2026-11-23", "PYTHONPATH": ""}


def project_copy(source: Path, target: Path) -> Path:
    """A copy of a project whose mkdocs.yml also loads the benchmark hook."""
    if target.exists():
        shutil.rmtree(target)
    top_level = {"site", ".venv", ".git", "node_modules", "tests", "artifacts", ".pytest_cache"}

    def skip(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n == "__pycache__" or (Path(folder) == source and n in top_level)}

    shutil.copytree(source, target, symlinks=True, ignore=skip)
    if (ROOT / "node_modules").exists() and not (target / "node_modules").exists():
        (target / "node_modules").symlink_to(ROOT / "node_modules")
    shutil.copy(ROOT / "scripts" / "bench_hook.py", target / "bench_hook.py")
    config = (target / "mkdocs.yml").read_text(encoding="utf-8").replace("\nnav:\n", "\nhooks:\n  - bench_hook.py\n\nnav:\n", 1)
    (target / "mkdocs.yml").write_text(config, encoding="utf-8")
    # The bare builds: the same configuration without the generator's plugin (no data, no theme of ours).
    bare = re.sub(r"\n  # Last: it reads .*\n  - velkommen\n", "\n", config)
    assert bare != config, "the velkommen plugin was not found in mkdocs.yml"
    (target / "mkdocs-bare.yml").write_text(bare, encoding="utf-8")
    # The base configuration sets docs_dir; the frozen build reads the saved pages instead.
    (target / "mkdocs-frozen.yml").write_text(bare.rstrip("\n") + "\ndocs_dir: frozen/docs\n", encoding="utf-8")
    return target


def freeze(project: Path) -> dict:
    """One full build that saves its pages and generated files for the "same pages" baseline."""
    frozen = project / "frozen"
    shutil.rmtree(frozen, ignore_errors=True)
    shutil.copytree(project / "docs", frozen / "docs")
    build_once(project, "mkdocs.yml", {"BENCH_FREEZE": str(frozen)})
    return {"BENCH_FROZEN": str(frozen / "pages.json")}


def build_once(project: Path, config: str, extra_env: dict | None = None) -> dict:
    out = project / ("site-" + Path(config).stem)  # full and bare builds keep their own output
    report = project / "bench.json"
    env = {**ENV, "BENCH_OUT": str(report), **(extra_env or {})}
    start = time.perf_counter()
    proc = subprocess.Popen([*MKDOCS, "build", "-q", "-f", str(project / config), "--site-dir", str(out)],
                            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if status != 0:
        raise SystemExit(f"build of {project}/{config} failed:\n{proc.stderr.read().decode()[-3000:]}")
    detail = json.loads(report.read_text()) if report.exists() else {"languages": {}, "hooks": 0.0}
    cpu = usage.ru_utime + usage.ru_stime  # the build's own processor time: steadier than wall time on a busy machine
    return {"seconds": seconds, "cpu": cpu, "rss_mb": usage.ru_maxrss / 1024, **detail, "site": out}


def median_of(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def page_weights(site: Path, top: int = 5) -> list[tuple[str, int, int]]:
    sizes = []
    for page in site.rglob("*.html"):
        raw = page.read_bytes()
        sizes.append((page.relative_to(site).as_posix(), len(raw), len(gzip.compress(raw, 6))))
    return sorted(sizes, key=lambda s: -s[2])[:top]


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def measure(name: str, project: Path, runs: int) -> dict:
    frozen_env = freeze(project)
    full, bare, same = [], [], []
    for _ in range(runs):  # interleaved, so a change in the machine's load touches all three alike
        full.append(build_once(project, "mkdocs.yml"))
        bare.append(build_once(project, "mkdocs-bare.yml"))
        same.append(build_once(project, "mkdocs-frozen.yml", frozen_env))
    langs = {lang: statistics.median(r["languages"].get(lang, 0.0) for r in full) for lang in ("da", "de", "en")}
    result = {
        "name": name, "full": median_of(full, "seconds"), "bare": median_of(bare, "seconds"),
        "full_cpu": median_of(full, "cpu"), "bare_cpu": median_of(bare, "cpu"), "same_cpu": median_of(same, "cpu"),
        "same": median_of(same, "seconds"), "same_pages": sum(1 for _ in same[-1]["site"].rglob("*.html")),
        "by_hook": {k: statistics.median(r["by_hook"].get(k, 0.0) for r in full) for k in full[0]["by_hook"]},
        "hooks": median_of(full, "hooks"), "rss": max(r["rss_mb"] for r in full), "languages": langs,
        "size": folder_mb(full[-1]["site"]), "pages": page_weights(full[-1]["site"]),
        "html_files": sum(1 for _ in full[-1]["site"].rglob("*.html")),
    }
    print(f"\n== {name} ({runs} runs, medians) ==")
    print(f"  full build            {result['full']:6.2f} s   ({result['full_cpu']:.2f} s processor time; "
          f"peak memory {result['rss']:.0f} MB, {result['html_files']} pages)")
    print("  per language          " + "   ".join(f"{k} {v:5.2f} s" for k, v in langs.items()))
    print(f"  in the project's hooks {result['hooks']:5.2f} s   ({100 * result['hooks'] / result['full']:.0f} % of the build)")
    print("  where the hooks spend it  " + ", ".join(
        f"{k} {v:.2f} s" for k, v in sorted(result["by_hook"].items(), key=lambda kv: -kv[1])[:5]))
    print(f"  bare, source pages    {result['bare']:6.2f} s   ({result['bare_cpu']:.2f} s processor time; "
          "docs/ as written: no data pages, markers left as comments)")
    print(f"  bare, same pages      {result['same']:6.2f} s   ({result['same_cpu']:.2f} s processor time; "
          f"the full build's {result['same_pages']} pages, frozen: no hooks, no data)")
    print(f"  hooks and data add    {100 * (result['full_cpu'] / result['same_cpu'] - 1):6.1f} %   processor time over the same pages "
          f"(target ≤ 10 %; wall time {100 * (result['full'] / result['same'] - 1):.1f} %); "
          f"{100 * (result['full_cpu'] / result['bare_cpu'] - 1):.1f} % over the source pages")
    print(f"  size of site/         {result['size']:6.1f} MB")
    print("  largest pages (gzip)  " + "\n                        ".join(
        f"{kb / 1024:6.1f} KB  ({raw / 1024:.0f} KB raw)  {path}" for path, raw, kb in result["pages"]))
    over = [p for p in result["pages"] if p[2] > 150 * 1024]
    print(f"  pages over 150 KB     {len(over)}")
    return result


def preview_turnaround(project: Path, data_file: str, old: str, new: str, page: str) -> float:
    """Seconds from saving a data file to the page showing the change, under `mkdocs serve` (one language)."""
    port = 8765 + os.getpid() % 500
    env = {**ENV, "VELKOMMEN_PREVIEW": "da"}
    server = subprocess.Popen([*MKDOCS, "serve", "-f", str(project / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/{page}"
    path = project / data_file
    original = path.read_text(encoding="utf-8")
    try:
        deadline = time.time() + 180
        while time.time() < deadline:
            try:
                if old in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                    break
            except OSError:
                pass
            time.sleep(0.3)
        time.sleep(1.0)  # let the watcher settle
        assert old in original, (old, data_file)
        path.write_text(original.replace(old, new, 1), encoding="utf-8")
        saved = time.perf_counter()
        while time.perf_counter() - saved < 120:
            try:
                if new in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                    return time.perf_counter() - saved
            except OSError:
                pass
            time.sleep(0.05)
        return float("nan")
    finally:
        path.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)


def parallel_potential(project: Path) -> tuple[float, float]:
    """Three one-language builds at once vs one after the other (an upper bound: the output is not the same site)."""
    def start(lang: str) -> subprocess.Popen:
        return subprocess.Popen([*MKDOCS, "build", "-q", "-f", str(project / "mkdocs.yml"), "--site-dir",
                                 str(project / f"site-{lang}")], cwd=project, env={**ENV, "VELKOMMEN_PREVIEW": lang},
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    begin = time.perf_counter()
    for p in [start(lang) for lang in ("da", "de", "en")]:
        p.wait()
    together = time.perf_counter() - begin
    begin = time.perf_counter()
    for lang in ("da", "de", "en"):
        start(lang).wait()
    return together, time.perf_counter() - begin


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip-large", action="store_true")
    parser.add_argument("--scales", default="0.25,1", help="sizes of the large municipality, e.g. 1 (growth needs two)")
    parser.add_argument("--skip-serve", action="store_true")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPU cores, load average {os.getloadavg()[0]:.2f}")
    work = Path(tempfile.mkdtemp(prefix="velkommen-bench-"))
    shipped = project_copy(ROOT, work / "shipped")
    results = [measure("shipped site", shipped, args.runs)]
    if not args.skip_large:
        for scale in [float(x) for x in args.scales.split(",")]:
            generated = work / f"gen-{scale}"
            generate(generated, scale)
            results.append(measure(f"large municipality ×{scale}", project_copy(generated, work / f"large-{scale}"), args.runs))
            results[-1]["scale"] = scale
        small, large = results[-2], results[-1]
        if len(results) > 2:
            print(f"\n== growth: {large['scale'] / small['scale']:g}× the data took {large['full'] / small['full']:.2f}× the time "
                  f"(target ≤ 4.4× for 4×); large municipality {large['full']:.1f} s (target < 60 s) ==")
    together, apart = parallel_potential(shipped)
    print(f"\n== parallel languages (best case, one-language builds): {apart:.2f} s one after the other, "
          f"{together:.2f} s at once: {apart / together:.2f}× ==")
    if not args.skip_serve:
        entry = "Aabenraa Bibliotekernes bibliotek i Aabenraa by."
        seconds = preview_turnaround(shipped, "data/directory/entries/aabenraa.yaml", entry, entry.replace("by.", "by (bench)."),
                                     "community/towns/aabenraa/")
        print(f"\n== preview (make serve, Danish): saving a data file to the page showing it: {seconds:.2f} s ==")
        if not args.skip_large:
            large_project = work / f"large-{float(args.scales.split(',')[-1])}"
            entry_file = sorted((large_project / "data" / "directory" / "entries").glob("*.yaml"))[0]
            text = entry_file.read_text(encoding="utf-8")
            name = re.search(r"da: (Forening \d+)", text).group(1)
            seconds = preview_turnaround(large_project, str(entry_file.relative_to(large_project)), name, name + " bench",
                                         f"community/towns/{entry_file.stem}/")
            print(f"== preview on the large municipality: {seconds:.2f} s ==")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
