// claimex fetch: URLs, feeds and files → document JSONL on stdout, one line
// per page as it completes. A failed URL is a line with "error" (and a
// message on stderr); the others go on; exit 1 when any failed. Also the
// fetch path `claimex extract` takes for URLs and HTML files.
#include "extractor/claimex.h"
#include "extractor/cli/commands.h"
#include "extractor/document/document.h"
#include "extractor/fetch/fetch.h"

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>
#include <unordered_map>
#include <unordered_set>

namespace claimex::cli {

namespace {

// Feeds within feeds (a sitemap index of sitemaps, say) are followed this
// deep and no deeper.
constexpr int kMaxFeedDepth = 3;

std::string env_contact() {
    const char* c = std::getenv("CLAIMEX_CONTACT");
    return c ? c : "";
}

nlohmann::ordered_json str_or_null(const std::string& s) {
    return s.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s);
}

// Fills the fetch-level fields of a Document from the payload it came from.
void add_payload_fields(document::Document& d, const fetch::Result& r) {
    const auto& p = r.payload;
    d.url = p.url;
    d.final_url = p.final_url.empty() ? p.url : p.final_url;
    d.status = p.status;
    d.fetched_at = p.fetched_at;
    if (d.content_type.empty()) d.content_type = p.content_type;
}

void write_line(const nlohmann::ordered_json& j) {
    std::cout << j.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << '\n';
    std::cout.flush();
}

}  // namespace

FetchRun::FetchRun(const FetchOptions& o, fetch::Fetcher& f, FetchedSink on_document, FetchErrorSink on_error)
    : o_(o), f_(f), on_document_(std::move(on_document)), on_error_(std::move(on_error)) {}

void FetchRun::add(const std::string& url, Origin origin) {
    if (!seen_.insert(url).second) return;  // listed twice (in two feeds, say)
    if (skip_ && origin.depth > 0 && skip_(url)) {
        ++skipped_;
        return;
    }
    origins_[f_.add(url)] = std::move(origin);
}

void FetchRun::run(const std::function<bool()>& stop) {
    fetch::Result r;
    for (;;) {
        if (stop && stop()) break;
        top_up();
        if (!f_.next(r)) break;
        auto it = origins_.find(r.id);
        Origin origin = it == origins_.end() ? Origin{} : std::move(it->second);
        if (it != origins_.end()) origins_.erase(it);
        handle(r, origin);
    }
}

void FetchRun::top_up() {
    size_t want = static_cast<size_t>(std::max(o_.concurrency, 1)) * 4;
    char buf[8192];
    while (stream_ && f_.pending() < want) {
        if (!std::fgets(buf, sizeof buf, stream_)) {
            stream_ = nullptr;
            break;
        }
        std::string line = buf;
        while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
        size_t b = line.find_first_not_of(" \t");
        if (b == std::string::npos || line[b] == '#') continue;
        add(line.substr(b), Origin{});
    }
}

void FetchRun::handle(fetch::Result& r, const Origin& origin) {
    if (!r.ok()) {
        error_line(r, origin, r.error, r.error_kind != fetch::Error::skipped);
        return;
    }
    document::Kind kind = document::sniff(r.payload);
    if (kind == document::Kind::feed) {
        if (!o_.feed) {
            error_line(r, origin, "is a feed or sitemap: give --feed to fetch its items", true);
            return;
        }
        if (origin.depth >= kMaxFeedDepth) {
            error_line(r, origin, fmt::format("feed nested more than {} deep: not expanded", kMaxFeedDepth), true);
            return;
        }
        expand(r, origin);
        return;
    }
    try {
        document::Document d = document::to_document(r.payload);
        add_payload_fields(d, r);
        // What the feed said fills what the page does not say itself.
        if (d.published.empty()) d.published = origin.item.published;
        if (d.title.empty()) d.title = origin.item.title;
        on_document_(std::move(d), r, origin);
    } catch (const std::exception& e) {
        error_line(r, origin, e.what(), true);
    }
}

void FetchRun::expand(const fetch::Result& r, const Origin& origin) {
    document::Feed feed;
    try {
        feed = document::parse_feed(r.payload);
    } catch (const std::exception& e) {
        error_line(r, origin, fmt::format("malformed feed: {}", e.what()), true);
        return;
    }
    std::string name = r.payload.final_url.empty() ? r.url : r.payload.final_url;
    std::fprintf(stderr, "claimex: %s: %s with %zu items\n", r.url.c_str(),
                 feed.kind.empty() ? "feed" : feed.kind.c_str(), feed.items.size());
    for (auto& item : feed.items) {
        if (item.url.empty()) continue;
        Origin o{origin.depth + 1, name, item};
        std::string url = item.url;
        add(url, std::move(o));
    }
}

