#!/usr/bin/python3
"""The claim gold is valid (every claim of every gold file: fields, metric
keys of rules/claims/metrics.tsv, anchors found, sources named by the mention
gold) and tools/evaluate_claims.py scores as documented, also when run over
the real `claimex extract` output. No threshold: the lead sets one when the
normalisers have landed."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRC, "tools"))
import claims_gold  # noqa: E402
import evaluate_claims  # noqa: E402

CORPUS = os.path.join(SRC, "corpus")
SCORER = os.path.join(SRC, "tools", "evaluate_claims.py")
CLAIMEX = os.environ.get("CLAIMEX") or os.path.join(SRC, "build", "claimex")


class GoldTest(unittest.TestCase):
    def test_every_article_has_valid_claims(self):
        metrics = claims_gold.metric_keys(os.path.join(SRC, "rules"))
        errs, empty, n = [], [], 0
        for aid in claims_gold.gold_ids(CORPUS):
            gold, text = claims_gold.load(CORPUS, aid)
            errs += claims_gold.check_gold(aid, gold, text, metrics)
            if not gold.get("claims"):
                empty.append(aid)
            n += len(gold.get("claims") or [])
        self.assertEqual(errs, [], "claim gold problems:\n" + "\n".join(errs))
        self.assertEqual(empty, [], "articles without claim gold")
        self.assertGreater(n, 300)

    def test_anchors_point_at_their_text(self):
        for aid in claims_gold.gold_ids(CORPUS):
            gold, text = claims_gold.load(CORPUS, aid)
            for c in gold["claims"]:
                self.assertEqual(text[c["start"]:c["end"]], c["anchor"], f"{aid}: {c['anchor']}")
                if c["kind"] == "statement":
                    s, e = claims_gold.statement_span(c)
                    self.assertEqual(text[s:e], c["statement"])

    def test_seed_claims_of_the_issue(self):
        gold, _ = claims_gold.load(CORPUS, "001-fakti-china-ai")
        by = {(c["kind"], c["anchor"], c.get("occurrence", 1)): c for c in gold["claims"]}
        capex = by[("amount", "50 billion yuan", 1)]
        self.assertEqual(capex["subject"], ["Alibaba", "Tencent", "Baidu"])
        self.assertEqual((capex["metric"], capex["period"], capex["sources"]),
                         ("capital_expenditure", "2024-H1", ["Financial Times"]))
        self.assertEqual(capex["baseline"], {"value": 23000000000, "currency": "CNY", "period": "2023-H1"})
        self.assertEqual(capex["equivalents"], [{"value": 7000000000, "currency": "USD"}])
        mv = by[("change", "reduced", 1)]
        self.assertEqual(mv["sources"], ["Bloomberg", "Federal Reserve Bank of New York"])
        self.assertEqual(mv["change"]["amount"], {"value": 130000000000, "currency": "USD"})
        statements = [c for c in gold["claims"] if c["kind"] == "statement"]
        self.assertIn(["Chen Wenling"], [c["sources"] for c in statements])
        self.assertIn(["Eddie Wu"], [c["sources"] for c in statements])

    def test_check_catches_bad_claims(self):
        gold, text = claims_gold.load(CORPUS, "001-fakti-china-ai")
        metrics = claims_gold.metric_keys(os.path.join(SRC, "rules"))
        bad = json.loads(json.dumps(gold))
        bad["claims"][0]["metric"] = "no_such_metric"
        bad["claims"][1]["start"] += 1
        bad["claims"][2]["anchor"] = "ninety-nine zebras"
        bad["claims"][3]["sources"] = ["Nobody In Particular"]
        bad["claims"][4]["change"] = {"direction": "sideways"}
        errs = "\n".join(claims_gold.check_gold("001", bad, text, metrics))
        for needle in ("not a key of rules/claims/metrics.tsv", "do not point at", "not found in the article",
                       "not a name used by the mention gold", "direction must be up or down"):
            self.assertIn(needle, errs)

    def test_references_resolve(self):
        gold, text = claims_gold.load(CORPUS, "001-fakti-china-ai")
        c = claims_gold.fix_claim({"kind": "amount", "anchor": "$106 billion", "subject": ["Meta"],
                                   "metric": "spending", "value": "@$106 billion",
                                   "period": "@the first half of the year#2", "sources": [],
                                   "baseline": {"@": "23 billion yuan", "period": "@the same period in 2023"}},
                                  gold, text)
        self.assertEqual(c["value"], {"value": 106000000000, "currency": "USD"})
        self.assertEqual(c["period"], "2024-H1")
        self.assertEqual(c["baseline"]["period"], "2023-H1")
        self.assertEqual(text[c["start"]:c["end"]], "$106 billion")


def claim(kind, **kw):
    c = {"kind": kind, "subject": [], "metric": None, "value": None, "equivalents": [], "period": None,
         "baseline": None, "change": None, "sources": []}
    c.update(kw)
    return c


class ScoringTest(unittest.TestCase):
    TEXT = "Revenue rose 12% to $3bn in Q3, Acme said. Big tech firms in Asia spent $5bn. Acme said it will grow."

    def gold(self):
        t = self.TEXT
        return {"d": {"mentions": [{"type": "org", "text": "Acme", "start": t.index("Acme"), "end": t.index("Acme") + 4,
                                    "name": "Acme", "kind": "company"}],
                      "claims": [
                          claim("change", anchor="rose", start=8, end=12, subject=["Acme"], metric="revenue",
                                value={"value": 3e9, "currency": "USD"}, period="2024-Q3",
                                change={"direction": "up", "percent": 12}, sources=["Acme"]),
                          claim("amount", anchor="$5bn", start=t.index("$5bn"), end=t.index("$5bn") + 4,
                                subject=["Big tech firms in Asia"], metric="spending",
                                value={"value": 5e9, "currency": "USD"}),
                          claim("statement", anchor="it will grow", start=t.index("it will"),
                                end=t.index("it will") + 12, statement="it will grow", sources=["Acme"])]}}

    def test_perfect_prediction(self):
        t = self.TEXT
        pred = {"d": {"claims": [
            claim("change", subject=["Acme Inc"], metric="revenue", sentence={"start": 0, "end": 42},
                  value={"type": "money", "value": 3e9, "currency": "USD", "start": 20, "end": 24},
                  period={"value": "2024-Q3"},
                  change={"direction": "up", "text": "rose",
                          "percent": {"type": "percent", "value": 12, "start": 13, "end": 16}},
                  sources=[{"name": "Acme", "inherited": False}]),
            claim("amount", subject=["big tech firms"], subject_is_description=True, metric="spending",
                  value={"type": "money", "value": 5e9, "currency": "USD", "start": t.index("$5bn"),
                         "end": t.index("$5bn") + 4}),
            claim("statement", subject=["Acme"], statement={"text": "it will grow", "start": t.index("it will"),
                                                           "end": t.index("it will") + 12},
                  sources=[{"name": "Acme"}])]}}
        errors = []
        r = evaluate_claims.score(self.gold(), pred, {"d": t}, errors)
        self.assertEqual((r["all"]["gold"], r["all"]["pred"], r["all"]["matched"]), (3, 3, 3))
        self.assertEqual(r["all"]["f1"], 1.0)
        for f, v in r["all"]["fields"].items():
            self.assertEqual(v["correct"], v["total"], f)
        self.assertEqual(r["statement"]["fields"]["subject"]["total"], 0)  # statements: sources only
        self.assertEqual(errors, [])

    def test_misses_and_wrong_fields(self):
        t = self.TEXT
        pred = {"d": {"claims": [
            # the change found by its verb text only, with a wrong period and source
            claim("change", subject=["Acme"], metric="revenue", sentence={"start": 0, "end": 42},
                  value={"type": "money", "value": 3e9, "currency": "USD"}, period={"value": "2024-Q2"},
                  change={"direction": "up", "text": "rose", "percent": 12}, sources=[{"name": "Reuters"}]),
            # an amount on the wrong figure kind: no match (kind differs)
            claim("change", subject=["Asia"], metric="spending",
                  value={"type": "money", "value": 5e9, "currency": "USD", "start": t.index("$5bn"),
                         "end": t.index("$5bn") + 4}, change={"direction": "up"})]}}
        errors = []
        r = evaluate_claims.score(self.gold(), pred, {"d": t}, errors)
        self.assertEqual((r["all"]["gold"], r["all"]["pred"], r["all"]["matched"]), (3, 2, 1))
        self.assertAlmostEqual(r["all"]["precision"], 0.5)
        self.assertAlmostEqual(r["all"]["recall"], 1 / 3)
        f = r["all"]["fields"]
        self.assertEqual((f["period"]["correct"], f["source"]["correct"], f["change"]["correct"]), (0, 0, 1))
        kinds = sorted(e["kind"] for e in errors)
        self.assertEqual(kinds, ["false positive", "missed", "missed", "wrong"])
        wrong = next(e for e in errors if e["kind"] == "wrong")
        self.assertEqual(sorted(wrong["fields"]), ["chain", "period", "source"])
        self.assertIn("Revenue rose 12%", wrong["sentence"])

    def test_descriptions(self):
        gd = {"mentions": [{"type": "place", "name": "China"}]}
        ok = evaluate_claims.subject_ok
        self.assertTrue(ok({"subject": ["Big tech companies in China"]}, {"subject": ["big tech companies"]}, gd))
        self.assertFalse(ok({"subject": ["Big tech companies in China"]}, {"subject": ["companies"]}, gd))
        self.assertTrue(ok({"subject": ["Australian homes"]}, {"subject": ["Australian home values"]}, gd))
        self.assertTrue(ok({"subject": ["China"]}, {"subject": ["china"]}, gd))
        self.assertFalse(ok({"subject": ["China"]}, {"subject": ["China", "Japan"]}, gd))

    def test_duration_named_by_its_calendar_period(self):
        # gold "the three months to September 30" is P3M with its span; a prediction
        # naming that span 2026-Q3 is the same period, another span is not
        gd = {"mentions": [{"type": "date", "text": "the three months to September 30", "value": "P3M",
                            "from": "2026-07-01", "to": "2026-09-30"}]}
        ok = evaluate_claims.field_ok
        q3 = {"value": "2026-Q3", "from": "2026-07-01", "to": "2026-09-30"}
        q2 = {"value": "2026-Q2", "from": "2026-04-01", "to": "2026-06-30"}
        self.assertTrue(ok("period", {"period": "P3M"}, {"period": q3}, gd))
        self.assertFalse(ok("period", {"period": "P3M"}, {"period": q2}, gd))
        self.assertFalse(ok("period", {"period": "P6M"}, {"period": q3}, gd))
        self.assertFalse(ok("period", {"period": "P3M"}, {"period": q3}, {"mentions": []}))
        base = {"baseline": {"value": 5, "unit": "percent", "period": "P3M"}}
        self.assertTrue(ok("baseline", base, {"baseline": {"value": {"value": 5, "unit": "percent"}, "period": q3}}, gd))

    def test_one_to_one(self):
        t = "Sales rose 5% and costs rose 3%."
        gold = {"d": {"mentions": [], "claims": [
            claim("change", anchor="rose", start=6, end=10, change={"direction": "up", "percent": 5}),
            claim("change", anchor="rose", start=24, end=28, change={"direction": "up", "percent": 3})]}}
        pred = {"d": {"claims": [claim("change", sentence={"start": 0, "end": len(t)},
                                       change={"direction": "up", "text": "rose"})]}}
        r = evaluate_claims.score(gold, pred, {"d": t}, [])
        self.assertEqual(r["all"]["matched"], 1)


class RunTest(unittest.TestCase):
    @unittest.skipUnless(os.path.exists(CLAIMEX), "no claimex binary (set CLAIMEX)")
    def test_scorer_runs_on_the_corpus(self):
        r = subprocess.run([sys.executable, SCORER, "--claimex", CLAIMEX, "--rules", os.path.join(SRC, "rules"),
                            "--json", "--errors"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = json.loads(r.stdout)
        self.assertEqual(out["documents"], len(claims_gold.gold_ids(CORPUS)))
        a = out["claims"]["all"]
        self.assertGreater(a["gold"], 300)
        self.assertLessEqual(a["matched"], min(a["gold"], a["pred"]))
        for f in evaluate_claims.FIELDS:
            self.assertLessEqual(a["fields"][f]["correct"], a["fields"][f]["total"])
        missed = sum(1 for e in out["errors"] if e["kind"] == "missed")
        self.assertEqual(missed, a["gold"] - a["matched"])

    @unittest.skipUnless(os.path.exists(CLAIMEX), "no claimex binary (set CLAIMEX)")
    def test_markdown_and_predictions_file(self):
        with tempfile.TemporaryDirectory() as d:
            preds = os.path.join(d, "p.jsonl")
            with open(os.path.join(CORPUS, "articles.jsonl"), encoding="utf-8") as f:
                r = subprocess.run([CLAIMEX, "extract", "--rules", os.path.join(SRC, "rules"), "-"], stdin=f,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            with open(preds, "w", encoding="utf-8") as f:
                f.write(r.stdout)
            r = subprocess.run([sys.executable, SCORER, "--predictions", preds, "--markdown"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("| **all** |", r.stdout)
        self.assertIn("| kind | gold | pred | matched |", r.stdout)


if __name__ == "__main__":
    unittest.main()
