// bench_rules — single-thread throughput of the rule engine alone: RuleSet
// match_all (every match of every rule) and match (with overlap resolution),
// over the corpus articles prepared once. Times are thread CPU time, after
// one warm-up pass (RE2 builds its DFA states lazily), so the figures hold
// on a busy machine too. --evict MB writes that much memory
// between texts (not timed), as the other stages of a whole run do: RE2's
// DFA states then come from memory rather than cache, which is what makes a
// whole run several times slower per byte than a warm loop.
//
// --per-rule times each pattern rule alone (its own RE2, warm) over the
// paragraphs where it matches, three ways: the engine's loop with every
// capture, the same loop asking only for the match bounds (RE2's DFAs), and
// bounds plus captures on the match alone; the difference between the first
// two is what the capture engine costs. Rules dearest first. With --cold
// each way runs once with a fresh RE2, as on new text, where RE2 builds its
// automata's states as it meets them (run it on new text: --corpus FILE of
// tools/bench_input.py). The rule's whole pattern, as written, even where
// the engine runs a big pattern's alternatives apart.
//
// --engine-costs times each rule as the engine runs it (PCRE2, on the
// paragraphs its set flags) in one pass of match over batches of 64; with
// --warm after an untimed pass (no JIT compiles counted: on the 200 kB of
// the corpus they are most of a rule's cost). CLAIMEX_ANCHORS=off times
// the rules without their `anchor:` keys (rules/README.md, "Anchors").
//
// --unseen FILE (default corpus/heldout/articles.jsonl, '' for none) then
// times match over articles the passes did not see, the first time and
// again: the gap is what new text costs (automaton states built lazily).
//
//   build/bench_rules [--corpus corpus/articles.jsonl] [--rules rules] [--passes 5] [--evict 0] [--per-rule [--cold]]
//                     [--engine-costs [--warm]] [--tokens]
//                     [--unseen corpus/heldout/articles.jsonl]
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <time.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <span>
#include <string>
#include <vector>

using namespace claimex;

namespace {

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// --per-rule: see the top of the file.
int time_rules(const rules::RuleSet& rs, const std::vector<text::Text>& texts, int passes, bool cold) {
    std::vector<re2::StringPiece> paras;
    for (const auto& t : texts)
        for (const auto& p : t.paragraphs()) paras.emplace_back(t.analysis().data() + p.begin, p.size());
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(64 << 20);
    struct Row {
        std::string id;
        size_t paras = 0, matches = 0;
        double full = 1e300, bounds = 1e300, span = 1e300;
    };
    std::vector<Row> rows;
    double total[3] = {0, 0, 0};
    for (const auto& r : rs.rules()) {
        if (r->pattern.empty()) continue;
        RE2 re(r->pattern, opt);
        const int ng = re.NumberOfCapturingGroups() + 1;
        std::vector<re2::StringPiece> g(ng);
        std::vector<re2::StringPiece> hit;
        for (const auto& p : paras)
            if (RE2::PartialMatch(p, re)) hit.push_back(p);
        Row row{r->id, hit.size()};
        if (cold) {
            // Each way with a fresh RE2: its automata start empty, as on new text.
            double* out[3] = {&row.full, &row.bounds, &row.span};
            for (int m = 0; m < 3; ++m) {
                RE2 fresh(r->pattern, opt);
                double t0 = cpu_seconds();
                for (const auto& p : hit)
                    for (size_t pos = 0; pos <= p.size() &&
                                         fresh.Match(p, pos, p.size(), RE2::UNANCHORED, g.data(), m == 0 ? ng : 1);) {
                        size_t b = g[0].data() - p.data(), e = b + g[0].size();
                        pos = e == b ? b + 1 : e;
                        if (m == 2) fresh.Match(p, b, e, RE2::ANCHOR_BOTH, g.data(), ng);
                        if (m == 0) ++row.matches;
                    }
                *out[m] = cpu_seconds() - t0;
            }
            total[0] += row.full, total[1] += row.bounds, total[2] += row.span;
            rows.push_back(row);
            continue;
        }
        // mode 0: all captures; 1: bounds only; 2: bounds, then captures on the match.
        auto loop = [&](int mode) {
            size_t n = 0;
            for (const auto& p : hit)
                for (size_t pos = 0;
                     pos <= p.size() && re.Match(p, pos, p.size(), RE2::UNANCHORED, g.data(), mode == 0 ? ng : 1);) {
                    size_t b = g[0].data() - p.data(), e = b + g[0].size();
                    pos = e == b ? b + 1 : e;
                    if (mode == 2) re.Match(p, b, e, RE2::ANCHOR_BOTH, g.data(), ng);
                    ++n;
                }
            return n;
        };
        for (int m = 0; m < 3; ++m) loop(m);  // warm-up
        for (int pass = 0; pass < passes; ++pass) {
            double* best[3] = {&row.full, &row.bounds, &row.span};
            for (int m = 0; m < 3; ++m) {
                double t0 = cpu_seconds();
                row.matches = loop(m);
                *best[m] = std::min(*best[m], cpu_seconds() - t0);
            }
        }
        total[0] += row.full, total[1] += row.bounds, total[2] += row.span;
        rows.push_back(row);
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.full > b.full; });
    if (cold)
        std::printf("per rule, alone and cold (a fresh RE2 each way), over the paragraphs it matches (ms):\n");
    else
        std::printf("per rule, alone and warm, over the paragraphs it matches (ms, best of %d):\n", passes);
    std::printf("  %-30s %6s %7s %8s %8s %8s\n", "rule", "paras", "matches", "captures", "bounds", "b+span");
    for (const auto& r : rows)
        std::printf("  %-30s %6zu %7zu %8.3f %8.3f %8.3f\n", r.id.c_str(), r.paras, r.matches, r.full * 1e3,
                    r.bounds * 1e3, r.span * 1e3);
    std::printf("  %-30s %6s %7s %8.3f %8.3f %8.3f\n", "all", "", "", total[0] * 1e3, total[1] * 1e3, total[2] * 1e3);
    return 0;
}

