#!/usr/bin/python3
"""Scores claimex's claims against the claim gold of the corpus
(corpus/gold/*.json "claims"; format: corpus/CLAIMS.md).

    tools/evaluate_claims.py                          run build/claimex over corpus/articles.jsonl
    tools/evaluate_claims.py --claimex PATH           another binary
    tools/evaluate_claims.py --predictions out.jsonl  score records already written by `claimex extract`
    tools/evaluate_claims.py --doc 001-fakti-china-ai --errors
    tools/evaluate_claims.py --json | --markdown
    tools/evaluate_claims.py --set heldout            the held-out test set (corpus/heldout/); --corpus DIR any other

Matching, per document, one to one (greedy, largest overlap first):
  a predicted claim and a gold claim of the same kind match when
  numeric    the predicted value, equivalent, change amount/percent or factor
             span, or its change text (found in the predicted sentence),
             overlaps the gold anchor span;
  statement  the predicted statement span overlaps the gold statement span
             (anchor start .. anchor start + len(statement)).
Field accuracy over matched pairs:
  subject    set equality of normalised names; a gold description matches when
             most (> half) of its content words are in the predicted subject
             (statements are scored on source and chain only)
  metric     the key
  value      number (1e-6 relative) and currency / unit (null = null)
  period     TIMEX3 value (P1Y = P12M, FY2024 = 2024 with fiscal); a gold duration
             ("the three months to September 30": P3M) also matches a predicted
             period with the same from/to as one of the document's gold date
             mentions of that duration (2026-Q3, 2026-07-01..2026-09-30)
  baseline   value and currency/unit, and its period (null = null)
  change     direction, and factor / amount / percent where the gold has them
  source     the first source's normalised name; chain: the whole list in order

Python 3 standard library only.
"""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_gold  # noqa: E402
from eval_common import add_input_args, corpus_from_args, duration_key, fmt, norm_name, norm_unit, occurrences, predictions_from_file, prf, read_predictions, run_main, same_number  # noqa: E402

ROOT = claims_gold.ROOT
FIELDS = ("subject", "metric", "value", "period", "baseline", "change", "source", "chain")
# A statement is scored on its sources only: its subject, metric and value
# are not annotated (corpus/CLAIMS.md).
KIND_FIELDS = {"amount": FIELDS, "change": FIELDS, "statement": ("source", "chain")}
STOP = {"the", "a", "an", "of", "in", "and", "for", "on", "at", "to", "by", "its", "their", "s", "with", "from"}


# ---------------------------------------------------------------- normalising


def content_words(s):
    """The words of a description that carry meaning, plural "s" dropped ("homes" = "home")."""
    out = []
    for w in norm_name(s).split():
        if w in STOP:
            continue
        out.append(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w)
    return out



def same_value(g, p):
    """Gold value object vs predicted value (mention-like); None = None."""
    if g is None or p is None:
        return g is None and p is None
    if not isinstance(g, dict) or not isinstance(p, dict):
        return False
    if not same_number(g.get("value"), p.get("value")):
        return False
    if g.get("currency") or p.get("currency"):
        return g.get("currency") == p.get("currency")
    gu = g.get("unit") or ("percent" if p.get("type") == "percent" else "")
    pu = p.get("unit") or ("percent" if p.get("type") == "percent" else "")
    return norm_unit(gu) == norm_unit(pu)



def timex(x):
    return x.get("value") if isinstance(x, dict) else x


def duration_spans(gold_doc):
    """Gold date mentions that are durations with from/to: value -> {(from, to)}.
    The gold writes "the three months to September 30" as P3M with its span; a
    prediction that names the same span as a calendar period (2026-Q3) is right."""
    out = {}
    for m in (gold_doc or {}).get("mentions") or []:
        if m.get("type") == "date" and duration_key(m.get("value")) is not None and m.get("from") and m.get("to"):
            out.setdefault(m["value"], set()).add((m["from"], m["to"]))
    return out


