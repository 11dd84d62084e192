#!/usr/bin/python3
"""Claim gold of the corpus: the "claims" array of corpus/gold/<id>.json
(format: corpus/CLAIMS.md).

    tools/claims_gold.py fix [ID...]     resolve @-references, fill anchor start/end, rewrite the files
    tools/claims_gold.py check [ID...]   validate every claim (exit 1 on problems)
    tools/claims_gold.py show ID         list an article's gold claims with their anchor in context
    tools/claims_gold.py --set heldout check   the held-out test set (corpus/heldout/)

`fix` accepts shorthand while annotating, so figures are copied from the
hand-checked mention gold instead of retyped:
  "@TEXT" or "@TEXT#N"  in value, equivalents, baseline, change.amount:
                        the numeric mention with that text (Nth token-aligned
                        occurrence) → {"value", "currency"|"unit", ...}
                        in change.percent: its number; in period and
                        baseline.period: the date mention's TIMEX3 value
  {"@": TEXT, "#": N, ...} an object: the mention's value fields merged in
  "statement": "@END"   the statement runs from the anchor's start through
                        the first occurrence of END after it
Offsets are Unicode code points; occurrences are token-aligned (a match
counts only when it does not start or end inside a word), as for mentions.

Python 3 standard library only; usable as a module (tests, evaluate).
"""
import argparse
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from eval_common import add_set_args, corpus_from_args, occurrences, run_main  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KINDS = ("amount", "change", "statement")
CLAIM_KEYS = ("kind", "anchor", "occurrence", "start", "end", "subject", "combined", "metric", "value",
              "equivalents", "period", "baseline", "change", "statement", "sources", "note")
REQUIRED = ("kind", "anchor", "subject", "metric", "value", "period", "sources")
CHANGE_KEYS = {"direction", "factor", "qualifier", "amount", "percent"}
QUALIFIERS = {"approx", "more_than", "less_than", "up_to", "at_least"}
VALUE_KEYS = {"value", "currency", "unit", "min", "max", "qualifier"}
NUMERIC_TYPES = ("money", "percent", "quantity")
TOP_KEYS = ("id", "title", "published", "publisher", "origin", "notes", "mentions", "claims")
TIMEX_RE = re.compile(r"^(?:\d{4}|\d{4}-(0[1-9]|1[0-2])|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|"
                      r"\d{4}-Q[1-4]|\d{4}-H[12]|\d{4}-W(0[1-9]|[1-4]\d|5[0-3])|\d{4}-(SP|SU|FA|WI)|"
                      r"FY\d{4}|FY\d{4}-Q[1-4]|FY\d{4}-H[12]|\d{3}X|\d{2}XX|P(\d+(\.\d+)?[YMWDQ])+|PX[YMWDQ]|"
                      r"PT\d+[HMS]|PAST_REF|PRESENT_REF|FUTURE_REF)$")


class GoldError(Exception):
    pass


# ---------------------------------------------------------------- text

def corpus_dir(path=None):
    """A corpus folder: path (a folder, or an argparse namespace with --set/--corpus) or the dev corpus."""
    if path is not None and not isinstance(path, str):
        return corpus_from_args(path)
    return os.path.abspath(path or os.path.join(ROOT, "corpus"))


def gold_ids(cdir):
    gdir = os.path.join(cdir, "gold")
    return sorted(n[:-5] for n in os.listdir(gdir) if n.endswith(".json")) if os.path.isdir(gdir) else []


def load(cdir, aid):
    with open(os.path.join(cdir, "gold", aid + ".json"), encoding="utf-8") as f:
        gold = json.load(f)
    with open(os.path.join(cdir, "articles", aid + ".txt"), encoding="utf-8") as f:
        text = f.read()
    return gold, text


def metric_keys(rules_dir=None):
    """The canonical metric keys of rules/claims/metrics.tsv."""
    path = os.path.join(rules_dir or os.path.join(ROOT, "rules"), "claims", "metrics.tsv")
    keys = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip() and not line.startswith("#") and "\t" in line:
                keys.add(line.rstrip("\n").split("\t")[1].strip())
    return keys


