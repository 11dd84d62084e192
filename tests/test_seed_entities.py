"""The seed article end to end: the organisations, people, places and
sources the entities and sources stages must find in it (tests/data/seed.txt,
published 2024-08-26). Checks names, kinds, roles, affiliations, cues and
citations, and a few things that must not come out."""
import json
import os
import subprocess
import sys
import unittest

CLAIMEX = os.environ.get("CLAIMEX", "claimex")
SRC = os.environ.get("CLAIMEX_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
SEED = os.path.join(SRC, "tests", "data", "seed.txt")


def extract():
    out = subprocess.run([CLAIMEX, "extract", "--published", "2024-08-26", SEED],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out.splitlines()[0])


class SeedEntities(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.record = extract()
        with open(SEED, encoding="utf-8") as f:
            cls.text = f.read()
        cls.mentions = cls.record["mentions"]

    def find(self, type_, text=None, **fields):
        return [m for m in self.mentions
                if m["type"] == type_ and (text is None or m["text"] == text)
                and all(m.get(k) == v for k, v in fields.items())]

    def need(self, type_, text=None, count=1, **fields):
        got = self.find(type_, text, **fields)
        self.assertGreaterEqual(len(got), count, f"expected {count}x {type_} {text!r} {fields}; got "
                                + json.dumps([m for m in self.mentions if m["type"] == type_], ensure_ascii=False))

    def test_offsets_point_at_text(self):
        for m in self.mentions:
            self.assertEqual(self.text[m["start"]:m["end"]], m["text"], m)

    def test_organisations(self):
        for name in ["Tencent", "Baidu", "Alphabet", "Amazon", "Meta", "Microsoft"]:
            self.need("org", name, name=name, kind="company")
        self.need("org", "Alibaba", count=3, name="Alibaba", kind="company")
        self.need("org", "Financial Times", name="Financial Times", kind="media")
        self.need("org", "FT", count=2, name="Financial Times", kind="media")
        self.need("org", "Fakti", name="Fakti", kind="media")
        # A common-noun reference is resolved as a source holder only.
        self.assertFalse(self.find("org", "the publication"))
        self.need("org", "Bloomberg", name="Bloomberg", kind="media")
        self.need("org", "New York Federal Reserve", name="Federal Reserve Bank of New York", kind="central_bank")
        self.need("org", "China Center for International Economic Affairs",
                  name="China Center for International Economic Affairs", kind="think_tank")
        self.need("org", "CCIEE", name="China Center for International Economic Affairs")

    def test_people(self):
        self.need("person", "Eddie Wu", name="Eddie Wu", role="CEO", affiliation="Alibaba")
        self.need("person", "Chen Wenling", name="Chen Wenling", role="senior economist",
                  affiliation="China Center for International Economic Affairs")
        names = {m["name"] for m in self.find("person")}
        self.assertEqual(names, {"Eddie Wu", "Chen Wenling"})

    def test_places(self):
        self.need("place", "China", count=5, name="China", kind="country")
        self.need("place", "US", count=3, name="United States", kind="country")
        self.need("place", "USA", name="United States", kind="country")
        self.need("place", "Washington", name="Washington", kind="city")
        self.need("place", "Russian Federation", name="Russia", kind="country")
        # "US$7 billion" is money, not a place.
        for m in self.find("place"):
            self.assertNotEqual(self.text[m["end"]:m["end"] + 1], "$", m)

    def test_sources(self):
        self.need("source", "the Financial Times (FT) newspaper reported", name="Financial Times", cue="reported")
        self.need("source", "the publication notes", name="Financial Times", cue="notes")
        self.need("source", "according to Alibaba", name="Alibaba", cue="according to")
        self.need("source", "Eddie Wu previously told investors", name="Eddie Wu", cue="told",
                  role="CEO", affiliation="Alibaba")
        self.need("source", "as the FT notes", name="Financial Times", cue="notes")
        self.need("source", "According to Bloomberg", name="Bloomberg", cue="according to",
                  cites="Federal Reserve Bank of New York")
        self.need("source", "cited a report by the New York Federal Reserve",
                  name="Federal Reserve Bank of New York", cue="cited")
        self.need("source", "According to Chen Wenling", name="Chen Wenling", cue="according to",
                  role="senior economist", affiliation="China Center for International Economic Affairs")
        # The document is the report Bloomberg cited.
        self.need("source", "The document says", name="Federal Reserve Bank of New York", cue="said")

    def test_nothing_else(self):
        # Capitalised words that open sentences or headlines are not entities.
        entity_texts = {m["text"] for m in self.mentions if m["type"] in ("org", "person", "place")}
        for word in ["Last", "Big", "Revenues", "At", "In", "According", "AI", "The"]:
            self.assertNotIn(word, entity_texts)
        self.need("source", "According to representatives of technology groups",
                  name="representatives of technology groups", cue="according to")


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0]], verbosity=1)
