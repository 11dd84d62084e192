#!/usr/bin/python3
"""tools/gold_agreement.py: two copies of a dev gold file agree fully; a copy
with known slips (a mention dropped, a date value changed, a claim's metric
changed, a claim dropped) scores exactly those slips."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOL = os.path.join(SRC, "tools", "gold_agreement.py")
AID = "001-fakti-china-ai"


def run(a, b):
    r = subprocess.run([sys.executable, TOOL, a, b, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise AssertionError(r.stderr)
    return json.loads(r.stdout)


class GoldAgreementTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        for side in ("a", "b"):
            for sub in ("gold", "articles"):
                os.makedirs(os.path.join(self.tmp, side, sub))
            shutil.copy(os.path.join(SRC, "corpus", "articles", AID + ".txt"), os.path.join(self.tmp, side, "articles"))
            shutil.copy(os.path.join(SRC, "corpus", "gold", AID + ".json"), os.path.join(self.tmp, side, "gold"))
        with open(os.path.join(SRC, "corpus", "gold", AID + ".json"), encoding="utf-8") as f:
            self.gold = json.load(f)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_identical(self):
        fig = run(os.path.join(self.tmp, "a"), os.path.join(self.tmp, "b"))
        self.assertEqual(fig["mentions"]["all"]["exact_f1"], 1.0)
        self.assertEqual(fig["mentions"]["all"]["value_agreement"], 1.0)
        self.assertEqual(fig["claims"]["all"]["F1"], 1.0)
        self.assertEqual(fig["claims"]["all"]["metric"], 1.0)

    def test_slips(self):
        g = json.loads(json.dumps(self.gold))
        money = [i for i, m in enumerate(g["mentions"]) if m["type"] == "money"]
        dates = [m for m in g["mentions"] if m["type"] == "date"]
        del g["mentions"][money[0]]
        dates[0]["value"] = "1999"
        g["claims"][0]["metric"] = "not_a_metric"
        del g["claims"][-1]
        with open(os.path.join(self.tmp, "b", "gold", AID + ".json"), "w", encoding="utf-8") as f:
            json.dump(g, f)
        fig = run(os.path.join(self.tmp, "a"), os.path.join(self.tmp, "b"))
        m = fig["mentions"]
        self.assertEqual(m["money"]["A"] - m["money"]["B"], 1)
        self.assertEqual(m["money"]["exact"], m["money"]["B"])
        self.assertEqual(m["date"]["exact"], m["date"]["A"])
        self.assertAlmostEqual(m["date"]["value_agreement"], (m["date"]["A"] - 1) / m["date"]["A"])
        c = fig["claims"]["all"]
        self.assertEqual(c["A"] - c["B"], 1)
        self.assertEqual(c["matched"], c["B"])
        self.assertAlmostEqual(c["metric"], 1 - 1 / sum(fig["claims"][k]["matched"] for k in ("amount", "change")))

    def test_claims_only_folder(self):
        # a second annotation of claims alone, as bare <id>.json files beside the corpus's articles/
        second = os.path.join(self.tmp, "a", "second")
        os.makedirs(second)
        claims = json.loads(json.dumps(self.gold["claims"]))
        claims[0]["metric"] = "not_a_metric"
        with open(os.path.join(second, AID + ".json"), "w", encoding="utf-8") as f:
            json.dump({"id": AID, "claims": claims, "notes": ""}, f)
        fig = run(os.path.join(self.tmp, "a"), second)
        c = fig["claims"]["all"]
        self.assertEqual(c["F1"], 1.0)
        self.assertAlmostEqual(c["metric"], 1 - 1 / sum(fig["claims"][k]["matched"] for k in ("amount", "change")))
        self.assertEqual(fig["mentions"]["all"]["B"], 0)


if __name__ == "__main__":
    unittest.main()
