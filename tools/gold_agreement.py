#!/usr/bin/python3
"""Inter-annotator agreement of two gold annotations of the same articles.

    tools/gold_agreement.py A B [--doc ID ...] [--diff] [--json]

A and B are corpus folders (each with gold/<id>.json, or a folder of <id>.json
gold files beside a corpus's articles/, as corpus/heldout/second; the article text is read
from A's articles/<id>.txt, else B's) or two gold files. Articles present in
both are compared; A plays "gold" and B "prediction", so precision is B's
share of items A also has and recall A's share that B has (F1 is symmetric).

Mentions, per type: exact-span F1 (same start/end), overlap F1, and among
exact matches the share whose value agrees (tools/evaluate.py's value_ok:
number+currency/unit, TIMEX3 value, canonical name) and the share whose
every field agrees (role, affiliation, kind, qualifier, from/to too).

Claims: matched one to one, greedily, by kind and overlapping anchor (the
statement span for statements; tools/evaluate_claims.py's matching for two
gold files). Reported per kind: matched F1, and among matched the share that
agree per field (tools/evaluate_claims.py's field tests, A as reference).
A numeric claim left over that B records under the other numeric kind in the
same sentence with the same value or change is reported as a kind mismatch
(it counts as unmatched in the F1).

--diff lists every disagreement (for reconciliation), --json prints the
figures as JSON. Python 3 standard library only.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_gold  # noqa: E402
import evaluate  # noqa: E402
import evaluate_claims  # noqa: E402
from eval_common import fmt, prf, run_main  # noqa: E402

TYPES = ("money", "percent", "quantity", "date", "org", "person", "place", "source")
KINDS = ("amount", "change", "statement")
FIELDS = evaluate_claims.FIELDS


def load_side(path, only):
    """{id: (gold, text)} from a corpus folder or a single gold file."""
    out = {}
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            g = json.load(f)
        cdir = os.path.dirname(os.path.dirname(os.path.abspath(path)))
        out[g["id"]] = (g, os.path.join(cdir, "articles", g["id"] + ".txt"))
        return out
    if not os.path.isdir(os.path.join(path, "gold")):
        # a folder of gold files beside a corpus's own (a second annotation: corpus/heldout/second)
        for name in sorted(os.listdir(path)):
            aid = name[:-5]
            if name.endswith(".json") and (not only or aid in only):
                with open(os.path.join(path, name), encoding="utf-8") as f:
                    out[aid] = (json.load(f), os.path.join(os.path.dirname(os.path.abspath(path)), "articles", aid + ".txt"))
        return out
    for aid in claims_gold.gold_ids(path):
        if only and aid not in only:
            continue
        with open(os.path.join(path, "gold", aid + ".json"), encoding="utf-8") as f:
            out[aid] = (json.load(f), os.path.join(path, "articles", aid + ".txt"))
    return out


def read_text(*paths):
    for p in paths:
        if os.path.isfile(p):
            with open(p, encoding="utf-8") as f:
                return f.read()
    raise SystemExit(f"no article text at {paths[0]}")


def sentence_span(text, pos):
    """(start, end) of the sentence around pos: a rough split at '. ' and line breaks."""
    s = max(text.rfind("\n", 0, pos), text.rfind(". ", 0, pos) + 1)
    e_nl, e_dot = text.find("\n", pos), text.find(". ", pos)
    ends = [x for x in (e_nl, e_dot) if x >= 0]
    return s + 1, (min(ends) if ends else len(text))


def claim_span(c):
    return claims_gold.statement_span(c) if c.get("kind") == "statement" else (c.get("start"), c.get("end"))


def match_claims(ca, cb):
    """Greedy one-to-one pairs (ia, ib) of the same kind with overlapping spans."""
    cands = []
    for ia, a in enumerate(ca):
        sa, ea = claim_span(a)
        for ib, b in enumerate(cb):
            if a.get("kind") != b.get("kind"):
                continue
            sb, eb = claim_span(b)
            o = min(ea, eb) - max(sa, sb)
            if o > 0:
                cands.append((-o, abs(sa - sb), ia, ib))
    return evaluate_claims.greedy_pairs(cands)


def same_figure(a, b):
    """Two numeric claims carry the same figure: value, or change size."""
    if a.get("value") is not None and evaluate_claims.same_value(a.get("value"), b.get("value")):
        return True
    ca, cb = a.get("change") or {}, b.get("change") or {}
    for k in ("percent", "amount", "factor"):
        if k in ca and k in cb and ca[k] == cb[k]:
            return True
    return False


def kind_mismatches(ca, cb, left_a, left_b, text):
    out = []
    used = set()
    for ia in sorted(left_a):
        a = ca[ia]
        if a.get("kind") == "statement":
            continue
        sent = sentence_span(text, a["start"])
        for ib in sorted(left_b):
            b = cb[ib]
            if ib in used or b.get("kind") in ("statement", a.get("kind")):
                continue
            if sent[0] <= b["start"] < sent[1] and same_figure(a, b):
                out.append((ia, ib))
                used.add(ib)
                break
    return out


def other_fields(m):
    """A mention's fields beyond its span, numbers compared as floats (role, affiliation, kind, qualifier...)."""
    out = {}
    for k, v in m.items():
        if k in ("type", "text", "start", "end", "occurrence", "note"):
            continue
        out[k] = float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) else v
    return out


