#!/usr/bin/python3
"""Claim agreement of two hand annotations of the same articles, scored with
exactly tools/evaluate_claims.py's matching and field tests.

    tools/agreement.py A B [--doc ID ...] [--kind K] [--errors] [--json] [--markdown]

A and B are each a corpus folder (gold/<id>.json, as corpus/heldout) or a
folder of claim files <id>.json ({"id", "claims", "notes"}, as
corpus/heldout/second). Articles present in both are compared; the article
text is read from the articles/ folder of the corpus (a claim-file folder's
parent's articles/, or --articles DIR).

Both directions are printed: "A as reference" scores B's claims as
evaluate_claims.py scores claimex's predictions against A (precision is B's
share of claims A also has), and "B as reference" the other way round. Matching
is the same in both directions up to ties; the field tests are not symmetric
(a gold description is matched by most of its words, a change is checked on
the factor/amount/percent the reference has), so the two field rows can differ.

How a hand-annotated claim is given to evaluate_claims.match(): a prediction is
located by the spans of its mentions (value, equivalents, change figures) or
its change word in its sentence; a hand-annotated claim has one located span,
its anchor (a statement: its statement span). The anchor span is passed as the
claim's only located span (as an extra equivalent: the field tests never read
equivalents), so two claims match when their anchors overlap, and a statement
when the statement spans overlap. Nothing else is changed: match(),
field_ok() and score() are evaluate_claims.py's own.

Entities: evaluate_claims.subject_ok() tells an entity subject from a
description by the reference's mention gold. A side without mentions (a claims
file) borrows the other side's mentions of the same article, so both
directions judge names against the same entity list.

Python 3 standard library only.
"""
import argparse
import copy
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_gold  # noqa: E402
import evaluate_claims  # noqa: E402
from eval_common import run_main  # noqa: E402


def load_side(path, only):
    """{id: doc} and the folder the article texts are in."""
    path = os.path.abspath(path)
    gdir = os.path.join(path, "gold")
    folder = gdir if os.path.isdir(gdir) else path
    arts = os.path.join(path if folder == gdir else os.path.dirname(path), "articles")
    docs = {}
    for n in sorted(os.listdir(folder)):
        if not n.endswith(".json"):
            continue
        aid = n[:-5]
        if only and aid not in only:
            continue
        with open(os.path.join(folder, n), encoding="utf-8") as f:
            docs[aid] = json.load(f)
    return docs, arts


def read_text(aid, *dirs):
    for d in dirs:
        p = os.path.join(d, aid + ".txt") if d else None
        if p and os.path.isfile(p):
            with open(p, encoding="utf-8") as f:
                return f.read()
    sys.exit(f"agreement: no article text for {aid} in {', '.join(d for d in dirs if d)}")


def check_offsets(aid, doc, text, side):
    for c in doc.get("claims") or []:
        s, e = c.get("start"), c.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or text[s:e] != c.get("anchor"):
            sys.exit(f"agreement: {side} {aid}: claim \"{c.get('anchor')}\" has no or wrong offsets "
                     "(tools/corpus.py fix, or fill start/end)")


def as_prediction(c):
    """A hand-annotated claim in the shape evaluate_claims.match() locates: its anchor
    (statement span for statements) as its one located span; every scored field as is."""
    p = copy.deepcopy(c)
    if c.get("kind") == "statement":
        s, e = claims_gold.statement_span(c)
        p["statement"] = {"start": s, "end": e, "text": c.get("statement")}
    else:
        p["equivalents"] = [{"start": c["start"], "end": c["end"]}]
    return p


def with_mentions(doc, other):
    """doc, borrowing other's mentions when doc has none (entity names for subject_ok)."""
    if doc.get("mentions") or not other.get("mentions"):
        return doc
    d = dict(doc)
    d["mentions"] = other["mentions"]
    return d


def agreement(ref_docs, other_docs, texts, kinds=None, errors=None):
    """evaluate_claims.score() of other's claims against ref's (ref as gold)."""
    gold = {aid: with_mentions(ref_docs[aid], other_docs[aid]) for aid in texts}
    pred = {aid: {"claims": [as_prediction(c) for c in other_docs[aid].get("claims") or []]} for aid in texts}
    return evaluate_claims.score(gold, pred, texts, errors=errors, kinds=kinds)


def main(argv=None):
    ap = argparse.ArgumentParser(description="Claim agreement of two hand annotations (evaluate_claims.py scoring).")
    ap.add_argument("a", help="first annotation: a corpus folder (gold/) or a folder of <id>.json claim files")
    ap.add_argument("b", help="second annotation, likewise")
    ap.add_argument("--articles", help="folder of the article texts (default: found beside A or B)")
    ap.add_argument("--doc", action="append", help="only this article id (repeatable)")
    ap.add_argument("--kind", action="append", choices=claims_gold.KINDS, help="only this claim kind (repeatable)")
    ap.add_argument("--errors", action="store_true", help="list the disagreements (A as reference)")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--markdown", action="store_true", help="the tables as Markdown")
    a = ap.parse_args(argv)

    da, arts_a = load_side(a.a, a.doc)
    db, arts_b = load_side(a.b, a.doc)
    ids = sorted(set(da) & set(db))
    if not ids:
        sys.exit("agreement: no article annotated on both sides")
    texts = {aid: read_text(aid, a.articles, arts_a, arts_b) for aid in ids}
    for aid in ids:
        check_offsets(aid, da[aid], texts[aid], "A")
        check_offsets(aid, db[aid], texts[aid], "B")
    da = {aid: da[aid] for aid in ids}
    db = {aid: db[aid] for aid in ids}
    errors = []
    res = {"A as reference": agreement(da, db, texts, a.kind, errors),
           "B as reference": agreement(db, da, texts, a.kind)}
    if a.json:
        print(json.dumps({"docs": ids, **res}, indent=1))
        return 0
    print(f"{len(ids)} articles: {', '.join(ids)}")
    for name, r in res.items():
        print()
        print(f"{name} ({'A' if name.startswith('A') else 'B'} as gold, the other as prediction):")
        if a.markdown:
            evaluate_claims.print_markdown(r)
        else:
            evaluate_claims.print_text(r)
    if a.errors:
        print()
        print("Disagreements (A as gold, B as prediction):")
        evaluate_claims.print_errors(errors)
    return 0


if __name__ == "__main__":
    run_main(main)
