// Internal to fetch: the pieces the Fetcher (fetch.cc) is built from, each
// in its own file, declared here so the unit tests can reach them.
//   url.cc     URL parts, formatting of sizes and times, status texts, types
//   robots.cc  robots.txt parsing and matching (RFC 9309)
//   cache.cc   the conditional-GET cache folder
//   local.cc   file:// URLs and local paths
#pragma once

#include "extractor/fetch/fetch.h"

#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace claimex::fetch::internal {

// ---- url.cc ----

struct UrlParts {
    std::string scheme;      // lowercase: http, https
    std::string host;        // lowercase ("[::1]" for IPv6)
    std::string port;        // explicit or the scheme's default
    std::string path_query;  // "/path?query" ("/" when empty), no fragment
};
// Parses an absolute http(s) URL; false when it is not one.
bool parse_http_url(const std::string& url, UrlParts& out);
// "scheme://host:port": the robots.txt scope.
std::string origin_of(const UrlParts& u);

std::string lower(std::string_view s);
// The media type of a Content-Type value, lowercase: "text/html".
std::string media_type(std::string_view content_type);
// text/*, HTML, XHTML, XML, RSS, Atom, JSON-free documents and "" (unknown:
// the document stage sniffs it) are documents; PDF, images, audio, video,
// fonts, archives and other application/* types are not.
bool is_document_type(std::string_view content_type);
// A Content-Type for a file name, from its extension ("" when unknown).
std::string guess_content_type(const std::filesystem::path& path);

std::string status_text(int status);           // 404 → "Not Found"
std::string format_bytes(size_t n);            // "10 MiB", "512 KiB", "300 bytes"
std::string format_seconds(double s);          // "10 s", "0.5 s"
std::string iso_utc(std::time_t t);            // "2024-08-26T10:00:00Z"

// Seconds to wait for a Retry-After value (delay-seconds or HTTP-date,
// relative to now); -1 when the value is neither.
double parse_retry_after(std::string_view value, std::time_t now);

// ---- robots.cc ----

class Robots {
public:
    // Rules of the group(s) for `token` (case-insensitive), else of "*".
    static Robots parse(std::string_view body, std::string_view token);
    static Robots allow_all();
    // Everything blocked, e.g. robots.txt unreachable; reason goes in the message.
    static Robots block_all(std::string reason);

    struct Verdict {
        bool allowed = true;
        std::string why;     // "Disallow: /private/" or the block_all reason
    };
    // path_query: "/path?query" of the URL.
    Verdict check(std::string_view path_query) const;

    size_t rule_count() const { return rules_.size(); }

private:
    struct Rule {
        bool allow;
        std::string pattern;   // normalised (percent-escapes uppercased)
        std::string original;  // as written, for messages
    };
    std::vector<Rule> rules_;
    std::string block_reason_;
};

// Does a robots.txt path pattern (with `*` and a final `$`) match the start
// of path (or the whole of it with `$`)?
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

// ---- cache.cc ----

struct CacheEntry {
    std::string url;            // the key: the URL the 200 came from
    int status = 200;
    std::string content_type;
    std::string etag;
    std::string last_modified;
    std::string fetched_at;
    std::string body;
};

// One file per URL under dir (named by a hash of the URL), written to a
// temporary file and renamed into place so a crash or a concurrent writer
// never leaves a half entry; an unreadable entry is a miss.
class DiskCache {
public:
    // Creates the folder; throws FetchError when it cannot.
    explicit DiskCache(std::filesystem::path dir);
    // The entry for url without its body (body left empty).
    std::optional<CacheEntry> head(const std::string& url) const;
    // The entry with its body.
    std::optional<CacheEntry> load(const std::string& url) const;
    // Stores meta (its body field is ignored) with body; false when it
    // could not be written (the fetch still succeeds).
    bool store(const CacheEntry& meta, std::string_view body) const;
    std::filesystem::path path_for(const std::string& url) const;

private:
    std::optional<CacheEntry> read(const std::string& url, bool with_body) const;
    std::filesystem::path dir_;
};

// ---- local.cc ----

// file:// URL → local path; false when the URL is not a local file URL.
bool file_url_to_path(const std::string& url, std::string& path);
// Reads a local file into r (r.url already set).
void fetch_local(const std::string& path, const Options& options, Result& r);

}  // namespace claimex::fetch::internal
