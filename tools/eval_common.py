"""What the mention and claim evaluators share: how names, units, numbers
and durations are compared, precision/recall/F1, and how a score prints.
Imported by tools/evaluate.py and tools/evaluate_claims.py."""
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Named article sets: the development corpus (rules and claim assembly are
# tuned on it) and the held-out test set nobody tunes on (corpus/heldout/README.md).
SETS = {"dev": "corpus", "heldout": os.path.join("corpus", "heldout")}


def add_set_args(ap):
    """--set NAME and --corpus DIR (DIR wins) on an argparse parser."""
    ap.add_argument("--set", choices=sorted(SETS), default=None,
                    help="article set: dev (corpus/, the default) or heldout (corpus/heldout/)")
    ap.add_argument("--corpus", default=None, help="corpus folder (overrides --set)")


def add_input_args(ap):
    """Where the records to score come from: --claimex BINARY (run it), or
    --predictions FILE; the article set (add_set_args) and --rules."""
    ap.add_argument("--claimex", default=os.path.join(ROOT, "build", "claimex"), help="the claimex binary")
    ap.add_argument("--predictions", help="JSONL records from `claimex extract` (instead of running it); - for stdin")
    add_set_args(ap)
    ap.add_argument("--rules", help="rules folder passed to claimex")


def corpus_from_args(a):
    """The corpus folder chosen by --corpus / --set (default: the dev corpus)."""
    if getattr(a, "corpus", None):
        return os.path.abspath(a.corpus)
    return os.path.join(ROOT, SETS[getattr(a, "set", None) or "dev"])

LEGAL_SUFFIXES = {"inc", "incorporated", "corp", "corporation", "ltd", "limited", "plc", "group",
                  "holding", "holdings", "sa", "ag", "co"}


def norm_name(s):
    """A name for comparison: case, leading "the", punctuation, legal suffixes ignored."""
    if not isinstance(s, str):
        return ""
    s = unicodedata.normalize("NFKC", s).casefold()
    s = s.replace("'s ", " ").replace("’s ", " ")
    s = re.sub(r"[^\w\s]", " ", s)
    words = s.split()
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        words.pop()
    return " ".join(words)


def norm_unit(u):
    """A unit for comparison: case and "X per Y" vs "X/Y" ignored."""
    u = str(u or "").casefold().strip()
    return re.sub(r"\s*(?:/|\bper\b)\s*", "/", u)


def same_number(a, b):
    """Equal within a relative 1e-6 (booleans are not numbers)."""
    if isinstance(a, bool) or isinstance(b, bool):
        return False
    if not isinstance(a, (int, float)) or not isinstance(b, (int, float)):
        return False
    if a == b:
        return True
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b))


_DURATION = re.compile(r"^P(\d+)([YQMWD])$")
_DURATION_BASE = {"Y": (12, "M"), "Q": (3, "M"), "M": (1, "M"), "W": (7, "D"), "D": (1, "D")}


def duration_key(v):
    """P1Y, P12M and P4Q as one key (months); P2W and P14D as days; else None."""
    m = _DURATION.match(v) if isinstance(v, str) else None
    if not m:
        return None
    k, base = _DURATION_BASE[m.group(2)]
    return (int(m.group(1)) * k, base)


def prf(tp, n_gold, n_pred):
    """Precision, recall, F1; None where undefined (no predictions / no gold)."""
    p = tp / n_pred if n_pred else None
    r = tp / n_gold if n_gold else None
    if p is not None and r is not None:
        f = 2 * p * r / (p + r) if p + r else 0.0
    else:
        f = None if n_gold == 0 and n_pred == 0 else 0.0
    return p, r, f


def fmt(x):
    return "–" if x is None else f"{x:.3f}"


def is_word_char(c):
    return c.isalnum() or unicodedata.category(c) == "Mn"


def occurrences(text, needle):
    """Start offsets of needle in text, counting only token-aligned matches."""
    out = []
    if not needle:
        return out
    i = text.find(needle)
    while i >= 0:
        j = i + len(needle)
        ok_left = not (is_word_char(needle[0]) and i > 0 and is_word_char(text[i - 1]))
        ok_right = not (is_word_char(needle[-1]) and j < len(text) and is_word_char(text[j]))
        if ok_left and ok_right:
            out.append(i)
        i = text.find(needle, i + 1)
    return out


def run_main(main):
    """Exit with main()'s status; output piped into head & co. that closes early is not an error."""
    try:
        sys.exit(main())
    except BrokenPipeError:
        sys.stderr.close()
        sys.exit(0)


def predictions_from_file(path, prog):
    """read_predictions over a JSONL file, or stdin for "-"."""
    if path == "-":
        return read_predictions(sys.stdin.read().splitlines(), "<stdin>", prog)
    with open(path, encoding="utf-8") as f:
        return read_predictions(f.read().splitlines(), path, prog)


def read_predictions(lines, origin, prog):
    """The records of a claimex JSONL output by document id; exits naming origin:line on a line that is not JSON."""
    out = {}
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            sys.exit(f"{prog}: {origin}:{n}: not JSON: {e}")
        if isinstance(r, dict) and r.get("id") is not None:
            out[str(r["id"])] = r
    return out
