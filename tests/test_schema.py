#!/usr/bin/python3
"""The output records of `claimex extract` against schema/record.schema.json.

Runs the built binary ($CLAIMEX) on inline documents (plain text and JSONL,
with and without dates, multi-byte text, curly quotes), validates every
record with Debian's python3-jsonschema, and checks that every mention's
offsets are code points into the text: text[start:end] == mention["text"].
The schema itself is checked on hand-made records too, so that it keeps
rejecting what the contract forbids.
"""
import copy
import json
import os
import subprocess
import sys
import tempfile
import unittest

import jsonschema

CLAIMEX = os.environ.get("CLAIMEX", "build/claimex")
SOURCE = os.environ.get("CLAIMEX_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
RULES = os.environ.get("CLAIMEX_RULES", os.path.join(SOURCE, "rules"))
SCHEMA_PATH = os.path.join(SOURCE, "schema", "record.schema.json")

with open(SCHEMA_PATH, encoding="utf-8") as f:
    SCHEMA = json.load(f)
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def errors(record):
    return sorted(e.message for e in VALIDATOR.iter_errors(record))


def extract(args, stdin=None):
    """Runs claimex extract; returns (records, stderr, exit code)."""
    p = subprocess.run([CLAIMEX, "extract", "--rules", RULES, *args], input=stdin,
                       capture_output=True, timeout=120)
    out = p.stdout.decode("utf-8")
    records = [json.loads(line) for line in out.splitlines() if line.strip()]
    return records, p.stderr.decode("utf-8", "replace"), p.returncode


def has_rules(dimension):
    d = os.path.join(RULES, dimension)
    return os.path.isdir(d) and any(n.endswith(".rules") for n in os.listdir(d))


# Inline documents: (text, the mention types the rules should find there
# once the rules of that dimension exist).
MONEY = "Alibaba, Tencent and Baidu's combined capital expenditure was 50 billion yuan (US$7 billion) in the first half."
DATES = "The report was published on August 26, 2024, and covers the first half of 2024 and the third quarter of 2023."
ENTITIES = "Eddie Wu, chief executive of Alibaba, told the Financial Times that China's economy grew 5%, according to Reuters."
MULTIBYTE = ("阿里巴巴的资本支出为500亿元。 “Capex rose 12.5%,” said José Núñez\u00a0— Tencent’s CFO — "
             "citing €3.2\u00a0billion 📈 for the café (cafe\u0301) chain in São Paulo.\r\nProfit: ¥1,000 — up 3%.")


class SchemaItself(unittest.TestCase):
    def test_schema_is_valid_draft_2020_12(self):
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def good(self):
        return {
            "id": "doc-1", "url": "https://example.com/a", "title": "T", "published": "2024-08-26",
            "publisher": "Example News",
            "mentions": [
                {"type": "money", "text": "US$7 billion", "start": 0, "end": 12, "value": 7000000000,
                 "currency": "USD", "qualifier": "approx", "rule": "money.symbol_before"},
                {"type": "money", "text": "$5-7bn", "start": 13, "end": 19, "value": 6000000000,
                 "currency": "USD", "min": 5000000000, "max": 7000000000},
                {"type": "percent", "text": "12.5%", "start": 20, "end": 25, "value": 12.5, "unit": "percent"},
                {"type": "quantity", "text": "3,000 jobs", "start": 26, "end": 36, "value": 3000, "unit": "jobs"},
                {"type": "date", "text": "first half of 2024", "start": 37, "end": 55, "value": "2024-H1",
                 "from": "2024-01-01", "to": "2024-06-30"},
                {"type": "date", "text": "last year", "start": 56, "end": 65, "value": "2023", "relative": True},
                {"type": "date", "text": "six months", "start": 66, "end": 76, "value": "P6M"},
                {"type": "org", "text": "FT", "start": 77, "end": 79, "name": "Financial Times", "kind": "media"},
                {"type": "person", "text": "Wu", "start": 80, "end": 82, "name": "Eddie Wu", "role": "CEO",
                 "affiliation": "Alibaba"},
                {"type": "place", "text": "China", "start": 83, "end": 88, "name": "China", "kind": "country"},
                {"type": "source", "text": "according to Reuters", "start": 89, "end": 109, "name": "Reuters",
                 "kind": "media", "cue": "according to", "cites": "Financial Times"},
            ],
            "claims": [
                {"id": "c-0123456789abcdef", "kind": "amount", "sentence": {"start": 0, "end": 110},
                 "subject": ["Alibaba", "Tencent"], "combined": True, "metric": "capital_expenditure",
                 "metric_text": "capital expenditure",
                 "value": {"type": "money", "value": 7000000000.0, "currency": "USD", "qualifier": "approx",
                           "text": "US$7 billion", "start": 0, "end": 12},
                 "equivalents": [], "change": None,
                 "period": {"value": "2024-H1", "from": "2024-01-01", "to": "2024-06-30",
                            "text": "first half of 2024", "start": 37, "end": 55},
                 "baseline": {"value": {"type": "money", "value": 6000000000.0, "currency": "USD", "min": 5e9,
                                        "max": 7e9, "text": "$5-7bn", "start": 13, "end": 19},
                              "period": None},
                 "sources": [{"name": "Reuters", "kind": "media", "cue": "according to", "cites": "Financial Times",
                              "inherited": False, "start": 89, "end": 109}],
                 "confidence": 0.9},
                {"id": "c-0123456789abcdef-2", "kind": "change", "sentence": {"start": 0, "end": 110},
                 "subject": ["jobs at Alibaba"], "subject_is_description": True, "metric": None,
                 "value": {"type": "quantity", "value": 3000.0, "unit": "jobs", "text": "3,000 jobs",
                           "start": 26, "end": 36},
                 "equivalents": [],
                 "change": {"direction": "up", "percent": {"type": "percent", "value": 12.5, "unit": "percent",
                                                            "text": "12.5%", "start": 20, "end": 25},
                            "text": "rose"},
                 "period": {"value": "2024-H1", "from": "2024-01-01", "to": "2024-06-30",
                            "text": "first half of 2024", "start": 37, "end": 55, "inherited": True},
                 "baseline": None, "sources": [], "confidence": 0.5},
                {"id": "c-fedcba9876543210", "kind": "statement", "sentence": {"start": 0, "end": 110},
                 "subject": [], "metric": None, "value": None, "equivalents": [], "change": None, "period": None,
                 "baseline": None, "statement": {"text": "China", "start": 83, "end": 88},
                 "sources": [{"name": "Eddie Wu", "cue": "told", "role": "CEO", "affiliation": "Alibaba",
                              "inherited": True, "start": 80, "end": 82}],
                 "confidence": 0.6},
            ],
        }

    def test_a_full_record_is_valid(self):
        self.assertEqual(errors(self.good()), [])
        undated = self.good()
        undated["published"] = None
        undated["note"] = "no publication date: relative dates are not resolved"
        undated["mentions"] = [{"type": "date", "text": "last year", "start": 0, "end": 9, "value": None,
                                "note": "no publication date", "rule": "dates.last_year"}]
        undated["text"] = "last year"
        self.assertEqual(errors(undated), [])

    def assert_invalid(self, change):
        r = self.good()
        change(r)
        self.assertNotEqual(errors(r), [], json.dumps(r)[:300])

    def test_the_schema_rejects_what_the_contract_forbids(self):
        def mention(i, **kw):
            def f(r):
                for k, v in kw.items():
                    if v is None:
                        r["mentions"][i].pop(k, None)
                    else:
                        r["mentions"][i][k] = v
            return f
        cases = {
            "money without currency": mention(0, currency=None),
            "money without value": mention(0, value=None),
            "money with a bad currency": mention(0, currency="usd"),
            "money with a string value": mention(0, value="7 billion"),
            "a bad qualifier": mention(0, qualifier="roughly"),
            "percent without value": mention(2, value=None),
            "percent with a currency": mention(2, currency="USD"),
            "quantity without unit": mention(3, unit=None),
            "date without value": mention(4, value=None),
            "date with a null value and no note": mention(4, value=None, **{"from": None, "to": None}),
            "date with a bad TIMEX3": mention(4, value="first half"),
            "date with a bad from": mention(4, **{"from": "2024-1-1"}),
            "relative false": mention(5, relative=False),
            "org without name": mention(7, name=None),
            "org with an empty name": mention(7, name=""),
            "source without cue": mention(10, cue=None),
            "an unknown mention field": mention(0, colour="green"),
            "a date field on money": mention(0, **{"from": "2024-01-01"}),
            "a negative start": mention(0, start=-1),
            "a float offset": mention(0, end=12.5),
            "an empty mention text": mention(0, text=""),
            "an unknown type": mention(0, type="event"),
            "no type": mention(0, type=None),
            "no id": lambda r: r.pop("id"),
            "no url key": lambda r: r.pop("url"),
            "an unknown document field": lambda r: r.update(language="en"),
            "a published date-time": lambda r: r.update(published="2024-08-26T10:00:00Z"),
            "a note with a date": lambda r: r.update(note="no publication date"),
            "no date and no note": lambda r: r.update(published=None),
            "mentions not an array": lambda r: r.update(mentions={}),
            "a claim without kind": lambda r: r["claims"][0].pop("kind"),
            "a claim without id": lambda r: r["claims"][0].pop("id"),
            "a claim of an unknown kind": lambda r: r["claims"][0].update(kind="opinion"),
            "a claim that is not an object": lambda r: r.update(claims=["c1"]),
            "a claim without sources": lambda r: r["claims"][0].pop("sources"),
            "a claim with an unknown field": lambda r: r["claims"][0].update(colour="green"),
            "a claim id that is not a hash": lambda r: r["claims"][0].update(id="doc-1#c1"),
            "a metric that is not a key": lambda r: r["claims"][0].update(metric="capital expenditure"),
            "a confidence above 1": lambda r: r["claims"][0].update(confidence=1.5),
            "a claim value of a date": lambda r: r["claims"][0]["value"].update(type="date"),
            "a claim value without offsets": lambda r: r["claims"][0]["value"].pop("start"),
            "a change without direction": lambda r: r["claims"][1]["change"].pop("direction"),
            "a change direction that is not one": lambda r: r["claims"][1]["change"].update(direction="higher"),
            "a period with a bad TIMEX3": lambda r: r["claims"][0]["period"].update(value="H1"),
            "a source without name": lambda r: r["claims"][0]["sources"][0].pop("name"),
            "a statement claim without its statement": lambda r: r["claims"][2].pop("statement"),
            "a statement on an amount claim": lambda r: r["claims"][0].update(statement={"text": "x", "start": 0, "end": 1}),
        }
        for name, change in cases.items():
            with self.subTest(name):
                self.assert_invalid(change)


class Records(unittest.TestCase):
    def check_records(self, records, texts):
        """Every record is valid and its mentions point into its text."""
        self.assertEqual(len(records), len(texts))
        for record, text in zip(records, texts):
            self.assertEqual(errors(record), [], json.dumps(record, ensure_ascii=False)[:500])
            self.assertEqual(record["text"], text)
            for m in record["mentions"]:
                with self.subTest(mention=m):
                    self.assertLessEqual(m["start"], m["end"])
                    self.assertLessEqual(m["end"], len(text))
                    self.assertEqual(text[m["start"]:m["end"]], m["text"])
            self.assertIsInstance(record["claims"], list)

    def types(self, record):
        return {m["type"] for m in record["mentions"]}

    def test_plain_text_documents(self):
        with tempfile.TemporaryDirectory() as d:
            texts = [MONEY, DATES, ENTITIES, MULTIBYTE]
            paths = []
            for i, t in enumerate(texts):
                p = os.path.join(d, f"doc{i}.txt")
                with open(p, "w", encoding="utf-8", newline="") as f:
                    f.write(t)
                paths.append(p)
            records, err, code = extract(["--with-text", "--published", "2024-08-26", *paths])
            self.assertEqual(code, 0, err)
            self.check_records(records, texts)
            self.assertEqual([r["id"] for r in records], paths)
            for r in records:
                self.assertEqual(r["published"], "2024-08-26")
                self.assertNotIn("note", r)
            # What the rules must find once the rules of that dimension exist.
            if has_rules("money"):
                self.assertIn("money", self.types(records[0]))
            if has_rules("dates"):
                self.assertIn("date", self.types(records[1]))
            if has_rules("percent"):
                self.assertIn("percent", self.types(records[2]))

    def test_jsonl_with_every_field_and_without_a_date(self):
        docs = [
            {"id": "a1", "url": "https://example.com/a1", "title": "Capex", "published": "2024-08-26T09:30:00Z",
             "publisher": "Example News", "text": MONEY},
            {"id": 42, "text": DATES, "published": "2024-08-26"},
            {"url": "https://example.com/u", "text": ENTITIES},
            {"text": MULTIBYTE},
        ]
        stdin = "".join(json.dumps(d, ensure_ascii=i % 2 == 0) + "\n" for i, d in enumerate(docs)).encode()
        records, err, code = extract(["--with-text", "-"], stdin=stdin)
        self.assertEqual(code, 0, err)
        self.check_records(records, [d["text"] for d in docs])
        a, b, c, d = records
        self.assertEqual((a["id"], a["url"], a["title"], a["publisher"], a["published"]),
                         ("a1", "https://example.com/a1", "Capex", "Example News", "2024-08-26"))
        self.assertEqual(b["id"], "42")
        self.assertEqual(c["id"], "https://example.com/u")  # no id: the url
        self.assertRegex(d["id"], r"^doc-[0-9a-f]{16}$")     # neither: a hash of the text
        for r in (c, d):
            self.assertIsNone(r["published"])
            self.assertIn("note", r)
        # The same document gets the same id in every run.
        again, _, _ = extract(["--with-text", "-"], stdin=stdin)
        self.assertEqual([r["id"] for r in again], [r["id"] for r in records])

    def test_without_text_the_record_has_no_text(self):
        records, err, code = extract(["--published", "2024-08-26", "-"], stdin=MONEY.encode())
        self.assertEqual(code, 0, err)
        self.assertEqual(len(records), 1)
        self.assertNotIn("text", records[0])
        self.assertEqual(errors(records[0]), [])

    def test_the_corpus_articles_if_any(self):
        # Every plain-text article shipped in corpus/ must give a valid record.
        corpus = os.path.join(SOURCE, "corpus")
        inputs = []
        for root, _, files in os.walk(corpus):
            inputs += [os.path.join(root, n) for n in sorted(files) if n.endswith(".txt")]
        if not inputs:
            self.skipTest("no corpus documents yet")
        records, err, _ = extract(["--with-text", "--published", "2024-08-26", *inputs[:50]])
        self.assertTrue(records, err)
        for r in records:
            self.assertEqual(errors(r), [], r["id"])
            for m in r["mentions"]:
                self.assertEqual(r["text"][m["start"]:m["end"]], m["text"])


if __name__ == "__main__":
    unittest.main(verbosity=2)