def same_period(g, p, spans=None):
    gv, pv = timex(g), timex(p)
    if gv == pv:
        return True
    if gv is None or pv is None:
        return False
    if duration_key(gv) is not None and duration_key(gv) == duration_key(pv):
        return True
    if spans and gv in spans and isinstance(p, dict) and (p.get("from"), p.get("to")) in spans[gv]:
        return True
    fiscal = isinstance(p, dict) and p.get("fiscal")
    return isinstance(gv, str) and gv.startswith("FY") and pv == gv[2:] and bool(fiscal)


# ---------------------------------------------------------------- fields

def subject_ok(g, p, gold_doc):
    gs = [x for x in g.get("subject") or []]
    ps = [x for x in p.get("subject") or [] if isinstance(x, str)]
    ents = claims_gold.entity_names(gold_doc)
    gdesc = [x for x in gs if x not in ents]
    gent = {norm_name(x) for x in gs if x in ents}
    if not gdesc:
        return gent == {norm_name(x) for x in ps} and bool(gent)
    # a description (with any named entities beside it): entities must be there,
    # and most of the description's content words
    pnorm = {norm_name(x) for x in ps}
    if not gent <= pnorm:
        return False
    pwords = set()
    for x in ps:
        pwords.update(content_words(x))
    for d in gdesc:
        words = content_words(d)
        if not words or sum(w in pwords for w in words) * 2 <= len(words):
            return False
    return True


def change_ok(g, p):
    gc, pc = g.get("change"), p.get("change")
    if gc is None or pc is None:
        return gc is None and pc is None
    if gc.get("direction") != pc.get("direction"):
        return False
    if "factor" in gc and not same_number(gc["factor"], pc.get("factor")):
        return False
    if "percent" in gc:
        pp = pc.get("percent")
        if not same_number(gc["percent"], pp.get("value") if isinstance(pp, dict) else pp):
            return False
    if "amount" in gc and not same_value(gc["amount"], pc.get("amount")):
        return False
    return True


def baseline_ok(g, p, spans=None):
    gb, pb = g.get("baseline"), p.get("baseline")
    if gb is None or pb is None:
        return gb is None and pb is None
    pv = pb.get("value") if isinstance(pb.get("value"), dict) else pb
    return same_value({k: v for k, v in gb.items() if k != "period"}, pv) and \
        same_period(gb.get("period"), pb.get("period"), spans)


def source_names(x):
    out = []
    for s in x or []:
        n = norm_name(s.get("name") if isinstance(s, dict) else s)
        if n and (not out or out[-1] != n):
            out.append(n)
    return out


def field_ok(f, g, p, gold_doc):
    if f == "subject":
        return subject_ok(g, p, gold_doc)
    if f == "metric":
        return (g.get("metric") or None) == (p.get("metric") or None)
    if f == "value":
        return same_value(g.get("value"), p.get("value"))
    if f == "period":
        return same_period(g.get("period"), p.get("period"), duration_spans(gold_doc))
    if f == "baseline":
        return baseline_ok(g, p, duration_spans(gold_doc))
    if f == "change":
        return change_ok(g, p)
    gs, ps = source_names(g.get("sources")), source_names(p.get("sources"))
    if f == "source":
        return (gs[:1] == ps[:1])
    return gs == ps  # chain


def shown(f, c):
    """What a claim has for field f, compactly, for error listings."""
    if f in ("source", "chain"):
        return [s.get("name") if isinstance(s, dict) else s for s in c.get("sources") or []]
    if f == "period":
        return timex(c.get("period"))
    if f in ("value",):
        v = c.get(f)
        return None if v is None else {k: v[k] for k in ("value", "currency", "unit") if k in v}
    if f == "baseline":
        b = c.get("baseline")
        if not isinstance(b, dict):
            return b
        v = b.get("value") if isinstance(b.get("value"), dict) else b
        return {**{k: v[k] for k in ("value", "currency", "unit") if k in v}, "period": timex(b.get("period"))}
    if f == "change":
        ch = c.get("change")
        if not isinstance(ch, dict):
            return ch
        out = {k: ch[k] for k in ("direction", "factor", "qualifier") if k in ch}
        for k in ("amount", "percent"):
            if isinstance(ch.get(k), dict):
                out[k] = {kk: ch[k][kk] for kk in ("value", "currency", "unit") if kk in ch[k]}
            elif k in ch:
                out[k] = ch[k]
        return out
    return c.get(f)