def entity_names(gold):
    """Canonical names the mention gold uses (subjects that are entities, not descriptions)."""
    return {m["name"] for m in gold.get("mentions", []) if m.get("type") in ("org", "person", "place", "source")
            and isinstance(m.get("name"), str)}


def is_description(name, gold):
    return name not in entity_names(gold)


def statement_span(claim):
    """(start, end) of a gold statement's content, or the anchor's span."""
    s = claim.get("start")
    st = claim.get("statement")
    if isinstance(s, int) and isinstance(st, str) and st:
        return s, s + len(st)
    return s, claim.get("end")


# ---------------------------------------------------------------- @-references

def _find_mention(gold, text, ref, types):
    if "#" in ref and ref.rsplit("#", 1)[1].isdigit():
        t, occ = ref.rsplit("#", 1)
        occ = int(occ)
    else:
        t, occ = ref, 1
    starts = occurrences(text, t)
    if len(starts) < occ:
        raise GoldError(f"reference @{ref}: \"{t}\" occurs {len(starts)} time(s) in the article")
    s = starts[occ - 1]
    for m in gold.get("mentions", []):
        if m.get("type") in types and m.get("start") == s and m.get("text") == t:
            return m
    raise GoldError(f"reference @{ref}: no {'/'.join(types)} mention with that text at offset {s}")


def value_of(m):
    out = {"value": m["value"]}
    if m["type"] == "money":
        out["currency"] = m["currency"]
    else:
        out["unit"] = m.get("unit") or ("percent" if m["type"] == "percent" else None)
    for k in ("min", "max", "qualifier"):
        if k in m:
            out[k] = m[k]
    return out


def _resolve_value(x, gold, text):
    if isinstance(x, str) and x.startswith("@"):
        return value_of(_find_mention(gold, text, x[1:], NUMERIC_TYPES))
    if isinstance(x, dict) and "@" in x:
        ref = x["@"] + (f"#{x['#']}" if "#" in x else "")
        rest = {k: v for k, v in x.items() if k not in ("@", "#")}
        out = value_of(_find_mention(gold, text, ref, NUMERIC_TYPES))
        out.update(rest)
        return out
    return x


def _resolve_period(x, gold, text):
    if isinstance(x, str) and x.startswith("@"):
        return _find_mention(gold, text, x[1:], ("date",))["value"]
    return x


def resolve(claim, gold, text):
    """The claim with its @-references replaced by values from the mention gold."""
    c = dict(claim)
    if "value" in c:
        c["value"] = _resolve_value(c["value"], gold, text)
    if isinstance(c.get("equivalents"), list):
        c["equivalents"] = [_resolve_value(e, gold, text) for e in c["equivalents"]]
    c["period"] = _resolve_period(c.get("period"), gold, text)
    if isinstance(c.get("baseline"), (dict, str)):
        b = _resolve_value(c["baseline"], gold, text)
        if isinstance(b, dict):
            b = dict(b)
            b["period"] = _resolve_period(b.get("period"), gold, text)
        c["baseline"] = b
    if isinstance(c.get("change"), dict):
        ch = dict(c["change"])
        if "amount" in ch:
            ch["amount"] = _resolve_value(ch["amount"], gold, text)
        if isinstance(ch.get("percent"), (str, dict)):
            ch["percent"] = _resolve_value(ch["percent"], gold, text)["value"]
        c["change"] = ch
    return c


# ---------------------------------------------------------------- fix

def anchor_offsets(claim, text):
    """(start, end, occurrence) of the claim's anchor, or raise GoldError."""
    a = claim.get("anchor")
    if not isinstance(a, str) or not a:
        raise GoldError("no anchor")
    starts = occurrences(text, a)
    occ = claim.get("occurrence", 1)
    if not starts:
        raise GoldError(f"anchor \"{a}\" not found in the article")
    if not isinstance(occ, int) or not 1 <= occ <= len(starts):
        raise GoldError(f"anchor \"{a}\": occurrence {occ} but it occurs {len(starts)} time(s)")
    return starts[occ - 1], starts[occ - 1] + len(a), occ


