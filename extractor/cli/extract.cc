// claimex extract: inputs → documents → records on stdout.
//
// A failure in one document (bad UTF-8, binary, malformed JSON, too large)
// is reported on stderr as "claimex: INPUT[:LINE]: problem" and the rest go
// on; the exit code is 1 when any document failed.
#include "extractor/cli/commands.h"
#include "extractor/claimex.h"
#include "extractor/cli/output.h"

#include <cstdio>
#include <cstring>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace claimex::cli {

namespace fs = std::filesystem;

namespace {

struct Failure {
    std::string where;
    std::string what;
};

// Reads lines of at most `limit` bytes from a FILE; longer lines are
// consumed and reported as oversized without being held in memory.
class LineReader {
public:
    LineReader(std::FILE* f, size_t limit) : f_(f), limit_(limit) {}
    // false at end of input. oversized: the line was longer than the limit.
    bool next(std::string& line, bool& oversized) {
        line.clear();
        oversized = false;
        bool any = false;
        char buf[65536];
        while (std::fgets(buf, sizeof buf, f_)) {
            any = true;
            size_t n = std::strlen(buf);
            bool eol = n > 0 && buf[n - 1] == '\n';
            if (!oversized) {
                line.append(buf, eol ? n - 1 : n);
                if (line.size() > limit_) {
                    oversized = true;
                    line.clear();
                    line.shrink_to_fit();
                }
            }
            if (eol) break;
        }
        ++number_;
        return any;
    }
    size_t number() const { return number_; }

private:
    std::FILE* f_;
    size_t limit_;
    size_t number_ = 0;
};

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
        if (auto p = msg.find("] "); p != std::string::npos) msg = msg.substr(p + 2);
        throw InputError("malformed JSON: " + msg);
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

class Run {
public:
    Run(const ExtractOptions& o, const Extractor& ex, const RecordSink& sink) : o_(o), ex_(ex), sink_(sink) {}

    void process(document::Document doc, const std::string& where) {
        try {
            if (doc.text.empty()) throw InputError("empty document: no text");
            if (doc.text.find('\0') != std::string::npos)
                throw InputError(fmt::format("binary content (NUL byte at offset {})", doc.text.find('\0')));
            Record r = ex_.extract(std::move(doc), o_.published);
            sink_(r, where);
            ++ok_;
        } catch (const std::exception& e) {
            fail(where, e.what());
        }
    }

    void fail(const std::string& where, const std::string& what) {
        std::cout.flush();
        std::fprintf(stderr, "claimex: %s: %s\n", where.c_str(), what.c_str());
        ++failed_;
    }

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
                document::Document d = document_from_json(line);
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
        document::Document d;
        d.text = std::move(data);
        d.id = name == "<stdin>" ? "" : name;
        d.source_name = name;
        process(std::move(d), name);
    }

    void input(const std::string& name) {
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

    size_t failures() const { return failed_; }

private:
    const ExtractOptions& o_;
    const Extractor& ex_;
    const RecordSink& sink_;
    size_t ok_ = 0, failed_ = 0;
};

}  // namespace

size_t extract_inputs(const ExtractOptions& o, const Extractor& ex, const RecordSink& sink) {
    Run run(o, ex, sink);
    for (const auto& in : o.inputs) run.input(in);
    return run.failures();
}

std::unique_ptr<Extractor> open_extractor(const std::string& rules_dir) {
    fs::path dir = rules_dir.empty() ? default_rules_dir() : fs::path(rules_dir);
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw UsageError(fmt::format("--rules: not a folder: {}", dir.string()));
    auto ex = std::make_unique<Extractor>(dir);
    for (const auto& p : ex->rules().problems())
        if (p.error) std::fprintf(stderr, "claimex: %s: %s (rule skipped)\n", p.where.str().c_str(), p.message.c_str());
    return ex;
}

int run_extract(const ExtractOptions& o) {
    if (!o.published.empty() && iso_date_part(o.published).empty())
        throw UsageError(fmt::format("--published: not an ISO 8601 date (YYYY-MM-DD): \"{}\"", o.published));
    auto ex = open_extractor(o.rules_dir);
    ExtractOptions opts = o;
    opts.published = iso_date_part(o.published);
    RecordWriter writer(std::cout, o.format, o.with_text, o.claims_only);
    size_t failed = extract_inputs(opts, *ex, [&](const Record& r, const std::string& where) { writer.write(r, where); });
    return failed ? 1 : 0;
}

}  // namespace claimex::cli