# ---------------------------------------------------------------- matching

def _spans_of(p, text):
    """The code point spans a predicted claim can be located by."""
    out = []

    def add(x):
        if isinstance(x, dict) and isinstance(x.get("start"), int) and isinstance(x.get("end"), int):
            out.append((x["start"], x["end"]))
    if p.get("kind") == "statement":
        add(p.get("statement"))
        return out
    add(p.get("value"))
    for e in p.get("equivalents") or []:
        add(e)
    ch = p.get("change")
    if isinstance(ch, dict):
        add(ch.get("amount"))
        add(ch.get("percent"))
        add(ch.get("factor_mention"))
        t = ch.get("text")
        sent = p.get("sentence") or {}
        if isinstance(t, str) and t and isinstance(sent.get("start"), int) and isinstance(sent.get("end"), int):
            s0, s1 = sent["start"], sent["end"]
            for i in occurrences(text[s0:s1], t):
                out.append((s0 + i, s0 + i + len(t)))
    return out


def gold_span(g):
    if g.get("kind") == "statement":
        return claims_gold.statement_span(g)
    return g.get("start"), g.get("end")


def match(gold_claims, pred_claims, text):
    """Pairs (gi, pi), one to one, greedy by overlap."""
    cands = []
    for gi, g in enumerate(gold_claims):
        gs, ge = gold_span(g)
        if not isinstance(gs, int):
            continue
        for pi, p in enumerate(pred_claims):
            if p.get("kind") != g.get("kind"):
                continue
            best = 0
            for s, e in _spans_of(p, text):
                best = max(best, min(e, ge) - max(s, gs))
            if best > 0:
                dist = min((abs(s - gs) for s, _ in _spans_of(p, text)), default=0)
                cands.append((-best, dist, gi, pi))
    return greedy_pairs(cands)


def greedy_pairs(cands):
    """One-to-one pairs from (cost, tie-break, left, right) candidates, cheapest first."""
    cands.sort()
    used_l, used_r, pairs = set(), set(), []
    for _, _, li, ri in cands:
        if li in used_l or ri in used_r:
            continue
        used_l.add(li)
        used_r.add(ri)
        pairs.append((li, ri))
    return sorted(pairs)



def sentence_of(text, pos):
    """The sentence-ish stretch around pos (for error listings)."""
    if not isinstance(pos, int):
        return ""
    b = max(text.rfind("\n", 0, pos), max(text.rfind(". ", 0, pos), text.rfind("? ", 0, pos)) + 1)
    e_candidates = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return text[b:e].strip()


