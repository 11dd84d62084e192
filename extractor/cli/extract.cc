// claimex extract: inputs → documents → records on stdout.
//
// A failure in one document (bad UTF-8, binary, empty, malformed JSON, a bad
// field, too large, unreadable) is reported on stderr as
// "claimex: INPUT[:LINE]: problem" and the rest go on: every good document
// is written (and flushed) in order. A bad rule is reported with file:line
// and skipped. Exit code: 0 when all went well, 1 when any document failed
// or any rule was skipped, 2 for usage errors (bad flags, --published that
// is not a date, a --rules folder that cannot be used). Ctrl-C (SIGINT or
// SIGTERM) stops after the document in hand: every finished record is
// flushed, and the exit code is 130; a second Ctrl-C ends at once.
#include "extractor/cli/commands.h"
#include "extractor/claimex.h"
#include "extractor/cli/output.h"
#include "extractor/fetch/fetch.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <iostream>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unicode/utf8.h>
#include <fcntl.h>
#include <functional>
#include <sys/stat.h>
#include <unistd.h>

namespace claimex::cli {

namespace fs = std::filesystem;

namespace {

// Set by Ctrl-C during `claimex extract`: the readers stop between documents.
std::atomic<int> g_interrupts{0};

extern "C" void on_interrupt(int) {
    if (g_interrupts.fetch_add(1) >= 1) _exit(130);
}

// Reads lines of at most `limit` bytes from a file descriptor; longer lines
// are consumed and reported as oversized without being held in memory. Lines
// may hold any byte (a NUL does not end or merge lines). It reads with
// read(2), which returns what a pipe has so far, so a slowly fed pipe gets
// each record as its line arrives (fread would wait for a full buffer).
// `prefix` is what was already read from the descriptor (stdin's sniffed
// first bytes).
class LineReader {
public:
    // before_wait (may be empty) runs before a read that may block: fd is
    // not a regular file.
    LineReader(int fd, size_t limit, std::string_view prefix = {}, const std::function<void()>* before_wait = nullptr)
        : fd_(fd), limit_(limit), buf_(1 << 16) {
        struct stat st {};
        if (before_wait && *before_wait && ::fstat(fd, &st) == 0 && !S_ISREG(st.st_mode)) before_wait_ = before_wait;
        if (prefix.size() > buf_.size()) buf_.resize(prefix.size());
        std::memcpy(buf_.data(), prefix.data(), prefix.size());
        len_ = prefix.size();
    }
    // false at end of input (or after a read error: error()). oversized: the
    // line was longer than the limit.
    bool next(std::string& line, bool& oversized) {
        line.clear();
        oversized = false;
        bool any = false;
        for (;;) {
            if (pos_ == len_) {
                // Documents held for a batch and output waiting in stdout's
                // buffer go out before a read that may block (a pipe that
                // is fed slowly).
                if (before_wait_) (*before_wait_)();
                std::fflush(stdout);
                pos_ = len_ = 0;
                ssize_t n = ::read(fd_, buf_.data(), buf_.size());
                if (n < 0 && errno == EINTR && !g_interrupts) continue;
                if (n < 0) error_ = g_interrupts ? 0 : errno;
                if (n <= 0) break;
                len_ = static_cast<size_t>(n);
            }
            any = true;
            const char* b = buf_.data() + pos_;
            const void* nl = std::memchr(b, '\n', len_ - pos_);
            size_t n = nl ? static_cast<size_t>(static_cast<const char*>(nl) - b) : len_ - pos_;
            if (!oversized) {
                if (line.size() + n > limit_) {
                    oversized = true;
                    line.clear();
                    line.shrink_to_fit();
                } else {
                    line.append(b, n);
                }
            }
            pos_ += n;
            if (nl) {
                ++pos_;
                break;
            }
        }
        if (any) ++number_;
        return any;
    }
    size_t number() const { return number_; }
    int error() const { return error_; }

private:
    int fd_;
    size_t limit_;
    const std::function<void()>* before_wait_ = nullptr;
    std::vector<char> buf_;
    size_t pos_ = 0, len_ = 0;
    size_t number_ = 0;
    int error_ = 0;
};

// Reads all of a descriptor after `prefix`, up to `limit` bytes. false with
// `error` set (errno) or `too_large`.
bool read_all(int fd, std::string prefix, size_t limit, std::string& data, int& error, bool& too_large) {
    data = std::move(prefix);
    error = 0;
    too_large = data.size() > limit;
    char buf[65536];
    while (!too_large) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR && !g_interrupts) continue;
        if (n < 0) error = errno;
        if (n <= 0) break;
        too_large = data.size() + static_cast<size_t>(n) > limit;
        if (!too_large) data.append(buf, static_cast<size_t>(n));
    }
    return !error && !too_large;
}

