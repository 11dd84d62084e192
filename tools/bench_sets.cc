// bench_sets: what each of the rule engine's RE2::Sets costs, and which
// entries make it dear (rules/README.md, "Session 26 (speed26s)").
//
// Compiles each set as the engine does (RuleSet::set_entries(): the same
// patterns, options and order), runs it over every paragraph of a JSONL of
// texts in two phases — the first --warm-docs documents (the states a
// process builds first), then the rest (the steady state) — and prints per
// set and phase: thread CPU, the DFA's allocations still live (its states
// and their table: RE2 builds a state with one allocation and keeps it in
// a hash set) in count and kB, calls after which 100 or more fewer blocks are live (a
// cache reset: the DFA's budget was full), and calls that failed ("DFA out
// of memory": the engine then runs every rule of the type). Under callgrind
// each phase of each set is a dump of its own ("SET/warm", "SET/steady").
//
// --set NAME --loo compiles that set once without each entry in turn (and
// --alone: each entry alone) and prints the same figures: the entries whose
// removal saves the most states are those that multiply the others'.
//
//   build/bench_sets --corpus 2MB.jsonl [--rules rules] [--warm-docs 580]
//                    [--max-mem MB] [--set NAME [--loo|--alone]]
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <malloc.h>  // malloc_usable_size
#include <time.h>
#include <valgrind/callgrind.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <new>
#include <nlohmann/json.hpp>
#include <re2/re2.h>
#include <re2/set.h>
#include <string>
#include <vector>

using namespace claimex;

// Every allocation counted (single-threaded tool): RE2's DFA states are
// allocations that outlive the call that built them.
namespace {
size_t g_live = 0, g_live_bytes = 0, g_frees = 0;
}  // namespace
void* operator new(size_t n) {
    void* p = std::malloc(n ? n : 1);
    if (!p) throw std::bad_alloc();
    ++g_live, g_live_bytes += malloc_usable_size(p);
    return p;
}
void* operator new[](size_t n) { return operator new(n); }
void operator delete(void* p) noexcept {
    if (!p) return;
    --g_live, g_live_bytes -= malloc_usable_size(p), ++g_frees;
    std::free(p);
}
void operator delete[](void* p) noexcept { operator delete(p); }
void operator delete(void* p, size_t) noexcept { operator delete(p); }
void operator delete[](void* p, size_t) noexcept { operator delete(p); }

