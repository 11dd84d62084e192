// Benchmark of text preparation (text::Text::prepare): validation, analysis
// form, offset maps, paragraphs and sentences, in MB/s of input.
//   build/bench_text [--benchmark_filter=ascii]
#include "extractor/text/text.h"

#if __has_include(<benchmark/benchmark.h>)
#define CLAIMEX_HAVE_BENCHMARK 1
#include <benchmark/benchmark.h>
#endif

#include <chrono>
#include <cstdio>
#include <string>

namespace {

// About 1 MB of news-like text built from a few paragraphs written for this
// benchmark (abbreviations, figures, quotes).
std::string make(bool typographic, bool chinese) {
    std::string para;
    if (chinese) {
        para = "阿里巴巴、腾讯和百度上半年的资本支出合计为500亿元，而2023年同期为230亿元。"
               "分析师表示，人工智能的需求仍在增长。据《金融时报》报道，三家公司均未置评。\n";
    } else if (typographic) {
        para = "Alibaba, Tencent and Baidu\u2019s combined capital expenditure in the first half was "
               "50\u00a0billion yuan (US$7\u00a0billion), compared with 23\u00a0billion yuan in 2023. "
               "\u201cDemand for AI is strong,\u201d said Dr. Jane Smith, an analyst at Acme Corp. in the "
               "U.S. The firms \u2014 all three \u2014 declined to comment. Shares rose 2.5% vs. a year ago.\n\n";
    } else {
        para = "Alibaba, Tencent and Baidu's combined capital expenditure in the first half was "
               "50 billion yuan (US$7 billion), compared with 23 billion yuan in 2023. "
               "\"Demand for AI is strong,\" said Dr. Jane Smith, an analyst at Acme Corp. in the "
               "U.S. The firms - all three - declined to comment. Shares rose 2.5% vs. a year ago.\n\n";
    }
    std::string s;
    while (s.size() < (1u << 20)) s += para;
    return s;
}

const char* const kNames[] = {"ascii", "typographic", "chinese"};

std::string input(int which) { return make(which == 1, which == 2); }

}  // namespace

#ifdef CLAIMEX_HAVE_BENCHMARK
static void BM_prepare(benchmark::State& state) {
    std::string s = input(static_cast<int>(state.range(0)));
    state.SetLabel(kNames[state.range(0)]);
    for (auto _ : state) {
        claimex::text::Text t = claimex::text::Text::prepare(s);
        benchmark::DoNotOptimize(t.sentences().data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(s.size()));
}
BENCHMARK(BM_prepare)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
#else
// Without Google Benchmark: a plain timing loop.
int main() {
    for (int which = 0; which < 3; ++which) {
        std::string s = input(which);
        int reps = 20;
        auto t0 = std::chrono::steady_clock::now();
        size_t n = 0;
        for (int i = 0; i < reps; ++i) n += claimex::text::Text::prepare(s).sentences().size();
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("%-12s %8.1f MB/s (%zu sentences)\n", kNames[which], reps * s.size() / secs / 1e6, n / reps);
    }
}
#endif
