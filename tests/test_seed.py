#!/usr/bin/python3
"""End-to-end acceptance test on the seed article (the project issue's example).

Runs `claimex extract --published 2024-08-26 corpus/articles/001-fakti-china-ai.txt`
and checks that every item the issue lists comes out with the right type,
span (text) and values, and that the page noise ("13:21", "414", "- 1")
yields no number or date. Every problem is listed at once.

The expectations are written out here, independently of the gold file, and
the same checker is run over corpus/gold/001-fakti-china-ai.json so that the
two cannot drift apart.
"""
import json
import os
import re
import subprocess
import sys
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLAIMEX = os.environ.get("CLAIMEX") or os.path.join(SRC, "build", "claimex")
ARTICLE = os.path.join(SRC, "corpus", "articles", "001-fakti-china-ai.txt")
GOLD = os.path.join(SRC, "corpus", "gold", "001-fakti-china-ai.json")
sys.path.insert(0, os.path.join(SRC, "tools"))
from evaluate import norm_name  # noqa: E402  (one definition of name equality)

with open(ARTICLE, encoding="utf-8") as _f:
    TEXT = _f.read()

FT = "Financial Times"
NYFED = "Federal Reserve Bank of New York"
CCIEE = "China Center for International Economic Affairs"


def at(pattern):
    """(start, end) of the bracketed part of pattern, which must occur exactly once in the article."""
    m = re.fullmatch(r"(.*)\[(.+)\](.*)", pattern, re.S)
    before, needle, after = m.groups()
    whole = before + needle + after
    i = TEXT.find(whole)
    assert i >= 0, f"test bug: {whole!r} not in the article"
    assert TEXT.find(whole, i + 1) < 0, f"test bug: {whole!r} occurs more than once"
    return i + len(before), i + len(before) + len(needle)


def token_spans(word, exclude_after=()):
    """Spans of word as a whole token, except where it is followed by one of exclude_after."""
    out = []
    for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", TEXT):
        if any(TEXT.startswith(x, m.end()) for x in exclude_after):
            continue
        out.append((m.start(), m.end()))
    return out


# (type, span, expected fields). Names compare with evaluate.norm_name, roles
# case-insensitively, numbers within 1e-6 relative, everything else exactly.
EXPECTED = []


def expect(type_, span, **fields):
    EXPECTED.append((type_, span, fields))


# money
expect("money", at("was [50 billion yuan] ("), value=5e10, currency="CNY")
expect("money", at("([US$7 billion])"), value=7e9, currency="USD")
expect("money", at("with [23 billion yuan] ("), value=2.3e10, currency="CNY")
expect("money", at("([US$3.23 billion])"), value=3.23e9, currency="USD")
expect("money", at("spent [$106 billion] in"), value=1.06e11, currency="USD")
expect("money", at("by [$130 billion]."), value=1.3e11, currency="USD")
# dates
H1_2024 = dict(value="2024-H1", **{"from": "2024-01-01", "to": "2024-06-30"})
expect("date", at("expenditure in [the first half of the year] was"), **H1_2024)
expect("date", at("$106 billion in [the first half of the year],"), **H1_2024)
expect("date", at("for [the same period in 2023] d."), value="2023-H1", **{"from": "2023-01-01", "to": "2023-06-30"})
expect("date", at("double by [2023],"), value="2023")
expect("date", at("In [October 2022],"), value="2022-10")
expect("date", at("[Aug 26, 2024] 13:21"), value="2024-08-26")
# quantities: change factors
expect("quantity", at("have [doubled] spending in the sector"), value=2, unit="factor")
expect("quantity", at("have [doubled] spending on infrastructure"), value=2, unit="factor")
expect("quantity", at("more than [double] by"), value=2, unit="factor", qualifier="more_than")
# organisations (every occurrence of the listed ones)
for word, name in [("Alibaba", "Alibaba"), ("Tencent", "Tencent"), ("Baidu", "Baidu"),
                   ("Financial Times", FT), ("FT", FT), ("Alphabet", "Alphabet"), ("Amazon", "Amazon"),
                   ("Meta", "Meta"), ("Microsoft", "Microsoft"), ("Bloomberg", "Bloomberg"),
                   ("New York Federal Reserve", NYFED), (CCIEE, CCIEE), ("CCIEE", CCIEE)]:
    for span in token_spans(word):
        expect("org", span, name=name)
# people
expect("person", at("CEO [Eddie Wu] previously"), name="Eddie Wu", role="CEO", affiliation="Alibaba")
expect("person", at("According to [Chen Wenling],"), name="Chen Wenling", role="senior economist", affiliation=CCIEE)
# places
for span in token_spans("China", exclude_after=(" Center",)):
    expect("place", span, name="China", kind="country")
for span in token_spans("US", exclude_after=("$",)):
    expect("place", span, name="United States", kind="country")