// A message that is safe to print on one line: control bytes and bytes that
// are not UTF-8 (nlohmann quotes what it last read) become \\xNN, and long
// messages are cut.
std::string printable(std::string_view s, size_t limit = 300) {
    std::string out;
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n && out.size() < limit) {
        int32_t at = i;
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c < 0 || c < 0x20 || c == 0x7F) {
            for (int32_t k = at; k < i; ++k) out += fmt::format("\\x{:02X}", static_cast<unsigned char>(s[k]));
        } else {
            out.append(s.data() + at, static_cast<size_t>(i - at));
        }
    }
    if (i < n) out += "...";
    return out;
}

std::string str_field(const nlohmann::ordered_json& j, const char* key, const std::string& where) {
    if (!j.contains(key) || j[key].is_null()) return "";
    if (j[key].is_string()) return j[key].get<std::string>();
    if (j[key].is_number_integer() && std::strcmp(key, "id") == 0) return std::to_string(j[key].get<long long>());
    throw InputError(fmt::format("\"{}\" must be a string", key));
}

document::Document document_from_json(const std::string& line) {
    nlohmann::ordered_json j;
    try {
        j = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& e) {
        std::string msg = e.what();
        // nlohmann's message starts with "[json.exception.parse_error.101] "
        // and counts lines inside the one JSONL line: give the column only.
        if (auto p = msg.find("] "); p != std::string::npos) msg = msg.substr(p + 2);
        if (msg.starts_with("parse error at line 1, ")) msg = msg.substr(23);
        throw InputError("malformed JSON: " + printable(msg));
    }
    if (!j.is_object()) throw InputError("a JSONL document must be an object with a \"text\" field");
    if (!j.contains("text")) throw InputError("document has no \"text\" field");
    if (!j["text"].is_string()) throw InputError("\"text\" must be a string");
    document::Document d;
    d.text = j["text"].get<std::string>();
    d.id = str_field(j, "id", "");
    d.url = str_field(j, "url", "");
    d.title = str_field(j, "title", "");
    d.published = str_field(j, "published", "");
    d.publisher = str_field(j, "publisher", "");
    return d;
}

}  // namespace

// Reads inputs into documents; what to do with each document and each
// failure is the caller's (extract runs them at once, run queues them).
class DocumentReader::Impl {
public:
    Impl(const ExtractOptions& o, const DocumentSink& on_doc, const FailureSink& on_fail,
         const std::function<void()>& on_wait)
        : o_(o), on_doc_(on_doc), on_fail_(on_fail), on_wait_(on_wait) {}

    void process(document::Document doc, const std::string& where) {
        // Invalid UTF-8 and binary content are found later, by text::Text.
        if (doc.text.empty()) {
            fail(where, "empty document: no text");
            return;
        }
        on_doc_(std::move(doc), where);
    }

    void fail(const std::string& where, const std::string& what) { on_fail_(printable(where), what); }

    void jsonl(int fd, const std::string& name, std::string_view prefix = {}) {
        LineReader reader(fd, o_.max_bytes, prefix, &on_wait_);
        std::string line;
        bool oversized = false;
        while (!g_interrupts && reader.next(line, oversized)) {
            std::string where = fmt::format("{}:{}", name, reader.number());
            if (oversized) {
                fail(where, fmt::format("line is longer than {} bytes (--max-bytes)", o_.max_bytes));
                continue;
            }
            if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
            try {
                document::Document d;
                if (!read_jsonl_document(line, d)) d = document_from_json(line);
                d.source_name = where;
                process(std::move(d), where);
            } catch (const std::exception& e) {
                fail(where, e.what());
            }
        }
        if (reader.error()) fail(name, std::strerror(reader.error()));
    }

