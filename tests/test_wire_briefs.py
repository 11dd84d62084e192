#!/usr/bin/python3
"""Wire briefs pages (session 7): figures of several companies on one page.

Runs claimex on a short briefs page written for this test and checks what
single-sentence rule examples cannot: a headline figure of the page's second
story takes that story's attribution, not the lead company's; a briefs
headline's clause after ';' has its own subject; a company named with its legal
suffix keeps its name beside a unit named after it; "the shipbuilder said" in a
later story is that story's company; a deal told in another story takes no
report period from the lead's results.
"""
import json
import os
import subprocess
import tempfile
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLAIMEX = os.environ.get("CLAIMEX") or os.path.join(SRC, "build", "claimex")
RULES = os.environ.get("CLAIMEX_RULES") or os.path.join(SRC, "rules")

PAGE = """Company briefs: Kirin Valley profit climbs 9%; Tamsu wins $800 million ferry order
Briefs desk | June 10, 2026

OSAKA — Kirin Valley Corp's net profit rose 9% to ¥92.5 billion in the year ended March, the Osaka-based railway operator said on Wednesday. Its property unit, Kirin Valley Estates, posted sales of ¥140 billion, the company said. Kirin Valley raised its dividend to ¥40 a share from ¥35.

BUSAN — Tamsu Heavy said it had won a 1.1 trillion won ($800 million) order to build four ferries for a Norwegian operator. Delivery is due by 2029, the shipbuilder said in a regulatory filing.
"""


def claims_of(text, published):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write(text)
        path = f.name
    try:
        out = subprocess.run([CLAIMEX, "extract", "--rules", RULES, "--published", published, path],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    rec = json.loads(out.splitlines()[0])
    return rec, rec["claims"]


def source_names(c):
    return [s.get("name") for s in c.get("sources", [])]


class WireBriefs(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.rec, cls.claims = claims_of(PAGE, "2026-06-10")

    def by_value(self, v):
        return [c for c in self.claims if c.get("value") and c["value"].get("value") == v]

    def test_headline_second_story(self):
        hs = [c for c in self.by_value(800000000) if c["kind"] == "amount" and not c.get("equivalents")]
        self.assertTrue(hs, self.claims)
        h = hs[0]
        self.assertEqual(h["subject"], ["Tamsu Heavy"])
        self.assertEqual(h["metric"], "deal_value")
        self.assertEqual(source_names(h), ["Tamsu Heavy"])

    def test_order_in_its_own_story(self):
        cs = [c for c in self.by_value(1100000000000)]
        self.assertEqual(len(cs), 1, self.claims)
        c = cs[0]
        self.assertEqual(c["subject"], ["Tamsu Heavy"])
        self.assertEqual(c["metric"], "deal_value")
        self.assertIsNone(c.get("period"))

    def test_parent_and_unit(self):
        profit = [c for c in self.by_value(92500000000)]
        self.assertTrue(profit and profit[0]["subject"] == ["Kirin Valley"], self.claims)
        unit = [c for c in self.by_value(140000000000)]
        self.assertTrue(unit and unit[0]["subject"] == ["Kirin Valley Estates"], self.claims)
        dividend = [c for c in self.by_value(40)]
        self.assertTrue(dividend and dividend[0]["subject"] == ["Kirin Valley"], self.claims)

    def test_shipbuilder_reference(self):
        srcs = [m for m in self.rec["mentions"] if m["type"] == "source" and m["text"] == "the shipbuilder said"]
        self.assertEqual(len(srcs), 1, self.rec["mentions"])
        self.assertEqual(srcs[0]["name"], "Tamsu Heavy")


if __name__ == "__main__":
    unittest.main()
