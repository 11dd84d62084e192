#!/usr/bin/python3
"""Bad input to `claimex extract`: every case gets an error on stderr that
names the input (and the line, for JSONL) and the problem, the documents
before and after the bad one are still written to stdout, and the exit code
is 1 (2 for usage errors)."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

CLAIMEX = os.environ.get("CLAIMEX", "build/claimex")
SOURCE = os.environ.get("CLAIMEX_SOURCE_DIR", os.path.join(os.path.dirname(__file__), ".."))
RULES = os.environ.get("CLAIMEX_RULES", os.path.join(SOURCE, "rules"))

GOOD = "Alibaba's capital expenditure was 50 billion yuan (US$7 billion) in the first half of 2024."


def run(args, stdin=None, rules=RULES):
    cmd = [CLAIMEX] + args
    if args and args[0] == "extract" and rules is not None and "--rules" not in args:
        cmd[2:2] = ["--rules", rules]
    p = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120)
    return p.stdout.decode("utf-8"), p.stderr.decode("utf-8", "replace"), p.returncode


def ids(stdout):
    return [json.loads(line)["id"] for line in stdout.splitlines() if line.strip()]


class BadInput(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="claimex-bad-")
        self.before = self.write("before.txt", GOOD.encode())
        self.after = self.write("after.txt", ("Later: " + GOOD).encode())

    def tearDown(self):
        shutil.rmtree(self.dir)

    def write(self, name, data):
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def assert_one_bad(self, bad, message, args=()):
        """before, bad, after: two records, one error naming the bad input."""
        out, err, code = run(["extract", *args, self.before, bad, self.after])
        self.assertEqual(code, 1, err)
        self.assertEqual(ids(out), [self.before, self.after])
        self.assertEqual(err.count("claimex: "), 1, err)
        self.assertIn(f"claimex: {bad}: {message}", err)
        return err

    def test_invalid_utf8(self):
        # Latin-1 é at byte 3; an overlong '/' ; a surrogate; a truncated end.
        self.assert_one_bad(self.write("latin1.txt", b"caf\xe9 prices rose 5%."),
                            "invalid UTF-8 at byte 3 (truncated sequence)")
        self.assert_one_bad(self.write("overlong.txt", "Über \xc0\xaf".encode("latin-1")),
                            "invalid UTF-8 at byte 0")
        self.assert_one_bad(self.write("overlong2.txt", b"a/b \xc0\xaf"),
                            "invalid UTF-8 at byte 4 (overlong encoding)")
        self.assert_one_bad(self.write("surrogate.txt", b"x \xed\xa0\x80 y"),
                            "invalid UTF-8 at byte 2 (surrogate code point)")
        self.assert_one_bad(self.write("truncated.txt", "Price: €".encode()[:-1]),
                            "invalid UTF-8 at byte 7 (truncated sequence at end of text)")

    def test_binary_file(self):
        png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
        self.assert_one_bad(self.write("image.txt", png), "invalid UTF-8 at byte 0")
        self.assert_one_bad(self.write("nul.txt", b"Revenue rose\x00 5%."),
                            "binary content: NUL byte at offset 12")

    def test_utf16_file(self):
        self.assert_one_bad(self.write("utf16.txt", "Revenue rose 5%.".encode("utf-16")),
                            "UTF-16 text")

    def test_empty_file(self):
        self.assert_one_bad(self.write("empty.txt", b""), "empty document: no text")

    def test_file_larger_than_max_bytes(self):
        self.before = self.write("before.txt", b"short")
        self.after = self.write("after.txt", b"short too")
        self.assert_one_bad(self.write("big.txt", b"x" * 5000), "larger than 1000 bytes (--max-bytes)",
                            args=["--max-bytes", "1000"])

    def test_missing_file_and_directory(self):
        missing = os.path.join(self.dir, "missing.txt")
        self.assert_one_bad(missing, "cannot open: No such file or directory")
        sub = os.path.join(self.dir, "folder")
        os.mkdir(sub)
        self.assert_one_bad(sub, "is a directory")

    def jsonl(self, lines, args=(), name="docs.jsonl"):
        path = self.write(name, b"".join(lines))
        out, err, code = run(["extract", *args, path])
        return path, out, err, code

    def test_malformed_jsonl_lines(self):
        lines = [
            b'{"id": "d1", "text": "Revenue rose 5%."}\n',
            b'{"id": "d2", "text": "unterminated\n',
            b'[1, 2, 3]\n',
            b'{"id": "d4", "title": "no text"}\n',
            b'{"id": "d5", "text": 12}\n',
            b'{"id": "d6", "text": "Profit fell.", "published": "last Tuesday"}\n',
            b'{"id": "d7", "text": "Profit fell.", "published": 20240826}\n',
            b'\n',
            b'{"id": "d9", "text": ""}\n',
            b'{"id": "d10", "text": "caf\xe9"}\n',
            b'{"id": "d11", "text": "a\\u0000b"}\n',
            b'{"id": "d12", "text": "raw \x00 NUL"}\n',
            b'{"id": "d13", "text": "Still here.", "published": "2024-08-26"}\r\n',
            b'{"id": "d14", "text": "truncated at the end',
        ]
        path, out, err, code = self.jsonl(lines)
        self.assertEqual(code, 1, err)
        self.assertEqual(ids(out), ["d1", "d13"])
        expected = {
            2: "malformed JSON",
            3: 'a JSONL document must be an object with a "text" field',
            4: 'document has no "text" field',
            5: '"text" must be a string',
            6: '"published" is not an ISO 8601 date: "last Tuesday"',
            7: '"published" must be a string',
            9: "empty document: no text",
            10: "malformed JSON",
            11: "binary content: NUL byte at offset 1",
            12: "malformed JSON",
            14: "malformed JSON",
        }
        for line, message in expected.items():
            self.assertIn(f"claimex: {path}:{line}: {message}", err)
        self.assertEqual(err.count("claimex: "), len(expected), err)
        # Bytes of the input are escaped, not copied raw to the terminal.
        self.assertIn("\\xE9", err)
        self.assertNotIn("\x00", err)

    def test_huge_jsonl_line(self):
        huge = json.dumps({"id": "huge", "text": "x " * 100000}).encode() + b"\n"
        lines = [b'{"id": "a", "text": "First."}\n', huge, b'{"id": "b", "text": "Last."}\n']
        path, out, err, code = self.jsonl(lines, args=["--max-bytes", "4096"])
        self.assertEqual(code, 1, err)
        self.assertEqual(ids(out), ["a", "b"])
        self.assertIn(f"claimex: {path}:2: line is longer than 4096 bytes (--max-bytes)", err)
        # Without the limit the same line is a document like any other.
        path, out, err, code = self.jsonl(lines)
        self.assertEqual((code, ids(out)), (0, ["a", "huge", "b"]), err)

    def test_jsonl_on_stdin(self):
        stdin = b'{"id": "a", "text": "One."}\nnot json\n{"id": "c", "text": "Three."}\n'
        out, err, code = run(["extract", "-"], stdin=stdin)
        self.assertEqual(code, 1, err)
        self.assertEqual(ids(out), ["a", "c"])
        self.assertIn("claimex: <stdin>:2: malformed JSON", err)

    def test_bad_stdin_text(self):
        out, err, code = run(["extract", "-"], stdin=b"abc \xff")
        self.assertEqual((code, out), (1, ""))
        self.assertIn("claimex: <stdin>: invalid UTF-8 at byte 4", err)

    def test_bad_rules(self):
        rules = os.path.join(self.dir, "rules")
        shutil.copytree(RULES, rules)
        broken = os.path.join(rules, "zz_broken.rules")
        with open(broken, "w") as f:
            f.write(
                "# rules that must be reported and skipped\n"   # 1
                "rule broken.type\n"                             # 2
                "  type: moneyy\n"                               # 3
                "  pattern: \\d+ zorks\n"                        # 4
                "\n"                                             # 5
                "rule broken.regex\n"                            # 6
                "  type: money\n"                                # 7
                "  pattern: (\\d+ bucks\n"                       # 8
                "\n"                                             # 9
                "rule broken.macro\n"                            # 10
                "  type: money\n"                                # 11
                "  pattern: {NO_SUCH_MACRO} things\n"            # 12
            )
        doc = self.write("doc.txt", GOOD.encode())
        good_out, good_err, good_code = run(["extract", "--published", "2024-08-26", doc])
        self.assertEqual(good_code, 0, good_err)
        out, err, code = run(["extract", "--published", "2024-08-26", doc], rules=rules)
        self.assertEqual(code, 1, err)
        # One message per broken rule, at file:line of the rule or of its
        # faulty line.
        for lines, what in (((2, 3), "moneyy"), ((6, 8), "bad pattern"), ((10, 12), "NO_SUCH_MACRO")):
            matching = [l for l in err.splitlines() if what in l]
            self.assertEqual(len(matching), 1, err)
            self.assertTrue(any(f"zz_broken.rules:{n}: " in matching[0] for n in lines), matching[0])
            self.assertIn("skipped", matching[0])
        self.assertEqual(err.count("claimex: "), 3, err)
        # The good rules still work: the same record as with the intact rules.
        self.assertEqual(out, good_out)
        money = os.path.join(RULES, "money")
        if os.path.isdir(money) and any(n.endswith(".rules") for n in os.listdir(money)):
            self.assertIn('"type":"money"', out)

    def test_rules_folder_without_rules(self):
        empty = os.path.join(self.dir, "norules")
        os.mkdir(empty)
        with open(os.path.join(empty, "README.md"), "w") as f:
            f.write("nothing here\n")
        out, err, code = run(["extract", self.before], rules=empty)
        self.assertEqual((code, out), (2, ""))
        self.assertIn(f"--rules: {empty}: no .rules files in this folder", err)
        out, err, code = run(["extract", self.before], rules=os.path.join(self.dir, "nope"))
        self.assertEqual((code, out), (2, ""))
        self.assertIn("--rules: not a folder", err)

    def test_bad_abbreviation_list(self):
        rules = os.path.join(self.dir, "rules")
        shutil.copytree(RULES, rules)
        with open(os.path.join(rules, "text", "abbreviations.txt"), "a") as f:
            f.write("Xyz. sometimes\n")
        out, err, code = run(["extract", self.before], rules=rules)
        self.assertEqual((code, out), (1, ""))
        self.assertIn("abbreviations.txt:", err)
        self.assertIn('unknown kind "sometimes"', err)

    def test_usage_errors(self):
        out, err, code = run(["extract", "--published", "26/08/2024", self.before])
        self.assertEqual((code, out), (2, ""))
        self.assertIn('--published: not an ISO 8601 date (YYYY-MM-DD): "26/08/2024"', err)
        out, err, code = run(["extract"], rules=None)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("inputs is required", err)
        out, err, code = run([], rules=None)
        self.assertEqual((code, out), (2, ""))
        self.assertIn("subcommand is required", err)
        out, err, code = run(["extract", "--format", "xml", self.before])
        self.assertEqual((code, out), (2, ""))


class Interrupt(unittest.TestCase):
    """Ctrl-C stops `claimex extract` between documents: every record already
    finished reaches stdout (it is buffered, not flushed per record), the
    exit code is 130 and stderr says how many were written."""

    def test_ctrl_c_keeps_finished_records(self):
        import signal
        p = subprocess.Popen([CLAIMEX, "extract", "--rules", RULES, "-"], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        try:
            for i in range(3):
                p.stdin.write((json.dumps({"id": f"d{i}", "text": GOOD}) + "\n").encode())
                p.stdin.flush()
                # the reader flushes what it wrote before it waits for more input
                line = p.stdout.readline()
                self.assertEqual(json.loads(line)["id"], f"d{i}")
            p.send_signal(signal.SIGINT)
            out, err = p.communicate(timeout=60)
        finally:
            if p.poll() is None:
                p.kill()
        self.assertEqual(p.returncode, 130, err)
        self.assertEqual(out.strip(), b"")
        self.assertIn("interrupted: 3 documents written", err.decode())


if __name__ == "__main__":
    unittest.main(verbosity=2)
