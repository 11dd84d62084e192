#!/usr/bin/env python3
"""Command-level tests of `claimex run`, `claimex check` and `claimex store`:
batch into a store, --resume, Ctrl-C, kill -9, two runs on one store, feeds
from the local fixture server (127.0.0.1), a bad store, and the check
verdicts on articles that repeat or contradict a stored figure."""

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
from pathlib import Path

CLAIMEX = os.environ.get("CLAIMEX", "build/claimex")
SOURCE = Path(os.environ.get("CLAIMEX_SOURCE_DIR", Path(__file__).resolve().parent.parent))
CORPUS = SOURCE / "corpus"
CHECK = SOURCE / "tests" / "fixtures" / "check"


def claimex(*args, timeout=600, **kw):
    return subprocess.run([CLAIMEX, *map(str, args)], capture_output=True, text=True, timeout=timeout, **kw)


def count(db, table):
    con = sqlite3.connect(db)
    try:
        return con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        con.close()


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def big_jsonl(path, copies):
    """The corpus articles repeated with fresh ids: a batch long enough to interrupt."""
    arts = [json.loads(l) for l in open(CORPUS / "articles.jsonl", encoding="utf-8") if l.strip()]
    with open(path, "w", encoding="utf-8") as f:
        for i in range(copies):
            a = dict(arts[i % len(arts)])
            a["id"] = f"{a['id']}#{i}"
            f.write(json.dumps(a) + "\n")
    return copies