def brief_claim(c):
    keep = ("kind", "anchor", "occurrence", "subject", "metric", "value", "period", "baseline", "change", "sources")
    return json.dumps({k: c[k] for k in keep if k in c and c[k] not in (None, [], {})}, ensure_ascii=False)


def compare(side_a, side_b, diff):
    ids = sorted(set(side_a) & set(side_b))
    m_counts = {t: {"a": 0, "b": 0, "exact": 0, "overlap": 0, "value": 0, "fields": 0} for t in TYPES}
    c_counts = {k: {"a": 0, "b": 0, "matched": 0, "kind_mismatch": 0, **{f: [0, 0] for f in FIELDS}} for k in KINDS}
    lines = []
    for aid in ids:
        ga, pa = side_a[aid]
        gb, pb = side_b[aid]
        text = read_text(pa, pb)
        for t in TYPES:
            ma = [m for m in ga.get("mentions", []) if m.get("type") == t]
            mb = [m for m in gb.get("mentions", []) if m.get("type") == t]
            cnt = m_counts[t]
            cnt["a"] += len(ma)
            cnt["b"] += len(mb)
            ex = evaluate.match_exact(ma, mb)
            ov = evaluate.match_overlap(ma, mb)
            cnt["exact"] += len(ex)
            cnt["overlap"] += len(ov)
            for ia, ib in ex:
                if evaluate.value_ok(t, ma[ia], mb[ib]):
                    cnt["value"] += 1
                    fa, fb = other_fields(ma[ia]), other_fields(mb[ib])
                    if fa == fb:
                        cnt["fields"] += 1
                    elif diff:
                        lines.append(f"{aid} {t} fields {ma[ia]['start']} \"{ma[ia]['text']}\": A {fa}  B {fb}")
                elif diff:
                    lines.append(f"{aid} {t} value  {ma[ia]['start']} \"{ma[ia]['text']}\": "
                                 f"A {evaluate.shown_value(t, ma[ia])}  B {evaluate.shown_value(t, mb[ib])}")
            if diff:
                xa = {i for i, _ in ex}
                xb = {j for _, j in ex}
                ova = dict(ov)
                for i, m in enumerate(ma):
                    if i not in xa:
                        j = ova.get(i)
                        other = f"  (B overlaps: \"{mb[j]['text']}\")" if j is not None and j not in xb else ""
                        lines.append(f"{aid} {t} only-A {m['start']} \"{m['text']}\" {evaluate.shown_value(t, m)}{other}")
                for j, m in enumerate(mb):
                    if j not in xb:
                        lines.append(f"{aid} {t} only-B {m['start']} \"{m['text']}\" {evaluate.shown_value(t, m)}")
        ca, cb = ga.get("claims") or [], gb.get("claims") or []
        for c in ca:
            c_counts[c["kind"]]["a"] += 1
        for c in cb:
            c_counts[c["kind"]]["b"] += 1
        pairs = match_claims(ca, cb)
        for ia, ib in pairs:
            a, b = ca[ia], cb[ib]
            k = c_counts[a["kind"]]
            k["matched"] += 1
            bad = []
            for f in evaluate_claims.KIND_FIELDS[a["kind"]]:
                k[f][1] += 1
                if evaluate_claims.field_ok(f, a, b, ga):
                    k[f][0] += 1
                elif f != "chain" or evaluate_claims.field_ok("source", a, b, ga):
                    bad.append(f"{f}: A {evaluate_claims.shown(f, a)} B {evaluate_claims.shown(f, b)}")
            if diff and bad:
                lines.append(f"{aid} claim {a['kind']} \"{a['anchor']}\"@{a['start']}: " + "; ".join(bad))
        left_a = set(range(len(ca))) - {i for i, _ in pairs}
        left_b = set(range(len(cb))) - {j for _, j in pairs}
        km = kind_mismatches(ca, cb, left_a, left_b, text)
        for ia, ib in km:
            c_counts[ca[ia]["kind"]]["kind_mismatch"] += 1
        if diff:
            for ia, ib in km:
                lines.append(f"{aid} claim KIND  A {brief_claim(ca[ia])}\n{' ' * len(aid)}             B {brief_claim(cb[ib])}")
            kma, kmb = {i for i, _ in km}, {j for _, j in km}
            for i in sorted(left_a - kma):
                lines.append(f"{aid} claim only-A {brief_claim(ca[i])}")
            for j in sorted(left_b - kmb):
                lines.append(f"{aid} claim only-B {brief_claim(cb[j])}")
    return ids, m_counts, c_counts, lines


