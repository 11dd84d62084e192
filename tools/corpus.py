#!/usr/bin/python3
"""Tools for the gold corpus in corpus/ (format: corpus/README.md).

    tools/corpus.py fix [--in-order] [ID...]   fill/verify start/end of every gold mention and claim anchor
    tools/corpus.py check                      validate every gold file, claims too (exit 1 on problems)
    tools/corpus.py build [-o FILE]            write corpus/articles.jsonl
    tools/corpus.py show ID [--type T]         list the mentions of an article in context
    tools/corpus.py --set heldout check        the same on the held-out test set (corpus/heldout/)

Offsets are Unicode code points (Python str indices) into the article text.
A mention's `occurrence` (1-based, default 1) counts the places where its
text appears *as a whole token sequence*: a match whose first (last)
character is a letter or digit only counts when the character before
(after) it is not one, so "US" does not count inside "USA" and "FT" not
inside "FTSE".

Python 3 standard library only.
"""
import argparse
import datetime
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import claims_gold  # noqa: E402  (claim gold: corpus/CLAIMS.md)
from eval_common import add_set_args, corpus_from_args, occurrences, run_main  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

TYPES = ("money", "percent", "quantity", "date", "org", "person", "place", "source")
COMMON = {"type", "text", "occurrence", "start", "end", "note"}
NUMERIC = {"value", "min", "max", "qualifier"}
FIELDS = {
    "money": COMMON | NUMERIC | {"currency"},
    "percent": COMMON | NUMERIC | {"unit"},
    "quantity": COMMON | NUMERIC | {"unit"},
    "date": COMMON | {"value", "from", "to", "fiscal"},
    "org": COMMON | {"name", "kind"},
    "person": COMMON | {"name", "role", "affiliation"},
    "place": COMMON | {"name", "kind"},
    "source": COMMON | {"name", "cue", "role", "affiliation", "cites", "kind"},
}
REQUIRED = {
    "money": ("value", "currency"),
    "percent": ("value", "unit"),
    "quantity": ("value", "unit"),
    "date": ("value",),
    "org": ("name", "kind"),
    "person": ("name",),
    "place": ("name", "kind"),
    "source": ("name", "cue"),
}
QUALIFIERS = {"approx", "more_than", "less_than", "up_to", "at_least"}
PERCENT_UNITS = {"percent", "pp"}
ORG_KINDS = {"company", "media", "central_bank", "government", "agency", "international",
             "think_tank", "university", "exchange", "party", "other"}
PLACE_KINDS = {"country", "city", "region"}
CUES = {"according to", "reported", "said", "told", "noted", "notes", "cited", "stated",
        "announced", "estimated", "forecast", "warned", "added", "wrote", "showed", "denied"}
# ISO 4217 codes the corpus may use (extend when an article needs another).
CURRENCIES = set("""
USD EUR GBP JPY CNY HKD INR KRW AUD CAD CHF NZD SGD TWD SEK NOK DKK PLN CZK HUF
RUB TRY BRL MXN ARS CLP COP PEN ZAR NGN EGP KES GHS MAD SAR AED QAR KWD ILS PKR
BDT LKR IDR MYR THB PHP VND XOF XAU XDR KZT UAH RON
OMR UZS ZMW CRC ISK MNT PGK MOP
BWP TND JMD MUR NPR GEL UGX BHD
""".split())

TOP_KEYS = claims_gold.TOP_KEYS
REQUIRED_TOP = ("id", "title", "published", "publisher", "origin", "mentions", "claims")

_TIMEX = [
    r"\d{4}", r"\d{4}-(0[1-9]|1[0-2])", r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])",
    r"\d{4}-Q[1-4]", r"\d{4}-H[12]", r"\d{4}-W(0[1-9]|[1-4]\d|5[0-3])", r"\d{4}-(SP|SU|FA|WI)",
    r"FY\d{4}", r"FY\d{4}-Q[1-4]", r"FY\d{4}-H[12]", r"\d{3}X", r"\d{2}XX",
    r"P(\d+(\.\d+)?[YMWDQ])+", r"PX[YMWDQ]", r"PT\d+[HMS]", r"PAST_REF", r"PRESENT_REF", r"FUTURE_REF",
]
TIMEX_RE = re.compile("^(?:" + "|".join(_TIMEX) + ")$")
# NNN-slug in the dev corpus, HNN-slug in the held-out set.
ID_RE = re.compile(r"^(?:\d{3}|H\d{2,3})-[a-z0-9]+(?:-[a-z0-9]+)*$")