    void text_file(int fd, const std::string& name, std::string prefix = {}) {
        std::string data;
        int error = 0;
        bool too_large = false;
        if (!read_all(fd, std::move(prefix), o_.max_bytes, data, error, too_large)) {
            if (too_large) fail(name, fmt::format("larger than {} bytes (--max-bytes)", o_.max_bytes));
            else fail(name, std::strerror(error));
            return;
        }
        if (data.starts_with("\xFF\xFE") || data.starts_with("\xFE\xFF")) {
            fail(name, "UTF-16 text (it starts with a UTF-16 byte order mark): claimex reads UTF-8");
            return;
        }
        document::Document d;
        d.text = std::move(data);
        d.id = name == "<stdin>" ? "" : name;
        d.source_name = name;
        process(std::move(d), name);
    }

    void input(const std::string& name) {
        if (fetch_input(name)) return;
        bool is_stdin = name == "-";
        int fd = STDIN_FILENO;
        if (!is_stdin) {
            std::error_code ec;
            if (fs::is_directory(name, ec)) {
                fail(name, "is a directory (give the files in it)");
                return;
            }
            fd = ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                fail(name, fmt::format("cannot open: {}", std::strerror(errno)));
                return;
            }
        }
        std::string kind = o_.input_format;
        std::string sniffed;  // stdin's first bytes, read to tell JSONL from text
        if (kind == "auto") {
            auto ext = fs::path(name).extension().string();
            if (ext == ".jsonl" || ext == ".ndjson")
                kind = "jsonl";
            else if (is_stdin) {
                char c = 0;
                ssize_t n;
                while ((n = ::read(fd, &c, 1)) == 1 || (n < 0 && errno == EINTR && !g_interrupts)) {
                    if (n != 1) continue;
                    sniffed.push_back(c);
                    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') break;
                }
                kind = !sniffed.empty() && sniffed.back() == '{' ? "jsonl" : "text";
            } else
                kind = "text";
        }
        std::string where = is_stdin ? "<stdin>" : name;
        if (kind == "jsonl")
            jsonl(fd, where, sniffed);
        else
            text_file(fd, where, std::move(sniffed));
        if (!is_stdin) ::close(fd);
    }

    // URLs and HTML files go through fetch → document (fetch_cmd.cc); the
    // page's own publication date is the reference date. false: not one.
    bool fetch_input(const std::string& name) {
        if (!fetch::is_url(name) && (o_.input_format != "auto" || !is_fetch_input(name))) return false;
        document::Document d;
        try {
            d = fetch_document(name, o_.max_bytes);
        } catch (const std::exception& e) {
            fail(name, e.what());
            return true;
        }
        process(std::move(d), name);
        return true;
    }

private:
    const ExtractOptions& o_;
    const DocumentSink& on_doc_;
    const FailureSink& on_fail_;
    const std::function<void()>& on_wait_;
};

DocumentReader::DocumentReader(const ExtractOptions& o, DocumentSink on_doc, FailureSink on_fail,
                               std::function<void()> on_wait)
    : on_doc_(std::move(on_doc)),
      on_fail_(std::move(on_fail)),
      on_wait_(std::move(on_wait)),
      impl_(std::make_unique<Impl>(o, on_doc_, on_fail_, on_wait_)) {}
DocumentReader::~DocumentReader() = default;
void DocumentReader::read(const std::string& input) { impl_->input(input); }

void report_failure(const std::string& where, const std::string& what) {
    std::cout.flush();
    std::fprintf(stderr, "claimex: %s: %s\n", where.c_str(), what.c_str());
}

