// bench_extract — single-thread throughput and memory of the library:
// Extractor::extract + append_json (the output of `claimex extract`) over
// generated input made by cycling the corpus articles (each copy gets its
// own id), at two input sizes, so that both speed (MB/s, documents/s) and
// flat memory (peak RSS barely moves between the small and the large run)
// show. Each run also prints where the time goes: thread CPU time of the
// stages text, rules, normalise, claims and output (the JSON line).
//
//   build/bench_extract [--corpus corpus/articles.jsonl] [--rules rules]
//                       [--sizes 10,50]      (MB of article text per run)
//
// Documents are generated a batch at a time and dropped after serialisation,
// as `claimex extract` streams them; only the corpus itself is held.
#include "extractor/claimex.h"

#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace claimex;

namespace {

struct Article {
    std::string id, title, published, text;
};

std::vector<Article> load_corpus(const fs::path& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot open " + path.string());
    std::vector<Article> out;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        auto j = nlohmann::json::parse(line);
        Article a;
        a.id = j.value("id", "");
        if (j.contains("title") && j["title"].is_string()) a.title = j["title"];
        if (j.contains("published") && j["published"].is_string()) a.published = j["published"];
        a.text = j.at("text").get<std::string>();
        out.push_back(std::move(a));
    }
    if (out.empty()) throw std::runtime_error(path.string() + " has no articles");
    return out;
}

long peak_rss_kb() {
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;  // kilobytes on Linux
}

struct Result {
    size_t docs = 0, in_bytes = 0, out_bytes = 0, mentions = 0;
    double seconds = 0;
    StageTimes stages;
    double output = 0;  // thread CPU seconds of append_json
};

// Documents go through Extractor::extract in batches of kBatch, as
// `claimex extract` sends them (rules run rule by rule over a batch).
constexpr size_t kBatch = 64;

Result run(const Extractor& ex, const std::vector<Article>& corpus, size_t target_bytes, size_t& serial) {
    Result r;
    std::string line;  // reused, as the CLI's writer does
    std::vector<document::Document> batch;
    auto t0 = std::chrono::steady_clock::now();
    while (r.in_bytes < target_bytes) {
        batch.clear();
        while (batch.size() < kBatch && r.in_bytes < target_bytes) {
            const Article& a = corpus[serial % corpus.size()];
            document::Document& d = batch.emplace_back();
            d.id = fmt::format("{}#{}", a.id, serial++);
            d.title = a.title;
            d.published = a.published;
            d.text = a.text;
            r.in_bytes += d.text.size();
        }
        for (Extractor::Outcome& o : ex.extract(std::move(batch), "", &r.stages)) {
            if (!o.record) continue;
            r.mentions += o.record->mentions.size();
            double t = thread_cpu_seconds();
            line.clear();
            append_json(line, *o.record, false);  // serialised and dropped, like a sink
            r.output += thread_cpu_seconds() - t;
            r.out_bytes += line.size() + 1;
            ++r.docs;
        }
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path rules = default_rules_dir();
    fs::path corpus_path;
    std::vector<size_t> sizes_mb = {10, 50};
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "bench_extract: %s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--rules")
            rules = next();
        else if (a == "--corpus")
            corpus_path = next();
        else if (a == "--sizes") {
            sizes_mb.clear();
            std::stringstream ss(next());
            for (std::string s; std::getline(ss, s, ',');) sizes_mb.push_back(std::stoul(s));
        } else {
            std::fprintf(stderr, "usage: bench_extract [--corpus FILE] [--rules DIR] [--sizes 10,50]\n");
            return 2;
        }
    }
    if (corpus_path.empty()) {
        // The corpus of the source tree the rules came from.
        corpus_path = "corpus/articles.jsonl";
        if (!fs::exists(corpus_path)) corpus_path = rules.parent_path() / "corpus" / "articles.jsonl";
    }
    try {
        auto corpus = load_corpus(corpus_path);
        long rss_start = peak_rss_kb();
        Extractor ex(rules);
        long rss_loaded = peak_rss_kb();
        size_t serial = 0;
        // Warm-up: one pass over the corpus (first-touch allocations, caches).
        run(ex, corpus, 1, serial);
        std::printf("bench_extract: %zu corpus articles from %s, rules %s\n", corpus.size(),
                    corpus_path.c_str(), rules.c_str());
        std::printf("peak RSS: %.1f MB at start, %.1f MB with rules loaded\n", rss_start / 1024.0,
                    rss_loaded / 1024.0);
        std::printf("%8s %9s %9s %9s %10s %12s %11s %12s\n", "input", "docs", "seconds", "MB/s", "docs/s",
                    "mentions", "out MB", "peak RSS MB");
        for (size_t mb : sizes_mb) {
            Result r = run(ex, corpus, mb * 1000 * 1000, serial);
            std::printf("%6zuMB %9zu %9.2f %9.2f %10.0f %12zu %11.1f %12.1f\n", mb, r.docs, r.seconds,
                        r.in_bytes / 1e6 / r.seconds, r.docs / r.seconds, r.mentions, r.out_bytes / 1e6,
                        peak_rss_kb() / 1024.0);
            const StageTimes& s = r.stages;
            double total = s.text + s.rules + s.normalise + s.claims + r.output;
            std::printf("        stages (thread CPU ms, %% of them, us/doc):");
            for (auto [name, t] : {std::pair{"text", s.text}, {"rules", s.rules}, {"normalise", s.normalise},
                                   {"claims", s.claims}, {"output", r.output}})
                std::printf("  %s %.0f (%.1f%%, %.1f)", name, t * 1e3, 100 * t / total, t * 1e6 / r.docs);
            std::printf("\n");
            std::fflush(stdout);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_extract: %s\n", e.what());
        return 1;
    }
    return 0;
}