def corpus_dir(args=None):
    return corpus_from_args(args)


def iso_date(s):
    """True when s is a valid YYYY-MM-DD date."""
    if not isinstance(s, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        return False
    try:
        datetime.date.fromisoformat(s)
        return True
    except ValueError:
        return False


def load_article(cdir, aid):
    path = os.path.join(cdir, "articles", aid + ".txt")
    with open(path, "rb") as f:
        data = f.read()
    return data.decode("utf-8")


def load_gold(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def gold_ids(cdir):
    gdir = os.path.join(cdir, "gold")
    if not os.path.isdir(gdir):
        return []
    return sorted(n[:-5] for n in os.listdir(gdir) if n.endswith(".json"))


def article_ids(cdir):
    adir = os.path.join(cdir, "articles")
    if not os.path.isdir(adir):
        return []
    return sorted(n[:-4] for n in os.listdir(adir) if n.endswith(".txt"))


def mention_order(m):
    """Key order in a written mention: type, text, occurrence, start, end, then the rest."""
    head = ["type", "text", "occurrence", "start", "end"]
    out = {k: m[k] for k in head if k in m}
    out.update({k: v for k, v in m.items() if k not in head})
    return out


def where(aid, i, m):
    return f"{aid}: mention {i + 1} ({m.get('type')} \"{m.get('text')}\")"


# ---------------------------------------------------------------- fix

def cmd_fix(args):
    cdir = corpus_dir(args)
    ids = args.ids or gold_ids(cdir)
    problems = 0
    for aid in ids:
        gpath = os.path.join(cdir, "gold", aid + ".json")
        try:
            gold = load_gold(gpath)
            text = load_article(cdir, aid)
        except (OSError, ValueError) as e:
            print(f"{aid}: {e}", file=sys.stderr)
            problems += 1
            continue
        cursors = {}  # --in-order: per type, where the next search starts
        changed = 0
        out = []
        for i, m in enumerate(gold.get("mentions", [])):
            t = m.get("text")
            if not isinstance(t, str) or not t:
                print(f"{where(aid, i, m)}: no text", file=sys.stderr)
                problems += 1
                out.append(m)
                continue
            starts = occurrences(text, t)
            if not starts:
                print(f"{where(aid, i, m)}: text not found in corpus/articles/{aid}.txt", file=sys.stderr)
                problems += 1
                out.append(m)
                continue
            if args.in_order and "occurrence" not in m and "start" not in m:
                cur = cursors.get(m.get("type"), 0)
                later = [s for s in starts if s >= cur]
                if not later:
                    print(f"{where(aid, i, m)}: no occurrence after offset {cur} (--in-order)", file=sys.stderr)
                    problems += 1
                    out.append(m)
                    continue
                occ = starts.index(later[0]) + 1
            else:
                occ = m.get("occurrence", 1)
                if not isinstance(occ, int) or occ < 1 or occ > len(starts):
                    print(f"{where(aid, i, m)}: occurrence {occ} but the text occurs {len(starts)} time(s)",
                          file=sys.stderr)
                    problems += 1
                    out.append(m)
                    continue
            s = starts[occ - 1]
            e = s + len(t)
            cursors[m.get("type")] = e
            new = dict(m)
            if occ > 1:
                new["occurrence"] = occ
            else:
                new.pop("occurrence", None)
            if m.get("start") is not None and m.get("start") != s and not args.quiet:
                print(f"{where(aid, i, m)}: start {m.get('start')} → {s}", file=sys.stderr)
            new["start"], new["end"] = s, e
            new = mention_order(new)
            if new != m:
                changed += 1
            out.append(new)
        gold["mentions"] = out
        # Claim gold (corpus/CLAIMS.md): @-references and anchor offsets.
        for msg in claims_gold.fix_gold(gold, text):
            print(f"{aid}: {msg}", file=sys.stderr)
            problems += 1
        text_out = claims_gold.dump_gold(gold)
        with open(gpath, encoding="utf-8") as f:
            before = f.read()
        if text_out != before:
            with open(gpath, "w", encoding="utf-8") as f:
                f.write(text_out)
            if not args.quiet:
                print(f"{aid}: {changed} mention(s) updated")
    return 1 if problems else 0


# ---------------------------------------------------------------- check

def check_number(errs, w, m, key, required):
    if key not in m:
        if required:
            errs.append(f"{w}: missing \"{key}\"")
        return
    v = m[key]
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        errs.append(f"{w}: \"{key}\" must be a number, not {json.dumps(v)}")


def check_mention(errs, aid, i, m, text):
    w = where(aid, i, m)
    t = m.get("type")
    if t not in TYPES:
        errs.append(f"{w}: unknown type {json.dumps(t)} (one of {', '.join(TYPES)})")
        return
    for k in m:
        if k not in FIELDS[t]:
            errs.append(f"{w}: unknown field \"{k}\" for type {t}")
    if not isinstance(m.get("text"), str) or not m.get("text"):
        errs.append(f"{w}: \"text\" must be a non-empty string")
        return
    if m["text"] != m["text"].strip():
        errs.append(f"{w}: text has leading or trailing white space")
    # offsets
    starts = occurrences(text, m["text"])
    occ = m.get("occurrence", 1)
    if not starts:
        errs.append(f"{w}: text not found in the article")
    elif not isinstance(occ, int) or not 1 <= occ <= len(starts):
        errs.append(f"{w}: occurrence {occ} but the text occurs {len(starts)} time(s)")
    elif "start" not in m or "end" not in m:
        errs.append(f"{w}: no start/end (run tools/corpus.py fix)")
    elif m["start"] != starts[occ - 1] or m["end"] != m["start"] + len(m["text"]):
        errs.append(f"{w}: start/end {m['start']}-{m['end']} do not point at occurrence {occ} "
                    f"(expected {starts[occ - 1]}-{starts[occ - 1] + len(m['text'])}; run tools/corpus.py fix)")
    for k in REQUIRED[t]:
        if k not in m:
            errs.append(f"{w}: missing \"{k}\"")
    if t in ("money", "percent", "quantity"):
        check_number(errs, w, m, "value", True)
        check_number(errs, w, m, "min", False)
        check_number(errs, w, m, "max", False)
        if "qualifier" in m and m["qualifier"] not in QUALIFIERS:
            errs.append(f"{w}: unknown qualifier {json.dumps(m['qualifier'])} (one of {', '.join(sorted(QUALIFIERS))})")
        if ("min" in m) != ("max" in m):
            errs.append(f"{w}: a range needs both \"min\" and \"max\"")
        elif "min" in m and isinstance(m.get("min"), (int, float)) and isinstance(m.get("max"), (int, float)):
            if m["min"] > m["max"]:
                errs.append(f"{w}: min > max")
            if m.get("value") != m["min"]:
                errs.append(f"{w}: for a range, value must equal min")
    if t == "money" and "currency" in m and m["currency"] not in CURRENCIES:
        errs.append(f"{w}: unknown currency {json.dumps(m['currency'])} (ISO 4217; add it to CURRENCIES in tools/corpus.py if real)")
    if t == "percent" and "unit" in m and m["unit"] not in PERCENT_UNITS:
        errs.append(f"{w}: percent unit must be \"percent\" or \"pp\", not {json.dumps(m['unit'])}")
    if t == "quantity" and "unit" in m:
        u = m["unit"]
        if not isinstance(u, str) or not u or u != u.strip():
            errs.append(f"{w}: quantity unit must be a non-empty noun lemma, not {json.dumps(u)}")
    if t == "date":
        v = m.get("value")
        if v is not None and (not isinstance(v, str) or not TIMEX_RE.match(v)):
            errs.append(f"{w}: date value {json.dumps(v)} is not a TIMEX3 value this corpus knows")
        if v is None and "note" not in m:
            errs.append(f"{w}: a date with value null needs a \"note\" saying why")
        for k in ("from", "to"):
            if k in m and not iso_date(m[k]):
                errs.append(f"{w}: \"{k}\" must be an ISO date YYYY-MM-DD, not {json.dumps(m[k])}")
        if ("from" in m) != ("to" in m):
            errs.append(f"{w}: \"from\" and \"to\" go together")
        elif iso_date(m.get("from")) and iso_date(m.get("to")) and m["from"] > m["to"]:
            errs.append(f"{w}: from > to")
        if "fiscal" in m and not isinstance(m["fiscal"], bool):
            errs.append(f"{w}: \"fiscal\" must be true or false")
    if t in ("org", "person", "place", "source"):
        for k in ("name", "role", "affiliation", "cites", "kind", "cue"):
            if k in m and (not isinstance(m[k], str) or not m[k].strip()):
                errs.append(f"{w}: \"{k}\" must be a non-empty string")
    if t == "org" and "kind" in m and m["kind"] not in ORG_KINDS:
        errs.append(f"{w}: unknown org kind {json.dumps(m['kind'])} (one of {', '.join(sorted(ORG_KINDS))})")
    if t == "place" and "kind" in m and m["kind"] not in PLACE_KINDS:
        errs.append(f"{w}: unknown place kind {json.dumps(m['kind'])} (one of {', '.join(sorted(PLACE_KINDS))})")
    if t == "source" and "cue" in m and m["cue"] not in CUES:
        errs.append(f"{w}: unknown cue {json.dumps(m['cue'])} (one of {', '.join(sorted(CUES))})")


def check_article(cdir, aid, errs):
    gpath = os.path.join(cdir, "gold", aid + ".json")
    try:
        gold = load_gold(gpath)
    except ValueError as e:
        errs.append(f"{aid}: corpus/gold/{aid}.json is not valid JSON: {e}")
        return
    try:
        text = load_article(cdir, aid)
    except FileNotFoundError:
        errs.append(f"{aid}: gold has no article corpus/articles/{aid}.txt")
        return
    except UnicodeDecodeError as e:
        errs.append(f"{aid}: article is not valid UTF-8: {e}")
        return
    if not ID_RE.match(aid):
        errs.append(f"{aid}: id must look like NNN-short-slug")
    if not isinstance(gold, dict):
        errs.append(f"{aid}: gold must be a JSON object")
        return
    for k in REQUIRED_TOP:
        if k not in gold:
            errs.append(f"{aid}: gold has no \"{k}\"")
    for k in gold:
        if k not in TOP_KEYS:
            errs.append(f"{aid}: unknown top-level field \"{k}\"")
    if gold.get("id") != aid:
        errs.append(f"{aid}: \"id\" is {json.dumps(gold.get('id'))}, not the file name")
    if "published" in gold and not iso_date(gold["published"]):
        errs.append(f"{aid}: \"published\" must be an ISO date YYYY-MM-DD")
    for k in ("title", "publisher", "origin"):
        if k in gold and (not isinstance(gold[k], str) or not gold[k].strip()):
            errs.append(f"{aid}: \"{k}\" must be a non-empty string")
    if not text.endswith("\n"):
        errs.append(f"{aid}: article text must end with a newline")
    if "\r" in text:
        errs.append(f"{aid}: article text has carriage returns (use \\n)")
    if not isinstance(gold.get("claims", []), list):
        errs.append(f"{aid}: \"claims\" must be a list")
    else:
        errs.extend(claims_gold.check_gold(aid, gold, text, claims_gold.metric_keys()))
    mentions = gold.get("mentions", [])
    if not isinstance(mentions, list):
        errs.append(f"{aid}: \"mentions\" must be a list")
        return
    seen = {}
    for i, m in enumerate(mentions):
        if not isinstance(m, dict):
            errs.append(f"{aid}: mention {i + 1} is not an object")
            continue
        check_mention(errs, aid, i, m, text)
        key = (m.get("type"), m.get("start"), m.get("end"))
        if m.get("start") is not None:
            if key in seen:
                errs.append(f"{where(aid, i, m)}: duplicate of mention {seen[key] + 1} (same type and span)")
            else:
                seen[key] = i


def cmd_check(args):
    cdir = corpus_dir(args)
    errs = []
    gids, aids = gold_ids(cdir), article_ids(cdir)
    if not gids:
        errs.append(f"no gold files in {cdir}/gold")
    for aid in aids:
        if aid not in gids:
            errs.append(f"{aid}: article has no gold file corpus/gold/{aid}.json")
    counts = {}
    for aid in gids:
        check_article(cdir, aid, errs)
        try:
            for m in load_gold(os.path.join(cdir, "gold", aid + ".json")).get("mentions", []):
                counts[m.get("type")] = counts.get(m.get("type"), 0) + 1
        except (ValueError, AttributeError):
            pass
    for e in errs:
        print(e, file=sys.stderr)
    if errs:
        print(f"check: {len(errs)} problem(s)", file=sys.stderr)
        return 1
    summary = ", ".join(f"{counts.get(t, 0)} {t}" for t in TYPES)
    print(f"check: {len(gids)} articles, {sum(counts.values())} mentions ({summary}): ok")
    return 0


# ---------------------------------------------------------------- build

def build_lines(cdir):
    lines = []
    for aid in gold_ids(cdir):
        gold = load_gold(os.path.join(cdir, "gold", aid + ".json"))
        rec = {
            "id": aid,
            "title": gold.get("title"),
            "published": gold.get("published"),
            "publisher": gold.get("publisher"),
            "url": None,
            "text": load_article(cdir, aid),
            "origin": gold.get("origin"),
        }
        lines.append(json.dumps(rec, ensure_ascii=False) + "\n")
    return "".join(lines)


def cmd_build(args):
    cdir = corpus_dir(args)
    out = args.output or os.path.join(cdir, "articles.jsonl")
    data = build_lines(cdir)
    with open(out, "w", encoding="utf-8") as f:
        f.write(data)
    print(f"build: {data.count(chr(10))} articles → {out}")
    return 0


# ---------------------------------------------------------------- show

def cmd_show(args):
    cdir = corpus_dir(args)
    gold = load_gold(os.path.join(cdir, "gold", args.id + ".json"))
    text = load_article(cdir, args.id)
    for m in gold["mentions"]:
        if args.type and m["type"] not in args.type:
            continue
        s, e = m.get("start"), m.get("end")
        ctx = "?" if s is None else (text[max(0, s - 25):s] + "[" + text[s:e] + "]" + text[e:e + 25]).replace("\n", "⏎")
        fields = {k: v for k, v in m.items() if k not in ("type", "text", "start", "end", "occurrence")}
        print(f"{m['type']:8} {s!s:>5}  {ctx}  {json.dumps(fields, ensure_ascii=False)}")
    return 0


def main(argv=None):
    p = argparse.ArgumentParser(description="Gold corpus tools (see corpus/README.md).")
    add_set_args(p)
    sub = p.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("fix", help="fill/verify start/end offsets from text + occurrence")
    f.add_argument("ids", nargs="*", help="article ids (default: all)")
    f.add_argument("--in-order", action="store_true",
                   help="for mentions with neither occurrence nor start: take the first occurrence after the "
                        "previous mention of the same type (gold listed in reading order); writes occurrence")
    f.add_argument("-q", "--quiet", action="store_true")
    sub.add_parser("check", help="validate every gold file")
    b = sub.add_parser("build", help="write corpus/articles.jsonl")
    b.add_argument("-o", "--output", help="output file (default corpus/articles.jsonl)")
    s = sub.add_parser("show", help="list an article's gold mentions in context")
    s.add_argument("id")
    s.add_argument("--type", action="append")
    args = p.parse_args(argv)
    return {"fix": cmd_fix, "check": cmd_check, "build": cmd_build, "show": cmd_show}[args.cmd](args)


if __name__ == "__main__":
    run_main(main)
