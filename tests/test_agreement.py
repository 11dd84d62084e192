#!/usr/bin/python3
"""tools/agreement.py: the whole dev claim gold agrees with itself fully (every
kind, every field, both directions); a claims-file copy of one article with
known slips (a statement dropped, an amount's metric changed, a change's
subject renamed, a change's anchor moved off its figure) scores exactly those
slips, with precision and recall swapped between the two directions."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(SRC, "tools"))
import agreement  # noqa: E402
import claims_gold  # noqa: E402

TOOL = os.path.join(SRC, "tools", "agreement.py")
CORPUS = os.path.join(SRC, "corpus")
AID = "116-banxico-cut-remittances"


def run(a, b):
    r = subprocess.run([sys.executable, TOOL, a, b, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if r.returncode != 0:
        raise AssertionError(r.stderr)
    return json.loads(r.stdout)


class AgreementTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        os.makedirs(os.path.join(self.tmp, "articles"))
        os.makedirs(os.path.join(self.tmp, "second"))
        shutil.copy(os.path.join(CORPUS, "articles", AID + ".txt"), os.path.join(self.tmp, "articles"))
        self.gold, self.text = claims_gold.load(CORPUS, AID)

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write_second(self, claims):
        with open(os.path.join(self.tmp, "second", AID + ".json"), "w", encoding="utf-8") as f:
            json.dump({"id": AID, "claims": claims, "notes": "test"}, f)

    def test_dev_gold_agrees_with_itself(self):
        docs = {aid: claims_gold.load(CORPUS, aid)[0] for aid in claims_gold.gold_ids(CORPUS)}
        texts = {aid: claims_gold.load(CORPUS, aid)[1] for aid in docs}
        res = agreement.agreement(docs, docs, texts)
        for k, r in res.items():
            if not r["gold"]:
                continue
            self.assertEqual((r["matched"], r["pred"]), (r["gold"], r["gold"]), k)
            for f, v in r["fields"].items():
                self.assertEqual(v["correct"], v["total"], f"{k} {f}")

    def test_claims_file_against_gold_folder_identical(self):
        self.write_second(self.gold["claims"])
        fig = run(CORPUS, os.path.join(self.tmp, "second"))
        self.assertEqual(fig["docs"], [AID])
        for side in ("A as reference", "B as reference"):
            self.assertEqual(fig[side]["all"]["f1"], 1.0)
            for f, v in fig[side]["all"]["fields"].items():
                self.assertEqual(v["accuracy"], 1.0, f"{side} {f}")

    def test_known_slips(self):
        claims = json.loads(json.dumps(self.gold["claims"]))
        kinds = [c["kind"] for c in claims]
        n = {k: kinds.count(k) for k in ("amount", "change", "statement")}
        # 1. a statement dropped
        claims.pop(kinds.index("statement"))
        # 2. an amount's metric changed
        amount = next(c for c in claims if c["kind"] == "amount")
        amount["metric"] = "gdp_growth"
        # 3. a change's entity subject renamed to another entity of the article
        change = next(c for c in claims if c["kind"] == "change" and c["subject"] == ["Mexico"])
        change["subject"] = ["INEGI"]
        # 4. a change's anchor moved to a word that no gold claim's anchor overlaps
        moved = next(c for c in claims if c["kind"] == "change" and c["anchor"] == "weakened")
        at = self.text.index("extending")
        moved.update(anchor="extending", start=at, end=at + len("extending"))
        self.write_second(claims)
        fig = run(CORPUS, os.path.join(self.tmp, "second"))
        ab, ba = fig["A as reference"], fig["B as reference"]
        st = ab["statement"]
        self.assertEqual((st["gold"], st["pred"], st["matched"]), (n["statement"], n["statement"] - 1, n["statement"] - 1))
        self.assertEqual(st["precision"], 1.0)
        self.assertAlmostEqual(st["recall"], (n["statement"] - 1) / n["statement"])
        am = ab["amount"]
        self.assertEqual(am["matched"], n["amount"])
        self.assertEqual(am["fields"]["metric"]["correct"], n["amount"] - 1)
        chg = ab["change"]
        self.assertEqual((chg["gold"], chg["pred"], chg["matched"]), (n["change"], n["change"], n["change"] - 1))
        self.assertEqual(chg["fields"]["subject"]["correct"], n["change"] - 2)
        self.assertEqual(chg["fields"]["metric"]["correct"], n["change"] - 1)
        # the other direction swaps precision and recall, and finds the same field slips
        for k in ("amount", "change", "statement", "all"):
            self.assertEqual(ba[k]["precision"], ab[k]["recall"], k)
            self.assertEqual(ba[k]["recall"], ab[k]["precision"], k)
            self.assertEqual(ba[k]["matched"], ab[k]["matched"], k)
        self.assertEqual(ba["change"]["fields"]["subject"]["correct"], n["change"] - 2)
        self.assertEqual(ba["amount"]["fields"]["metric"]["correct"], n["amount"] - 1)


if __name__ == "__main__":
    unittest.main()