size_t extract_inputs(const ExtractOptions& o, const Extractor& ex, const RecordSink& sink) {
    size_t failed = 0;
    auto report = [&](const std::string& where, const std::string& what) {
        report_failure(where, what);
        ++failed;
    };
    // Documents are extracted in batches (Extractor::extract(docs): the
    // rules run rule by rule over the batch, ~1.5x faster): up to kBatchDocs
    // documents or kBatchBytes of text, and whatever has arrived when the
    // reader would wait for more (a slowly fed pipe still gets each record
    // as its line arrives). Records come out in input order.
    constexpr size_t kBatchDocs = 64, kBatchBytes = 256 << 10;
    std::vector<document::Document> batch;
    std::vector<std::string> wheres;
    size_t batch_bytes = 0;
    auto run_batch = [&] {
        if (batch.empty()) return;
        std::vector<Extractor::Outcome> done = ex.extract(std::move(batch), o.published);
        batch.clear();
        batch_bytes = 0;
        for (size_t i = 0; i < done.size(); ++i) {
            if (!done[i].record) {
                report(printable(wheres[i]), done[i].error);
                continue;
            }
            try {
                sink(*done[i].record, wheres[i]);
            } catch (const std::exception& e) {
                report(printable(wheres[i]), e.what());
            }
        }
        wheres.clear();
    };
    DocumentReader reader(
        o,
        [&](document::Document doc, const std::string& where) {
            batch_bytes += doc.text.size();
            batch.push_back(std::move(doc));
            wheres.push_back(where);
            if (batch.size() >= kBatchDocs || batch_bytes >= kBatchBytes) run_batch();
        },
        // A failure found while reading comes after the records before it.
        [&](const std::string& where, const std::string& what) {
            run_batch();
            report(where, what);
        },
        run_batch);
    for (const auto& in : o.inputs) {
        if (g_interrupts) break;
        reader.read(in);
    }
    run_batch();
    return failed;
}

std::unique_ptr<Extractor> open_extractor(const std::string& rules_dir) {
    fs::path dir = rules_dir.empty() ? default_rules_dir() : fs::path(rules_dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw UsageError(fmt::format("--rules: not a folder: {}", dir.string()));
    std::unique_ptr<Extractor> ex;
    try {
        ex = std::make_unique<Extractor>(dir);
    } catch (const rules::RuleError& e) {
        // A --rules folder that cannot be used at all is a usage error.
        if (!rules_dir.empty()) throw UsageError(fmt::format("--rules: {}", e.what()));
        throw;
    }
    for (const auto& p : ex->rules().problems())
        if (p.error) std::fprintf(stderr, "claimex: %s: %s (rule skipped)\n", p.where.str().c_str(), p.message.c_str());
    return ex;
}

int run_extract(const ExtractOptions& o) {
    if (!o.published.empty() && iso_date_part(o.published).empty())
        throw UsageError(fmt::format("--published: not an ISO 8601 date (YYYY-MM-DD): \"{}\"", o.published));
    auto ex = open_extractor(o.rules_dir);
    // Records are not flushed one by one (RecordWriter): a big buffer makes
    // one write per many records when stdout is a pipe or a file.
    static char out_buffer[1 << 16];
    if (!isatty(STDOUT_FILENO)) std::setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
    ExtractOptions opts = o;
    opts.published = iso_date_part(o.published);
    RecordWriter writer(std::cout, o.format, o.with_text, o.claims_only);
    // No SA_RESTART: a read blocked on a quiet pipe returns at Ctrl-C.
    struct sigaction sa {};
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, nullptr);
    sigaction(SIGTERM, &sa, nullptr);
    size_t written = 0;
    size_t failed = extract_inputs(opts, *ex, [&](const Record& r, const std::string& where) {
        writer.write(r, where);
        ++written;
    });
    if (g_interrupts) {
        std::cout.flush();
        std::fflush(stdout);
        std::fprintf(stderr, "claimex: interrupted: %zu documents written, the rest not read\n", written);
        return 130;
    }
    // Skipped rules fail the run too (after every document is written), so
    // a batch notices that its rules are not all in force.
    bool bad_rules = std::any_of(ex->rules().problems().begin(), ex->rules().problems().end(),
                                 [](const rules::RuleProblem& p) { return p.error; });
    // The process ends after this (main returns): the rule set's compiled
    // patterns and word lists are left to the OS, which frees them at once,
    // where ~Extractor would take ~70M instructions. (Held by a static, so
    // that a leak checker sees them as still reachable.)
    static Extractor* left_to_exit = nullptr;
    left_to_exit = ex.release();
    (void)left_to_exit;
    return failed || bad_rules ? 1 : 0;
}

}  // namespace claimex::cli
