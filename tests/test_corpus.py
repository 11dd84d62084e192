#!/usr/bin/python3
"""The gold corpus is valid (tools/corpus.py check), corpus/articles.jsonl is
up to date with corpus/articles + corpus/gold, and tools/evaluate.py scores a
known set of predictions as it should."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRC, "tools"))
import evaluate  # noqa: E402

CORPUS = os.path.join(SRC, "tools", "corpus.py")


def corpus(*args):
    return subprocess.run([sys.executable, CORPUS, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)


class CorpusTest(unittest.TestCase):
    def test_check(self):
        r = corpus("check")
        self.assertEqual(r.returncode, 0, "tools/corpus.py check found problems:\n" + r.stderr)

    def test_articles_jsonl_up_to_date(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "articles.jsonl")
            r = corpus("build", "-o", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, encoding="utf-8") as f:
                fresh = f.read()
        with open(os.path.join(SRC, "corpus", "articles.jsonl"), encoding="utf-8") as f:
            committed = f.read()
        self.assertTrue(fresh == committed,
                        "corpus/articles.jsonl is stale: run tools/corpus.py build and commit it")
        ids = [json.loads(line)["id"] for line in committed.splitlines()]
        self.assertEqual(ids, sorted(ids))
        self.assertGreaterEqual(len(ids), 15)

    def test_check_catches_bad_gold(self):
        # A corpus copy with a wrong offset, an unknown cue and a bad date must fail.
        with tempfile.TemporaryDirectory() as d:
            for sub in ("articles", "gold"):
                os.makedirs(os.path.join(d, sub))
            aid = "001-fakti-china-ai"
            with open(os.path.join(SRC, "corpus", "articles", aid + ".txt"), "rb") as f:
                text = f.read()
            with open(os.path.join(d, "articles", aid + ".txt"), "wb") as f:
                f.write(text)
            with open(os.path.join(SRC, "corpus", "gold", aid + ".json"), encoding="utf-8") as f:
                gold = json.load(f)
            gold["mentions"][0]["start"] += 1
            src = next(m for m in gold["mentions"] if m["type"] == "source")
            src["cue"] = "mumbled"
            date = next(m for m in gold["mentions"] if m["type"] == "date")
            date["value"] = "2024-13"
            gold["mentions"].append(dict(gold["mentions"][1]))
            with open(os.path.join(d, "gold", aid + ".json"), "w", encoding="utf-8") as f:
                json.dump(gold, f)
            r = corpus("--corpus", d, "check")
            self.assertEqual(r.returncode, 1)
            for needle in ("do not point at", "unknown cue", "not a TIMEX3", "duplicate"):
                self.assertIn(needle, r.stderr)


class HeldoutTest(unittest.TestCase):
    """The held-out test set (corpus/heldout/, never tuned on) is valid and its
    articles.jsonl is up to date; the tools select it with --set heldout."""

    def test_check(self):
        r = corpus("--set", "heldout", "check")
        self.assertEqual(r.returncode, 0, "tools/corpus.py --set heldout check found problems:\n" + r.stderr)
        self.assertIn("articles", r.stdout)

    def test_articles_jsonl_up_to_date(self):
        with tempfile.TemporaryDirectory() as d:
            out = os.path.join(d, "articles.jsonl")
            r = corpus("--set", "heldout", "build", "-o", out)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(out, encoding="utf-8") as f:
                fresh = f.read()
        with open(os.path.join(SRC, "corpus", "heldout", "articles.jsonl"), encoding="utf-8") as f:
            committed = f.read()
        self.assertTrue(fresh == committed,
                        "corpus/heldout/articles.jsonl is stale: run tools/corpus.py --set heldout build and commit it")
        ids = [json.loads(line)["id"] for line in committed.splitlines()]
        self.assertEqual(ids, sorted(ids))
        self.assertTrue(all(i.startswith("H") for i in ids), ids)
        # Disjoint from the development corpus.
        with open(os.path.join(SRC, "corpus", "articles.jsonl"), encoding="utf-8") as f:
            dev = {json.loads(line)["id"] for line in f}
        self.assertFalse(dev & set(ids))

    def test_every_article_has_claims(self):
        gdir = os.path.join(SRC, "corpus", "heldout", "gold")
        for n in sorted(os.listdir(gdir)):
            with open(os.path.join(gdir, n), encoding="utf-8") as f:
                g = json.load(f)
            self.assertTrue(g["mentions"], n)
            self.assertTrue(g["claims"], n)

    def test_set_selects_folder(self):
        import eval_common
        ns = type("A", (), {"set": "heldout", "corpus": None})()
        self.assertEqual(eval_common.corpus_from_args(ns), os.path.join(eval_common.ROOT, "corpus", "heldout"))
        ns.set = None
        self.assertEqual(eval_common.corpus_from_args(ns), os.path.join(eval_common.ROOT, "corpus"))
        ns.corpus = "/tmp/x"
        self.assertEqual(eval_common.corpus_from_args(ns), "/tmp/x")


class EvaluateTest(unittest.TestCase):
    def test_names(self):
        self.assertEqual(evaluate.norm_name("The Alibaba Group Holdings Ltd."), "alibaba")
        self.assertEqual(evaluate.norm_name("Financial Times"), evaluate.norm_name("the financial times"))
        self.assertNotEqual(evaluate.norm_name("Meta"), evaluate.norm_name("Metro"))

    def test_scoring(self):
        gold = {"d": {"mentions": [
            {"type": "money", "text": "US$7 billion", "start": 10, "end": 22, "value": 7e9, "currency": "USD"},
            {"type": "money", "text": "$3", "start": 40, "end": 42, "value": 3, "currency": "USD"},
            {"type": "org", "text": "FT", "start": 50, "end": 52, "name": "Financial Times", "kind": "media"},
        ], "claims": []}}
        pred = {"d": {"mentions": [
            {"type": "money", "text": "7 billion", "start": 13, "end": 22, "value": 7000000001, "currency": "USD"},
            {"type": "money", "text": "5", "start": 60, "end": 61, "value": 5, "currency": "USD"},
            {"type": "org", "text": "FT", "start": 50, "end": 52, "name": "the Financial Times Ltd"},
        ]}}
        errors = []
        t = evaluate.score_mentions(gold, pred, ("money", "org"), errors)
        m = t["money"].row()
        self.assertEqual((m["gold"], m["pred"], m["exact"]["tp"], m["overlap"]["tp"]), (2, 2, 0, 1))
        self.assertEqual(m["value"]["correct"], 1)   # 7000000001 is within 1e-6 of 7e9
        self.assertAlmostEqual(m["overlap"]["f1"], 0.5)
        o = t["org"].row()
        self.assertEqual((o["exact"]["tp"], o["value"]["correct"]), (1, 1))
        kinds = sorted(e["kind"] for e in errors)
        self.assertEqual(kinds, ["false positive", "missed", "span"])
        self.assertEqual(evaluate.score_claims(gold, pred, [])["status"], "no claim gold")

    def test_claims(self):
        # Claim scoring is delegated to tools/evaluate_claims.py (tested in
        # test_claims_eval.py): a matched claim with a wrong period shows up.
        text = "Alibaba spent 50 billion yuan in the first half."
        gold = {"d": {"mentions": [{"type": "org", "text": "Alibaba", "start": 0, "end": 7, "name": "Alibaba",
                                    "kind": "company"}],
                      "claims": [{"kind": "amount", "anchor": "50 billion yuan", "start": 14, "end": 29,
                                  "subject": ["Alibaba"], "metric": "spending",
                                  "value": {"value": 5e10, "currency": "CNY"}, "period": "2024-H1",
                                  "baseline": None, "change": None, "sources": []}]}}
        pred = {"d": {"claims": [
            {"kind": "amount", "subject": ["Alibaba Group"], "metric": "spending",
             "value": {"type": "money", "value": 5e10, "currency": "CNY", "start": 14, "end": 29},
             "period": {"value": "2024-H2"}, "baseline": None, "change": None, "sources": []},
            {"kind": "amount", "value": {"type": "percent", "value": 3, "unit": "percent", "start": 40, "end": 42}}]}}
        errors = []
        r = evaluate.score_claims(gold, pred, errors, {"d": text})
        self.assertEqual((r["gold"], r["pred"], r["matched"]), (1, 2, 1))
        self.assertEqual(r["fields"]["subject"]["correct"], 1)
        self.assertEqual(r["fields"]["period"]["correct"], 0)
        self.assertEqual(sorted(e["kind"] for e in errors), ["false positive", "wrong"])

    def test_dates(self):
        self.assertTrue(evaluate.same_date({"value": "P12M"}, {"value": "P1Y"}))
        self.assertTrue(evaluate.same_date({"value": "FY2024"}, {"value": "2024", "fiscal": True}))
        self.assertFalse(evaluate.same_date({"value": "FY2024"}, {"value": "2024"}))
        self.assertFalse(evaluate.same_date({"value": "P2M"}, {"value": "P2D"}))
        self.assertFalse(evaluate.same_date({"value": "2024-Q1"}, {"value": None}))
        # a gold duration with its span is right when named by the calendar period it covers
        p3m = {"value": "P3M", "from": "2026-07-01", "to": "2026-09-30"}
        self.assertTrue(evaluate.same_date(p3m, {"value": "2026-Q3", "from": "2026-07-01", "to": "2026-09-30"}))
        self.assertFalse(evaluate.same_date(p3m, {"value": "2026-Q2", "from": "2026-04-01", "to": "2026-06-30"}))
        self.assertFalse(evaluate.same_date({"value": "P3M"}, {"value": "2026-Q3"}))

    def test_overlap_is_one_to_one(self):
        g = [{"start": 0, "end": 10}, {"start": 12, "end": 20}]
        p = [{"start": 5, "end": 15}]
        self.assertEqual(len(evaluate.match_overlap(g, p)), 1)


if __name__ == "__main__":
    unittest.main()