def score(gold_docs, pred_docs, texts, errors=None, kinds=None):
    """Claim scores over the documents. errors (a list) receives per-claim error entries."""
    errors = [] if errors is None else errors
    rows = {}
    for k in (kinds or claims_gold.KINDS) + ("all",):
        rows[k] = {"gold": 0, "pred": 0, "tp": 0, "fields": {f: [0, 0] for f in FIELDS}}
    for did in sorted(gold_docs):
        gd = gold_docs[did]
        text = texts[did]
        gcl = [c for c in gd.get("claims") or [] if not kinds or c.get("kind") in kinds]
        pcl = [c for c in (pred_docs.get(did, {}).get("claims") or [])
               if isinstance(c, dict) and (not kinds or c.get("kind") in kinds)]
        for c in gcl:
            for k in (c.get("kind"), "all"):
                if k in rows:
                    rows[k]["gold"] += 1
        for c in pcl:
            for k in (c.get("kind"), "all"):
                if k in rows:
                    rows[k]["pred"] += 1
        pairs = match(gcl, pcl, text)
        for gi, pi in pairs:
            g, p = gcl[gi], pcl[pi]
            wrong = []
            for k in (g["kind"], "all"):
                rows[k]["tp"] += 1
            for f in KIND_FIELDS.get(g["kind"], FIELDS):
                ok = field_ok(f, g, p, gd)
                for k in (g["kind"], "all"):
                    rows[k]["fields"][f][1] += 1
                    rows[k]["fields"][f][0] += ok
                if not ok:
                    wrong.append(f)
            if wrong:
                errors.append({"doc": did, "kind": "wrong", "claim": g["kind"], "anchor": g.get("anchor"),
                               "start": g.get("start"), "fields": wrong, "sentence": sentence_of(text, g.get("start")),
                               "gold": {f: shown(f, g) for f in wrong},
                               "pred": {f: shown(f, p) for f in wrong}})
        mg, mp = {gi for gi, _ in pairs}, {pi for _, pi in pairs}
        for gi, g in enumerate(gcl):
            if gi not in mg:
                errors.append({"doc": did, "kind": "missed", "claim": g.get("kind"), "anchor": g.get("anchor"),
                               "start": g.get("start"), "sentence": sentence_of(text, g.get("start")),
                               "gold": {f: shown(f, g) for f in ("subject", "metric", "value", "change", "period",
                                                                  "source")}})
        for pi, p in enumerate(pcl):
            if pi not in mp:
                spans = _spans_of(p, text)
                at = spans[0][0] if spans else (p.get("sentence") or {}).get("start")
                anchor = text[spans[0][0]:spans[0][1]] if spans else None
                errors.append({"doc": did, "kind": "false positive", "claim": p.get("kind"), "anchor": anchor,
                               "start": at if isinstance(at, int) else 0, "sentence": sentence_of(text, at),
                               "pred": {f: shown(f, p) for f in ("subject", "metric", "value", "change", "period",
                                                                  "source")}})
    out = {}
    for k, r in rows.items():
        p, rc, f1 = prf(r["tp"], r["gold"], r["pred"])
        out[k] = {"gold": r["gold"], "pred": r["pred"], "matched": r["tp"], "precision": p, "recall": rc, "f1": f1,
                  "fields": {f: {"correct": c, "total": n, "accuracy": c / n if n else None}
                             for f, (c, n) in r["fields"].items()}}
    return out


# ---------------------------------------------------------------- input

def load_gold(cdir, only):
    docs, texts = {}, {}
    for did in claims_gold.gold_ids(cdir):
        if only and did not in only:
            continue
        g, t = claims_gold.load(cdir, did)
        for c in g.get("claims") or []:
            if not isinstance(c.get("start"), int):
                sys.exit(f"evaluate_claims: {did}: claim \"{c.get('anchor')}\" has no offsets "
                         "(run tools/claims_gold.py fix)")
        docs[did], texts[did] = g, t
    missing = set(only or ()) - set(docs)
    if missing:
        sys.exit("evaluate_claims: no gold for " + ", ".join(sorted(missing)))
    return docs, texts


def articles_jsonl(cdir, docs, texts):
    """corpus/articles.jsonl, or the same records built from the corpus when it is absent."""
    path = os.path.join(cdir, "articles.jsonl")
    if os.path.exists(path):
        return path, None
    lines = [json.dumps({"id": d, "title": docs[d].get("title"), "published": docs[d].get("published"),
                         "text": texts[d]}, ensure_ascii=False) for d in sorted(docs)]
    return "-", "\n".join(lines) + "\n"


