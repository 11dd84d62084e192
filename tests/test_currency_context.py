#!/usr/bin/python3
"""Currency words whose currency depends on the story ("cents", "sen"):
a country or sign in the mention's own paragraph decides before one named
further away in the document (rules/money/currency_names.tsv, read by
pick_currency in extractor/normalise/numbers_parse.cc). Rule examples are
one paragraph each, so the cross-paragraph cases live here."""
import json
import os
import subprocess
import unittest

CLAIMEX = os.environ.get("CLAIMEX", "build/claimex")
SOURCE = os.environ.get("CLAIMEX_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
RULES = os.environ.get("CLAIMEX_RULES", os.path.join(SOURCE, "rules"))


def money(text):
    doc = json.dumps({"id": "t", "published": "2024-08-26", "text": text})
    p = subprocess.run([CLAIMEX, "extract", "--rules", RULES, "--input-format", "jsonl", "-"],
                       input=doc.encode(), capture_output=True, timeout=120)
    assert p.returncode == 0, p.stderr.decode("utf-8", "replace")
    out = json.loads(p.stdout.decode("utf-8"))
    return {m["text"]: m.get("currency") for m in out["mentions"] if m["type"] == "money"}


class CurrencyContext(unittest.TestCase):
    def test_own_paragraph_first(self):
        # Canada comes first in the table's row order and is in the window;
        # Singapore is in the mention's paragraph.
        m = money("Suncor paid C$1.02 a share in Calgary.\n\n"
                  "DBS raised its dividend to 54 cents in Singapore.\n")
        self.assertEqual(m.get("54 cents"), "SGD")
        self.assertEqual(m.get("C$1.02"), "CAD")

    def test_window_when_paragraph_names_none(self):
        m = money("The Canadian miner Suncor reported results in Calgary.\n\n"
                  "It will pay 57 cents a share.\n")
        self.assertEqual(m.get("57 cents"), "CAD")

    def test_default_when_nothing_is_named(self):
        m = money("The company will pay 50 cents a share.\n")
        self.assertEqual(m.get("50 cents"), "USD")

    def test_sen_needs_its_country(self):
        self.assertNotIn("25 sen", money("The stamp costs 25 sen.\n"))
        self.assertEqual(money("Maybank in Kuala Lumpur will pay 25 sen a share.\n").get("25 sen"), "MYR")


if __name__ == "__main__":
    unittest.main()
