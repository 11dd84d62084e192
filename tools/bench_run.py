#!/usr/bin/env python3
"""Benchmark of `claimex run` end to end: documents/s, claims/s stored and
peak memory, over (a) N pages served by the local fixture server on
127.0.0.1 (tests/fixture_server.py) and (b) a folder of N text files made
from the corpus articles. Prints one line per case with the machine.

    tools/bench_run.py [--docs 5000] [--claimex build/claimex] [--jobs N]

The fixture server is a Python process on the same 2 cores; it is part of
what is measured in (a), as a real site would not be.
"""
import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def machine():
    model = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {model}, {platform.system()} {platform.release()}"


def timed_run(args, env=None):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    p = subprocess.run(args, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - t
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if p.returncode not in (0, 1):
        sys.exit(f"bench_run: {' '.join(map(str, args))} exited {p.returncode}:\n{p.stderr[-2000:]}")
    m = re.search(r"run: (\d+) documents \((\d+) stored.*?(\d+) claims", p.stderr)
    docs, stored, claims = (int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else (0, 0, 0)
    return elapsed, docs, stored, claims, max(peak_kb, before) / 1024, p.stderr


def report(name, elapsed, docs, stored, claims, peak_mb):
    print(f"{name:<28} {docs:>7} docs  {elapsed:7.2f} s  {docs / elapsed:8.1f} docs/s  "
          f"{claims / elapsed:9.1f} claims/s stored  peak RSS {peak_mb:6.1f} MB")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=5000)
    ap.add_argument("--claimex", default=str(ROOT / "build" / "claimex"))
    ap.add_argument("--jobs", type=int, default=0)
    ap.add_argument("--skip-http", action="store_true")
    ap.add_argument("--skip-folder", action="store_true")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="claimex-bench-run-"))
    jobs = ["--jobs", str(a.jobs)] if a.jobs else []
    print(f"machine: {machine()}")
    try:
        # (b) a folder of text files from the corpus
        if not a.skip_folder:
            arts = [json.loads(l) for l in open(ROOT / "corpus" / "articles.jsonl", encoding="utf-8") if l.strip()]
            folder = tmp / "docs"
            folder.mkdir()
            for i in range(a.docs):
                art = arts[i % len(arts)]
                (folder / f"{i:06d}.txt").write_text(art["text"], encoding="utf-8")
            r = timed_run([a.claimex, "run", folder, "--db", tmp / "folder.db", "--published", "2024-08-26", *jobs])
            report("folder of text files", *r[:5])

        if not a.skip_http:
            srv = subprocess.Popen([sys.executable, str(ROOT / "tests" / "fixture_server.py"), "--port", "0",
                                    "--robots", "none"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
            try:
                base = f"http://127.0.0.1:{int(srv.stdout.readline())}"
                urls = tmp / "urls.txt"
                urls.write_text("".join(f"{base}/page/bench-{i}\n" for i in range(a.docs)))
                r = timed_run([a.claimex, "run", "--feeds", urls, "--db", tmp / "http.db", "--delay", "0",
                               "--per-host", "16", "--concurrency", "16", "--published", "2024-08-26",
                               "--contact", "mailto:bench@example.org", *jobs])
                report("fixture server (loopback)", *r[:5])
            finally:
                srv.stdin.close()
                srv.terminate()
                srv.wait(timeout=60)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