def ordered(c):
    out = {k: c[k] for k in CLAIM_KEYS if k in c}
    out.update({k: v for k, v in c.items() if k not in CLAIM_KEYS})
    return out


def fix_claim(c, gold, text):
    c = resolve(c, gold, text)
    s, e, occ = anchor_offsets(c, text)
    c["start"], c["end"] = s, e
    if occ > 1:
        c["occurrence"] = occ
    else:
        c.pop("occurrence", None)
    st = c.get("statement")
    if isinstance(st, str) and st.startswith("@"):
        tail = st[1:]
        j = text.find(tail, s)
        if j < 0:
            raise GoldError(f"statement end \"{tail}\" not found after the anchor")
        c["statement"] = text[s:j + len(tail)]
    c.setdefault("equivalents", [])
    c.setdefault("baseline", None)
    c.setdefault("change", None)
    return ordered(c)


def dump_gold(gold):
    """The gold file as text: top-level keys in a fixed order, one mention/claim per line
    (the one layout of every gold file; tools/corpus.py writes it too)."""
    keys = [k for k in TOP_KEYS if k in gold] + [k for k in gold if k not in TOP_KEYS]
    lines = ["{"]
    for n, k in enumerate(keys):
        comma = "," if n < len(keys) - 1 else ""
        v = gold[k]
        if k in ("mentions", "claims") and isinstance(v, list) and v:
            lines.append(f'  "{k}": [')
            for i, m in enumerate(v):
                lines.append("    " + json.dumps(m, ensure_ascii=False) + ("," if i < len(v) - 1 else ""))
            lines.append("  ]" + comma)
        else:
            lines.append(f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def fix_gold(gold, text):
    """Fixes the claims of one gold record in place; returns the list of problems."""
    problems, out = [], []
    for i, c in enumerate(gold.get("claims") or []):
        try:
            out.append(fix_claim(c, gold, text))
        except GoldError as e:
            problems.append(f"claim {i + 1} ({c.get('kind')} \"{c.get('anchor')}\"): {e}")
            out.append(c)
    gold["claims"] = out
    return problems


def cmd_fix(a):
    cdir = corpus_dir(a)
    bad = 0
    for aid in a.ids or gold_ids(cdir):
        gold, text = load(cdir, aid)
        problems = fix_gold(gold, text)
        for p in problems:
            print(f"{aid}: {p}", file=sys.stderr)
        bad += len(problems)
        path = os.path.join(cdir, "gold", aid + ".json")
        with open(path, encoding="utf-8") as f:
            before = f.read()
        after = dump_gold(gold)
        if after != before:
            with open(path, "w", encoding="utf-8") as f:
                f.write(after)
            print(f"{aid}: claims updated")
    return 1 if bad else 0


# ---------------------------------------------------------------- check

def _number(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def check_value(errs, w, v, what):
    if not isinstance(v, dict):
        errs.append(f"{w}: {what} must be an object {{value, currency|unit}}, not {json.dumps(v)}")
        return
    for k in v:
        if k not in VALUE_KEYS and not (what == "baseline" and k == "period"):
            errs.append(f"{w}: {what} has unknown field \"{k}\"")
    if not _number(v.get("value")):
        errs.append(f"{w}: {what} needs a numeric \"value\"")
    if ("currency" in v) == ("unit" in v):
        errs.append(f"{w}: {what} needs exactly one of \"currency\" and \"unit\"")
    if "qualifier" in v and v["qualifier"] not in QUALIFIERS:
        errs.append(f"{w}: {what} has unknown qualifier {json.dumps(v['qualifier'])}")


def check_claim(errs, aid, i, c, gold, text, metrics):
    w = f"{aid}: claim {i + 1} ({c.get('kind')} \"{c.get('anchor')}\")"
    for k in c:
        if k not in CLAIM_KEYS:
            errs.append(f"{w}: unknown field \"{k}\"")
    for k in REQUIRED:
        if k not in c:
            errs.append(f"{w}: missing \"{k}\"")
    kind = c.get("kind")
    if kind not in KINDS:
        errs.append(f"{w}: kind must be one of {', '.join(KINDS)}")
    # anchor and offsets
    try:
        s, e, occ = anchor_offsets(c, text)
        if c.get("start") != s or c.get("end") != e:
            errs.append(f"{w}: start/end {c.get('start')}-{c.get('end')} do not point at occurrence {occ} of the "
                        f"anchor (expected {s}-{e}; run tools/claims_gold.py fix)")
    except GoldError as ex:
        errs.append(f"{w}: {ex}")
        s = None
    # @-references left unresolved
    if "\"@" in json.dumps({k: v for k, v in c.items() if k != "anchor"}, ensure_ascii=False):
        errs.append(f"{w}: unresolved @-reference (run tools/claims_gold.py fix)")
        return
    # subject
    subj = c.get("subject")
    if not isinstance(subj, list) or not all(isinstance(x, str) and x.strip() for x in subj):
        errs.append(f"{w}: subject must be a list of names/descriptions")
    elif kind != "statement" and not subj:
        errs.append(f"{w}: a figure claim needs a subject")
    if "combined" in c and not isinstance(c["combined"], bool):
        errs.append(f"{w}: combined must be true or false")
    # metric
    m = c.get("metric")
    if kind == "statement":
        if m is not None and m not in metrics:
            errs.append(f"{w}: metric {json.dumps(m)} is not a key of rules/claims/metrics.tsv")
    elif m not in metrics:
        errs.append(f"{w}: metric {json.dumps(m)} is not a key of rules/claims/metrics.tsv")
    # value, equivalents, baseline, change
    if kind == "amount":
        check_value(errs, w, c.get("value"), "value")
        if c.get("change") is not None:
            errs.append(f"{w}: an amount has change null")
    elif kind == "change":
        if c.get("value") is not None:
            check_value(errs, w, c["value"], "value")
        ch = c.get("change")
        if not isinstance(ch, dict):
            errs.append(f"{w}: a change needs a change object")
        else:
            for k in ch:
                if k not in CHANGE_KEYS:
                    errs.append(f"{w}: change has unknown field \"{k}\"")
            if ch.get("direction") not in ("up", "down"):
                errs.append(f"{w}: change direction must be up or down")
            if "factor" in ch and not _number(ch["factor"]):
                errs.append(f"{w}: change factor must be a number")
            if "percent" in ch and not _number(ch["percent"]):
                errs.append(f"{w}: change percent must be a number")
            if "amount" in ch:
                check_value(errs, w, ch["amount"], "change amount")
            if "qualifier" in ch and ch["qualifier"] not in QUALIFIERS:
                errs.append(f"{w}: change qualifier {json.dumps(ch['qualifier'])} unknown")
            if not any(k in ch for k in ("factor", "percent", "amount")) and c.get("value") is None:
                errs.append(f"{w}: a change needs a size (factor, percent, amount) or a new level (value)")
    elif kind == "statement":
        if c.get("value") is not None:
            errs.append(f"{w}: a statement has value null")
        st = c.get("statement")
        if not isinstance(st, str) or not st.strip():
            errs.append(f"{w}: a statement needs its \"statement\" content")
        elif s is not None and text[s:s + len(st)] != st:
            errs.append(f"{w}: \"statement\" is not the article text from the anchor on")
        if not c.get("sources"):
            errs.append(f"{w}: a statement needs a source")
    if kind != "statement" and "statement" in c:
        errs.append(f"{w}: only statements have \"statement\"")
    eq = c.get("equivalents", [])
    if not isinstance(eq, list):
        errs.append(f"{w}: equivalents must be a list")
    else:
        for x in eq:
            check_value(errs, w, x, "equivalent")
    b = c.get("baseline")
    if b is not None:
        check_value(errs, w, b, "baseline")
        if isinstance(b, dict) and b.get("period") is not None and not TIMEX_RE.match(str(b["period"])):
            errs.append(f"{w}: baseline period {json.dumps(b['period'])} is not TIMEX3")
    p = c.get("period")
    if p is not None and (not isinstance(p, str) or not TIMEX_RE.match(p)):
        errs.append(f"{w}: period {json.dumps(p)} is not a TIMEX3 value (or null)")
    # sources
    src = c.get("sources")
    if not isinstance(src, list) or not all(isinstance(x, str) and x.strip() for x in src):
        errs.append(f"{w}: sources must be a list of canonical names")
    else:
        names = entity_names(gold)
        for x in src:
            if x not in names:
                errs.append(f"{w}: source {json.dumps(x)} is not a name used by the mention gold")


def check_gold(aid, gold, text, metrics):
    errs = []
    claims = gold.get("claims")
    if not isinstance(claims, list):
        return [f"{aid}: \"claims\" must be a list"]
    seen = {}
    for i, c in enumerate(claims):
        if not isinstance(c, dict):
            errs.append(f"{aid}: claim {i + 1} is not an object")
            continue
        check_claim(errs, aid, i, c, gold, text, metrics)
        key = (c.get("kind"), c.get("start"))
        if key in seen:
            errs.append(f"{aid}: claim {i + 1}: same kind and anchor as claim {seen[key] + 1}")
        seen[key] = i
    return errs


def cmd_check(a):
    cdir = corpus_dir(a)
    metrics = metric_keys(a.rules)
    errs, n, kinds = [], 0, {}
    ids = a.ids or gold_ids(cdir)
    for aid in ids:
        gold, text = load(cdir, aid)
        errs += check_gold(aid, gold, text, metrics)
        for c in gold.get("claims") or []:
            n += 1
            kinds[c.get("kind")] = kinds.get(c.get("kind"), 0) + 1
    for e in errs:
        print(e, file=sys.stderr)
    if errs:
        print(f"check: {len(errs)} problem(s)", file=sys.stderr)
        return 1
    empty = [aid for aid in ids if not load(cdir, aid)[0].get("claims")]
    print(f"check: {len(ids)} articles, {n} claims ("
          + ", ".join(f"{kinds.get(k, 0)} {k}" for k in KINDS) + "): ok"
          + (f"; no claims yet: {', '.join(empty)}" if empty else ""))
    return 0


# ---------------------------------------------------------------- show

def cmd_show(a):
    cdir = corpus_dir(a)
    gold, text = load(cdir, a.id)
    for c in gold.get("claims") or []:
        s, e = c.get("start"), c.get("end")
        ctx = "?" if s is None else (text[max(0, s - 30):s] + "[" + text[s:e] + "]" + text[e:e + 30]).replace("\n", "⏎")
        rest = {k: v for k, v in c.items() if k not in ("kind", "anchor", "occurrence", "start", "end")}
        print(f"{c.get('kind'):9} {ctx}\n          {json.dumps(rest, ensure_ascii=False)}")
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(description="Claim gold tools (see corpus/CLAIMS.md).")
    add_set_args(p)
    p.add_argument("--rules", help="rules folder (default: rules/ of this source tree)")
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fix", help="resolve @-references and fill anchor offsets")
    f.add_argument("ids", nargs="*")
    c = sub.add_parser("check", help="validate the claim gold")
    c.add_argument("ids", nargs="*")
    s = sub.add_parser("show", help="list an article's gold claims in context")
    s.add_argument("id")
    a = p.parse_args(argv)
    return {"fix": cmd_fix, "check": cmd_check, "show": cmd_show}[a.cmd](a)


if __name__ == "__main__":
    run_main(main)
