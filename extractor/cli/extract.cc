// claimex extract: inputs → documents → records on stdout.
//
// A failure in one document (bad UTF-8, binary, empty, malformed JSON, a bad
// field, too large, unreadable) is reported on stderr as
// "claimex: INPUT[:LINE]: problem" and the rest go on: every good document
// is written (and flushed) in order. A bad rule is reported with file:line
// and skipped. Exit code: 0 when all went well, 1 when any document failed
// or any rule was skipped, 2 for usage errors (bad flags, --published that
// is not a date, a --rules folder that cannot be used).
#include "extractor/cli/commands.h"
#include "extractor/claimex.h"
#include "extractor/cli/output.h"
#include "extractor/fetch/fetch.h"

#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <iostream>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unicode/utf8.h>
#include <unistd.h>

namespace claimex::cli {

namespace fs = std::filesystem;

namespace {

// Reads lines of at most `limit` bytes from a FILE; longer lines are
// consumed and reported as oversized without being held in memory. Lines may
// hold any byte (a NUL does not end or merge lines).
class LineReader {
public:
    LineReader(std::FILE* f, size_t limit) : f_(f), limit_(limit), buf_(1 << 16) {}
    // false at end of input. oversized: the line was longer than the limit.
    bool next(std::string& line, bool& oversized) {
        line.clear();
        oversized = false;
        bool any = false;
        for (;;) {
            if (pos_ == len_) {
                // Output waiting in stdout's buffer goes out before a read
                // that may block (a pipe that is fed slowly).
                std::fflush(stdout);
                len_ = std::fread(buf_.data(), 1, buf_.size(), f_);
                pos_ = 0;
                if (len_ == 0) break;
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

private:
    std::FILE* f_;
    size_t limit_;
    std::vector<char> buf_;
    size_t pos_ = 0, len_ = 0;
    size_t number_ = 0;
};

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
    Impl(const ExtractOptions& o, const DocumentSink& on_doc, const FailureSink& on_fail)
        : o_(o), on_doc_(on_doc), on_fail_(on_fail) {}

    void process(document::Document doc, const std::string& where) {
        // Invalid UTF-8 and binary content are found later, by text::Text.
        if (doc.text.empty()) {
            fail(where, "empty document: no text");
            return;
        }
        on_doc_(std::move(doc), where);
    }

    void fail(const std::string& where, const std::string& what) { on_fail_(printable(where), what); }

    void jsonl(std::FILE* f, const std::string& name) {
        LineReader reader(f, o_.max_bytes);
        std::string line;
        bool oversized = false;
        while (reader.next(line, oversized)) {
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
        if (std::ferror(f)) fail(name, std::strerror(errno));
    }

    void text_file(std::FILE* f, const std::string& name) {
        std::string data;
        char buf[65536];
        size_t n;
        while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
            if (data.size() + n > o_.max_bytes) {
                fail(name, fmt::format("larger than {} bytes (--max-bytes)", o_.max_bytes));
                return;
            }
            data.append(buf, n);
        }
        if (std::ferror(f)) {
            fail(name, std::strerror(errno));
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
        std::FILE* f = is_stdin ? stdin : nullptr;
        if (!is_stdin) {
            std::error_code ec;
            if (fs::is_directory(name, ec)) {
                fail(name, "is a directory (give the files in it)");
                return;
            }
            f = std::fopen(name.c_str(), "rb");
            if (!f) {
                fail(name, fmt::format("cannot open: {}", std::strerror(errno)));
                return;
            }
        }
        std::string kind = o_.input_format;
        if (kind == "auto") {
            auto ext = fs::path(name).extension().string();
            if (ext == ".jsonl" || ext == ".ndjson")
                kind = "jsonl";
            else if (is_stdin) {
                int c;
                while ((c = std::fgetc(f)) != EOF && (c == ' ' || c == '\n' || c == '\r' || c == '\t')) {}
                if (c != EOF) std::ungetc(c, f);
                kind = c == '{' ? "jsonl" : "text";
            } else
                kind = "text";
        }
        if (kind == "jsonl")
            jsonl(f, is_stdin ? "<stdin>" : name);
        else
            text_file(f, is_stdin ? "<stdin>" : name);
        if (!is_stdin) std::fclose(f);
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
};

DocumentReader::DocumentReader(const ExtractOptions& o, DocumentSink on_doc, FailureSink on_fail)
    : on_doc_(std::move(on_doc)), on_fail_(std::move(on_fail)), impl_(std::make_unique<Impl>(o, on_doc_, on_fail_)) {}
DocumentReader::~DocumentReader() = default;
void DocumentReader::read(const std::string& input) { impl_->input(input); }

void report_failure(const std::string& where, const std::string& what) {
    std::cout.flush();
    std::fprintf(stderr, "claimex: %s: %s\n", where.c_str(), what.c_str());
}

size_t extract_inputs(const ExtractOptions& o, const Extractor& ex, const RecordSink& sink) {
    size_t failed = 0;
    auto fail = [&](const std::string& where, const std::string& what) {
        report_failure(where, what);
        ++failed;
    };
    DocumentReader reader(
        o,
        [&](document::Document doc, const std::string& where) {
            try {
                Record r = ex.extract(std::move(doc), o.published);
                sink(r, where);
            } catch (const std::exception& e) {
                fail(printable(where), e.what());
            }
        },
        fail);
    for (const auto& in : o.inputs) reader.read(in);
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
    size_t failed = extract_inputs(opts, *ex, [&](const Record& r, const std::string& where) { writer.write(r, where); });
    // Skipped rules fail the run too (after every document is written), so
    // a batch notices that its rules are not all in force.
    bool bad_rules = std::any_of(ex->rules().problems().begin(), ex->rules().problems().end(),
                                 [](const rules::RuleProblem& p) { return p.error; });
    return failed || bad_rules ? 1 : 0;
}

}  // namespace claimex::cli
