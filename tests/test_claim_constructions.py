#!/usr/bin/python3
"""The claim construction suite: tests/data/claim_constructions.jsonl, one case
a line, each a short news-like text written for the suite and the claims a
fact-checker would record from it (corpus/CLAIMS.md's conventions), grouped in
families of syntactic shapes: who a figure belongs to (subject.*), who says so
(source.*), when (period.*) and what it measures (metric.*).

A case:
  {"family": "subject.possessive", "text": "...", "published": "2025-08-07",
   "expect": [{"anchor": "€19.8 billion", "kind": "change", "subject": ["Siemens"],
               "metric": "revenue", "period": "2025-Q3", "sources": ["Siemens"]}],
   "known": "why it fails today", "note": "a judgement call"}
An expectation asserts only the fields it carries: "subject" (canonical names;
with "describe": true a description matched as evaluate_claims matches one:
more than half of its content words), "metric" (a key of metrics.tsv, or null),
"period" (TIMEX3 or null), "sources" (the whole chain, in order). "anchor"
(with "occurrence", 1-based) locates the claim as the scorer does: the
predicted claim of that kind whose value, equivalent, change amount/percent or
change word overlaps it.

The test fails when a case fails that is not marked "known", and when a case
marked "known" passes (so the marks stay honest: drop the mark). Run directly
for the per-family table:
    python3 tests/test_claim_constructions.py --report [--family PREFIX] [--failures]
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRC, "tools"))
import claims_gold  # noqa: E402
import evaluate_claims as ev  # noqa: E402
from eval_common import norm_name, occurrences  # noqa: E402

CASES = os.path.join(SRC, "tests", "data", "claim_constructions.jsonl")
CLAIMEX = os.environ.get("CLAIMEX") or os.path.join(SRC, "build", "claimex")
RULES = os.environ.get("CLAIMEX_RULES") or os.path.join(SRC, "rules")
FIELDS = ("kind", "subject", "metric", "period", "sources")


def load_cases(path=CASES):
    cases = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if line.strip():
                c = json.loads(line)
                c["line"] = n
                cases.append(c)
    return cases


def anchor_span(text, exp):
    occ = occurrences(text, exp["anchor"])
    k = exp.get("occurrence", 1) - 1
    if k >= len(occ):
        return None
    return occ[k], occ[k] + len(exp["anchor"])


def run(cases, binary=CLAIMEX, rules=RULES):
    """claimex's claims per case (list, same order)."""
    docs = [json.dumps({"id": f"case-{c['line']}", "text": c["text"], "published": c.get("published")},
                       ensure_ascii=False) for c in cases]
    proc = subprocess.run([binary, "extract", "--rules", rules, "-"], input="\n".join(docs) + "\n",
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"claimex exited {proc.returncode}: {proc.stderr[:2000]}")
    by_id = {}
    for line in proc.stdout.splitlines():
        d = json.loads(line)
        by_id[d["id"]] = d.get("claims") or []
    return [by_id.get(f"case-{c['line']}", []) for c in cases]


def find_claim(text, exp, claims):
    """The predicted claim the expectation locates: same kind overlapping first, else any kind."""
    span = anchor_span(text, exp)
    if span is None:
        return None
    gs, ge = span
    best = None
    for p in claims:
        if p.get("kind") == "statement":
            continue
        ov = max((min(e, ge) - max(s, gs) for s, e in ev._spans_of(p, text)), default=0)
        if ov <= 0:
            continue
        key = (p.get("kind") == exp.get("kind"), ov)
        if best is None or key > best[0]:
            best = (key, p)
    return best[1] if best else None


def subject_ok(exp, p):
    want = exp["subject"]
    got = [x for x in p.get("subject") or [] if isinstance(x, str)]
    if not exp.get("describe"):
        return {norm_name(x) for x in want} == {norm_name(x) for x in got}
    words = set()
    for x in got:
        words.update(ev.content_words(x))
    for d in want:
        cw = ev.content_words(d)
        if not cw or sum(w in words for w in cw) * 2 <= len(cw):
            return False
    return True


def shown(f, p):
    if p is None:
        return "no claim"
    if f == "sources":
        return [s.get("name") for s in p.get("sources") or []]
    if f == "period":
        return ev.timex(p.get("period"))
    return p.get(f)


def check(exp, p):
    """The failed fields of one expectation: [(field, expected, got)]."""
    if p is None:
        return [("claim", exp["anchor"], "no claim")]
    bad = []
    if exp.get("kind") and p.get("kind") != exp["kind"]:
        bad.append(("kind", exp["kind"], p.get("kind")))
    if "subject" in exp and exp["subject"] is not None and not subject_ok(exp, p):
        bad.append(("subject", exp["subject"], shown("subject", p)))
    if "metric" in exp and (exp["metric"] or None) != (p.get("metric") or None):
        bad.append(("metric", exp["metric"], p.get("metric")))
    if "period" in exp and not ev.same_period(exp["period"], p.get("period")):
        bad.append(("period", exp["period"], shown("period", p)))
    if "sources" in exp and [norm_name(x) for x in exp["sources"]] != ev.source_names(p.get("sources")):
        bad.append(("sources", exp["sources"], shown("sources", p)))
    return bad


