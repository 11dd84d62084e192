#!/usr/bin/env python3
"""Scores the document stage against hand-checked pages.

For every tests/fixtures/pages/NAME.html with NAME.expected.txt (and
NAME.meta.json), runs `document_dump` on the page and compares:

  * main text: bag-of-words token precision, recall and F1 (multiset
    intersection; tokens are lower-cased words, each CJK character one token);
  * metadata: title, published, authors (as a set) and publisher, exact after
    whitespace normalisation.

Prints a table and the averages. With --min-f1 X it exits 1 when the average
F1 is below X (the ctest uses this as a regression floor).

  tools/eval_document.py [--dump build/document_dump] [--pages DIR] [--min-f1 0.9] [--show NAME]
"""
import argparse
import collections
import difflib
import json
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

WORD = re.compile(r"\w+", re.UNICODE)
CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\u3040-\u30ff]")


def tokens(text):
    out = []
    for m in WORD.finditer(text.lower()):
        w = m.group(0)
        if CJK.search(w):
            buf = ""
            for ch in w:
                if CJK.match(ch):
                    if buf:
                        out.append(buf)
                        buf = ""
                    out.append(ch)
                else:
                    buf += ch
            if buf:
                out.append(buf)
        else:
            out.append(w)
    return out


def prf(got, want):
    g, w = collections.Counter(tokens(got)), collections.Counter(tokens(want))
    common = sum((g & w).values())
    p = common / sum(g.values()) if g else (1.0 if not w else 0.0)
    r = common / sum(w.values()) if w else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def norm(s):
    return " ".join((s or "").split())


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dump", default=os.path.join(ROOT, "build", "document_dump"), help="the document_dump binary")
    ap.add_argument("--pages", default=os.path.join(ROOT, "tests", "fixtures", "pages"))
    ap.add_argument("--min-f1", type=float, default=None, help="fail when the average F1 is below this")
    ap.add_argument("--show", default=None, help="print a diff of extracted vs expected text for this page")
    args = ap.parse_args()

    names = sorted(f[:-5] for f in os.listdir(args.pages) if f.endswith(".html"))
    names = [n for n in names if os.path.exists(os.path.join(args.pages, n + ".expected.txt"))]
    if not names:
        print("no pages with expected text in", args.pages, file=sys.stderr)
        return 2
    files = [os.path.join(args.pages, n + ".html") for n in names]
    proc = subprocess.run([args.dump] + files, capture_output=True, text=True)
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    by_file = {r["file"]: r for r in results}

    rows = []
    fields = ["title", "published", "authors", "publisher"]
    meta_ok = collections.Counter()
    meta_n = collections.Counter()
    print(f"{'page':24} {'P':>6} {'R':>6} {'F1':>6}  title date auth pub")
    for name, path in zip(names, files):
        r = by_file.get(path, {"error": "no output"})
        want = open(os.path.join(args.pages, name + ".expected.txt"), encoding="utf-8").read()
        got = r.get("text", "")
        p, rc, f = prf(got, want)
        marks = []
        meta_path = os.path.join(args.pages, name + ".meta.json")
        if os.path.exists(meta_path):
            meta = json.load(open(meta_path, encoding="utf-8"))
            for k in fields:
                if k not in meta:
                    marks.append(" -  ")
                    continue
                if k == "authors":
                    ok = sorted(norm(a).casefold() for a in meta[k]) == sorted(norm(a).casefold() for a in r.get(k, []))
                else:
                    ok = norm(meta[k]) == norm(r.get(k, ""))
                meta_n[k] += 1
                meta_ok[k] += ok
                marks.append(" ok " if ok else " XX ")
        rows.append((name, p, rc, f))
        err = f"  error: {r['error']}" if "error" in r else ""
        print(f"{name:24} {p:6.3f} {rc:6.3f} {f:6.3f}  {''.join(marks)}{err}")
        if args.show == name:
            print("---- diff (expected → extracted)")
            for line in difflib.unified_diff(want.splitlines(), got.splitlines(), lineterm="", n=0):
                print(line)
            print("---- metadata:", json.dumps({k: r.get(k) for k in fields}, ensure_ascii=False))
    n = len(rows)
    avg = [sum(x[i] for x in rows) / n for i in (1, 2, 3)]
    print(f"{'average (' + str(n) + ' pages)':24} {avg[0]:6.3f} {avg[1]:6.3f} {avg[2]:6.3f}")
    print("metadata accuracy: " + ", ".join(f"{k} {meta_ok[k]}/{meta_n[k]}" for k in fields))
    if args.min_f1 is not None and avg[2] < args.min_f1:
        print(f"FAIL: average F1 {avg[2]:.3f} is below the floor {args.min_f1}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