// --engine-costs: what each rule costs in the engine as `claimex extract`
// runs it (batches of 64, the sets choosing the paragraphs, PCRE2-JIT),
// one pass over the texts as new text (JIT compiles included).
int engine_rule_costs(const rules::RuleSet& rs, const std::vector<text::Text>& texts, bool warm) {
    std::vector<const text::Text*> all;
    for (const auto& t : texts) all.push_back(&t);
    if (warm)
        for (size_t i = 0; i < all.size(); i += 64)
            rs.match(std::span<const text::Text* const>(all.data() + i, std::min<size_t>(64, all.size() - i)));
    rs.profile_rules(true);
    for (size_t i = 0; i < all.size(); i += 64)
        rs.match(std::span<const text::Text* const>(all.data() + i, std::min<size_t>(64, all.size() - i)));
    std::vector<rules::RuleSet::RuleCost> costs = rs.rule_costs();
    std::vector<rules::RuleSet::PassCost> passes = rs.pass_costs();
    rs.profile_rules(false);
    double pass_total = 0;
    std::printf("sets, gazetteers, resolution, one pass (thread CPU ms):\n  %-34s %7s %7s %8s\n", "pass", "runs", "hits", "ms");
    for (const auto& p : passes) {
        pass_total += p.seconds;
        std::printf("  %-34s %7zu %7zu %8.2f\n", p.name.c_str(), p.runs, p.hits, p.seconds * 1e3);
    }
    std::printf("  %-34s %7s %7s %8.2f\n", "all", "", "", pass_total * 1e3);
    std::sort(costs.begin(), costs.end(), [](const auto& a, const auto& b) { return a.seconds > b.seconds; });
    double total = 0;
    size_t runs = 0, hits = 0;
    // PCRE2 rules: runs = paragraphs the set flagged, kB of them, PCRE2 calls (a
    // -DCLAIMEX_RULE_PROFILE build), µs a paragraph. The rules on tokens (that build only):
    // runs = VM runs, hits = matches, steps = VM instructions, ns a run (time-stamp counter).
    std::printf("rule runs in the engine, one pass (PCRE2: thread CPU ms):\n  %-34s %3s %8s %7s %8s %8s %9s %8s %9s\n",
                "rule", "on", "runs", "hits", "kB", "calls", "steps", "ms", "us|ns/run");
    for (const auto& c : costs) {
        if (c.tokens) continue;
        total += c.seconds, runs += c.runs, hits += c.hits;
        if (c.runs)
            std::printf("  %-34s %3s %8zu %7zu %8.0f %8zu %9s %8.2f %9.2f\n", c.rule->id.c_str(), "re", c.runs, c.hits,
                        c.bytes / 1e3, c.calls, "", c.seconds * 1e3, c.seconds * 1e6 / c.runs);
    }
    std::printf("  %-34s %3s %8zu %7zu %8s %8s %9s %8.2f\n", "all", "", runs, hits, "", "", "", total * 1e3);
    double ttotal = 0;
    size_t truns = 0, tsteps = 0;
    for (const auto& c : costs) {
        if (!c.tokens || !c.runs) continue;
        ttotal += c.seconds, truns += c.runs, tsteps += c.steps;
        std::printf("  %-34s %3s %8zu %7zu %8s %8s %9zu %8.2f %9.1f\n", c.rule->id.c_str(), "tok", c.runs, c.hits, "", "",
                    c.steps, c.seconds * 1e3, c.seconds * 1e9 / c.runs);
    }
    if (truns) std::printf("  %-34s %3s %8zu %7s %8s %8s %9zu %8.2f\n", "all on tokens", "", truns, "", "", "", tsteps, ttotal * 1e3);
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = "corpus/articles.jsonl", rules_dir = "rules", unseen = "corpus/heldout/articles.jsonl";
    int passes = 5;
    size_t evict_mb = 0;
    bool per_rule = false, cold = false, engine_costs = false, warm = false, tokens_report = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
        else if (a == "--rules" && i + 1 < argc) rules_dir = argv[++i];
        else if (a == "--passes" && i + 1 < argc) passes = std::max(1, std::atoi(argv[++i]));
        else if (a == "--evict" && i + 1 < argc) evict_mb = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--per-rule") per_rule = true;
        else if (a == "--engine-costs") engine_costs = true;
        else if (a == "--cold") cold = true;
        else if (a == "--warm") warm = true;
        else if (a == "--tokens") tokens_report = true;
        else if (a == "--unseen" && i + 1 < argc) unseen = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_rules [--corpus FILE] [--rules DIR] [--passes N] [--evict MB] [--per-rule [--cold]] [--engine-costs [--warm]] [--tokens] [--unseen FILE|'']\n");
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
    auto read_texts = [&](std::istream& from) {
        struct {
            std::vector<text::Text> texts;
            size_t bytes = 0;
        } r;
        std::string line;
        while (std::getline(from, line)) {
            if (line.empty()) continue;
            std::string t = nlohmann::json::parse(line).at("text").get<std::string>();
            r.bytes += t.size();
            r.texts.push_back(text::Text::prepare(std::move(t), seg));
        }
        return r;
    };
    auto corpus_texts = read_texts(in);
    std::vector<text::Text>& texts = corpus_texts.texts;
    const size_t bytes = corpus_texts.bytes;
    size_t pattern_rules = 0;
    for (const auto& r : rs.rules()) pattern_rules += !r->pattern.empty();
    std::printf("bench_rules: %zu texts, %.1f kB, %zu rules (%zu pattern rules), %d passes\n", texts.size(),
                bytes / 1e3, rs.rules().size(), pattern_rules, passes);

    if (per_rule) return time_rules(rs, texts, passes, cold);
    if (tokens_report) {
        // Which rules run on tokens, and why the others do not.
        size_t on = 0, all = 0;
        for (const auto& [r, why] : rs.token_report()) {
            std::printf("%-8s %-34s %s\n", r->type.c_str(), r->id.c_str(), why.empty() ? "tokens" : why.c_str());
            on += why.empty(), ++all;
        }
        std::printf("%zu of %zu pattern rules on tokens\n", on, all);
        return 0;
    }
    if (engine_costs) return engine_rule_costs(rs, texts, warm);

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
    // What `claimex extract` runs: match over batches of 64 texts (rule by
    // rule over each batch; the cache is flushed between batches as it is
    // between texts above).
    {
        std::vector<const text::Text*> all;
        for (const auto& t : texts) all.push_back(&t);
        double best = 1e300, sum = 0;
        for (int pass = 0; pass < passes; ++pass) {
            double s = 0;
            for (size_t i = 0; i < all.size(); i += 64) {
                std::span<const text::Text* const> batch(all.data() + i, std::min<size_t>(64, all.size() - i));
                if (!junk.empty()) std::memset(junk.data(), pass + 1, junk.size());
                double t0 = cpu_seconds();
                rs.match(batch);
                s += cpu_seconds() - t0;
            }
            best = std::min(best, s);
            sum += s;
        }
        std::printf("  %-22s %8.2f MB/s best pass, %8.2f MB/s mean\n", "match, batches of 64", bytes / 1e6 / best,
                    bytes * passes / 1e6 / sum);
    }
    // Text the engine has not seen: RE2 builds automaton states lazily, so
    // the first pass over new text pays for states a warm loop never
    // builds again. A news feed is new text.
    std::ifstream uin(unseen);
    if (!unseen.empty() && uin) {
        auto u = read_texts(uin);
        double first = 0, again = 0;
        for (int k = 0; k < 2; ++k) {
            double t0 = cpu_seconds();
            for (const auto& t : u.texts) rs.match(t);
            (k == 0 ? first : again) = cpu_seconds() - t0;
        }
        std::printf("  %-22s %8.2f MB/s first pass, %8.2f MB/s again  (%s, %.1f kB, after the passes above)\n",
                    "match, unseen text", u.bytes / 1e6 / first, u.bytes / 1e6 / again, unseen.c_str(), u.bytes / 1e3);
    }
    return 0;
}
