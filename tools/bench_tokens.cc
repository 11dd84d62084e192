// bench_tokens — the token matcher prototype (extractor/rules/token_matcher.h,
// session 12) against the rule engine on the percent family, single thread,
// thread CPU time (rules/README.md, "A token matcher (session 12 prototype)"):
//   index    cutting every paragraph into tokens and classifying them (the
//            shared cost a converted rule stage pays once for every family);
//   percent  the prototype's percent pass over those indexes (gate, every
//            percent rule, vetoes);
//   engine   what the engine spends on the percent type: its RE2::Set pass
//            ("set percent") and the PCRE2 runs of the percent rules it
//            flags, from RuleSet's profile (as build/bench_rules
//            --engine-costs prints them), one pass of match over batches of 64.
// Each is run --passes times, interleaved; the first pass (new text: the
// class cache fills, the engine JIT-compiles) and the best pass are shown.
//   both     index and percent pass paragraph by paragraph (text and tokens warm in the cache);
// --part load|index|percent|both|engine|engine_warm runs only that part once (load: nothing after
// loading; engine_warm: the engine once before, not counted by callgrind) (for callgrind:
//   valgrind --tool=callgrind --toggle-collect='*bench_part*' build/bench_tokens --part percent ...).
//
//   build/bench_tokens [--corpus /tmp/bench10.jsonl] [--rules rules] [--passes 3] [--part P]
#include "extractor/rules/rules.h"
#include "extractor/rules/token_matcher.h"
#include "extractor/text/text.h"

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

using namespace claimex;
namespace tk = claimex::rules::tokens;

namespace {

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Para {
    const std::string* text;
    text::Span span;
};

// The parts, not inlined so that callgrind can count each alone.
__attribute__((noinline)) size_t bench_part_index(tk::TokenIndex& ix, const std::vector<Para>& paras) {
    size_t toks = 0;
    for (const Para& p : paras) {
        ix.index(*p.text, p.span);
        toks += ix.toks.size();
    }
    return toks;
}

__attribute__((noinline)) size_t bench_part_percent(tk::PercentMatcher& pm, const std::vector<tk::TokenIndex>& ixs,
                                                   std::vector<rules::RawMention>& out) {
    size_t n = 0;
    for (const tk::TokenIndex& ix : ixs) {
        pm.match(ix, out);
        n += out.size();
        out.clear();
    }
    return n;
}

// Index and percent pass paragraph by paragraph (the text and the tokens warm, as in a pipeline).
__attribute__((noinline)) size_t bench_part_both(tk::TokenIndex& ix, tk::PercentMatcher& pm, const std::vector<Para>& paras,
                                                std::vector<rules::RawMention>& out) {
    size_t n = 0;
    for (const Para& p : paras) {
        ix.index(*p.text, p.span);
        pm.match(ix, out);
        n += out.size();
        out.clear();
    }
    return n;
}

// A first pass not counted by callgrind's --toggle-collect='*bench_part_*' (--part engine_warm).
// (Batches of 32, so that the linker cannot fold it into bench_part_engine.)
__attribute__((noinline)) void untimed_engine_pass(const rules::RuleSet& rs, const std::vector<const text::Text*>& all) {
    for (size_t i = 0; i < all.size(); i += 32)
        rs.match(std::span<const text::Text* const>(all.data() + i, std::min<size_t>(32, all.size() - i)));
}

__attribute__((noinline)) void bench_part_engine(const rules::RuleSet& rs, const std::vector<const text::Text*>& all) {
    for (size_t i = 0; i < all.size(); i += 64)
        rs.match(std::span<const text::Text* const>(all.data() + i, std::min<size_t>(64, all.size() - i)));
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = "/tmp/bench10.jsonl", rules_dir = "rules", part;
    int passes = 3;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
        else if (a == "--rules" && i + 1 < argc) rules_dir = argv[++i];
        else if (a == "--passes" && i + 1 < argc) passes = std::atoi(argv[++i]);
        else if (a == "--part" && i + 1 < argc) part = argv[++i];
        else {
            std::fprintf(stderr, "usage: bench_tokens [--corpus FILE] [--rules DIR] [--passes N] [--part index|percent|engine]\n");
            return 2;
        }
    }
    std::ifstream in(corpus);
    if (!in) {
        std::fprintf(stderr, "bench_tokens: cannot open %s\n", corpus.c_str());
        return 1;
    }
    auto seg = text::Segmenter::load(rules_dir + "/text");
    auto rs = rules::RuleSet::load(rules_dir);
    std::vector<text::Text> texts;
    size_t bytes = 0;
    for (std::string line; std::getline(in, line);) {
        if (line.empty()) continue;
        std::string t = nlohmann::json::parse(line).at("text").get<std::string>();
        bytes += t.size();
        texts.push_back(text::Text::prepare(std::move(t), seg));
    }
    std::vector<Para> paras;
    std::vector<const text::Text*> all;
    for (const auto& t : texts) {
        all.push_back(&t);
        for (const auto& p : t.paragraphs()) paras.push_back({&t.analysis(), p});
    }
    tk::TokenClasses cls;
    tk::PercentMatcher pm(rs, cls);
    tk::TokenIndex ix(cls);
    std::vector<rules::RawMention> out;

