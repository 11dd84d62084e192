#!/usr/bin/python3
"""Scores claimex against the gold corpus (corpus/gold/*.json).

    tools/evaluate.py                          run build/claimex over corpus/articles.jsonl, print the table
    tools/evaluate.py --claimex PATH           another binary
    tools/evaluate.py --predictions out.jsonl  score records already written by `claimex extract`
    tools/evaluate.py --type money --doc 001-fakti-china-ai --errors
    tools/evaluate.py --json | --markdown
    tools/evaluate.py --set heldout            the held-out test set (corpus/heldout/); --corpus DIR any other

Mentions are matched to gold per document and per type, one to one:
  exact    same start and end (code points);
  overlap  spans share at least one code point; pairs are taken greedily,
           largest overlap first.
Value accuracy is counted over the overlap-matched pairs:
  money     value within 1e-6 relative and the same currency
  percent   value and unit ("percent" when absent)
  quantity  value and unit ("barrel per day" = "barrel/day")
  date      the TIMEX3 value ("FY2024" also matches value "2024" with fiscal;
            equal simple durations match: P1Y = P12M = P4Q, P2W = P14D)
  org, person, place, source  the name, normalised (case, a leading "the",
            punctuation and legal suffixes Inc/Corp/Ltd/plc/Group/Holdings/
            SA/AG/Co are ignored)
Claims are scored by tools/evaluate_claims.py (matching and field accuracy
documented there and in corpus/CLAIMS.md); this report prints its summary.

Python 3 standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_common import add_input_args, corpus_from_args, duration_key, fmt, norm_name, norm_unit, predictions_from_file, prf, read_predictions, run_main, same_number  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = ("money", "percent", "quantity", "date", "org", "person", "place", "source")

# ---------------------------------------------------------------- values


def same_date(g, p):
    gv, pv = g.get("value"), p.get("value")
    if gv == pv:
        return True
    if duration_key(gv) is not None and duration_key(gv) == duration_key(pv):
        return True
    # a gold duration with its span ("the three months to September 30": P3M,
    # 2026-07-01..2026-09-30) named by the calendar period it covers (2026-Q3)
    if duration_key(gv) is not None and g.get("from") and (g.get("from"), g.get("to")) == (p.get("from"), p.get("to")):
        return True
    if isinstance(gv, str) and gv.startswith("FY") and pv == gv[2:] and p.get("fiscal"):
        return True
    if isinstance(pv, str) and pv.startswith("FY") and gv == pv[2:] and g.get("fiscal"):
        return True
    return False


def value_ok(t, g, p):
    """Whether the predicted mention p carries the gold mention g's value."""
    if t == "money":
        return same_number(g.get("value"), p.get("value")) and g.get("currency") == p.get("currency")
    if t == "percent":
        return same_number(g.get("value"), p.get("value")) and \
            (g.get("unit") or "percent") == (p.get("unit") or "percent")
    if t == "quantity":
        return same_number(g.get("value"), p.get("value")) and norm_unit(g.get("unit")) == norm_unit(p.get("unit"))
    if t == "date":
        return same_date(g, p)
    return norm_name(g.get("name")) == norm_name(p.get("name")) and norm_name(g.get("name")) != ""


def shown_value(t, m):
    """The value fields of a mention, for error listings."""
    keys = {"money": ("value", "currency", "min", "max", "qualifier"),
            "percent": ("value", "unit", "min", "max", "qualifier"),
            "quantity": ("value", "unit", "min", "max", "qualifier"),
            "date": ("value", "from", "to", "note"),
            "org": ("name", "kind"), "place": ("name", "kind"),
            "person": ("name", "role", "affiliation"),
            "source": ("name", "cue", "role", "affiliation", "cites")}[t]
    return {k: m[k] for k in keys if k in m and m[k] is not None}


# ---------------------------------------------------------------- matching

def overlap(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])


def match_exact(gold, pred):
    """Pairs (gi, pi) of identical spans, one to one."""
    free = {}
    for gi, g in enumerate(gold):
        free.setdefault((g["start"], g["end"]), []).append(gi)
    pairs = []
    for pi, p in enumerate(pred):
        lst = free.get((p["start"], p["end"]))
        if lst:
            pairs.append((lst.pop(0), pi))
    return pairs