def run_claimex(binary, cdir, docs, texts, rules):
    if not os.path.exists(binary):
        sys.exit(f"evaluate_claims: no claimex binary at {binary} (build it, or pass --claimex / --predictions)")
    src, stdin = articles_jsonl(cdir, docs, texts)
    cmd = [binary, "extract"] + (["--rules", rules] if rules else []) + [src]
    proc = subprocess.run(cmd, input=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        print(f"evaluate_claims: warning: {' '.join(cmd)} exited {proc.returncode}", file=sys.stderr)
    return read_predictions(proc.stdout.splitlines(), "claimex output", "evaluate_claims")


# ---------------------------------------------------------------- output


HEAD = ["kind", "gold", "pred", "matched", "P", "R", "F1"] + list(FIELDS)


def table(res):
    rows = []
    for k in list(claims_gold.KINDS) + ["all"]:
        if k not in res:
            continue
        r = res[k]
        cells = [k, str(r["gold"]), str(r["pred"]), str(r["matched"]), fmt(r["precision"]), fmt(r["recall"]),
                 fmt(r["f1"])]
        for f in FIELDS:
            v = r["fields"][f]
            cells.append(f"{fmt(v['accuracy'])}" if v["total"] else "–")
        rows.append(cells)
    return rows


def print_text(res):
    body = table(res)
    widths = [max(len(HEAD[i]), *(len(r[i]) for r in body)) for i in range(len(HEAD))]
    line = lambda cells: "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths)))
    print(line(HEAD))
    print("  ".join("-" * w for w in widths))
    for r in body:
        print(line(r))
    print("(field columns: accuracy among matched claims)")


def print_markdown(res):
    print("| " + " | ".join(HEAD) + " |")
    print("|" + "|".join(["---"] + ["---:"] * (len(HEAD) - 1)) + "|")
    for r in table(res):
        print("| " + " | ".join(f"**{c}**" if r[0] == "all" else c for c in r) + " |")
    print()
    print("Field columns: accuracy among matched claims.")


def print_error(e):
    """One error entry of score(), indented, with its sentence."""
    head = f"  {e['claim'] or '?':9} {e['kind']:14} @{e.get('start')!s:>5} \"{e.get('anchor')}\""
    if e["kind"] == "wrong":
        print(head + "  " + ", ".join(e["fields"]))
        for f in e["fields"]:
            print(f"      {f:8} gold {json.dumps(e['gold'][f], ensure_ascii=False)}  "
                  f"pred {json.dumps(e['pred'][f], ensure_ascii=False)}")
    else:
        side = "gold" if e["kind"] == "missed" else "pred"
        print(head + f"  {side} " + json.dumps(e[side], ensure_ascii=False))
    print(f"      | {e['sentence']}")


def print_errors(errors):
    by_doc = {}
    for e in errors:
        by_doc.setdefault(e["doc"], []).append(e)
    for did in sorted(by_doc):
        print(f"== {did}")
        for e in sorted(by_doc[did], key=lambda e: (e.get("start") or 0, e["kind"])):
            print_error(e)
    print()


def main(argv=None):
    ap = argparse.ArgumentParser(description="Score claimex claims against the corpus claim gold.")
    add_input_args(ap)
    ap.add_argument("--doc", action="append", help="only this article id (repeatable)")
    ap.add_argument("--kind", action="append", choices=claims_gold.KINDS, help="only this claim kind (repeatable)")
    ap.add_argument("--errors", action="store_true", help="list misses, false positives and wrong fields")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--markdown", action="store_true", help="the table as Markdown")
    a = ap.parse_args(argv)

    cdir = corpus_from_args(a)
    gold, texts = load_gold(cdir, a.doc)
    if a.predictions:
        pred = predictions_from_file(a.predictions, "evaluate_claims")
    else:
        pred = run_claimex(a.claimex, cdir, gold, texts, a.rules)
    absent = [d for d in gold if d not in pred]
    if absent:
        print(f"evaluate_claims: warning: no prediction for {len(absent)} document(s): {', '.join(absent[:5])}"
              + (" ..." if len(absent) > 5 else ""), file=sys.stderr)
    errors = []
    res = score(gold, pred, texts, errors, tuple(a.kind) if a.kind else None)
    if a.json:
        out = {"documents": len(gold), "claims": res}
        if a.errors:
            out["errors"] = errors
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if a.errors:
        print_errors(errors)
    print(f"{len(gold)} documents, claims")
    (print_markdown if a.markdown else print_text)(res)
    return 0


if __name__ == "__main__":
    run_main(main)
