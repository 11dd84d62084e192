#!/usr/bin/env python3
"""Command-level tests of `claimex fetch` (and `claimex extract URL`) against
the local fixture server (tests/fixture_server.py on 127.0.0.1).

Pages served as text/plain (?plain=1) exercise the fetch side whatever the
document stage can parse; the tests that need HTML or feed parsing skip,
saying so, while extractor/document is still its placeholder."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

CLAIMEX = os.environ.get("CLAIMEX", "build/claimex")
SOURCE = Path(os.environ.get("CLAIMEX_SOURCE_DIR", Path(__file__).resolve().parent.parent))
FIXTURES = SOURCE / "tests" / "fixtures" / "http"
CONTRACT = ["url", "final_url", "status", "fetched_at", "content_type", "charset", "title", "published",
            "modified", "publisher", "authors", "lang", "text"]


class Server:
    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.executable, str(SOURCE / "tests" / "fixture_server.py"), "--port", "0",
                                      *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        line = self.proc.stdout.readline()
        if not line.strip():
            raise RuntimeError("fixture server did not start")
        self.base = f"http://127.0.0.1:{int(line)}"

    def url(self, path):
        return self.base + path

    def requests_to(self, path):
        import urllib.request
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        with opener.open(self.base + "/_log", timeout=60) as r:
            log = json.load(r)
        return [e for e in log if e["path"].split("?")[0] == path]

    def stop(self):
        self.proc.stdin.close()
        self.proc.terminate()
        self.proc.wait(timeout=60)
        self.proc.stdout.close()


def run(*args, timeout=300):
    p = subprocess.run([CLAIMEX, *args], capture_output=True, text=True, timeout=timeout)
    lines = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
    return p.returncode, lines, p.stderr


def fetch(*args):
    return run("fetch", "--delay", "0", "--contact", "mailto:tests@example.org", *args)


def by_url(lines, url):
    found = [l for l in lines if l["url"] == url]
    assert len(found) == 1, f"{len(found)} lines for {url}: {lines}"
    return found[0]


_ready = None


def document_stage_ready():
    """True once extractor/document parses HTML and feeds (not the placeholder)."""
    global _ready
    if _ready is None:
        _, lines, _ = run("fetch", str(FIXTURES / "articles" / "paywall.html"))
        _ready = bool(lines) and "error" not in lines[0]
    return _ready


def needs_document(test):
    def wrapper(self):
        if not document_stage_ready():
            self.skipTest("extractor/document cannot parse HTML/feeds yet (placeholder)")
        return test(self)
    wrapper.__name__ = test.__name__
    return wrapper


class FetchCommand(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.srv = Server()

    @classmethod
    def tearDownClass(cls):
        cls.srv.stop()

    def test_document_lines_and_errors_side_by_side(self):
        s = self.srv
        ok, missing, pdf = s.url("/page/cli-1?plain=1"), s.url("/status/404"), s.url("/files/report.pdf")
        rc, lines, err = fetch(ok, missing, pdf)
        self.assertEqual(rc, 1, "a 404 makes the exit code 1")
        self.assertEqual(len(lines), 3, "every URL has its line")
        good = by_url(lines, ok)
        for key in CONTRACT:
            self.assertIn(key, good)
        self.assertNotIn("error", good)
        self.assertEqual(good["status"], 200)
        self.assertEqual(good["final_url"], ok)
        self.assertRegex(good["fetched_at"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")
        self.assertIn("regional council approved a budget", good["text"])
        bad = by_url(lines, missing)
        self.assertEqual(bad["error"], "HTTP 404 Not Found")
        self.assertEqual(bad["status"], 404)
        self.assertIn(f"claimex: {missing}: HTTP 404 Not Found", err)
        skipped = by_url(lines, pdf)
        self.assertEqual(skipped["error"], "skipped: application/pdf is not HTML")
        self.assertTrue(skipped["skipped"])

    def test_all_good_exits_0_and_skips_do_not_fail(self):
        rc, lines, _ = fetch(self.srv.url("/page/cli-2?plain=1"), self.srv.url("/files/pixel.png"))
        self.assertEqual(rc, 0)
        self.assertEqual(len(lines), 2)

    def test_url_list_on_stdin(self):
        urls = [self.srv.url(f"/page/stdin-{i}?plain=1") for i in range(150)]
        p = subprocess.run([CLAIMEX, "fetch", "--delay", "0", "--per-host", "8", "-"], capture_output=True,
                           text=True, timeout=300, input="# a comment\n\n" + "\n".join(urls) + "\n")
        self.assertEqual(p.returncode, 0, p.stderr)
        got = [json.loads(l)["url"] for l in p.stdout.splitlines()]
        self.assertEqual(sorted(got), sorted(urls))

    def test_redirect_final_url(self):
        url = self.srv.url("/redirect/chain/3")
        rc, lines, _ = fetch(url)
        self.assertEqual(by_url(lines, url)["final_url"], self.srv.url("/page/chain-end"))

    def test_redirect_loop_is_an_error(self):
        url = self.srv.url("/redirect/loop/a")
        rc, lines, _ = fetch(url)
        self.assertEqual(rc, 1)
        self.assertTrue(by_url(lines, url)["error"].startswith("redirect loop"))

    def test_robots_and_ignore_robots(self):
        url = self.srv.url("/private/cli.html?plain=1")
        rc, lines, _ = fetch(url)
        self.assertEqual(rc, 1)
        self.assertEqual(by_url(lines, url)["error"], "blocked by robots.txt (Disallow: /private/)")
        self.assertEqual(self.srv.requests_to("/private/cli.html"), [])
        rc, lines, _ = fetch("--ignore-robots", url)
        self.assertEqual(rc, 0)
        self.assertNotIn("error", by_url(lines, url))
        self.assertEqual(len(self.srv.requests_to("/private/cli.html")), 1)

    def test_retries_flag(self):
        url = self.srv.url("/flaky/cli?fail=1&code=503&plain=1")
        rc, lines, _ = fetch("--retries", "0", url)
        self.assertEqual(by_url(lines, url)["error"], "HTTP 503 Service Unavailable")
        url2 = self.srv.url("/flaky/cli2?fail=1&code=503&plain=1")
        rc, lines, _ = fetch("--retries", "2", url2)
        self.assertEqual(rc, 0, lines)

    def test_timeout_and_max_bytes_flags(self):
        stall, big = self.srv.url("/stall?s=60"), self.srv.url("/big?bytes=300000")
        # --ignore-robots: only the stalled page should meet the short timeout.
        rc, lines, _ = fetch("--timeout", "1", "--retries", "0", "--max-bytes", "100KiB", "--ignore-robots",
                             stall, big)
        self.assertEqual(rc, 1)
        self.assertEqual(by_url(lines, stall)["error"], "timed out after 1 s")
        self.assertEqual(by_url(lines, big)["error"], "body larger than 100 KiB limit")

    def test_user_agent_and_contact(self):
        url = self.srv.url("/page/ua?plain=1")
        fetch(url)
        ua = self.srv.requests_to("/page/ua")[-1]["user_agent"]
        self.assertRegex(ua, r"^claimex/\S+ \(\+mailto:tests@example.org\)$")
        run("fetch", "--delay", "0", "--user-agent", "TestBot/9 (+https://example.org)", url)
        self.assertEqual(self.srv.requests_to("/page/ua")[-1]["user_agent"], "TestBot/9 (+https://example.org)")

    def test_cache_gives_304_on_second_fetch(self):
        tmp = tempfile.mkdtemp(prefix="claimex-cache-")
        try:
            url = self.srv.url("/cached/cli?plain=1")
            rc, first, _ = fetch("--cache", tmp, url)
            self.assertEqual(rc, 0)
            self.assertNotIn("from_cache", first[0])
            rc, second, _ = fetch("--cache", tmp, url)
            self.assertEqual(rc, 0)
            self.assertTrue(second[0]["from_cache"])
            self.assertEqual(second[0]["text"], first[0]["text"])
            reqs = self.srv.requests_to("/cached/cli")
            self.assertEqual([r["status"] for r in reqs], [200, 304])
        finally:
            shutil.rmtree(tmp)

    def test_cache_folder_that_cannot_be_made(self):
        with tempfile.NamedTemporaryFile() as f:
            rc, lines, err = fetch("--cache", f.name + "/sub", self.srv.url("/page/x?plain=1"))
            self.assertEqual(rc, 2)
            self.assertIn("--cache", err)

    def test_files_and_file_urls(self):
        path = FIXTURES / "files" / "article.txt"
        rc, lines, _ = run("fetch", str(path), path.as_uri(), str(FIXTURES / "nope.txt"))
        self.assertEqual(rc, 1)
        for key in (str(path), path.as_uri()):
            line = by_url(lines, key)
            self.assertEqual(line["status"], 0)
            self.assertIn("Port of Tyne handles record cargo", line["text"])
        self.assertIn("No such file", by_url(lines, str(FIXTURES / "nope.txt"))["error"])

    def test_extract_accepts_urls(self):
        url = self.srv.url("/page/extract?plain=1")
        rc, lines, err = run("extract", "--published", "2024-05-01", url, self.srv.url("/status/500"))
        self.assertEqual(rc, 1)
        self.assertEqual(len(lines), 1, err)
        self.assertEqual(lines[0]["url"], url)
        self.assertIn("mentions", lines[0])
        self.assertEqual(lines[0]["published"], "2024-05-01")  # the page has no date of its own
        self.assertIn("/status/500: HTTP 500 Internal Server Error", err)

    @needs_document
    def test_html_page_fields(self):
        url = self.srv.url("/articles/news-standard.html")
        rc, lines, _ = fetch(url)
        self.assertEqual(rc, 0, lines)
        d = lines[0]
        self.assertEqual(d["title"], "Harbour Bank lifts lending to small firms by 12%")
        self.assertTrue(d["published"].startswith("2024-03-14"))
        self.assertIn("Maria Lindqvist", d["authors"])
        self.assertIn("£4.2 billion", d["text"])
        self.assertNotIn("cookie", d["text"].lower())

    @needs_document
    def test_mislabelled_charset_is_decoded(self):
        url = self.srv.url("/charset/cp1252-labelled-utf8")
        rc, lines, _ = fetch(url)
        self.assertEqual(rc, 0, lines)
        self.assertIn("café", lines[0]["text"])

    @needs_document
    def test_every_charset_fixture_decodes(self):
        words = {"cp1252-labelled-utf8": "café", "cp1252-unlabelled": "café", "latin1-labelled-utf8": "Sitzplätze",
                 "cp1251-unlabelled": "пшеницы", "cp1251-header": "пшеницы", "sjis-meta": "新幹線",
                 "gbk-meta": "新能源汽车", "gb18030-header": "新能源汽车", "utf8-bom": "café"}
        urls = {self.srv.url(f"/charset/{name}"): word for name, word in words.items()}
        rc, lines, err = fetch("--per-host", "4", *urls)
        self.assertEqual(rc, 0, err)
        for url, word in urls.items():
            with self.subTest(url=url):
                self.assertIn(word, by_url(lines, url)["text"])

    @needs_document
    def test_extract_html_uses_the_page_date(self):
        inputs = [self.srv.url("/articles/news-standard.html"), self.srv.url("/articles/paywall.html"),
                  str(FIXTURES / "articles" / "news-standard.html")]
        robots_before = len(self.srv.requests_to("/robots.txt"))
        rc, lines, err = run("extract", "--published", "2020-01-01", *inputs)
        self.assertEqual(rc, 0, err)
        self.assertEqual([l["published"] for l in lines], ["2024-03-14", "2024-09-02", "2024-03-14"])
        self.assertEqual(len(self.srv.requests_to("/robots.txt")) - robots_before, 1, "robots.txt once for the run")

    @needs_document
    def test_feed_flag_expands_each_kind(self):
        expected = {
            "/feeds/rss2.xml": {"/articles/news-standard.html", "/articles/blog-opengraph.html"},
            "/feeds/rdf.xml": {"/articles/liveblog.html"},
            "/feeds/atom.xml": {"/articles/paywall.html", "/articles/news-standard.html"},
            "/feeds/news-sitemap.xml": {"/articles/news-standard.html", "/articles/liveblog.html"},
            "/feeds/sitemap-index.xml": {"/articles/news-standard.html", "/articles/liveblog.html",
                                         "/articles/blog-opengraph.html", "/articles/paywall.html"},
        }
        for feed, pages in expected.items():
            with self.subTest(feed=feed):
                rc, lines, err = fetch("--feed", self.srv.url(feed))
                self.assertEqual(rc, 0, err)
                got = [l["url"][len(self.srv.base):] for l in lines]
                self.assertEqual(sorted(got), sorted(pages), "each article once (duplicates dropped)")
                for l in lines:
                    self.assertIn("feed", l)

    @needs_document
    def test_feed_without_flag_and_malformed_feed(self):
        rss = self.srv.url("/feeds/rss2.xml")
        rc, lines, _ = fetch(rss)
        self.assertEqual(rc, 1)
        self.assertIn("--feed", by_url(lines, rss)["error"])
        bad = self.srv.url("/feeds/malformed-rss.xml")
        rc, lines, _ = fetch("--feed", bad, self.srv.url("/page/after-bad-feed?plain=1"))
        self.assertEqual(rc, 1)
        self.assertTrue(by_url(lines, bad)["error"].startswith("malformed feed"))
        self.assertNotIn("error", by_url(lines, self.srv.url("/page/after-bad-feed?plain=1")))


if __name__ == "__main__":
    unittest.main(verbosity=2)
