#!/usr/bin/env python3
"""Fixture HTTP server for claimex's fetch tests and benchmark (stdlib only).

    python3 tests/fixture_server.py [--port 0] [--lifetime 900] [--robots file|none|error]

Listens on 127.0.0.1 (port 0 = any free port), prints the port on stdout as
one line, then serves until stdin closes (the test that started it went
away), SIGTERM, or --lifetime seconds pass, whichever comes first. Nothing
here reaches beyond loopback.

Every request except the /_ control paths is recorded; GET /_log returns
the record as JSON (path, time, user agent, conditional and encoding
headers, status, how many requests were in flight when it arrived) and
GET /_stats the totals (max_inflight = most requests in flight at once).

Routes (see tests/fixtures/http/README.md for the files):
  /robots.txt                    fixtures/http/robots.txt (or 404 / 503 with --robots)
  /articles/NAME                 realistic article pages (text/html; charset=utf-8)
  /page/ID                       a generated article (benchmark, concurrency)
  ...?plain=1                    /page, /private, /cached: the article as text/plain
  /private/NAME                  a page robots.txt disallows (except public-*.html)
  /status/CODE                   that status
  /redirect/chain/N              N redirects (301, 302, 307, 308, a relative
                                 Location among them) then /page/chain-end
  /redirect/loop/a, /b           a → b → a
  /redirect/endless/N            N → N+1 → ... (too many redirects)
  /redirect/to-private           → /private/secret.html
  /redirect/to-file              → file:///etc/passwd (must be refused)
  /flaky/KEY?fail=N&code=500     CODE for the first N requests of KEY, then a page
  /ratelimit/KEY?after=S[&date=1] 429 with Retry-After S seconds (or an HTTP-date S s
                                 ahead) the first time, then a page
  /stall?s=S                     sleeps S seconds before answering
  /stall-once/KEY?s=S            stalls the first request of KEY only
  /slow/KEY?ms=M                 answers after M ms
  /gzip, /deflate                the article compressed on the fly
  /br, /zstd                     fixtures/http/compressed/article.html.{br,zst}
  /gzip-big?bytes=N              N bytes of HTML, gzip-compressed (a small download)
  /charset/NAME                  pages in legacy encodings, right and wrong labels
  /big?bytes=N                   N bytes with Content-Length
  /big-chunked?bytes=N           N bytes, chunked (no Content-Length)
  /files/report.pdf, /files/pixel.png, /video.mp4   non-documents
  /notype                        HTML without a Content-Type header
  /cached/KEY, /cached-lm/KEY    ETag + Last-Modified / Last-Modified only, 304 when unchanged
  /_bump/KEY                     changes KEY's page (new ETag, Last-Modified, body)
  /headers                       the request headers as JSON (text/plain)
  /feeds/NAME                    feeds and sitemaps ({{BASE}} = this server)
"""

import argparse
import email.utils
import gzip
import json
import os
import signal
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "http"

# name → (template, encoding, Content-Type header, <meta> put in the page)
CHARSETS = {
    "cp1252-labelled-utf8": ("latin.html", "cp1252", "text/html; charset=utf-8", ""),
    "cp1252-unlabelled": ("latin.html", "cp1252", "text/html", ""),
    "latin1-labelled-utf8": ("latin1.html", "iso-8859-1", "text/html; charset=UTF-8", ""),
    "cp1251-unlabelled": ("cyrillic.html", "cp1251", "text/html", ""),
    "cp1251-header": ("cyrillic.html", "cp1251", "text/html; charset=windows-1251", ""),
    "sjis-meta": ("japanese.html", "shift_jis", "text/html", '<meta charset="Shift_JIS">'),
    "gbk-meta": ("chinese.html", "gbk", "text/html",
                 '<meta http-equiv="Content-Type" content="text/html; charset=gbk">'),
    "gb18030-header": ("chinese.html", "gb18030", "text/html; charset=GB18030", ""),
    "utf8-bom": ("latin.html", "utf-8-sig", "text/html", ""),
}

FEED_TYPES = {
    "rss2.xml": "application/rss+xml; charset=utf-8",
    "malformed-rss.xml": "application/rss+xml; charset=utf-8",
    "rdf.xml": "application/rdf+xml",
    "atom.xml": "application/atom+xml; charset=utf-8",
}

