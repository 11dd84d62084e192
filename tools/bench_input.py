#!/usr/bin/env python3
"""Benchmark input: a JSONL of about SIZE_MB of article text made from the
corpus articles, in one of two modes.

  repeated  the articles cycled as they are (a fresh id per copy). Text the
            extractor has seen before: RE2's automata are warm after the
            first copy, so this is the upper bound.
  varied    every copy is new text: its figures get other digits (years
            stay) and its proper names are swapped for other names of the
            corpus, so the automata keep meeting byte sequences they have
            not seen, as on a real news feed. Years, days and one- or
            two-digit numbers stay, and so does the structure (cue words,
            scale words, currencies, months) stays, so the mentions per MB
            stay those of news.

  tools/bench_input.py SIZE_MB OUT.jsonl [--mode varied|repeated] [--corpus FILE]
"""
import argparse
import json
import random
import re

# Capitalised words that carry structure, not names: they are never swapped.
KEEP = set("""
January February March April May June July August September October November December
Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Inc Corp Ltd Plc Group Holdings Bank Ministry University Authority Commission Council
Mr Mrs Ms Dr President Minister Governor Chancellor Secretary Chief Prime
Q1 Q2 Q3 Q4 H1 H2 FY
""".split())

WORD = re.compile(r"\b[A-Z][a-z]{2,}\b")
NUMBER = re.compile(r"(?<![A-Za-z])\d+(?:[.,:]\d+)*")
YEAR = re.compile(r"(19|20)\d\d")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("size_mb", type=float)
    ap.add_argument("out")
    ap.add_argument("--mode", choices=["varied", "repeated"], default="varied")
    ap.add_argument("--corpus", default="corpus/articles.jsonl")
    args = ap.parse_args()

    arts = [json.loads(l) for l in open(args.corpus, encoding="utf-8") if l.strip()]
    text = " ".join(a["text"] for a in arts)
    # Names: capitalised words that never occur in lower case ("Toyota",
    # not "The" or "Shares").
    lower = set(re.findall(r"\b[a-z]{3,}\b", text))
    names = sorted({w for w in WORD.findall(text) if w.lower() not in lower and w not in KEEP})
    names_set = set(names)

    target = args.size_mb * 1e6
    n = size = 0
    with open(args.out, "w", encoding="utf-8") as f:
        while size < target:
            a = dict(arts[n % len(arts)])
            a["id"] = f"{a.get('id', 'doc')}#{n}"
            if args.mode == "varied" and n >= len(arts):
                rng = random.Random(n)
                digits = list("123456789")
                rng.shuffle(digits)
                dmap = str.maketrans("123456789", "".join(digits))
                swap = {}

                def name(m):
                    w = m.group(0)
                    if w not in names_set:
                        return w
                    if w not in swap:
                        swap[w] = rng.choice(names)
                    return swap[w]

                def number(m):
                    s = m.group(0)
                    # Years, days of the month and small counts stay (dates
                    # must stay dates); other figures change.
                    return s if YEAR.fullmatch(s) or len(s) <= 2 else s.translate(dmap)

                a["text"] = NUMBER.sub(number, WORD.sub(name, a["text"]))
                # (the title as the text's headline line: the same names and figures, else
                # claimex reads it as a headline the text lacks)
                if a.get("title"):
                    a["title"] = NUMBER.sub(number, WORD.sub(name, a["title"]))
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
            size += len(a["text"].encode("utf-8"))
            n += 1
    print(f"input ({args.mode}): {n} documents, {size / 1e6:.1f} MB of text, ", end="")



if __name__ == "__main__":
    main()