def match_overlap(gold, pred):
    """Pairs (gi, pi) of overlapping spans, one to one, greedy by overlap."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            o = overlap(g, p)
            if o > 0:
                cands.append((-o, abs(g["start"] - p["start"]) + abs(g["end"] - p["end"]), g["start"], gi, pi))
    cands.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, _, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)



class Counts:
    def __init__(self):
        self.gold = self.pred = self.exact = self.overlap = self.value_ok = 0

    def add(self, o):
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(o, k))

    def row(self):
        ep, er, ef = prf(self.exact, self.gold, self.pred)
        op, orr, of = prf(self.overlap, self.gold, self.pred)
        acc = self.value_ok / self.overlap if self.overlap else None
        return {"gold": self.gold, "pred": self.pred,
                "exact": {"tp": self.exact, "precision": ep, "recall": er, "f1": ef},
                "overlap": {"tp": self.overlap, "precision": op, "recall": orr, "f1": of},
                "value": {"correct": self.value_ok, "matched": self.overlap, "accuracy": acc}}


def score_mentions(gold_docs, pred_docs, types, errors):
    """Per-type Counts over the documents; error entries appended to errors."""
    totals = {t: Counts() for t in types}
    for did, gold in gold_docs.items():
        pred = pred_docs.get(did, {}).get("mentions", [])
        for t in types:
            g = [m for m in gold["mentions"] if m["type"] == t]
            p = [m for m in pred if m.get("type") == t and isinstance(m.get("start"), int)]
            c = Counts()
            c.gold, c.pred = len(g), len(p)
            c.exact = len(match_exact(g, p))
            pairs = match_overlap(g, p)
            c.overlap = len(pairs)
            mg, mp = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
            for gi, pi in pairs:
                ok = value_ok(t, g[gi], p[pi])
                c.value_ok += ok
                if not ok:
                    errors.append({"doc": did, "type": t, "kind": "wrong value", "text": g[gi]["text"],
                                   "start": g[gi]["start"], "pred_text": p[pi].get("text"),
                                   "gold": shown_value(t, g[gi]), "pred": shown_value(t, p[pi])})
                elif (g[gi]["start"], g[gi]["end"]) != (p[pi]["start"], p[pi]["end"]):
                    errors.append({"doc": did, "type": t, "kind": "span", "text": g[gi]["text"],
                                   "start": g[gi]["start"], "pred_text": p[pi].get("text")})
            for gi, m in enumerate(g):
                if gi not in mg:
                    errors.append({"doc": did, "type": t, "kind": "missed", "text": m["text"],
                                   "start": m["start"], "gold": shown_value(t, m)})
            for pi, m in enumerate(p):
                if pi not in mp:
                    errors.append({"doc": did, "type": t, "kind": "false positive", "text": m.get("text"),
                                   "start": m["start"], "pred": shown_value(t, m), "rule": m.get("rule")})
            totals[t].add(c)
    return totals


# ---------------------------------------------------------------- CLAIMS
# Claim-level scoring lives in tools/evaluate_claims.py (format of the claim
# gold: corpus/CLAIMS.md); this report adds its summary line and, with
# --errors, its error listing.

import evaluate_claims  # noqa: E402


def score_claims(gold_docs, pred_docs, errors, texts=None):
    """Claim scores (evaluate_claims.score); error entries get "type": "claim"."""
    n_gold = sum(len(d.get("claims") or []) for d in gold_docs.values())
    n_pred = sum(len(pred_docs.get(i, {}).get("claims") or []) for i in gold_docs)
    if n_gold == 0:
        return {"status": "no claim gold", "gold": 0, "pred": n_pred}
    if texts is None:
        texts = {d: g.get("text") or "" for d, g in gold_docs.items()}
    errs = []
    res = evaluate_claims.score(gold_docs, pred_docs, texts, errs)
    for e in errs:
        e["type"] = "claim"
        errors.append(e)
    out = dict(res["all"])
    out.update({"status": "scored", "kinds": {k: v for k, v in res.items() if k != "all"}})
    return out


# ---------------------------------------------------------------- input

def load_gold_docs(cdir, only):
    gdir = os.path.join(cdir, "gold")
    docs = {}
    for name in sorted(os.listdir(gdir)):
        if not name.endswith(".json"):
            continue
        did = name[:-5]
        if only and did not in only:
            continue
        with open(os.path.join(gdir, name), encoding="utf-8") as f:
            g = json.load(f)
        for m in g["mentions"]:
            if "start" not in m or "end" not in m:
                sys.exit(f"evaluate: {did}: gold mention \"{m.get('text')}\" has no offsets "
                         "(run tools/corpus.py fix)")
        docs[did] = g
    missing = set(only or ()) - set(docs)
    if missing:
        sys.exit("evaluate: no gold for " + ", ".join(sorted(missing)))
    return docs


def run_claimex(binary, articles, rules):
    if not os.path.exists(binary):
        sys.exit(f"evaluate: no claimex binary at {binary} (build it, or pass --claimex / --predictions)")
    cmd = [binary, "extract"]
    if rules:
        cmd += ["--rules", rules]
    cmd.append(articles)
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.stderr.strip():
        sys.stderr.write(proc.stderr)
    if proc.returncode != 0:
        print(f"evaluate: warning: {' '.join(cmd)} exited {proc.returncode}", file=sys.stderr)
    return read_predictions(proc.stdout.splitlines(), "claimex output", "evaluate")


# ---------------------------------------------------------------- output


def table_rows(rows):
    out = []
    for name, r in rows:
        out.append([name, str(r["gold"]), str(r["pred"]),
                    fmt(r["exact"]["precision"]), fmt(r["exact"]["recall"]), fmt(r["exact"]["f1"]),
                    fmt(r["overlap"]["precision"]), fmt(r["overlap"]["recall"]), fmt(r["overlap"]["f1"]),
                    fmt(r["value"]["accuracy"]) + (f" ({r['value']['correct']}/{r['value']['matched']})"
                                                  if r["value"]["matched"] else "")])
    return out


HEAD = ["type", "gold", "pred", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1",
        "value acc"]


def print_text(rows, claims):
    body = table_rows(rows)
    widths = [max(len(HEAD[i]), *(len(r[i]) for r in body)) for i in range(len(HEAD))]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w)
                                   for i, (c, w) in enumerate(zip(cells, widths)))
    print(line(HEAD))
    print("  ".join("-" * w for w in widths))
    for i, r in enumerate(body):
        if r[0] == "all":
            print("  ".join("-" * w for w in widths))
        print(line(r))
    print()
    print(claims_line(claims))


def print_markdown(rows, claims):
    body = table_rows(rows)
    print("| " + " | ".join(HEAD) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(HEAD) - 1)) + "|")
    for r in body:
        cells = [f"**{c}**" if r[0] == "all" else c for c in r]
        print("| " + " | ".join(cells) + " |")
    print()
    print(claims_line(claims))


def claims_line(c):
    if c["status"] == "no claim gold":
        return f"claims: no claim gold ({c['pred']} predicted)"
    s = (f"claims: gold {c['gold']}, predicted {c['pred']}, matched {c['matched']}, P {fmt(c['precision'])}, "
         f"R {fmt(c['recall'])}, F1 {fmt(c['f1'])}")
    fields = ", ".join(f"{k} {fmt(v['accuracy'])}" for k, v in c["fields"].items() if v["total"])
    return s + ("; field accuracy among matched: " + fields if fields else "") + \
        " (per kind and field: tools/evaluate_claims.py)"


def print_errors(errors):
    by_doc = {}
    for e in errors:
        by_doc.setdefault(e["doc"], []).append(e)
    order = {"missed": 0, "false positive": 1, "wrong value": 2, "span": 3}
    for did in sorted(by_doc):
        print(f"== {did}")
        for e in sorted(by_doc[did], key=lambda e: (e.get("start", 0), order.get(e["kind"], 9))):
            t, k = e["type"], e["kind"]
            if t == "claim":
                evaluate_claims.print_error(e)
                continue
            at = f"@{e['start']}"
            if k == "missed":
                print(f"  {t:9} {k:15} {at:>6} \"{e['text']}\"  gold {json.dumps(e['gold'], ensure_ascii=False)}")
            elif k == "false positive":
                rule = f"  [{e['rule']}]" if e.get("rule") else ""
                print(f"  {t:9} {k:15} {at:>6} \"{e['text']}\"  pred {json.dumps(e['pred'], ensure_ascii=False)}{rule}")
            elif k == "wrong value":
                print(f"  {t:9} {k:15} {at:>6} \"{e['text']}\" / \"{e['pred_text']}\"  gold "
                      f"{json.dumps(e['gold'], ensure_ascii=False)}  pred {json.dumps(e['pred'], ensure_ascii=False)}")
            else:
                print(f"  {t:9} {k:15} {at:>6} gold \"{e['text']}\"  pred \"{e['pred_text']}\"")
    print()


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score claimex mentions (and claims) against corpus/gold.")
    add_input_args(ap)
    ap.add_argument("--type", action="append", choices=TYPES, help="only this mention type (repeatable)")
    ap.add_argument("--doc", action="append", help="only this article id (repeatable)")
    ap.add_argument("--errors", action="store_true",
                    help="list misses, false positives, wrong values and span differences per document")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--markdown", action="store_true", help="the table as Markdown")
    a = ap.parse_args(argv)
    a.corpus = corpus_from_args(a)

    gold = load_gold_docs(a.corpus, a.doc)
    if a.predictions:
        pred = predictions_from_file(a.predictions, "evaluate")
    else:
        pred = run_claimex(a.claimex, os.path.join(a.corpus, "articles.jsonl"), a.rules)
    absent = [d for d in gold if d not in pred]
    if absent:
        print(f"evaluate: warning: no prediction for {len(absent)} document(s): {', '.join(absent[:5])}"
              + (" ..." if len(absent) > 5 else ""), file=sys.stderr)

    types = tuple(a.type) if a.type else TYPES
    errors = []
    totals = score_mentions(gold, pred, types, errors)
    allc = Counts()
    for t in types:
        allc.add(totals[t])
    rows = [(t, totals[t].row()) for t in types] + [("all", allc.row())]
    texts = {d: evaluate_claims.claims_gold.load(os.path.abspath(a.corpus), d)[1] for d in gold}
    claims = score_claims(gold, pred, errors, texts) if not a.type else \
        {"status": "no claim gold", "gold": 0, "pred": 0}

    if a.json:
        out = {"documents": len(gold), "types": {n: r for n, r in rows if n != "all"}, "all": allc.row(),
               "claims": claims}
        if a.errors:
            out["errors"] = errors
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if a.errors:
        print_errors([e for e in errors if e["type"] in types or e["type"] == "claim"])
    print(f"{len(gold)} documents")
    (print_markdown if a.markdown else print_text)(rows, claims)
    return 0


if __name__ == "__main__":
    run_main(main)
