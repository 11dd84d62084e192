// claimex run: the batch job. Inputs (folders, files, JSONL, URLs, feeds)
// → fetch/read → extract on worker threads → store (and --out claim JSONL).
//
//   producer thread   reads local inputs and runs the fetch loop (libcurl
//                     multi: the network work is concurrent in one thread)
//        │  bounded queue of documents
//   N worker threads  extract (rules, normalise, claims) → JSON record
//        │  bounded queue of records
//   main thread       one store transaction per document, --out lines,
//                     progress on a terminal or a summary line per interval
//
// The queues are bounded, so memory stays flat however long the input is.
// Ctrl-C (SIGINT/SIGTERM) stops reading, lets what is in flight finish and be
// committed, and exits 130; `run --resume` then skips what the store has. A
// kill -9 at any moment leaves the store at its last commit (SQLite WAL).
#include "extractor/claimex.h"
#include "extractor/cli/commands.h"
#include "extractor/cli/output.h"
#include "extractor/store/store.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <deque>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>
#include <unistd.h>

namespace claimex::cli {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

namespace {

std::atomic<int> g_signals{0};

extern "C" void on_signal(int) {
    // A second Ctrl-C ends at once; the store is still consistent (WAL).
    if (g_signals.fetch_add(1) >= 1) _exit(130);
}

// A blocking queue with a capacity; close() wakes everyone and makes pop()
// return false once it is empty.
template <class T>
class BoundedQueue {
public:
    explicit BoundedQueue(size_t capacity) : cap_(capacity) {}
    void push(T v) {
        std::unique_lock<std::mutex> l(m_);
        not_full_.wait(l, [&] { return q_.size() < cap_ || closed_; });
        q_.push_back(std::move(v));
        not_empty_.notify_one();
    }
    // false when closed and drained; with a timeout, std::nullopt-like: *timed_out set.
    bool pop(T& out, std::chrono::milliseconds wait, bool* timed_out = nullptr) {
        std::unique_lock<std::mutex> l(m_);
        bool ok = not_empty_.wait_for(l, wait, [&] { return !q_.empty() || closed_; });
        if (timed_out) *timed_out = !ok;
        if (!ok || q_.empty()) return false;
        out = std::move(q_.front());
        q_.pop_front();
        not_full_.notify_one();
        return true;
    }
    // pop() of up to `most` items: waits for one as pop() does, then takes
    // what else is there without waiting.
    bool pop_some(std::vector<T>& out, size_t most, std::chrono::milliseconds wait, bool* timed_out = nullptr) {
        out.clear();
        std::unique_lock<std::mutex> l(m_);
        bool ok = not_empty_.wait_for(l, wait, [&] { return !q_.empty() || closed_; });
        if (timed_out) *timed_out = !ok;
        if (!ok || q_.empty()) return false;
        while (!q_.empty() && out.size() < most) {
            out.push_back(std::move(q_.front()));
            q_.pop_front();
        }
        not_full_.notify_all();
        return true;
    }
    void close() {
        std::lock_guard<std::mutex> l(m_);
        closed_ = true;
        not_empty_.notify_all();
        not_full_.notify_all();
    }
    size_t size() {
        std::lock_guard<std::mutex> l(m_);
        return q_.size();
    }

private:
    size_t cap_;
    std::deque<T> q_;
    bool closed_ = false;
    std::mutex m_;
    std::condition_variable not_empty_, not_full_;
};

struct WorkItem {
    std::optional<document::Document> doc;  // none: a failure to report
    std::string where;
    std::string error, error_kind;
};

struct Done {
    std::string where;
    std::string doc_key, content_hash, fetched_at, canonical_url;
    std::optional<Json> record;
    std::string error, error_kind;
};

std::string kind_of_error(const std::string& msg) {
    static const std::vector<std::pair<const char*, const char*>> kinds = {
        {"invalid UTF-8", "invalid_utf8"}, {"UTF-16", "invalid_utf8"},   {"binary", "binary"},
        {"empty", "empty"},                {"malformed JSON", "json"},   {"JSON", "json"},
        {"longer than", "too_large"},      {"larger than", "too_large"}, {"cannot open", "file"},
        {"robots", "robots"},              {"timed out", "timeout"},     {"HTTP", "http"},
        {"redirect", "redirect"},          {"skipped", "skipped"},       {"feed", "feed"}};
    for (const auto& [needle, kind] : kinds)
        if (msg.find(needle) != std::string::npos) return kind;
    return "other";
}

const char* fetch_error_kind(fetch::Error e) {
    switch (e) {
        case fetch::Error::none: return "none";
        case fetch::Error::invalid: return "invalid_url";
        case fetch::Error::robots: return "robots";
        case fetch::Error::skipped: return "skipped";
        case fetch::Error::http: return "http";
        case fetch::Error::timeout: return "timeout";
        case fetch::Error::network: return "network";
        case fetch::Error::too_large: return "too_large";
        case fetch::Error::redirect: return "redirect";
        case fetch::Error::file: return "file";
    }
    return "other";
}

std::string hms(double s) {
    int t = static_cast<int>(s);
    return t >= 3600 ? fmt::format("{}:{:02}:{:02}", t / 3600, t / 60 % 60, t % 60)
                     : fmt::format("{:02}:{:02}", t / 60, t % 60);
}


bool readable_ext(const fs::path& p) {
    std::string e = p.extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e == ".txt" || e == ".text" || e == ".md" || e == ".html" || e == ".htm" || e == ".xhtml" ||
           e == ".jsonl" || e == ".ndjson";
}

}  // namespace

int run_batch(const RunOptions& o) {
    if (!o.published.empty() && iso_date_part(o.published).empty())
        throw UsageError(fmt::format("--published: not an ISO 8601 date (YYYY-MM-DD): \"{}\"", o.published));
    if (o.inputs.empty() && o.feeds_file.empty())
        throw UsageError("run: give inputs (folders, files, URLs) or --feeds FILE");
    std::string db_file = db_path(o.db);
    store::Store db = store::Store::open(db_file);
    auto ex = open_extractor(o.rules_dir);
    std::optional<std::ofstream> out;
    if (!o.out.empty()) {
        out.emplace(o.out, o.resume ? std::ios::app : std::ios::trunc);
        if (!*out) throw UsageError(fmt::format("--out: cannot write {}", o.out));
    }
    unsigned jobs = o.jobs ? o.jobs : std::max(1u, std::thread::hardware_concurrency());
    // Workers take documents in batches of up to kBatch (Extractor::extract
    // of several documents runs the rules rule by rule over them, ~1.5x
    // faster), so the queue holds a few batches per worker.
    constexpr size_t kBatch = 32;
    BoundedQueue<WorkItem> todo(jobs * kBatch * 2);
    BoundedQueue<Done> done(jobs * kBatch * 2);

    g_signals = 0;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    auto stopping = [] { return g_signals.load() > 0; };

    std::atomic<size_t> skipped{0}, read_bytes{0};
    uint64_t total_bytes = 0;
    // Local inputs: expand folders; their size gives the ETA.
    std::vector<std::string> local, urls;
    for (const auto& in : o.inputs) {
        std::error_code ec;
        if (fetch::is_url(in)) {
            urls.push_back(in);
        } else if (fs::is_directory(in, ec)) {
            std::vector<std::string> files;
            for (auto it = fs::recursive_directory_iterator(in, ec); !ec && it != fs::recursive_directory_iterator();
                 it.increment(ec))
                if (it->is_regular_file() && readable_ext(it->path())) files.push_back(it->path().string());
            std::sort(files.begin(), files.end());
            for (auto& f : files) {
                total_bytes += fs::file_size(f, ec);
                local.push_back(std::move(f));
            }
        } else {
            if (in != "-") total_bytes += fs::file_size(in, ec);
            local.push_back(in);
        }
    }
    if (!o.feeds_file.empty()) {
        std::ifstream f(o.feeds_file);
        if (!f) throw UsageError(fmt::format("--feeds: cannot read {}", o.feeds_file));
        std::string line;
        while (std::getline(f, line)) {
            size_t b = line.find_first_not_of(" \t\r");
            if (b == std::string::npos || line[b] == '#') continue;
            size_t e = line.find_last_not_of(" \t\r");
            urls.push_back(line.substr(b, e - b + 1));
        }
    }

    // ---- producer: local files, then URLs and feeds through the fetch loop
    std::thread producer([&] {
        // The producer's own read-only view of the store, for --resume.
        std::optional<store::Store> seen;
        if (o.resume) seen.emplace(store::Store::open(db_file, {.read_only = true}));
        ExtractOptions eo;
        eo.max_bytes = o.max_bytes;
        eo.published = o.published;
        struct Stop {};
        DocumentReader reader(
            eo,
            [&](document::Document d, const std::string& where) {
                if (stopping()) throw Stop{};
                read_bytes += d.text.size();
                if (seen) {
                    std::string key = !d.id.empty() ? d.id : !d.url.empty() ? d.url : content_id(d.text);
                    if (seen->has_document(key, store::content_hash(d.text))) {
                        ++skipped;
                        return;
                    }
                }
                todo.push({std::move(d), where, "", ""});
            },
            [&](const std::string& where, const std::string& what) {
                todo.push({std::nullopt, where, what, kind_of_error(what)});
            });
        try {
            for (const auto& in : local) {
                if (stopping()) break;
                reader.read(in);
            }
            if (!urls.empty() && !stopping()) {
                FetchOptions fo = o.fetch;
                fo.feed = true;
                fetch::Fetcher fetcher(fetcher_options(fo));
                FetchRun fr(
                    fo, fetcher,
                    [&](document::Document d, const fetch::Result& r, const Origin&) {
                        read_bytes += d.text.size();
                        if (seen && seen->has_document(d.url, store::content_hash(d.text))) {
                            ++skipped;
                            return;
                        }
                        todo.push({std::move(d), r.url, "", ""});
                    },
                    [&](const fetch::Result& r, const Origin&, const std::string& error, bool failure) {
                        if (failure) todo.push({std::nullopt, r.url, error, fetch_error_kind(r.error_kind)});
                        else ++skipped;
                    });
                if (seen) fr.set_skip([&](const std::string& url) { return seen->has_document(url); });
                for (const auto& u : urls)
                    if (!seen || !seen->has_document(u)) fr.add(u, Origin{});
                    else ++skipped;
                fr.run(stopping);
                skipped += fr.skipped();
            }
        } catch (const Stop&) {
        } catch (const std::exception& e) {
            todo.push({std::nullopt, "run", e.what(), "other"});
        }
        todo.close();
    });

    // ---- workers: extraction
    std::vector<std::thread> workers;
    std::atomic<unsigned> workers_left{jobs};
    for (unsigned i = 0; i < jobs; ++i)
        workers.emplace_back([&] {
            std::vector<WorkItem> items;
            std::vector<document::Document> docs;
            std::vector<Done> out;
            for (;;) {
                bool timed_out = false;
                if (!todo.pop_some(items, kBatch, std::chrono::milliseconds(200), &timed_out)) {
                    if (timed_out) continue;
                    break;
                }
                docs.clear();
                out.assign(items.size(), Done{});
                for (size_t k = 0; k < items.size(); ++k) {
                    WorkItem& w = items[k];
                    Done& d = out[k];
                    d.where = w.where;
                    if (!w.doc) {
                        d.error = w.error;
                        d.error_kind = w.error_kind;
                        continue;
                    }
                    d.content_hash = store::content_hash(w.doc->text);
                    d.fetched_at = w.doc->fetched_at;
                    d.canonical_url = w.doc->canonical_url;
                    docs.push_back(std::move(*w.doc));
                }
                std::vector<Extractor::Outcome> results;
                const size_t n = docs.size();
                try {
                    results = ex->extract(std::move(docs), o.published);
                } catch (const std::exception& e) {  // not per document (out of memory): all of them fail
                    results.assign(n, Extractor::Outcome{std::nullopt, e.what()});
                }
                size_t r = 0;
                for (size_t k = 0; k < items.size(); ++k) {
                    Done& d = out[k];
                    if (items[k].doc) {  // a document (moved into the batch), not a reading failure
                        Extractor::Outcome& res = results[r++];
                        bool failed = !res.record;
                        d.error = res.error;
                        if (res.record) {
                            try {
                                d.doc_key = res.record->doc.id;
                                d.record = to_json(*res.record, false);
                            } catch (const std::exception& e) {
                                d.error = e.what();
                                failed = true;
                            }
                        }
                        if (failed) d.error_kind = kind_of_error(d.error);
                    }
                    done.push(std::move(d));
                }
            }
            if (--workers_left == 0) done.close();
        });

    // ---- main thread: store, --out, progress
    bool tty = o.progress == "always" || (o.progress == "auto" && isatty(STDERR_FILENO));
    auto t0 = std::chrono::steady_clock::now();
    auto last_report = t0;
    size_t stored = 0, unchanged = 0, claims = 0, failed = 0;
    std::map<std::string, size_t> errors;
    std::string store_error;
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    auto status = [&] {
        double s = elapsed();
        size_t n = stored + unchanged + failed;
        std::string eta;
        if (total_bytes && read_bytes && urls.empty()) {
            double frac = std::min(1.0, static_cast<double>(read_bytes) / static_cast<double>(total_bytes));
            if (frac > 0.01) eta = " · ETA " + hms(s / frac - s);
        }
        return fmt::format("{} done · {} queued · {:.1f} docs/s · {} claims · {} errors · {} skipped · {}{}", n,
                           todo.size() + done.size(), s > 0 ? n / s : 0.0, claims, failed, skipped.load(), hms(s),
                           eta);
    };
    Done d;
    for (;;) {
        bool timed_out = false;
        bool got = done.pop(d, std::chrono::milliseconds(200), &timed_out);
        if (got) {
            if (d.record && store_error.empty()) {
                try {
                    auto res = db.ingest(*d.record, {.content_hash = d.content_hash, .fetched_at = d.fetched_at,
                                                     .canonical_url = d.canonical_url});
                    if (res.outcome == store::IngestOutcome::unchanged) ++unchanged;
                    else ++stored;
                    claims += res.claims;
                    if (out && res.outcome != store::IngestOutcome::unchanged) {
                        const Json& rec = *d.record;
                        for (const auto& c : rec["claims"])
                            *out << flat_claim(c, rec.value("id", ""), rec["url"].is_string() ? rec["url"].get<std::string>() : "",
                                               rec["title"].is_string() ? rec["title"].get<std::string>() : "",
                                               rec["published"].is_string() ? rec["published"].get<std::string>() : "")
                                        .dump(-1, ' ', false, Json::error_handler_t::replace)
                                 << '\n';
                        out->flush();
                    }
                } catch (const store::StoreError& e) {
                    // The store cannot take more (full, locked, read-only): stop reading, keep what is committed.
                    store_error = e.what();
                    g_signals = std::max(g_signals.load(), 1);
                }
            } else if (!d.record) {
                ++failed;
                ++errors[d.error_kind.empty() ? "other" : d.error_kind];
                if (tty) std::fprintf(stderr, "\r\033[K");
                std::fprintf(stderr, "claimex: %s: %s\n", d.where.c_str(), d.error.c_str());
            }
        } else if (!timed_out) {
            break;  // closed and drained
        }
        auto now = std::chrono::steady_clock::now();
        if (tty && now - last_report > std::chrono::milliseconds(200)) {
            std::fprintf(stderr, "\r\033[K%s", status().c_str());
            last_report = now;
        } else if (!tty && o.log_interval > 0 &&
                   std::chrono::duration<double>(now - last_report).count() >= o.log_interval) {
            std::fprintf(stderr, "run: %s\n", status().c_str());
            last_report = now;
        }
    }
    producer.join();
    for (auto& w : workers) w.join();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);

    if (tty) std::fprintf(stderr, "\r\033[K");
    double s = elapsed();
    std::string errs;
    for (const auto& [k, n] : errors) errs += fmt::format("{}{} {}", errs.empty() ? "" : ", ", n, k);
    size_t n = stored + unchanged + failed;
    std::fprintf(stderr,
                 "run: %zu documents (%zu stored, %zu unchanged, %zu failed%s%s), %zu skipped as already stored, "
                 "%zu claims, %s, %.1f docs/s\n",
                 n, stored, unchanged, failed, errs.empty() ? "" : ": ", errs.c_str(), skipped.load(), claims,
                 hms(s).c_str(), s > 0 ? n / s : 0.0);
    if (!store_error.empty()) {
        std::fprintf(stderr, "claimex: %s\nclaimex: stopped; everything committed before is kept\n", store_error.c_str());
        return 1;
    }
    if (g_signals > 0) {
        std::fprintf(stderr, "claimex: interrupted: what was in flight is committed; `claimex run --resume` goes on\n");
        return 130;
    }
    return failed ? 1 : 0;
}

}  // namespace claimex::cli