    if (part == "load") return 0;  // (the baseline of the parts' whole-process times)
    if (part == "index") return bench_part_index(ix, paras) == 0;
    if (part == "both") return bench_part_both(ix, pm, paras, out) == 0;
    if (part == "engine") return bench_part_engine(rs, all), 0;
    if (part == "engine_warm") return untimed_engine_pass(rs, all), bench_part_engine(rs, all), 0;
    // The indexes kept, for the percent pass alone.
    std::vector<tk::TokenIndex> ixs;
    ixs.reserve(paras.size());
    size_t gated = 0;
    for (const Para& p : paras) {
        ixs.emplace_back(cls).index(*p.text, p.span);
        gated += (ixs.back().any & pm.gate_bits()) != 0;
    }
    if (part == "percent") return bench_part_percent(pm, ixs, out) == 0;

    std::printf("bench_tokens: %zu texts, %.1f MB, %zu paragraphs (%zu with a unit token), %zu distinct letter tokens\n",
                texts.size(), bytes / 1e6, paras.size(), gated, cls.distinct());
    double best[4] = {1e300, 1e300, 1e300, 1e300}, first[4] = {0, 0, 0, 0};
    size_t toks = 0, matches = 0;
    double engine_rules_best = 1e300, engine_set_best = 1e300, engine_first_rules = 0, engine_first_set = 0;
    for (int pass = 0; pass < passes; ++pass) {
        double t0 = cpu_seconds();
        toks = bench_part_index(ix, paras);
        double t1 = cpu_seconds();
        matches = bench_part_percent(pm, ixs, out);
        double t2 = cpu_seconds();
        rs.profile_rules(true);
        bench_part_engine(rs, all);
        double t3 = cpu_seconds();
        bench_part_both(ix, pm, paras, out);
        double t4 = cpu_seconds();
        double set_s = 0, rules_s = 0;
        for (const auto& c : rs.rule_costs())
            if (c.rule->type == "percent") rules_s += c.seconds;
        for (const auto& p : rs.pass_costs())
            if (p.name == "set percent" || p.name.starts_with("set percent/")) set_s += p.seconds;
        rs.profile_rules(false);
        const double d[4] = {t1 - t0, t2 - t1, t3 - t2, t4 - t3};
        for (int k = 0; k < 4; ++k) {
            if (pass == 0) first[k] = d[k];
            best[k] = std::min(best[k], d[k]);
        }
        if (pass == 0) engine_first_rules = rules_s, engine_first_set = set_s;
        engine_rules_best = std::min(engine_rules_best, rules_s);
        engine_set_best = std::min(engine_set_best, set_s);
    }
    auto ns = [&](double s) { return s * 1e9 / static_cast<double>(bytes); };
    std::printf("%zu tokens (%.1f bytes a token), %zu prototype percent matches a pass, %zu VM runs (%zu matched) a pass\n",
                toks, static_cast<double>(bytes) / static_cast<double>(toks), matches, pm.vm().runs / passes / 2,
                pm.vm().matches / passes / 2);  // (two percent passes each: alone and with the index)
    std::printf("  %-44s %9s %9s %9s\n", "thread CPU", "first ms", "best ms", "ns/byte");
    std::printf("  %-44s %9.1f %9.1f %9.2f\n", "index: tokenise + classify (shared)", first[0] * 1e3, best[0] * 1e3, ns(best[0]));
    std::printf("  %-44s %9.1f %9.1f %9.2f\n", "prototype percent pass (over the index)", first[1] * 1e3, best[1] * 1e3,
                ns(best[1]));
    std::printf("  %-44s %9.1f %9.1f %9.2f\n", "index + percent pass, paragraph by paragraph", first[3] * 1e3,
                best[3] * 1e3, ns(best[3]));
    std::printf("  %-44s %9.1f %9.1f %9.2f\n", "engine: set percent", engine_first_set * 1e3, engine_set_best * 1e3,
                ns(engine_set_best));
    std::printf("  %-44s %9.1f %9.1f %9.2f\n", "engine: percent rule runs (PCRE2, vetoes)", engine_first_rules * 1e3,
                engine_rules_best * 1e3, ns(engine_rules_best));
    std::printf("  %-44s %9.1f %9.1f %9.2f\n", "engine: whole match() (every type)", first[2] * 1e3, best[2] * 1e3,
                ns(best[2]));
    return 0;
}
