// The subcommands of `claimex`, one function each (main.cc parses the flags).
#pragma once

#include "extractor/document/document.h"
#include "extractor/fetch/fetch.h"

#include <cstddef>
#include <cstdio>
#include <unordered_map>
#include <unordered_set>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimex {
class Extractor;
struct Record;
}  // namespace claimex
namespace CLI {
class App;
}
namespace claimex::document {
struct Document;
}

namespace claimex::cli {

// A usage error: exit code 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string published;
    std::string rules_dir;
    bool with_text = false;
    bool claims_only = false;     // --claims-only / --flat: one claim per line
    std::string format = "jsonl";
    std::string input_format = "auto";
    size_t max_bytes = 64u << 20;
};

struct RulesOptions {
    std::string rules_dir;
    bool verbose = false;
    bool strict = false;
};

struct CheckOptions {
    ExtractOptions extract;      // inputs, --published, --rules
    std::string db;
    std::string rates;
    std::string format = "auto"; // auto: pretty on a terminal, else jsonl
    bool fail_on_conflict = false;
};

struct StoreOptions {
    std::string action;          // stats | export | query | import | history
    std::string db;
    std::string format = "jsonl";
    std::string subject, metric, period, source;
    size_t limit = 1000;
    std::vector<std::string> inputs;
};

// The store path: --db, else $CLAIMEX_DB, else claims.db.
std::string db_path(const std::string& flag);

int run_extract(const ExtractOptions& options);
int run_check(const CheckOptions& options);
int run_store(const StoreOptions& options);

// The input side of extract, shared by check and run: reads every input as
// documents (text files, JSONL, stdin), extracts each and hands the record to
// the sink. Failures are reported on stderr ("claimex: INPUT[:LINE]: ...")
// and counted; the rest go on.
using RecordSink = std::function<void(const Record&, const std::string& where)>;
using DocumentSink = std::function<void(document::Document doc, const std::string& where)>;
using FailureSink = std::function<void(const std::string& where, const std::string& what)>;

// The reading half of extract_inputs: text files, JSONL lines, stdin, HTML
// files and URLs become documents (or failures naming the input and line).
class DocumentReader {
public:
    // on_wait (may be empty) is called before the reader waits for input
    // that has not arrived yet (a pipe or terminal, not a file): the
    // caller's moment to finish what it holds.
    DocumentReader(const ExtractOptions& options, DocumentSink on_document, FailureSink on_failure,
                   std::function<void()> on_wait = {});
    ~DocumentReader();
    void read(const std::string& input);
    class Impl;
private:
    DocumentSink on_doc_;
    FailureSink on_fail_;
    std::function<void()> on_wait_;
    std::unique_ptr<Impl> impl_;
};

// "claimex: WHERE: WHAT" on stderr (after flushing stdout).
void report_failure(const std::string& where, const std::string& what);
size_t extract_inputs(const ExtractOptions& options, const Extractor& extractor, const RecordSink& sink);
// Loads the rules (--rules or the default), reporting bad rules on stderr.
std::unique_ptr<Extractor> open_extractor(const std::string& rules_dir);

// claimex fetch (fetch_cmd.cc): its flags, its run, and the fetch path that
// `extract` uses for URLs and .html files.
struct FetchOptions {
    std::vector<std::string> inputs;
    bool feed = false;              // expand feeds and sitemaps into their items
    int concurrency = 16;
    int per_host = 2;
    double delay = 1.0;
    double timeout = 30.0;
    size_t max_bytes = 10u << 20;
    int retries = 3;
    bool ignore_robots = false;
    std::string contact;            // default: $CLAIMEX_CONTACT
    std::string user_agent;
    std::string cache_dir;
};
CLI::App* add_fetch_command(CLI::App& app, FetchOptions& options);
// The fetch options of a FetchOptions (flags → fetch::Options).
fetch::Options fetcher_options(const FetchOptions& options);

// Where a queued URL came from.
struct Origin {
    int depth = 0;                // 0 for inputs, 1 for a feed's items, ...
    std::string feed;             // the feed it was listed in
    document::FeedItem item;      // what the feed said about it
};

using FetchedSink = std::function<void(document::Document doc, const fetch::Result& r, const Origin& origin)>;
using FetchErrorSink =
    std::function<void(const fetch::Result& r, const Origin& origin, const std::string& error, bool failure)>;

// A fetch loop over a Fetcher: URLs in, documents and errors out through
// the sinks, feeds expanded (with --feed) into their items; a stream of
// URLs (stdin) is read as results come out, so memory stays flat. Shared by
// `claimex fetch` and `claimex run`.
class FetchRun {
public:
    FetchRun(const FetchOptions& o, fetch::Fetcher& f, FetchedSink on_document, FetchErrorSink on_error);
    void add(const std::string& url, Origin origin);
    void add_stream(std::FILE* in) { stream_ = in; }
    // Feed items for which skip(url) is true are not fetched (run --resume).
    void set_skip(std::function<bool(const std::string&)> skip) { skip_ = std::move(skip); }
    // Until every URL is done, or stop() says so (checked between results).
    void run(const std::function<bool()>& stop = {});
    size_t failures() const { return failed_; }
    size_t skipped() const { return skipped_; }
    size_t pending() const;

private:
    void top_up();
    void handle(fetch::Result& r, const Origin& origin);
    void expand(const fetch::Result& r, const Origin& origin);
    void error_line(const fetch::Result& r, const Origin& origin, const std::string& error, bool failure);
    const FetchOptions& o_;
    fetch::Fetcher& f_;
    FetchedSink on_document_;
    FetchErrorSink on_error_;
    std::function<bool(const std::string&)> skip_;
    std::unordered_map<uint64_t, Origin> origins_;
    std::unordered_set<std::string> seen_;
    std::FILE* stream_ = nullptr;
    size_t failed_ = 0, skipped_ = 0;
};
int run_fetch(const FetchOptions& options);
bool is_fetch_input(const std::string& input);
// URL or HTML file → Document; throws (InputError, DocumentError) with a
// message saying what is wrong.
document::Document fetch_document(const std::string& input, size_t max_bytes);

// claimex run (run_cmd.cc): the batch job.
struct RunOptions {
    std::vector<std::string> inputs;  // folders, files, JSONL, URLs
    std::string feeds_file;           // --feeds: one feed or article URL a line
    std::string db, out, rules_dir, published;
    unsigned jobs = 0;                // 0: the number of cores
    bool resume = false;
    std::string progress = "auto";    // auto | always | never
    double log_interval = 10;         // seconds between summary lines when not on a terminal
    size_t max_bytes = 64u << 20;
    FetchOptions fetch;
};
int run_batch(const RunOptions& options);

int run_rules_test(const RulesOptions& options);
int run_rules_lint(const RulesOptions& options);

}  // namespace claimex::cli
