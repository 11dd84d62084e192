// fetch — URLs, file:// URLs and local paths in; document::Payload out.
//
// In:  URLs (http://, https://, file://) and local paths, given to a Fetcher
//      at any time (before or between calls to next()).
// Out: one Result per URL, delivered as soon as it completes (completion
//      order, not input order): the bytes of the page with its final URL,
//      HTTP status and Content-Type (a document::Payload for the document
//      stage), or an error message. Errors are values: one bad URL never
//      stops the others, and nothing here throws for a bad URL.
//
// What a Fetcher promises (each is an Options field; see README.md):
//  - Transfers run at once on libcurl's multi interface, at most
//    `concurrency` in total and `per_host` to one host, with request starts
//    to one host at least `host_delay` seconds apart (redirect hops, retries
//    and robots.txt count as requests). One thread; no sleeping while
//    another host has work.
//  - HTTP/1.1, and HTTP/2 over TLS where the server offers it; bodies in
//    every Content-Encoding the system libcurl decodes (gzip, deflate, br,
//    zstd on Debian 12) arrive decoded.
//  - Redirects are followed by the Fetcher itself, so every hop obeys
//    robots.txt and the per-host limits; at most `max_redirects` hops; a hop
//    back to a URL already visited is "redirect loop (a → b → a)". The final
//    URL is Payload::final_url.
//  - Time limits per attempt: `connect_timeout` and `timeout` (whole
//    transfer). Body limit: `max_bytes`; the transfer is aborted as soon as
//    it is exceeded ("body larger than 10 MiB limit").
//  - Retries: timeouts, connection failures, HTTP 408, 429, 500, 502, 503,
//    504 are retried up to `retries` more times, waiting `backoff` seconds
//    doubled per attempt with ±50% jitter, or the server's Retry-After
//    (seconds or HTTP-date) when that is longer; a wait longer than
//    `max_wait` is not made: the URL fails instead, saying why. A
//    Retry-After also pauses the whole host.
//  - robots.txt (RFC 9309): fetched once per origin (scheme, host, port)
//    and kept for the Fetcher's life; the group for the product token
//    "claimex" (else "*"), Allow/Disallow with `*` and `$`, longest match
//    wins, Allow wins a tie. A robots.txt that is missing (4xx) allows all;
//    one that cannot be fetched (5xx, network) blocks the origin, as the RFC
//    asks. `ignore_robots` turns all of this off.
//  - User-Agent: "claimex/VERSION (+CONTACT)" from `contact`, or
//    `user_agent` verbatim.
//  - Conditional GET: with a `cache_dir`, a 200 response carrying an ETag or
//    Last-Modified is stored (one file per URL); the next fetch of that URL
//    sends If-None-Match / If-Modified-Since, and a 304 returns the stored
//    body with Result::from_cache set.
//  - file:// URLs and local paths are read directly (status 0) with the
//    Content-Type guessed from the extension, under the same size limit.
//  - Content that is not a document (PDF, images, audio, video, archives:
//    anything but text/*, HTML, XML, feeds or an unknown type) is not
//    downloaded: the result is Error::skipped, "skipped: application/pdf is
//    not HTML".
//
//   claimex::fetch::Options opt;
//   opt.contact = "mailto:you@example.org";
//   claimex::fetch::Fetcher fetcher(opt);
//   for (const auto& url : urls) fetcher.add(url);
//   claimex::fetch::Result r;
//   while (fetcher.next(r)) {               // blocks until one is done
//       if (!r.ok()) { report(r.url, r.error); continue; }
//       auto doc = claimex::document::to_document(r.payload);
//   }
//
// A Fetcher belongs to one thread. Results hold one body each and the
// Fetcher holds only the bodies in flight, so memory stays flat however
// many URLs pass through: a caller that streams a long list adds URLs as
// results come out (e.g. while pending() < 1000).
#pragma once

#include "extractor/document/document.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimex::fetch {

// The version in the default User-Agent.
inline constexpr const char* kVersion = "0.1.0";
// The product token matched against robots.txt User-agent lines.
inline constexpr const char* kRobotsToken = "claimex";

struct Options {
    int concurrency = 16;            // transfers at once, all hosts
    int per_host = 2;                // transfers at once to one host
    double host_delay = 1.0;         // seconds between request starts to one host
    double connect_timeout = 10.0;   // seconds, per attempt
    double timeout = 30.0;           // seconds for a whole attempt
    size_t max_bytes = 10u << 20;    // largest body (decoded) accepted
    int max_redirects = 10;
    int retries = 3;                 // further attempts after the first
    double backoff = 1.0;            // seconds before the first retry; doubles
    double max_wait = 120.0;         // longest backoff / Retry-After honoured
    bool ignore_robots = false;
    std::string contact;             // "mailto:you@example.org", a URL, or an address
    std::string user_agent;          // replaces the default User-Agent when set
    std::string cache_dir;           // conditional-GET cache folder; "" = none
    bool documents_only = true;      // skip PDF, images, video, ... (see above)

    // The User-Agent header sent: user_agent, else "claimex/0.1.0 (+contact)".
    std::string effective_user_agent() const;
};

// Why a URL gave no payload.
enum class Error {
    none,
    invalid,      // not a URL or path we can fetch (bad URL, unsupported scheme)
    robots,       // blocked by robots.txt
    skipped,      // not a document type (PDF, image, ...): not downloaded
    http,         // an HTTP error status (after retries where they apply)
    timeout,      // connect or total timeout (after retries)
    network,      // DNS, connection, TLS, transfer failure (after retries)
    too_large,    // body larger than max_bytes
    redirect,     // redirect loop, too many redirects, bad Location
    file,         // local file cannot be read
};

struct Result {
    uint64_t id = 0;                 // what add() returned for this URL
    std::string url;                 // as given to add()
    document::Payload payload;       // url, final_url, status, content_type, body, fetched_at
    Error error_kind = Error::none;
    std::string error;               // "" when ok: "HTTP 404 Not Found", ...
    bool from_cache = false;         // body from the cache after a 304
    int attempts = 0;                // requests made for this URL (all hops and retries)
    std::vector<std::string> redirects;  // URLs redirected through, in order (not the final one)

    bool ok() const { return error_kind == Error::none; }
};

// A cache folder that cannot be created or written (thrown by the Fetcher
// constructor; never for a single URL).
struct FetchError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class Fetcher {
public:
    explicit Fetcher(Options options = {});
    ~Fetcher();
    Fetcher(const Fetcher&) = delete;
    Fetcher& operator=(const Fetcher&) = delete;

    // Queues a URL (http, https, file) or a local path; returns its id (1, 2,
    // ...), which its Result carries. Cheap: nothing is fetched until next().
    uint64_t add(std::string url);

    // Runs transfers until one URL is done and moves its Result into `out`.
    // false when nothing is queued or in flight.
    bool next(Result& out);

    // URLs added whose Result has not been returned yet.
    size_t pending() const;

    const Options& options() const;

    struct Impl;

private:
    std::unique_ptr<Impl> impl_;
};

// One URL with a fresh Fetcher (robots.txt included, so a one-off fetch is
// as polite as a batch).
Result fetch_one(const std::string& url, const Options& options = {});

// True for "http://", "https://" and "file://" inputs (case-insensitive).
bool is_url(const std::string& input);

}  // namespace claimex::fetch