def measure(cases, predictions):
    """Per case: list of failures (expectation anchor, field, expected, got)."""
    out = []
    for c, claims in zip(cases, predictions):
        fails = []
        for exp in c["expect"]:
            for f, want, got in check(exp, find_claim(c["text"], exp, claims)):
                fails.append((exp["anchor"], f, want, got))
        out.append(fails)
    return out


def field_counts(cases, predictions):
    """Per asserted field: (passed, asserted) over all expectations."""
    n = collections.Counter()
    ok = collections.Counter()
    for c, claims in zip(cases, predictions):
        for exp in c["expect"]:
            p = find_claim(c["text"], exp, claims)
            bad = {f for f, _, _ in check(exp, p)}
            for f in FIELDS:
                if f in exp and (f != "subject" or exp[f] is not None):
                    n[f] += 1
                    ok[f] += f not in bad and "claim" not in bad
    return {f: (ok[f], n[f]) for f in FIELDS if n[f]}


def table(cases, results):
    fam = collections.OrderedDict()
    for c, fails in sorted(zip(cases, results), key=lambda x: x[0]["family"]):
        t = fam.setdefault(c["family"], [0, 0])
        t[0] += not fails
        t[1] += 1
    lines = [f"{'family':32} pass/cases"]
    groups = collections.OrderedDict()
    for f, (p, n) in fam.items():
        lines.append(f"{f:32} {p:3}/{n:<3} {100 * p / n:5.1f}%")
        g = groups.setdefault(f.split(".")[0], [0, 0])
        g[0] += p
        g[1] += n
    lines.append("")
    for g, (p, n) in groups.items():
        lines.append(f"{g + '.*':32} {p:3}/{n:<3} {100 * p / n:5.1f}%")
    p = sum(not r for r in results)
    lines.append(f"{'all':32} {p:3}/{len(results):<3} {100 * p / len(results):5.1f}%")
    return "\n".join(lines)


def describe_failure(c, fails):
    head = f"line {c['line']} [{c['family']}]" + (f" (known: {c['known']})" if c.get("known") else "")
    body = "".join(f"\n    {a!r} {f}: want {w!r}, got {g!r}" for a, f, w, g in fails)
    return f"{head} {c['text'][:110]!r}{body}"


class ConstructionSuite(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cases = load_cases()
        cls.results = measure(cls.cases, run(cls.cases))

    def test_cases_are_well_formed(self):
        metrics = claims_gold.metric_keys(os.path.join(SRC, "rules"))
        errs = []
        for c in self.cases:
            if not c.get("family") or not c.get("text") or not c.get("expect"):
                errs.append(f"line {c['line']}: family, text and expect are required")
            for exp in c.get("expect") or []:
                if anchor_span(c["text"], exp) is None:
                    errs.append(f"line {c['line']}: anchor {exp.get('anchor')!r} not in the text")
                if exp.get("kind") not in ("amount", "change"):
                    errs.append(f"line {c['line']}: kind {exp.get('kind')!r}")
                if exp.get("metric") is not None and exp.get("metric") not in metrics:
                    errs.append(f"line {c['line']}: metric {exp['metric']!r} is not a key of metrics.tsv")
        self.assertEqual(errs, [])
        self.assertGreaterEqual(len(self.cases), 150)

    def test_every_case_passes_or_is_known(self):
        print("\n" + table(self.cases, self.results), file=sys.stderr)
        unexpected = [describe_failure(c, r) for c, r in zip(self.cases, self.results) if r and not c.get("known")]
        stale = [f"line {c['line']} [{c['family']}] is marked known ({c['known']}) but passes: drop the mark"
                 for c, r in zip(self.cases, self.results) if not r and c.get("known")]
        self.assertEqual(unexpected + stale, [], "\n" + "\n".join(unexpected + stale))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--report", action="store_true", help="print the per-family table and exit 0")
    ap.add_argument("--family", help="only families starting with this")
    ap.add_argument("--failures", action="store_true", help="list failing cases (known ones too)")
    ap.add_argument("--claimex", default=CLAIMEX)
    ap.add_argument("--rules", default=RULES)
    a, rest = ap.parse_known_args()
    if not a.report:
        unittest.main(argv=[sys.argv[0]] + rest)
        return
    cases = [c for c in load_cases() if not a.family or c["family"].startswith(a.family)]
    preds = run(cases, a.claimex, a.rules)
    results = measure(cases, preds)
    print(table(cases, results))
    print()
    for f, (p, n) in field_counts(cases, preds).items():
        print(f"field {f:10} {p:3}/{n:<3} {100 * p / n:5.1f}%")
    if a.failures:
        print()
        for c, r in zip(cases, results):
            if r:
                print(describe_failure(c, r))


if __name__ == "__main__":
    main()
