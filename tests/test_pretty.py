#!/usr/bin/python3
"""`claimex extract --format pretty`: one readable line per claim (issue 3, point 8).

The seed article's capital-expenditure claim reads as the issue shows it, and a
range shows both its ends."""
import os
import subprocess
import unittest

SRC = os.environ.get("CLAIMEX_SOURCE_DIR") or os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CLAIMEX = os.environ.get("CLAIMEX") or os.path.join(SRC, "build", "claimex")
RULES = os.environ.get("CLAIMEX_RULES") or os.path.join(SRC, "rules")
SEED = os.path.join(SRC, "corpus", "articles", "001-fakti-china-ai.txt")


def pretty(args, stdin=None):
    p = subprocess.run([CLAIMEX, "extract", "--rules", RULES, "--format", "pretty"] + args,
                       input=stdin, capture_output=True, text=True, timeout=120)
    if p.returncode != 0:
        raise AssertionError(f"claimex exited {p.returncode}: {p.stderr}")
    return p.stdout


class PrettyClaims(unittest.TestCase):
    def test_seed_capex_line(self):
        out = pretty(["--published", "2024-08-26", SEED])
        self.assertIn("Alibaba+Tencent+Baidu (combined) · capital_expenditure · 50,000,000,000 CNY "
                      "(≈ 7,000,000,000 USD) · 2024-H1 · vs 23,000,000,000 CNY in 2023-H1 · per Financial Times",
                      out)

    def test_range_shows_both_ends(self):
        out = pretty(["--published", "2025-06-04", "-"],
                     "The European Commission said it would impose duties of between 12.4% and 35.1% "
                     "on imports of steel wire from China.\n")
        line = next((l for l in out.splitlines() if "tariffs" in l), "")
        self.assertIn("12.4–35.1%", line, out)


if __name__ == "__main__":
    unittest.main()