namespace {

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Phase {
    double ms = 0;
    long allocs = 0, kb = 0;
    size_t resets = 0, failed = 0, flagged = 0, bytes = 0;
};

struct Result {
    bool ok = true;
    Phase ph[2];
    std::vector<size_t> entry_hits;  // paragraphs each entry flagged (both phases)
};

// One set over the paragraphs: phase 0 the first `split`, phase 1 the rest.
Result run_set(const std::vector<std::string>& entries, const std::vector<re2::StringPiece>& paras, size_t split,
               int64_t max_mem, const std::string& dump) {
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(max_mem);
    Result r;
    auto set = std::make_unique<RE2::Set>(opt, RE2::UNANCHORED);
    for (const std::string& e : entries)
        if (set->Add(e, nullptr) < 0) r.ok = false;
    if (!r.ok || !set->Compile()) return {false, {}, {}};
    r.entry_hits.assign(entries.size(), 0);
    std::vector<int> hits;
    hits.reserve(entries.size());
    for (int k = 0; k < 2; ++k) {
        Phase& p = r.ph[k];
        const size_t b = k ? split : 0, e = k ? paras.size() : split;
        const long live0 = static_cast<long>(g_live), bytes0 = static_cast<long>(g_live_bytes);
        if (!dump.empty()) CALLGRIND_DUMP_STATS_AT("other");
        const double t0 = cpu_seconds();
        for (size_t i = b; i < e; ++i) {
            const size_t n0 = g_live;
            RE2::Set::ErrorInfo err{};
            if (!set->Match(paras[i], &hits, &err) && err.kind != RE2::Set::kNoError) ++p.failed;
            p.resets += g_live + 100 <= n0;  // (100 blocks fewer after the call than before)
            p.flagged += !hits.empty();
            for (int h : hits) ++r.entry_hits[static_cast<size_t>(h)];
            p.bytes += paras[i].size();
        }
        p.ms = (cpu_seconds() - t0) * 1e3;
        const std::string at = dump + (k ? "/steady" : "/warm");
        if (!dump.empty()) CALLGRIND_DUMP_STATS_AT(at.c_str());
        p.allocs = static_cast<long>(g_live) - live0;
        p.kb = (static_cast<long>(g_live_bytes) - bytes0) / 1024;
    }
    return r;
}

void print_row(const std::string& name, const Result& r) {
    if (!r.ok) {
        std::printf("%-28s (does not compile)\n", name.c_str());
        return;
    }
    std::printf("%-28s", name.c_str());
    for (const Phase& p : r.ph)
        std::printf(" | %8.1f %7ld %7ld %4zu %4zu %6zu", p.ms, p.allocs, p.kb, p.resets, p.failed, p.flagged);
    std::printf("\n");
}

void print_head(const char* first) {
    std::printf("%-28s | %-45s | %s\n", first, "first phase (warm-up)", "second phase (steady state)");
    std::printf("%-28s", "");
    for (int k = 0; k < 2; ++k) std::printf(" | %8s %7s %7s %4s %4s %6s", "ms", "allocs", "kB", "rst", "fail", "paras");
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::string corpus = "corpus/articles.jsonl", rules_dir = "rules", only;
    size_t warm_docs = 580;
    int64_t max_mem = 64 << 20;
    bool loo = false, alone = false;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--corpus" && i + 1 < argc) corpus = argv[++i];
        else if (a == "--rules" && i + 1 < argc) rules_dir = argv[++i];
        else if (a == "--warm-docs" && i + 1 < argc) warm_docs = std::strtoul(argv[++i], nullptr, 10);
        else if (a == "--max-mem" && i + 1 < argc) max_mem = std::strtoll(argv[++i], nullptr, 10) << 20;
        else if (a == "--set" && i + 1 < argc) only = argv[++i];
        else if (a == "--loo") loo = true;
        else if (a == "--alone") alone = true;
        else {
            std::fprintf(stderr, "usage: bench_sets [--corpus FILE] [--rules DIR] [--warm-docs N] [--max-mem MB] [--set NAME [--loo|--alone]]\n");
            return 2;
        }
    }
    std::ifstream in(corpus);
    if (!in) {
        std::fprintf(stderr, "bench_sets: cannot open %s\n", corpus.c_str());
        return 1;
    }
    auto seg = text::Segmenter::load(rules_dir + "/text");
    auto rs = rules::RuleSet::load(rules_dir);
    std::vector<text::Text> texts;
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            texts.push_back(text::Text::prepare(nlohmann::json::parse(line).at("text").get<std::string>(), seg));
    std::vector<re2::StringPiece> paras;
    size_t split = 0;
    for (size_t d = 0; d < texts.size(); ++d) {
        if (d == warm_docs) split = paras.size();
        for (const auto& p : texts[d].paragraphs()) paras.emplace_back(texts[d].analysis().data() + p.begin, p.size());
    }
    if (warm_docs >= texts.size()) split = paras.size();
    std::printf("bench_sets: %zu texts, %zu paragraphs (%zu in the first phase), max_mem %lld MB\n", texts.size(),
                paras.size(), split, static_cast<long long>(max_mem >> 20));
    const auto sets = rs.set_entries();
    if (!loo && !alone) {
        print_head("set (entries)");
        Phase total[2];
        for (const auto& s : sets) {
            if (!only.empty() && s.name != only) continue;
            std::vector<std::string> e;
            for (const auto& [r, pat] : s.entries) e.push_back(pat);
            Result r = run_set(e, paras, split, max_mem, s.name);
            print_row(s.name + " (" + std::to_string(e.size()) + ")", r);
            if (!only.empty())  // one set: the paragraphs each entry flags
                for (size_t k = 0; k < e.size(); ++k)
                    std::printf("  %-36s %6zu\n", s.entries[k].first->id.c_str(), r.ok ? r.entry_hits[k] : 0);
            for (int k = 0; k < 2; ++k)
                total[k].ms += r.ph[k].ms, total[k].allocs += r.ph[k].allocs, total[k].kb += r.ph[k].kb,
                    total[k].resets += r.ph[k].resets, total[k].failed += r.ph[k].failed;
        }
        print_row("all", {true, {total[0], total[1]}, {}});
        return 0;
    }
    for (const auto& s : sets) {
        if (s.name != only) continue;
        std::vector<std::string> all;
        for (const auto& [r, pat] : s.entries) all.push_back(pat);
        print_head(loo ? "without entry" : "entry alone");
        print_row("(the whole set)", run_set(all, paras, split, max_mem, ""));
        for (size_t k = 0; k < all.size(); ++k) {
            std::vector<std::string> e;
            if (alone) e.push_back(all[k]);
            else
                for (size_t j = 0; j < all.size(); ++j)
                    if (j != k) e.push_back(all[j]);
            print_row(s.entries[k].first->id, run_set(e, paras, split, max_mem, ""));
        }
    }
    return 0;
}