def figures(m_counts, c_counts):
    out = {"mentions": {}, "claims": {}}
    tot = {"a": 0, "b": 0, "exact": 0, "overlap": 0, "value": 0, "fields": 0}
    for t in TYPES:
        c = m_counts[t]
        for k in tot:
            tot[k] += c[k]
    for t, c in list(m_counts.items()) + [("all", tot)]:
        out["mentions"][t] = {"A": c["a"], "B": c["b"], "exact_f1": prf(c["exact"], c["a"], c["b"])[2],
                              "overlap_f1": prf(c["overlap"], c["a"], c["b"])[2],
                              "value_agreement": c["value"] / c["exact"] if c["exact"] else None,
                              "all_fields_agreement": c["fields"] / c["exact"] if c["exact"] else None,
                              "exact": c["exact"]}
    tot = {"a": 0, "b": 0, "matched": 0, "kind_mismatch": 0, **{f: [0, 0] for f in FIELDS}}
    for k in KINDS:
        c = c_counts[k]
        for key in ("a", "b", "matched", "kind_mismatch"):
            tot[key] += c[key]
        for f in FIELDS:
            tot[f][0] += c[f][0]
            tot[f][1] += c[f][1]
    for k, c in list(c_counts.items()) + [("all", tot)]:
        p, r, f1 = prf(c["matched"], c["a"], c["b"])
        out["claims"][k] = {"A": c["a"], "B": c["b"], "matched": c["matched"], "kind_mismatch": c["kind_mismatch"],
                            "P": p, "R": r, "F1": f1,
                            **{f: (c[f][0] / c[f][1] if c[f][1] else None) for f in FIELDS}}
    return out


def print_tables(fig, n):
    print(f"{n} article(s); A = reference, B = other annotator")
    print()
    print("| type | A | B | exact | exact F1 | overlap F1 | value agreement | all fields |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for t, r in fig["mentions"].items():
        name = f"**{t}**" if t == "all" else t
        print(f"| {name} | {r['A']} | {r['B']} | {r['exact']} | {fmt(r['exact_f1'])} | {fmt(r['overlap_f1'])} | "
              f"{fmt(r['value_agreement']) if r['value_agreement'] is not None else '–'} | "
              f"{fmt(r['all_fields_agreement']) if r['all_fields_agreement'] is not None else '–'} |")
    print()
    print("| kind | A | B | matched | kind mismatch | P | R | F1 | " + " | ".join(FIELDS) + " |")
    print("|---|" + "---:|" * (7 + len(FIELDS)))
    for k, r in fig["claims"].items():
        name = f"**{k}**" if k == "all" else k
        cells = [fmt(r[f]) if r[f] is not None else "–" for f in FIELDS]
        print(f"| {name} | {r['A']} | {r['B']} | {r['matched']} | {r['kind_mismatch']} | {fmt(r['P'])} | "
              f"{fmt(r['R'])} | {fmt(r['F1'])} | " + " | ".join(cells) + " |")


def main(argv=None):
    ap = argparse.ArgumentParser(description="Agreement of two gold annotations (see the module docstring).")
    ap.add_argument("a", help="reference: corpus folder or gold file")
    ap.add_argument("b", help="other annotation: corpus folder or gold file")
    ap.add_argument("--doc", action="append", help="only these article ids")
    ap.add_argument("--diff", action="store_true", help="list every disagreement")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    only = set(a.doc or [])
    side_a, side_b = load_side(a.a, only), load_side(a.b, only)
    ids, mc, cc, lines = compare(side_a, side_b, a.diff)
    if not ids:
        print("no article in both annotations", file=sys.stderr)
        return 1
    fig = figures(mc, cc)
    if a.json:
        print(json.dumps(fig, indent=1))
    else:
        print_tables(fig, len(ids))
    if a.diff:
        print()
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    run_main(main)