expect("place", at("economy of [USA],"), name="United States", kind="country")
expect("place", at("[Washington]'s tightening"), name="Washington", kind="city")
expect("place", at("the [Russian Federation])"), name="Russia", kind="country")
# sources
expect("source", at("[the Financial Times (FT) newspaper reported]"), name=FT, cue="reported")
expect("source", at("[the publication notes]"), name=FT, cue="notes")
expect("source", at("[according to Alibaba]"), name="Alibaba", cue="according to")
expect("source", at("[Eddie Wu previously told investors]"), name="Eddie Wu", cue="told")
expect("source", at("[as the FT notes]"), name=FT, cue="notes")
expect("source", at("[According to Bloomberg]"), name="Bloomberg", cue="according to", cites=NYFED)
expect("source", at("[cited a report by the New York Federal Reserve]"), name=NYFED, cue="cited")
expect("source", at("[The document says]"), name=NYFED, cue="said")
expect("source", at("[According to Chen Wenling]"), name="Chen Wenling", cue="according to")

# page noise: no number or date may be made of, or reach into, these
NOISE = [at("2024 [13:21] 414"), at("13:21 [414]"), at("intelligence  - [1]")]
VALUE_TYPES = ("money", "percent", "quantity", "date")


def field_ok(key, want, got):
    if got is None:
        return False
    if isinstance(want, (int, float)) and not isinstance(want, bool):
        return isinstance(got, (int, float)) and abs(got - want) <= 1e-6 * max(abs(want), 1)
    if key in ("name", "affiliation", "cites"):
        return norm_name(got) == norm_name(want)
    if key == "role":
        return str(got).casefold() == want.casefold()
    return got == want


def problems(mentions):
    """Every way the mentions fall short of EXPECTED and NOISE, as messages."""
    out = []
    by_span = {}
    for m in mentions:
        s, e = m.get("start"), m.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or TEXT[s:e] != m.get("text"):
            out.append(f"bad offsets: {m.get('type')} \"{m.get('text')}\" {s}-{e} "
                       f"(the article has \"{TEXT[s:e] if isinstance(s, int) and isinstance(e, int) else ''}\")")
        by_span.setdefault((m.get("type"), s, e), []).append(m)
    for type_, (s, e), fields in EXPECTED:
        where = f"{type_} \"{TEXT[s:e]}\" @{s}"
        found = by_span.get((type_, s, e))
        if not found:
            near = [m for m in mentions if m.get("type") == type_ and isinstance(m.get("start"), int)
                    and m["start"] < e and m["end"] > s]
            hint = f" (got \"{near[0]['text']}\" @{near[0]['start']})" if near else ""
            out.append(f"missing: {where}{hint}")
            continue
        m = found[0]
        wrong = [f"{k}={json.dumps(m.get(k))} (want {json.dumps(v)})" for k, v in fields.items()
                 if not field_ok(k, v, m.get(k))]
        if wrong:
            out.append(f"wrong: {where}: " + ", ".join(wrong))
    for m in mentions:
        if m.get("type") not in VALUE_TYPES or not isinstance(m.get("start"), int):
            continue
        if m.get("text") in ("414", "13:21", "1") or any(m["start"] < ne and m["end"] > ns for ns, ne in NOISE):
            out.append(f"noise: {m['type']} \"{m.get('text')}\" @{m['start']} is page noise, not a value")
    return out


class SeedTest(unittest.TestCase):
    def test_gold_has_every_item(self):
        with open(GOLD, encoding="utf-8") as f:
            gold = json.load(f)
        p = problems(gold["mentions"])
        if p:
            self.fail("the seed gold disagrees with this test:\n  " + "\n  ".join(p))

    def test_checker_flags_noise_and_wrong_values(self):
        s, e = at("13:21 [414]")
        m = {"type": "quantity", "text": "414", "start": s, "end": e, "value": 414, "unit": "view"}
        s2, e2 = at("([US$7 billion])")
        bad = {"type": "money", "text": "US$7 billion", "start": s2, "end": e2, "value": 7e6, "currency": "USD"}
        p = problems([m, bad])
        self.assertTrue(any(x.startswith("noise:") for x in p))
        self.assertTrue(any(x.startswith("wrong: money") and "value=7000000.0" in x for x in p))

    def test_extract(self):
        r = subprocess.run([CLAIMEX, "extract", "--published", "2024-08-26", ARTICLE],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.assertEqual(r.returncode, 0, r.stderr)
        lines = r.stdout.splitlines()
        self.assertEqual(len(lines), 1, r.stdout)
        rec = json.loads(lines[0])
        self.assertEqual(rec["published"], "2024-08-26")
        p = problems(rec["mentions"])
        if p:
            self.fail(f"{len(p)} problems with {len(EXPECTED)} seed items:\n  " + "\n  ".join(p))


if __name__ == "__main__":
    unittest.main()