namespace {

void write_document(const document::Document& d, const fetch::Result& r, const Origin& origin) {
    nlohmann::ordered_json j;
    j["url"] = d.url;
    j["final_url"] = d.final_url;
    j["status"] = d.status;
    j["fetched_at"] = d.fetched_at;
    j["content_type"] = str_or_null(d.content_type);
    j["charset"] = str_or_null(d.charset);
    j["title"] = str_or_null(d.title);
    j["published"] = str_or_null(d.published);
    j["modified"] = str_or_null(d.modified);
    j["publisher"] = str_or_null(d.publisher);
    j["authors"] = d.authors;
    j["lang"] = str_or_null(d.lang);
    if (!d.canonical_url.empty()) j["canonical_url"] = d.canonical_url;
    if (!origin.feed.empty()) j["feed"] = origin.feed;
    if (r.from_cache) j["from_cache"] = true;
    j["text"] = d.text;
    write_line(j);
}

void write_error_line(const fetch::Result& r, const Origin& origin, const std::string& error, bool failure) {
    const auto& p = r.payload;
    nlohmann::ordered_json j;
    j["url"] = r.url;
    j["final_url"] = str_or_null(p.final_url);
    j["status"] = p.status;
    j["fetched_at"] = str_or_null(p.fetched_at);
    j["content_type"] = str_or_null(p.content_type);
    if (!origin.feed.empty()) j["feed"] = origin.feed;
    if (!failure) j["skipped"] = true;
    j["error"] = error;
    write_line(j);
    std::fprintf(stderr, "claimex: %s: %s\n", r.url.c_str(), error.c_str());
}

}  // namespace

void FetchRun::error_line(const fetch::Result& r, const Origin& origin, const std::string& error, bool failure) {
    if (failure) ++failed_;
    on_error_(r, origin, error, failure);
}

CLI::App* add_fetch_command(CLI::App& app, FetchOptions& o) {
    auto* c = app.add_subcommand("fetch", "Fetch pages, feeds and files: one document JSON object per page");
    c->add_option("inputs", o.inputs,
                  "URLs, feed or sitemap URLs (with --feed), file:// URLs, local files, or - for a list on stdin")
        ->required();
    c->add_flag("--feed", o.feed, "Expand RSS, Atom, RDF feeds and sitemaps into their articles and fetch those");
    c->add_option("--concurrency", o.concurrency, "Transfers at once (default 16)")->check(CLI::PositiveNumber);
    c->add_option("--per-host", o.per_host, "Transfers at once to one host (default 2)")->check(CLI::PositiveNumber);
    c->add_option("--delay", o.delay, "Seconds between request starts to one host (default 1)")
        ->check(CLI::NonNegativeNumber);
    c->add_option("--timeout", o.timeout, "Seconds one request may take (default 30)")->check(CLI::PositiveNumber);
    c->add_option("--max-bytes", o.max_bytes, "Largest body accepted, e.g. 10MiB (default 10 MiB)")
        ->transform(CLI::AsSizeValue(false));
    c->add_option("--retries", o.retries, "Further attempts after a timeout, 429 or 5xx (default 3)")
        ->check(CLI::NonNegativeNumber);
    c->add_flag("--ignore-robots", o.ignore_robots, "Do not fetch or obey robots.txt");
    c->add_option("--contact", o.contact,
                  "Contact put in the User-Agent, e.g. mailto:you@example.org (default $CLAIMEX_CONTACT)");
    c->add_option("--user-agent", o.user_agent, "User-Agent header, replacing claimex/VERSION (+contact)");
    c->add_option("--cache", o.cache_dir, "Conditional-GET cache folder (ETag / Last-Modified); default none");
    return c;
}

size_t FetchRun::pending() const { return f_.pending(); }

fetch::Options fetcher_options(const FetchOptions& o) {
    fetch::Options fo;
    fo.concurrency = o.concurrency;
    fo.per_host = o.per_host;
    fo.host_delay = o.delay;
    fo.timeout = o.timeout;
    fo.connect_timeout = std::min(10.0, o.timeout);
    fo.max_bytes = o.max_bytes;
    fo.retries = o.retries;
    fo.ignore_robots = o.ignore_robots;
    fo.contact = o.contact.empty() ? env_contact() : o.contact;
    fo.user_agent = o.user_agent;
    fo.cache_dir = o.cache_dir;
    return fo;
}

int run_fetch(const FetchOptions& o) {
    if (o.max_bytes == 0) throw UsageError("--max-bytes must be more than 0");
    fetch::Options fo = fetcher_options(o);
    std::unique_ptr<fetch::Fetcher> f;
    try {
        f = std::make_unique<fetch::Fetcher>(fo);
    } catch (const fetch::FetchError& e) {
        throw UsageError(fmt::format("--cache: {}", e.what()));
    }
    FetchRun run(o, *f, write_document, write_error_line);
    for (const auto& in : o.inputs) {
        if (in == "-")
            run.add_stream(stdin);
        else
            run.add(in, Origin{});
    }
    run.run();
    return run.failures() ? 1 : 0;
}

bool is_fetch_input(const std::string& input) {
    if (fetch::is_url(input)) return true;
    std::string ext = std::filesystem::path(input).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

document::Document fetch_document(const std::string& input, size_t max_bytes) {
    // One Fetcher for the whole run, so robots.txt verdicts and the per-host
    // delay carry over from one input to the next.
    static std::unique_ptr<fetch::Fetcher> fetcher;
    if (!fetcher || fetcher->options().max_bytes != max_bytes) {
        fetch::Options o;
        o.max_bytes = max_bytes;
        o.contact = env_contact();
        fetcher = std::make_unique<fetch::Fetcher>(o);
    }
    fetcher->add(input);
    fetch::Result r;
    if (!fetcher->next(r)) throw InputError("nothing fetched");
    if (!r.ok()) throw InputError(r.error);
    if (document::sniff(r.payload) == document::Kind::feed)
        throw InputError("is a feed or sitemap: use `claimex fetch --feed` to get its articles");
    document::Document d = document::to_document(r.payload);
    add_payload_fields(d, r);
    if (d.source_name.empty()) d.source_name = input;
    return d;
}

}  // namespace claimex::cli
