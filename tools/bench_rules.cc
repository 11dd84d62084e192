// bench_rules — single-thread throughput of the rule engine alone: RuleSet
// match_all (every match of every rule) and match (with overlap resolution),
// over the corpus articles prepared once. Times are thread CPU time, after
// one warm-up pass (RE2 builds its DFA states lazily), so the figures hold
// on a busy machine too. --evict MB writes that much memory
// between texts (not timed), as the other stages of a whole run do: RE2's
// DFA states then come from memory rather than cache, which is what makes a
// whole run several times slower per byte than a warm loop.
//
//   build/bench_rules [--corpus corpus/articles.jsonl] [--rules rules] [--passes 5] [--evict 0]
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <time.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace claimex;

namespace {

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = "corpus/articles.jsonl", rules_dir = "rules";
    int passes = 5;
    size_t evict_mb = 0;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
        else if (a == "--rules" && i + 1 < argc) rules_dir = argv[++i];
        else if (a == "--passes" && i + 1 < argc) passes = std::max(1, std::atoi(argv[++i]));
        else if (a == "--evict" && i + 1 < argc) evict_mb = std::strtoul(argv[++i], nullptr, 10);
        else {
            std::fprintf(stderr, "usage: bench_rules [--corpus FILE] [--rules DIR] [--passes N] [--evict MB]\n");
            return 2;
        }
    }
    std::ifstream in(corpus);
    if (!in) {
        std::fprintf(stderr, "bench_rules: cannot open %s\n", corpus.c_str());
        return 1;
    }
    auto seg = text::Segmenter::load(rules_dir + "/text");
    auto rs = rules::RuleSet::load(rules_dir);
    std::vector<text::Text> texts;
    size_t bytes = 0;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::string t = nlohmann::json::parse(line).at("text").get<std::string>();
        bytes += t.size();
        texts.push_back(text::Text::prepare(std::move(t), seg));
    }
    size_t pattern_rules = 0;
    for (const auto& r : rs.rules()) pattern_rules += !r->pattern.empty();
    std::printf("bench_rules: %zu texts, %.1f kB, %zu rules (%zu pattern rules), %d passes\n", texts.size(),
                bytes / 1e3, rs.rules().size(), pattern_rules, passes);

    std::vector<char> junk(evict_mb << 20);
    // The paths take turns pass by pass, and each reports its best pass
    // (and the mean): on a shared machine the best pass is the stable figure.
    struct Path {
        const char* name;
        std::function<size_t(const text::Text&)> f;
        double best = 1e300, sum = 0;
        size_t mentions = 0;
    };
    std::vector<Path> paths = {
        {"match_all", [&](const text::Text& t) { return rs.match_all(t).size(); }},
        {"match", [&](const text::Text& t) { return rs.match(t).size(); }},
    };
    for (auto& p : paths)
        for (const auto& t : texts) p.mentions += p.f(t);  // warm-up: RE2 builds DFA states lazily
    for (int pass = 0; pass < passes; ++pass)
        for (auto& p : paths) {
            double s = 0;
            for (const auto& t : texts) {
                if (!junk.empty()) std::memset(junk.data(), pass + 1, junk.size());
                double t0 = cpu_seconds();
                p.f(t);
                s += cpu_seconds() - t0;
            }
            p.best = std::min(p.best, s);
            p.sum += s;
        }
    for (const auto& p : paths)
        std::printf("  %-22s %8.2f MB/s best pass, %8.2f MB/s mean  (%zu mentions per pass)\n", p.name, bytes / 1e6 / p.best,
                    bytes * passes / 1e6 / p.sum, p.mentions);
    return 0;
}