class RunTests(unittest.TestCase):
    def setUp(self):
        self.tmp = Path(tempfile.mkdtemp(prefix="claimex-run-"))
        self.db = self.tmp / "claims.db"

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def test_folder_then_resume_adds_nothing(self):
        folder = self.tmp / "articles"
        shutil.copytree(CORPUS / "articles", folder)
        (folder / "notes.bin").write_bytes(b"\x00\x01 ignored: not a text extension")
        (folder / "bad.txt").write_bytes(b"caf\xe9 au lait")  # latin-1, not UTF-8
        out = self.tmp / "claims.jsonl"
        p = claimex("run", folder, "--db", self.db, "--out", out, "--published", "2024-08-26")
        self.assertEqual(p.returncode, 1, p.stderr)  # bad.txt failed, the rest went in
        self.assertIn("bad.txt", p.stderr)
        self.assertIn("invalid UTF-8", p.stderr)
        n_articles = len(list((CORPUS / "articles").glob("*.txt")))
        self.assertEqual(count(self.db, "documents"), n_articles)
        claims = count(self.db, "claims")
        self.assertGreater(claims, n_articles)
        lines = [json.loads(l) for l in open(out, encoding="utf-8")]
        self.assertEqual(len(lines), claims)
        self.assertTrue(all("document_id" in l and "id" in l for l in lines))
        self.assertRegex(p.stderr, rf"run: {n_articles + 1} documents \({n_articles} stored")

        again = claimex("run", folder, "--db", self.db, "--resume", "--published", "2024-08-26")
        self.assertIn(f"{n_articles} skipped as already stored", again.stderr)
        self.assertIn("(0 stored", again.stderr)
        self.assertEqual(count(self.db, "claims"), claims)

        # Without --resume the same documents are recognised as unchanged.
        third = claimex("run", folder, "--db", self.db, "--published", "2024-08-26")
        self.assertIn(f"({n_articles + 1} failed", third.stderr.replace(f"0 stored, {n_articles} unchanged, 1 failed", f"({n_articles + 1} failed"))

    def test_progress_lines_when_not_a_terminal(self):
        src = self.tmp / "docs.jsonl"
        big_jsonl(src, 200)
        p = claimex("run", src, "--db", self.db, "--log-interval", "0.000001", "--jobs", "2")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertRegex(p.stderr, r"run: \d+ done · \d+ queued · [\d.]+ docs/s · \d+ claims · 0 errors")
        self.assertEqual(count(self.db, "documents"), 200)

    def test_progress_display_on_a_terminal(self):
        src = self.tmp / "docs.jsonl"
        big_jsonl(src, 300)
        p = claimex("run", src, "--db", self.db, "--progress", "always", "--jobs", "1")
        self.assertEqual(p.returncode, 0, p.stderr)
        # the status line is redrawn in place (carriage return + clear line; text mode reads the \r as a
        # line break) and ends with the summary
        self.assertGreaterEqual(p.stderr.count("\x1b[K"), 2)
        self.assertRegex(p.stderr, r"docs/s · \d+ claims · 0 errors · 0 skipped · \d\d:\d\d")
        self.assertRegex(p.stderr, r"run: 300 documents \(300 stored")

    def _interrupt(self, sig):
        src = self.tmp / "docs.jsonl"
        total = big_jsonl(src, 4000)
        proc = subprocess.Popen([CLAIMEX, "run", str(src), "--db", str(self.db), "--jobs", "1"],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 120
        while time.time() < deadline:
            time.sleep(0.2)
            try:
                if self.db.exists() and count(self.db, "documents") >= 50:
                    break
            except sqlite3.OperationalError:
                pass
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=300)
        return proc.returncode, err, src, total

    def test_ctrl_c_commits_in_flight_and_resume_finishes(self):
        rc, err, src, total = self._interrupt(signal.SIGINT)
        if rc == 0:
            self.skipTest("the run finished before the signal arrived")
        self.assertEqual(rc, 130, err)
        self.assertIn("--resume", err)
        self.assertEqual(integrity(self.db), "ok")
        stored = count(self.db, "documents")
        self.assertGreater(stored, 0)
        self.assertLess(stored, total)
        p = claimex("run", src, "--db", self.db, "--resume")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn(f"{stored} skipped as already stored", p.stderr)
        self.assertEqual(count(self.db, "documents"), total)

    def test_kill_9_leaves_a_consistent_store(self):
        rc, err, src, total = self._interrupt(signal.SIGKILL)
        if rc == 0:
            self.skipTest("the run finished before the signal arrived")
        self.assertEqual(rc, -signal.SIGKILL)
        self.assertEqual(integrity(self.db), "ok")
        con = sqlite3.connect(self.db)
        # every stored document has all its claims: none half-written
        orphans = con.execute("SELECT COUNT(*) FROM claims c LEFT JOIN documents d ON d.id = c.document_id "
                              "WHERE d.id IS NULL").fetchone()[0]
        con.close()
        self.assertEqual(orphans, 0)
        p = claimex("run", src, "--db", self.db, "--resume")
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(count(self.db, "documents"), total)
        # and a full re-run finds every document unchanged: nothing was lost or duplicated
        again = claimex("run", src, "--db", self.db)
        self.assertIn(f"{total} unchanged", again.stderr)

    def test_two_runs_on_one_store_wait_for_each_other(self):
        a, b = self.tmp / "a.jsonl", self.tmp / "b.jsonl"
        big_jsonl(a, 300)
        arts = [json.loads(l) for l in open(a, encoding="utf-8")]
        with open(b, "w", encoding="utf-8") as f:
            for x in arts:
                x["id"] = "b-" + x["id"]
                f.write(json.dumps(x) + "\n")
        pa = subprocess.Popen([CLAIMEX, "run", str(a), "--db", str(self.db)], stderr=subprocess.PIPE, text=True)
        pb = subprocess.Popen([CLAIMEX, "run", str(b), "--db", str(self.db)], stderr=subprocess.PIPE, text=True)
        ea, eb = pa.communicate(timeout=600)[1], pb.communicate(timeout=600)[1]
        self.assertEqual(pa.returncode, 0, ea)
        self.assertEqual(pb.returncode, 0, eb)
        self.assertEqual(count(self.db, "documents"), 600)

    def test_a_damaged_store_is_named_and_nothing_runs(self):
        self.db.write_bytes(b"this is not a database" * 400)
        p = claimex("run", CORPUS / "articles", "--db", self.db)
        self.assertEqual(p.returncode, 1)
        self.assertIn(str(self.db), p.stderr)
        self.assertIn("not a", p.stderr)

    def test_store_commands(self):
        claimex("run", CORPUS / "articles.jsonl", "--db", self.db)
        stats = claimex("store", "stats", "--db", self.db, "--format", "json")
        s = json.loads(stats.stdout)
        self.assertEqual(s["documents"], count(self.db, "documents"))
        self.assertTrue(s["by_metric"])
        csv = claimex("store", "export", "--db", self.db, "--format", "csv")
        rows = csv.stdout.splitlines()
        self.assertTrue(rows[0].startswith("document_id,url,title,published,claim_id,kind,subject"))
        self.assertEqual(len(rows) - 1, count(self.db, "claims"))
        q = claimex("store", "query", "--db", self.db, "--metric", "capital_expenditure")
        self.assertEqual(q.returncode, 0)
        for line in q.stdout.splitlines():
            self.assertEqual(json.loads(line)["metric"], "capital_expenditure")
        bad = claimex("store", "query", "--db", self.db)
        self.assertEqual(bad.returncode, 2)


class CheckTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = Path(tempfile.mkdtemp(prefix="claimex-check-"))
        cls.db = cls.tmp / "claims.db"
        p = claimex("run", CORPUS / "articles.jsonl", "--db", cls.db)
        assert p.returncode == 0, p.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def verdicts(self, path):
        p = claimex("check", path, "--db", self.db, "--published", "2024-08-30", "--format", "jsonl")
        self.assertEqual(p.returncode, 0, p.stderr)
        return [json.loads(l) for l in p.stdout.splitlines()]

    def capex(self, vs):
        found = [v for v in vs if v["claim"].get("metric") == "capital_expenditure"]
        self.assertTrue(found, json.dumps(vs, indent=1)[:3000])
        return found[0]

    def test_a_repeated_figure_is_consistent(self):
        v = self.capex(self.verdicts(CHECK / "repeats.txt"))
        self.assertEqual(v["verdict"], "consistent", v["reason"])
        self.assertIn("Financial Times", v["reason"])
        self.assertTrue(v["matches"])

    def test_a_different_figure_conflicts_with_the_reason(self):
        v = self.capex(self.verdicts(CHECK / "contradicts.txt"))
        self.assertEqual(v["verdict"], "conflicting", v["reason"])
        self.assertIn("stored 5e10 CNY for 2024-H1", v["reason"])
        self.assertIn("4.2e10 CNY", v["reason"])
        self.assertIn("16%", v["reason"])
        self.assertIn("rounding of '42 billion yuan'", v["reason"])

    def test_fail_on_conflict_and_pretty(self):
        p = claimex("check", CHECK / "contradicts.txt", "--db", self.db, "--published", "2024-08-30",
                    "--format", "pretty", "--fail-on-conflict")
        self.assertEqual(p.returncode, 3, p.stderr)
        self.assertIn("CONFLICTING", p.stdout)

    def test_a_missing_store_is_named(self):
        p = claimex("check", CHECK / "repeats.txt", "--db", self.tmp / "none.db")
        self.assertEqual(p.returncode, 1)
        self.assertIn("none.db", p.stderr)


class RunFeeds(unittest.TestCase):
    def test_feeds_from_the_fixture_server(self):
        proc = subprocess.Popen([sys.executable, str(SOURCE / "tests" / "fixture_server.py"), "--port", "0"],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        tmp = Path(tempfile.mkdtemp(prefix="claimex-feeds-"))
        try:
            port = int(proc.stdout.readline())
            base = f"http://127.0.0.1:{port}"
            feeds = tmp / "feeds.txt"
            feeds.write_text(f"# the bundled fixture feeds\n{base}/feeds/rss2.xml\n{base}/feeds/atom.xml\n"
                             f"{base}/status/404\n")
            db = tmp / "claims.db"
            p = claimex("run", "--feeds", feeds, "--db", db, "--delay", "0", "--contact", "mailto:t@example.org")
            self.assertEqual(p.returncode, 1, p.stderr)  # the 404 is reported, the rest stored
            self.assertIn("404", p.stderr)
            stored = count(db, "documents")
            self.assertGreaterEqual(stored, 2)
            con = sqlite3.connect(db)
            urls = [r[0] for r in con.execute("SELECT url FROM documents")]
            con.close()
            self.assertTrue(all(u.startswith(base) for u in urls), urls)
            again = claimex("run", "--feeds", feeds, "--db", db, "--delay", "0", "--resume")
            self.assertIn("(0 stored", again.stderr)
            self.assertEqual(count(db, "documents"), stored)
        finally:
            proc.stdin.close()
            proc.terminate()
            proc.wait(timeout=60)
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main(verbosity=2)
