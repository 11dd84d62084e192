"""Consistency of the entity and source word lists and gazetteers in rules/:
every gazetteer line is well formed with a known kind, no alias names two
different entities, the pattern lists and the tables the normalisers read
agree (org suffixes and heads ↔ org_kinds.tsv, reference nouns ↔
references.tsv, role nouns ↔ references.tsv, verbs ↔ cues.tsv), and there are enough companies."""
import glob
import os
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
ENT = os.path.join(SRC, "rules", "entities")
SRCS = os.path.join(SRC, "rules", "sources")

ORG_KINDS = {"company", "media", "central_bank", "government", "agency", "international", "think_tank",
             "university", "exchange", "party", "other"}
PERSON_KINDS = {"person"}
PLACE_KINDS = {"country", "city", "region"}
# gazetteer file → the kind its rule sets when a line has none
DEFAULT_KIND = {"companies.tsv": "company", "financial.tsv": "company", "media.tsv": "media",
                "central_banks.tsv": "central_bank", "international.tsv": "international",
                "government.tsv": "government", "research.tsv": "think_tank", "countries.tsv": "country",
                "cities.tsv": "city", "regions.tsv": "region", "people.tsv": "person", "trade_bodies.tsv": "other"}


def rows(path):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield n, line


def words(path):
    return {line.split(" #")[0].strip() for _, line in rows(path)}


def table(path):
    return {line.split("\t")[0].strip(): line.split("\t")[1:] for _, line in rows(path)}


class EntityData(unittest.TestCase):
    def test_gazetteers(self):
        seen = {}
        for path in sorted(glob.glob(os.path.join(ENT, "*.tsv"))):
            base = os.path.basename(path)
            if base not in DEFAULT_KIND:
                continue
            for n, line in rows(path):
                cols = line.split("\t")
                where = f"{base}:{n}"
                self.assertTrue(cols[0].strip(), where)
                self.assertLessEqual(len(cols), 3, where)
                kind = (cols[1].strip() if len(cols) > 1 else "") or DEFAULT_KIND[base]
                self.assertIn(kind, PERSON_KINDS if base == "people.tsv" else ORG_KINDS | PLACE_KINDS, where)
                aliases = [cols[0].strip()] + [a.strip() for a in (cols[2].split("|") if len(cols) > 2 else [])]
                for a in aliases:
                    self.assertTrue(a, f"{where}: empty alias")
                    self.assertTrue(a[0].isalnum(), f"{where}: alias {a!r} must start with a letter or digit")
                    self.assertEqual(a, a.strip(), where)
                    if a in seen and seen[a][0] != cols[0].strip():
                        self.fail(f"{where}: alias {a!r} also names {seen[a][0]!r} ({seen[a][1]})")
                    seen.setdefault(a, (cols[0].strip(), where))

    def test_enough_companies(self):
        n = sum(1 for _ in rows(os.path.join(ENT, "companies.tsv")))
        self.assertGreaterEqual(n, 500)

    def test_org_words_have_kinds(self):
        kinds = table(os.path.join(ENT, "org_kinds.tsv"))
        for w in words(os.path.join(ENT, "org_suffixes.txt")) | words(os.path.join(ENT, "org_heads.txt")):
            self.assertTrue(w in kinds or w.rstrip(".") in kinds, f"{w!r} has no row in org_kinds.tsv")
        for w, cols in kinds.items():
            self.assertIn(cols[0].strip(), ORG_KINDS, w)

    def test_reference_nouns(self):
        # Organisation nouns are in reference_nouns.txt, office holders' roles
        # ("the minister said": kind person) in role_references.txt.
        refs = table(os.path.join(SRCS, "references.tsv"))
        nouns = words(os.path.join(SRCS, "reference_nouns.txt"))
        roles = words(os.path.join(SRCS, "role_references.txt"))
        self.assertEqual(set(refs), nouns | roles)
        self.assertFalse(nouns & roles)
        for noun, cols in refs.items():
            kinds = {k.strip() for k in cols[0].split(",")}
            if noun in roles:
                self.assertEqual(kinds, {"person"}, noun)
                continue
            for k in kinds:
                self.assertIn(k, ORG_KINDS | {"cited", "org"}, noun)

    def test_cues(self):
        cues = table(os.path.join(SRCS, "cues.tsv"))
        allowed = {"according to", "reported", "said", "told", "noted", "notes", "cited", "stated", "announced",
                   "estimated", "forecast", "warned", "added", "wrote", "showed", "denied"}
        for verb, cols in cues.items():
            self.assertIn(cols[0].strip(), allowed, verb)
        for verb in words(os.path.join(SRCS, "say_verbs.txt")):
            self.assertIn(verb, cues, verb)


if __name__ == "__main__":
    unittest.main()