LAST_MODIFIED = "Wed, 13 Mar 2024 10:00:00 GMT"
ROBOTS = "file"  # --robots: file (fixtures/http/robots.txt), none (404) or error (503)


class State:
    def __init__(self):
        self.lock = threading.Lock()
        self.log = []
        self.inflight = 0
        self.max_inflight = 0
        self.counts = {}       # key → requests seen (flaky, ratelimit, stall-once)
        self.versions = {}     # cached KEY → version


STATE = State()


def page_html(title, paragraphs):
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\n"
            f"<body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav>\n"
            f"<article><h1>{title}</h1>\n{body}\n</article>\n<footer>Fixture News</footer></body></html>\n")


def generated_page(ident, plain=False):
    paras = [f"Item {ident}: the regional council approved a budget of 4.{len(ident) % 10} million euros "
             f"for road repairs on Tuesday, up 7% from last year, officials said."] * 6
    if plain:
        return (f"Fixture page {ident}\n\n" + "\n\n".join(paras) + "\n").encode()
    return page_html(f"Fixture page {ident}", paras).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "claimex-fixture/1"

    def log_message(self, fmt, *args):  # quiet: tests read /_log instead
        pass

    def setup(self):
        super().setup()
        # Headers and body go out in separate writes: without this, Nagle
        # and delayed ACKs add 40 ms to every keep-alive response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    # ---- plumbing ----

    def base(self):
        return f"http://{self.server.server_address[0]}:{self.server.server_address[1]}"

    def send(self, status, body=b"", ctype="text/html; charset=utf-8", headers=None):
        self.entry["status"] = status
        if self.q.get("plain") and status == 200 and ctype and ctype.startswith("text/html"):
            ctype = "text/plain; charset=utf-8"  # ?plain=1: the page as plain text
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def count(self, key):
        with STATE.lock:
            n = STATE.counts.get(key, 0) + 1
            STATE.counts[key] = n
            return n

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        url = urlsplit(self.path)
        self.q = {k: v[-1] for k, v in parse_qs(url.query).items()}
        path = url.path
        if path.startswith("/_"):
            self.entry = {}
            return self.control(path)
        now = time.time()
        with STATE.lock:
            STATE.inflight += 1
            STATE.max_inflight = max(STATE.max_inflight, STATE.inflight)
            self.entry = {
                "path": self.path, "time": now, "user_agent": self.headers.get("User-Agent", ""),
                "if_none_match": self.headers.get("If-None-Match"),
                "if_modified_since": self.headers.get("If-Modified-Since"),
                "accept_encoding": self.headers.get("Accept-Encoding", ""),
                "inflight": STATE.inflight,
            }
            STATE.log.append(self.entry)
        try:
            self.route(path)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with STATE.lock:
                STATE.inflight -= 1

    def control(self, path):
        if path == "/_log":
            with STATE.lock:
                body = json.dumps(STATE.log).encode()
            return self.send(200, body, "application/json")
        if path == "/_stats":
            with STATE.lock:
                paths = {}
                for e in STATE.log:
                    p = e["path"].split("?")[0]
                    paths[p] = paths.get(p, 0) + 1
                body = json.dumps({"max_inflight": STATE.max_inflight, "requests": len(STATE.log),
                                   "paths": paths}).encode()
            return self.send(200, body, "application/json")
        if path == "/_reset":
            with STATE.lock:
                STATE.log.clear()
                STATE.counts.clear()
                STATE.max_inflight = 0
            return self.send(200, b"ok", "text/plain")
        if path.startswith("/_bump/"):
            key = path[len("/_bump/"):]
            with STATE.lock:
                STATE.versions[key] = STATE.versions.get(key, 1) + 1
            return self.send(200, b"ok", "text/plain")
        return self.send(404, b"no such control path", "text/plain")

    def file(self, rel, ctype, status=200, headers=None, subst=False):
        p = (FIXTURES / rel).resolve()
        if FIXTURES not in p.parents or not p.is_file():
            return self.send(404, page_html("Not found", ["No such fixture."]).encode())
        data = p.read_bytes()
        if subst:
            data = data.replace(b"{{BASE}}", self.base().encode())
        return self.send(status, data, ctype, headers)

    # ---- routes ----

    def route(self, path):
        parts = path.strip("/").split("/")
        head = parts[0]
        if path == "/robots.txt":
            if ROBOTS == "none":
                return self.send(404, page_html("Not found", ["No robots.txt here."]).encode())
            if ROBOTS == "error":
                return self.send(503, page_html("Unavailable", ["Try later."]).encode())
            return self.file("robots.txt", "text/plain")
        if head == "articles" and len(parts) == 2:
            return self.file(f"articles/{parts[1]}", "text/html; charset=utf-8")
        if head == "page":
            return self.send(200, generated_page("/".join(parts[1:]), bool(self.q.get("plain"))))
        if head == "private":
            return self.send(200, generated_page("private", bool(self.q.get("plain"))))
        if head == "status" and len(parts) == 2 and parts[1].isdigit():
            code = int(parts[1])
            return self.send(code, page_html(f"Status {code}", ["Fixture status page."]).encode())
        if head == "redirect":
            return self.redirect(parts[1:])
        if head == "flaky":
            n = self.count(path)
            if n <= int(self.q.get("fail", "2")):
                code = int(self.q.get("code", "500"))
                return self.send(code, page_html("Error", ["Try again."]).encode())
            return self.send(200, generated_page(f"flaky-{parts[-1]}"))
        if head == "ratelimit":
            n = self.count(path)
            if n == 1:
                after = int(self.q.get("after", "1"))
                if self.q.get("date"):
                    value = email.utils.formatdate(time.time() + after + 1, usegmt=True)
                else:
                    value = str(after)
                return self.send(429, page_html("Slow down", ["Too many requests."]).encode(),
                                 headers={"Retry-After": value})
            return self.send(200, generated_page(f"ratelimit-{parts[-1]}"))
        if head == "stall" or (head == "stall-once" and self.count(path) == 1):
            time.sleep(float(self.q.get("s", "30")))
            return self.send(200, generated_page("stalled"))
        if head == "stall-once":
            return self.send(200, generated_page("stall-once"))
        if head == "slow":
            time.sleep(int(self.q.get("ms", "500")) / 1000)
            return self.send(200, generated_page(f"slow-{parts[-1]}"))
        if head in ("gzip", "deflate", "br", "zstd", "gzip-big"):
            return self.compressed(head)
        if head == "charset" and len(parts) == 2 and parts[1] in CHARSETS:
            tpl, enc, ctype, meta = CHARSETS[parts[1]]
            text = (FIXTURES / "charset" / tpl).read_text(encoding="utf-8").replace("{{META}}", meta)
            return self.send(200, text.encode(enc), ctype)
        if head == "big" or head == "big-chunked":
            return self.big(int(self.q.get("bytes", str(2 << 20))), chunked=head == "big-chunked")
        if head == "files" and len(parts) == 2:
            types = {".pdf": "application/pdf", ".png": "image/png"}
            return self.file(f"files/{parts[1]}", types.get(Path(parts[1]).suffix, "application/octet-stream"))
        if path == "/video.mp4":
            return self.send(200, b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 4096, "video/mp4")
        if path == "/notype":
            return self.send(200, generated_page("notype"), ctype=None)
        if head in ("cached", "cached-lm"):
            return self.cached(head, "/".join(parts[1:]))
        if path == "/headers":
            return self.send(200, json.dumps(dict(self.headers.items())).encode(), "text/plain; charset=utf-8")
        if head == "feeds" and len(parts) == 2:
            return self.file(f"feeds/{parts[1]}", FEED_TYPES.get(parts[1], "application/xml"), subst=True)
        return self.send(404, page_html("Not found", ["No such page."]).encode())

    def redirect(self, rest):
        def go(code, location):
            self.send(code, b"", None, {"Location": location})
        kind = rest[0] if rest else ""
        if kind == "chain" and len(rest) == 2 and rest[1].isdigit():
            n = int(rest[1])
            code = [301, 302, 307, 308][n % 4]
            if n <= 1:
                return go(code, "/page/chain-end")
            # one hop of the chain uses a relative Location
            return go(code, f"{n - 1}" if n == 3 else f"{self.base()}/redirect/chain/{n - 1}")
        if kind == "loop" and len(rest) == 2:
            return go(302, "/redirect/loop/" + ("b" if rest[1] == "a" else "a"))
        if kind == "endless" and len(rest) == 2 and rest[1].isdigit():
            return go(302, f"/redirect/endless/{int(rest[1]) + 1}")
        if kind == "to-private":
            return go(302, "/private/secret.html")
        if kind == "to-file":
            return go(302, "file:///etc/passwd")
        return self.send(404, b"")

    def compressed(self, kind):
        src = (FIXTURES / "compressed" / "article.html").read_bytes()
        accept = self.headers.get("Accept-Encoding", "")
        if kind == "gzip" and "gzip" in accept:
            return self.send(200, gzip.compress(src), headers={"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        if kind == "deflate" and "deflate" in accept:
            return self.send(200, zlib.compress(src), headers={"Content-Encoding": "deflate"})
        if kind == "gzip-big" and "gzip" in accept:
            n = int(self.q.get("bytes", str(20 << 20)))
            data = b"<!DOCTYPE html><html><body><p>" + b" " * n + b"</p></body></html>"
            return self.send(200, gzip.compress(data, 6), headers={"Content-Encoding": "gzip"})
        ext = {"br": "br", "zstd": "zst"}.get(kind)
        pre = FIXTURES / "compressed" / f"article.html.{ext}" if ext else None
        if pre and pre.is_file() and kind in accept:
            return self.send(200, pre.read_bytes(), headers={"Content-Encoding": kind})
        if pre and not pre.is_file():
            return self.send(404, f"{pre.name} missing: make it with the {kind} CLI".encode(), "text/plain")
        return self.send(200, src)  # the client did not ask for it: identity

    def big(self, n, chunked):
        head = b"<!DOCTYPE html><html><body><p>"
        filler = b"All work and no play makes a very large page. " * 64
        self.entry["status"] = 200
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(n))
        self.end_headers()
        sent = 0
        out = head
        while sent < n:
            piece = out[: n - sent]
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            else:
                self.wfile.write(piece)
            sent += len(piece)
            out = filler
        if chunked:
            self.wfile.write(b"0\r\n\r\n")

    def cached(self, kind, key):
        with STATE.lock:
            v = STATE.versions.get(key, 1)
        etag = f'"{key}-v{v}"'
        lm = email.utils.formatdate(email.utils.parsedate_to_datetime(LAST_MODIFIED).timestamp() + 3600 * (v - 1),
                                    usegmt=True)
        headers = {"Last-Modified": lm}
        if kind == "cached":
            headers["ETag"] = etag
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        unchanged = False
        if kind == "cached" and inm is not None:
            unchanged = etag in [t.strip() for t in inm.split(",")]
        elif ims:
            try:
                unchanged = email.utils.parsedate_to_datetime(ims) >= email.utils.parsedate_to_datetime(lm)
            except (TypeError, ValueError):
                unchanged = False
        if unchanged:
            return self.send(304, b"", None, headers)
        return self.send(200, generated_page(f"cached {key} version {v}", bool(self.q.get("plain"))), headers=headers)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client that hangs up (a timeout, an aborted download) is part
        # of the tests, not a server fault.
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--lifetime", type=float, default=900, help="exit after this many seconds")
    ap.add_argument("--no-stdin", action="store_true", help="do not exit when stdin closes")
    ap.add_argument("--robots", choices=["file", "none", "error"], default="file",
                    help="robots.txt: the fixture file, none (404) or error (503)")
    args = ap.parse_args()
    global ROBOTS
    ROBOTS = args.robots
    srv = Server(("127.0.0.1", args.port), Handler)
    print(srv.server_address[1], flush=True)

    def stop(*_):
        os._exit(0)

    signal.signal(signal.SIGTERM, stop)
    threading.Timer(args.lifetime, stop).start()
    if not args.no_stdin:
        def watch():
            try:
                while sys.stdin.buffer.read(4096):
                    pass
            except OSError:
                pass
            stop()
        threading.Thread(target=watch, daemon=True).start()
    srv.serve_forever(poll_interval=0.2)


if __name__ == "__main__":
    main()
