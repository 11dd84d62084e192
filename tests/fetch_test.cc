// Tests of extractor/fetch: the pieces (robots.txt, Retry-After, cache,
// content types) on their own, then the Fetcher against the local fixture
// server (tests/fixture_server.py, one per test case). No assertion is on
// how fast our code is: where time matters, the server's own record of when
// requests arrived is checked for a lower bound (a loaded machine only makes
// gaps longer).
#include "extractor/fetch/fetch.h"
#include "extractor/fetch/internal.h"
#include "tests/fixture_server.h"

#include <algorithm>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace claimex::fetch;
using namespace claimex::fetch::internal;
namespace fs = std::filesystem;

namespace {

// Quick settings for tests: no politeness delay, short backoff, generous
// timeouts.
Options quick() {
    Options o;
    o.host_delay = 0;
    o.backoff = 0.01;
    o.retries = 2;
    o.timeout = 60;
    o.connect_timeout = 30;
    o.contact = "mailto:tests@example.org";
    return o;
}

std::vector<Result> fetch_all(const std::vector<std::string>& urls, const Options& o) {
    Fetcher f(o);
    for (const auto& u : urls) f.add(u);
    std::vector<Result> out;
    Result r;
    while (f.next(r)) out.push_back(std::move(r));
    return out;
}

const Result& by_url(const std::vector<Result>& rs, const std::string& url) {
    for (const auto& r : rs)
        if (r.url == url) return r;
    throw std::runtime_error("no result for " + url);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

fs::path fixtures() { return fs::path(CLAIMEX_SOURCE_DIR) / "tests" / "fixtures" / "http"; }

struct TempDir {
    fs::path path;
    TempDir() {
        char tmpl[] = "/tmp/claimex-fetch-test-XXXXXX";
        path = mkdtemp(tmpl);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
};

// The wall clock the fixture server stamps requests with (Python's
// time.time()). Tests of waits compare a request's stamp with the time
// before the fetch began: a stamp is taken after its request left, so on a
// loaded machine it can only come later, never sooner, and the bound holds.
// (Gaps between two stamps do not: a late stamp shrinks the next gap.)
double wall_now() {
    return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::vector<double> times_of(const nlohmann::json& requests) {
    std::vector<double> t;
    for (auto& e : requests) t.push_back(e["time"].get<double>());
    std::sort(t.begin(), t.end());
    return t;
}

}  // namespace

// ---------------------------------------------------------------- pieces

TEST_CASE("robots.txt: patterns with * and $", "[fetch][robots]") {
    CHECK(robots_pattern_matches("/private/", "/private/x.html"));
    CHECK_FALSE(robots_pattern_matches("/private/", "/privateer"));
    CHECK(robots_pattern_matches("/*.cgi$", "/bin/run.cgi"));
    CHECK_FALSE(robots_pattern_matches("/*.cgi$", "/bin/run.cgi?x=1"));
    CHECK(robots_pattern_matches("/*.cgi", "/bin/run.cgi?x=1"));
    CHECK(robots_pattern_matches("/a*b*c", "/axxbyyc/zz"));
    CHECK_FALSE(robots_pattern_matches("/a*b*c$", "/axxbyycz"));
    CHECK(robots_pattern_matches("/", "/anything"));
    CHECK(robots_pattern_matches("*", "/"));
    CHECK(robots_pattern_matches("/fish$", "/fish"));
    CHECK_FALSE(robots_pattern_matches("/fish$", "/fishing"));
}

TEST_CASE("robots.txt: our group, longest match, Allow wins ties", "[fetch][robots]") {
    const char* txt =
        "# comment\n"
        "User-agent: otherbot\n"
        "Disallow: /\n"
        "\n"
        "User-agent: Claimex/2.0   # version and case do not matter\n"
        "User-agent: friend\n"
        "Disallow: /private/\n"
        "Allow: /private/public-*.html$\n"
        "Disallow: /tie\n"
        "Allow: /tie\n"
        "Disallow: /q?secret\n"
        "Disallow: /caf%c3%a9/\n"
        "Disallow:\n"
        "Sitemap: https://example.org/sitemap.xml\n"
        "\n"
        "User-agent: *\n"
        "Disallow: /\n";
    Robots r = Robots::parse(txt, "claimex");
    CHECK(r.check("/news/1.html").allowed);
    auto v = r.check("/private/secret.html");
    CHECK_FALSE(v.allowed);
    CHECK(v.why == "Disallow: /private/");
    CHECK(r.check("/private/public-note.html").allowed);
    CHECK_FALSE(r.check("/private/public-note.html?x").allowed);  // $ anchors the Allow
    CHECK(r.check("/tie").allowed);
    CHECK_FALSE(r.check("/q?secret=1").allowed);
    CHECK(r.check("/q?public=1").allowed);
    CHECK_FALSE(r.check("/caf%C3%A9/menu").allowed);  // escapes compared case-insensitively
    CHECK_FALSE(r.check("/caf\xC3\xA9/menu").allowed);  // raw UTF-8 equals its escapes
    CHECK(r.check("/robots.txt").allowed);

    // A crawler not named gets the * group.
    Robots other = Robots::parse(txt, "somebot");
    CHECK_FALSE(other.check("/news/1.html").allowed);
    // Groups for the same agent are merged; no * group and no match: allowed.
    Robots merged = Robots::parse("User-agent: claimex\nDisallow: /a\n\nUser-agent: x\nDisallow: /\n"
                                  "User-agent: claimex\nDisallow: /b\n",
                                  "claimex");
    CHECK_FALSE(merged.check("/a/1").allowed);
    CHECK_FALSE(merged.check("/b/1").allowed);
    CHECK(merged.check("/c").allowed);
    CHECK(Robots::parse("User-agent: x\nDisallow: /\n", "claimex").check("/").allowed);
    // Rules before any User-agent belong to no group; CRLF line ends work.
    CHECK(Robots::parse("Disallow: /\r\nUser-agent: *\r\nDisallow: /x\r\n", "claimex").check("/y").allowed);
    CHECK_FALSE(Robots::parse("Disallow: /\r\nUser-agent: *\r\nDisallow: /x\r\n", "claimex").check("/x").allowed);
    // A named group with no rules allows everything, even if * disallows.
    CHECK(Robots::parse("User-agent: claimex\nDisallow:\n\nUser-agent: *\nDisallow: /\n", "claimex").check("/a").allowed);
    // User-agent lines with only blank lines between them are one group (RFC 9309).
    CHECK_FALSE(Robots::parse("User-agent: claimex\n\nUser-agent: *\nDisallow: /\n", "claimex").check("/a").allowed);
    CHECK_FALSE(Robots::block_all("robots.txt unavailable: HTTP 503").check("/").allowed);
    CHECK(Robots::allow_all().check("/anything").allowed);
}

TEST_CASE("Retry-After: seconds and HTTP-date", "[fetch]") {
    std::time_t now = 1700000000;  // 2023-11-14T22:13:20Z
    CHECK(parse_retry_after("120", now) == 120);
    CHECK(parse_retry_after(" 0 ", now) == 0);
    CHECK(parse_retry_after("Tue, 14 Nov 2023 22:13:50 GMT", now) == 30);
    CHECK(parse_retry_after("Tue, 14 Nov 2023 22:00:00 GMT", now) == 0);  // past: now
    CHECK(parse_retry_after("soon", now) == -1);
    CHECK(parse_retry_after("", now) == -1);
}

TEST_CASE("messages: sizes, seconds, statuses", "[fetch]") {
    CHECK(format_bytes(10u << 20) == "10 MiB");
    CHECK(format_bytes(512u << 10) == "512 KiB");
    CHECK(format_bytes(1536u << 10) == "1.5 MiB");
    CHECK(format_bytes(300) == "300 bytes");
    CHECK(format_seconds(10) == "10 s");
    CHECK(format_seconds(0.5) == "0.5 s");
    CHECK(status_text(404) == "Not Found");
    CHECK(status_text(429) == "Too Many Requests");
}

TEST_CASE("content types: documents and the rest", "[fetch]") {
    CHECK(is_document_type("text/html; charset=utf-8"));
    CHECK(is_document_type("application/xhtml+xml"));
    CHECK(is_document_type("application/rss+xml"));
    CHECK(is_document_type("application/atom+xml; charset=utf-8"));
    CHECK(is_document_type("text/xml"));
    CHECK(is_document_type("text/plain"));
    CHECK(is_document_type(""));
    CHECK_FALSE(is_document_type("application/pdf"));
    CHECK_FALSE(is_document_type("image/png"));
    CHECK_FALSE(is_document_type("image/svg+xml"));
    CHECK_FALSE(is_document_type("video/mp4"));
    CHECK_FALSE(is_document_type("audio/mpeg"));
    CHECK_FALSE(is_document_type("application/zip"));
    CHECK(media_type(" Text/HTML ; charset=UTF-8") == "text/html");
    CHECK(guess_content_type("a/b.HTML") == "text/html");
    CHECK(guess_content_type("feed.rss") == "application/rss+xml");
    CHECK(guess_content_type("x.pdf") == "application/pdf");
    CHECK(guess_content_type("noext") == "");
}

TEST_CASE("URLs: parts, file URLs, which inputs are URLs", "[fetch]") {
    UrlParts u;
    REQUIRE(parse_http_url("HTTP://Example.ORG/a/b?c=d#frag", u));
    CHECK(u.scheme == "http");
    CHECK(u.host == "example.org");
    CHECK(u.port == "80");
    CHECK(u.path_query == "/a/b?c=d");
    REQUIRE(parse_http_url("https://example.org", u));
    CHECK(u.port == "443");
    CHECK(u.path_query == "/");
    CHECK(origin_of(u) == "https://example.org:443");
    CHECK_FALSE(parse_http_url("ftp://example.org/x", u));
    CHECK_FALSE(parse_http_url("not a url", u));
    std::string p;
    REQUIRE(file_url_to_path("file:///tmp/a%20b.html", p));
    CHECK(p == "/tmp/a b.html");
    REQUIRE(file_url_to_path("file://localhost/tmp/x", p));
    CHECK(p == "/tmp/x");
    CHECK_FALSE(file_url_to_path("file://otherhost/tmp/x", p));
    CHECK(is_url("https://x.org/"));
    CHECK(is_url("FILE:///tmp/x"));
    CHECK_FALSE(is_url("page.html"));
}

TEST_CASE("User-Agent names claimex and the contact", "[fetch]") {
    Options o;
    CHECK(o.effective_user_agent() == std::string("claimex/") + kVersion);
    o.contact = "you@example.org";
    CHECK(o.effective_user_agent() == std::string("claimex/") + kVersion + " (+mailto:you@example.org)");
    o.contact = "https://example.org/bot";
    CHECK(o.effective_user_agent() == std::string("claimex/") + kVersion + " (+https://example.org/bot)");
    o.user_agent = "MyCrawler/1.0";
    CHECK(o.effective_user_agent() == "MyCrawler/1.0");
}

TEST_CASE("cache folder: round trip, and anything damaged is a miss", "[fetch][cache]") {
    TempDir tmp;
    DiskCache cache(tmp.path / "cache");
    CacheEntry e;
    e.url = "https://example.org/a";
    e.content_type = "text/html";
    e.etag = "\"v1\"";
    e.last_modified = "Wed, 13 Mar 2024 10:00:00 GMT";
    std::string body = std::string("<p>caf\xC3\xA9</p>\n") + std::string(1000, 'x') + '\0' + "tail";
    REQUIRE(cache.store(e, body));
    auto head = cache.head(e.url);
    REQUIRE(head);
    CHECK(head->etag == "\"v1\"");
    CHECK(head->body.empty());
    auto full = cache.load(e.url);
    REQUIRE(full);
    CHECK(full->body == body);
    CHECK_FALSE(cache.load("https://example.org/b"));

    // Truncated body: a miss, not a short page.
    fs::path file = cache.path_for(e.url);
    fs::resize_file(file, fs::file_size(file) - 3);
    CHECK_FALSE(cache.load(e.url));
    // Garbage: a miss.
    std::ofstream(file, std::ios::trunc) << "not a cache entry";
    CHECK_FALSE(cache.head(e.url));
    // A file where the folder should be: the constructor says so.
    std::ofstream(tmp.path / "plainfile") << "x";
    CHECK_THROWS_AS(DiskCache(tmp.path / "plainfile"), FetchError);
}

// ---------------------------------------------------------------- files

TEST_CASE("file:// URLs and local paths go through the same API", "[fetch][files]") {
    fs::path page = fixtures() / "articles" / "news-standard.html";
    Options o = quick();
    auto rs = fetch_all({"file://" + page.string(), page.string(), (fixtures() / "missing.html").string(),
                         (fixtures() / "files" / "report.pdf").string(), fixtures().string()},
                        o);
    REQUIRE(rs.size() == 5);
    const Result& a = by_url(rs, "file://" + page.string());
    REQUIRE(a.ok());
    CHECK(a.payload.status == 0);
    CHECK(a.payload.content_type == "text/html");
    CHECK(a.payload.body == read_file(page));
    const Result& b = by_url(rs, page.string());
    REQUIRE(b.ok());
    CHECK(b.payload.body == read_file(page));
    const Result& missing = by_url(rs, (fixtures() / "missing.html").string());
    CHECK(missing.error_kind == Error::file);
    CHECK(missing.error.find("No such file") != std::string::npos);
    const Result& pdf = by_url(rs, (fixtures() / "files" / "report.pdf").string());
    CHECK(pdf.error_kind == Error::skipped);
    CHECK(pdf.error == "skipped: application/pdf is not HTML");
    CHECK(by_url(rs, fixtures().string()).error_kind == Error::file);

    o.max_bytes = 100;
    Result big = fetch_one(page.string(), o);
    CHECK(big.error_kind == Error::too_large);
    CHECK(big.error == "file larger than 100 bytes limit");
}

TEST_CASE("bad URLs are errors, not exceptions", "[fetch]") {
    auto rs = fetch_all({"ftp://example.org/file", "http://", "file://otherhost/x"}, quick());
    REQUIRE(rs.size() == 3);
    CHECK(by_url(rs, "ftp://example.org/file").error == "unsupported URL scheme \"ftp\"");
    CHECK(by_url(rs, "http://").error_kind == Error::invalid);
    CHECK(by_url(rs, "file://otherhost/x").error_kind == Error::invalid);
}

// ---------------------------------------------------------------- HTTP

TEST_CASE("a page: body, status, type, User-Agent with the contact", "[fetch][http]") {
    FixtureServer srv;
    Result r = fetch_one(srv.url("/articles/news-standard.html"), quick());
    REQUIRE(r.ok());
    CHECK(r.payload.status == 200);
    CHECK(r.payload.content_type == "text/html; charset=utf-8");
    CHECK(r.payload.body == read_file(fixtures() / "articles" / "news-standard.html"));
    CHECK(r.payload.final_url == r.url);
    CHECK(r.payload.fetched_at.size() == 20);
    CHECK(r.attempts == 1);
    auto log = srv.log();
    REQUIRE(log.size() == 2);  // robots.txt, then the page
    CHECK(log[0]["path"] == "/robots.txt");
    for (auto& e : log) CHECK(e["user_agent"] == std::string("claimex/") + kVersion + " (+mailto:tests@example.org)");
}

TEST_CASE("redirect chain: final URL and hops recorded", "[fetch][http][redirect]") {
    FixtureServer srv;
    Result r = fetch_one(srv.url("/redirect/chain/4"), quick());
    REQUIRE(r.ok());
    CHECK(r.payload.final_url == srv.url("/page/chain-end"));
    CHECK(r.payload.url == srv.url("/redirect/chain/4"));
    REQUIRE(r.redirects.size() == 4);
    CHECK(r.redirects[0] == srv.url("/redirect/chain/4"));
    CHECK(r.redirects[2] == srv.url("/redirect/chain/2"));  // reached through a relative Location
    CHECK(r.payload.body.find("Fixture page chain-end") != std::string::npos);
}

TEST_CASE("redirect loop, too many redirects, redirect to file:", "[fetch][http][redirect]") {
    FixtureServer srv;
    Options o = quick();
    o.max_redirects = 5;
    auto rs = fetch_all({srv.url("/redirect/loop/a"), srv.url("/redirect/endless/1"), srv.url("/redirect/to-file")}, o);
    const Result& loop = by_url(rs, srv.url("/redirect/loop/a"));
    CHECK(loop.error_kind == Error::redirect);
    CHECK(loop.error.rfind("redirect loop (", 0) == 0);
    CHECK(loop.error.find("/redirect/loop/b") != std::string::npos);
    const Result& endless = by_url(rs, srv.url("/redirect/endless/1"));
    CHECK(endless.error == "too many redirects (more than 5)");
    CHECK(srv.requests_to("/redirect/endless/7").empty());  // stopped at the limit
    const Result& file = by_url(rs, srv.url("/redirect/to-file"));
    CHECK(file.error_kind == Error::redirect);
    CHECK(file.error.find("file:///etc/passwd") != std::string::npos);
}

TEST_CASE("404 is an error and the other URLs still come back", "[fetch][http]") {
    FixtureServer srv;
    auto rs = fetch_all({srv.url("/page/1"), srv.url("/status/404"), srv.url("/page/2"), srv.url("/status/410")},
                        quick());
    REQUIRE(rs.size() == 4);
    const Result& nf = by_url(rs, srv.url("/status/404"));
    CHECK(nf.error_kind == Error::http);
    CHECK(nf.error == "HTTP 404 Not Found");
    CHECK(nf.payload.status == 404);
    CHECK(nf.payload.body.empty());
    CHECK(by_url(rs, srv.url("/status/410")).error == "HTTP 410 Gone");
    CHECK(by_url(rs, srv.url("/page/1")).ok());
    CHECK(by_url(rs, srv.url("/page/2")).ok());
    CHECK(srv.requests_to("/status/404").size() == 1);  // a 404 is not retried
}

TEST_CASE("500 is retried with backoff until it succeeds", "[fetch][http][retry]") {
    FixtureServer srv;
    Options o = quick();
    o.retries = 3;
    Result r = fetch_one(srv.url("/flaky/a?fail=2&code=500"), o);
    REQUIRE(r.ok());
    CHECK(r.attempts == 3);
    CHECK(srv.requests_to("/flaky/a").size() == 3);
    Result r503 = fetch_one(srv.url("/flaky/b?fail=1&code=503"), o);
    REQUIRE(r503.ok());
    CHECK(r503.attempts == 2);
}

TEST_CASE("retries are bounded", "[fetch][http][retry]") {
    FixtureServer srv;
    Options o = quick();
    o.retries = 2;
    Result r = fetch_one(srv.url("/flaky/c?fail=100&code=500"), o);
    CHECK(r.error_kind == Error::http);
    CHECK(r.error == "HTTP 500 Internal Server Error (gave up after 3 attempts)");
    CHECK(r.attempts == 3);
    CHECK(srv.requests_to("/flaky/c").size() == 3);
    o.retries = 0;
    Result once = fetch_one(srv.url("/flaky/d?fail=100&code=502"), o);
    CHECK(once.error == "HTTP 502 Bad Gateway");
    CHECK(srv.requests_to("/flaky/d").size() == 1);
}

TEST_CASE("429 Retry-After in seconds is honoured", "[fetch][http][retry]") {
    FixtureServer srv;
    Options o = quick();  // backoff 0.01 s: any wait of a second is the server's
    double t0 = wall_now();
    Result r = fetch_one(srv.url("/ratelimit/s?after=1"), o);
    REQUIRE(r.ok());
    CHECK(r.attempts == 2);
    auto t = times_of(srv.requests_to("/ratelimit/s"));
    REQUIRE(t.size() == 2);
    CHECK(t[1] - t0 >= 0.95);  // the retry left at least a second after the start
}

TEST_CASE("429 Retry-After as an HTTP-date is honoured", "[fetch][http][retry]") {
    FixtureServer srv;
    // The date is at least 1 s ahead (whole seconds, 2 s ahead when sent).
    Result r = fetch_one(srv.url("/ratelimit/d?after=1&date=1"), quick());
    REQUIRE(r.ok());
    CHECK(r.attempts == 2);
    auto t = times_of(srv.requests_to("/ratelimit/d"));
    REQUIRE(t.size() == 2);
    CHECK(t[1] - t[0] >= 0.95);
}

TEST_CASE("a Retry-After longer than max_wait fails at once, saying why", "[fetch][http][retry]") {
    FixtureServer srv;
    Options o = quick();
    o.max_wait = 5;
    Result r = fetch_one(srv.url("/ratelimit/long?after=3600"), o);
    CHECK(r.error_kind == Error::http);
    CHECK(r.error == "HTTP 429 Too Many Requests (Retry-After 3600 s is longer than the 5 s limit)");
    CHECK(srv.requests_to("/ratelimit/long").size() == 1);
}

TEST_CASE("a stalled page times out", "[fetch][http][timeout]") {
    FixtureServer srv;
    Options o = quick();
    o.timeout = 1;
    o.retries = 0;
    o.ignore_robots = true;  // only the stalled page meets the short timeout
    Result r = fetch_one(srv.url("/stall?s=60"), o);
    CHECK(r.error_kind == Error::timeout);
    CHECK(r.error == "timed out after 1 s");
}

TEST_CASE("a timeout is retried", "[fetch][http][timeout][retry]") {
    FixtureServer srv;
    Options o = quick();
    o.timeout = 5;  // long enough for the second, prompt answer on a busy machine
    o.retries = 1;
    o.ignore_robots = true;
    Result r = fetch_one(srv.url("/stall-once/t?s=60"), o);
    REQUIRE(r.ok());
    CHECK(r.attempts == 2);
    CHECK(srv.requests_to("/stall-once/t").size() == 2);
}

TEST_CASE("connection refused is a network error, retried", "[fetch][http]") {
    // A port bound but not listening: connections are refused, and no other
    // test can take it meanwhile.
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    REQUIRE(sock >= 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(bind(sock, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    socklen_t len = sizeof addr;
    getsockname(sock, reinterpret_cast<sockaddr*>(&addr), &len);
    int port = ntohs(addr.sin_port);
    Options o = quick();
    o.retries = 1;
    Result r = fetch_one("http://127.0.0.1:" + std::to_string(port) + "/page/1", o);
    // robots.txt is the first thing asked for, so that is what fails: the
    // page fails with the same kind, saying so.
    CHECK(r.error_kind == Error::network);
    CHECK(r.error.rfind("cannot fetch robots.txt: ", 0) == 0);
    o.ignore_robots = true;
    Result direct = fetch_one("http://127.0.0.1:" + std::to_string(port) + "/page/1", o);
    CHECK(direct.error_kind == Error::network);
    CHECK(direct.attempts == 2);
    CHECK(direct.error.find("gave up after 2 attempts") != std::string::npos);
    close(sock);
}

TEST_CASE("compressed bodies arrive decoded", "[fetch][http][encoding]") {
    FixtureServer srv;
    std::string original = read_file(fixtures() / "compressed" / "article.html");
    auto rs = fetch_all({srv.url("/gzip"), srv.url("/deflate"), srv.url("/br"), srv.url("/zstd")}, quick());
    for (const auto& r : rs) {
        INFO(r.url);
        REQUIRE(r.ok());
        CHECK(r.payload.body == original);
    }
    // The server compressed because we asked for each of them.
    std::string accept = srv.requests_to("/gzip")[0]["accept_encoding"];
    for (const char* enc : {"gzip", "deflate", "br", "zstd"}) {
        INFO(enc);
        CHECK(accept.find(enc) != std::string::npos);
    }
}

TEST_CASE("a body over max_bytes is aborted, with or without Content-Length", "[fetch][http][limits]") {
    FixtureServer srv;
    Options o = quick();
    o.max_bytes = 1u << 20;
    auto rs = fetch_all({srv.url("/big?bytes=3000000"), srv.url("/big-chunked?bytes=3000000"),
                         srv.url("/gzip-big?bytes=20000000"), srv.url("/big?bytes=500000")},
                        o);
    for (const char* p : {"/big?bytes=3000000", "/big-chunked?bytes=3000000", "/gzip-big?bytes=20000000"}) {
        const Result& r = by_url(rs, srv.url(p));
        INFO(p);
        CHECK(r.error_kind == Error::too_large);
        CHECK(r.error == "body larger than 1 MiB limit");
        CHECK(r.payload.body.empty());
    }
    const Result& ok = by_url(rs, srv.url("/big?bytes=500000"));
    REQUIRE(ok.ok());
    CHECK(ok.payload.body.size() == 500000);
}

TEST_CASE("PDF, images and video are skipped with a reason", "[fetch][http]") {
    FixtureServer srv;
    auto rs = fetch_all({srv.url("/files/report.pdf"), srv.url("/files/pixel.png"), srv.url("/video.mp4"),
                         srv.url("/notype")},
                        quick());
    const Result& pdf = by_url(rs, srv.url("/files/report.pdf"));
    CHECK(pdf.error_kind == Error::skipped);
    CHECK(pdf.error == "skipped: application/pdf is not HTML");
    CHECK(pdf.payload.body.empty());
    CHECK(by_url(rs, srv.url("/files/pixel.png")).error == "skipped: image/png is not HTML");
    CHECK(by_url(rs, srv.url("/video.mp4")).error == "skipped: video/mp4 is not HTML");
    // Larger than max_bytes too: still "skipped", the more useful reason.
    Options small = quick();
    small.max_bytes = 100;
    CHECK(fetch_one(srv.url("/video.mp4"), small).error == "skipped: video/mp4 is not HTML");
    // No Content-Type at all: fetched, for the document stage to sniff.
    CHECK(by_url(rs, srv.url("/notype")).ok());

    Options all = quick();
    all.documents_only = false;
    Result pdf2 = fetch_one(srv.url("/files/report.pdf"), all);
    REQUIRE(pdf2.ok());
    CHECK(pdf2.payload.body == read_file(fixtures() / "files" / "report.pdf"));
}

TEST_CASE("bytes in legacy charsets arrive untouched", "[fetch][http]") {
    FixtureServer srv;
    Result r = fetch_one(srv.url("/charset/cp1252-labelled-utf8"), quick());
    REQUIRE(r.ok());
    CHECK(r.payload.content_type == "text/html; charset=utf-8");
    CHECK(r.payload.body.find("caf\xE9") != std::string::npos);  // é in windows-1252
}

TEST_CASE("robots.txt: fetched once, obeyed, per hop; ignore_robots overrides", "[fetch][http][robots]") {
    FixtureServer srv;
    std::vector<std::string> urls = {srv.url("/private/secret.html"), srv.url("/private/public-note.html"),
                                     srv.url("/page/1"), srv.url("/page/2"), srv.url("/scripts/run.cgi"),
                                     srv.url("/redirect/to-private")};
    auto rs = fetch_all(urls, quick());
    const Result& secret = by_url(rs, srv.url("/private/secret.html"));
    CHECK(secret.error_kind == Error::robots);
    CHECK(secret.error == "blocked by robots.txt (Disallow: /private/)");
    CHECK(by_url(rs, srv.url("/private/public-note.html")).ok());
    CHECK(by_url(rs, srv.url("/page/1")).ok());
    CHECK(by_url(rs, srv.url("/scripts/run.cgi")).error == "blocked by robots.txt (Disallow: /*.cgi$)");
    // The redirect's target is checked too.
    CHECK(by_url(rs, srv.url("/redirect/to-private")).error_kind == Error::robots);
    CHECK(srv.requests_to("/robots.txt").size() == 1);
    CHECK(srv.requests_to("/private/secret.html").empty());

    Options o = quick();
    o.ignore_robots = true;
    Result r = fetch_one(srv.url("/private/secret.html"), o);
    CHECK(r.ok());
    CHECK(srv.requests_to("/robots.txt").size() == 1);  // not even asked for
}

TEST_CASE("robots.txt missing allows all; unreachable blocks the site", "[fetch][http][robots]") {
    {
        FixtureServer none("none");
        Result r = fetch_one(none.url("/private/secret.html"), quick());
        CHECK(r.ok());
    }
    {
        FixtureServer err("error");
        Options o = quick();
        o.retries = 1;
        Result r = fetch_one(err.url("/page/1"), o);
        CHECK(r.error_kind == Error::robots);
        CHECK(r.error.rfind("blocked by robots.txt (unavailable: HTTP 503 Service Unavailable", 0) == 0);
        CHECK(err.requests_to("/page/1").empty());
        CHECK(err.requests_to("/robots.txt").size() == 2);  // retried like any 503
    }
}

TEST_CASE("per-host and total concurrency limits hold", "[fetch][http][politeness]") {
    FixtureServer srv;
    Options o = quick();
    o.ignore_robots = true;
    o.concurrency = 8;
    o.per_host = 2;
    std::vector<std::string> urls;
    for (int i = 0; i < 8; ++i) urls.push_back(srv.url("/slow/" + std::to_string(i) + "?ms=300"));
    auto rs = fetch_all(urls, o);
    for (const auto& r : rs) CHECK(r.ok());
    int max_inflight = srv.stats()["max_inflight"];
    CHECK(max_inflight >= 1);
    CHECK(max_inflight <= 2);

    FixtureServer srv2;
    o.per_host = 16;
    o.concurrency = 3;
    urls.clear();
    for (int i = 0; i < 9; ++i) urls.push_back(srv2.url("/slow/" + std::to_string(i) + "?ms=300"));
    rs = fetch_all(urls, o);
    CHECK(rs.size() == 9);
    CHECK(srv2.stats()["max_inflight"].get<int>() <= 3);
}

TEST_CASE("request starts to one host are spaced by host_delay", "[fetch][http][politeness]") {
    FixtureServer srv;
    Options o = quick();
    o.host_delay = 0.5;
    o.per_host = 4;
    double t0 = wall_now();
    auto rs = fetch_all({srv.url("/page/1"), srv.url("/page/2"), srv.url("/page/3")}, o);
    for (const auto& r : rs) CHECK(r.ok());
    auto t = times_of(srv.log());  // robots.txt and the three pages
    REQUIRE(t.size() == 4);
    // Four starts spaced by 0.5 s: the k-th request left at least k * 0.5 s
    // after the fetch began.
    for (size_t i = 1; i < t.size(); ++i) CHECK(t[i] - t0 >= 0.5 * static_cast<double>(i) - 0.02);
}

TEST_CASE("conditional GET: a second fetch of an unchanged page is a 304 from the cache", "[fetch][http][cache]") {
    FixtureServer srv;
    TempDir tmp;
    Options o = quick();
    o.cache_dir = (tmp.path / "cache").string();
    Result first = fetch_one(srv.url("/cached/k"), o);
    REQUIRE(first.ok());
    CHECK_FALSE(first.from_cache);
    Result second = fetch_one(srv.url("/cached/k"), o);  // a new Fetcher: the cache is on disk
    REQUIRE(second.ok());
    CHECK(second.from_cache);
    CHECK(second.payload.status == 200);
    CHECK(second.payload.body == first.payload.body);
    auto reqs = srv.requests_to("/cached/k");
    REQUIRE(reqs.size() == 2);
    CHECK(reqs[0]["if_none_match"].is_null());
    CHECK(reqs[1]["if_none_match"] == "\"k-v1\"");
    CHECK(reqs[1]["status"] == 304);

    // The page changes: a full 200 with the new body, cached in turn.
    srv.get("/_bump/k");
    Result third = fetch_one(srv.url("/cached/k"), o);
    REQUIRE(third.ok());
    CHECK_FALSE(third.from_cache);
    CHECK(third.payload.body.find("version 2") != std::string::npos);
    Result fourth = fetch_one(srv.url("/cached/k"), o);
    CHECK(fourth.from_cache);
    CHECK(fourth.payload.body == third.payload.body);

    // Last-Modified alone: If-Modified-Since.
    REQUIRE(fetch_one(srv.url("/cached-lm/m"), o).ok());
    Result lm = fetch_one(srv.url("/cached-lm/m"), o);
    CHECK(lm.from_cache);
    auto lreqs = srv.requests_to("/cached-lm/m");
    REQUIRE(lreqs.size() == 2);
    CHECK(lreqs[1]["if_modified_since"] == "Wed, 13 Mar 2024 10:00:00 GMT");

    // Without a cache nothing is conditional.
    Result plain = fetch_one(srv.url("/cached/k"), quick());
    CHECK_FALSE(plain.from_cache);
    CHECK(srv.requests_to("/cached/k").back()["if_none_match"].is_null());
}

TEST_CASE("streaming: URLs added while results come out, each result once", "[fetch][http]") {
    FixtureServer srv;
    Options o = quick();
    o.concurrency = 4;
    o.per_host = 4;
    Fetcher f(o);
    std::set<uint64_t> ids;
    ids.insert(f.add(srv.url("/page/s0")));
    CHECK(f.pending() == 1);
    std::set<uint64_t> seen;
    int added = 1;
    Result r;
    while (f.next(r)) {
        CHECK(r.ok());
        CHECK(seen.insert(r.id).second);
        if (added < 20) {  // each result brings two more URLs, up to 20
            for (int k = 0; k < 2 && added < 20; ++k, ++added)
                ids.insert(f.add(srv.url("/page/s" + std::to_string(added))));
        }
    }
    CHECK(seen == ids);
    CHECK(seen.size() == 20);
    CHECK(f.pending() == 0);
}

TEST_CASE("a cache folder that cannot be made is a FetchError up front", "[fetch][cache]") {
    TempDir tmp;
    std::ofstream(tmp.path / "file") << "x";
    Options o;
    o.cache_dir = (tmp.path / "file" / "sub").string();
    CHECK_THROWS_AS(Fetcher(o), FetchError);
}
