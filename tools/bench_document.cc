// bench_document — HTML-to-Document throughput on one core.
//
//   bench_document [PAGES_DIR] [--seconds N]
//
// Loads every *.html in PAGES_DIR (default: tests/fixtures/pages of the
// source tree), then runs document::to_document over them again and again
// for N seconds (default 3) on this thread, and reports MB/s and pages/s,
// plus the share of time spent in the HTML5 parse (gumbo → pugixml) alone.
// Prints the machine (nproc, CPU model) with the figures.
#include "extractor/document/document.h"
#include "extractor/document/internal.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#ifndef CLAIMEX_SOURCE_DIR
#define CLAIMEX_SOURCE_DIR "."
#endif

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

static std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
}

int main(int argc, char** argv) {
    std::string dir = std::string(CLAIMEX_SOURCE_DIR) + "/tests/fixtures/pages";
    double seconds = 3;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--seconds" && i + 1 < argc) seconds = std::stod(argv[++i]);
        else dir = a;
    }
    std::vector<claimex::document::Payload> pages;
    size_t bytes = 0;
    for (const auto& e : fs::directory_iterator(dir)) {
        if (e.path().extension() != ".html") continue;
        std::ifstream in(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        claimex::document::Payload p;
        p.url = e.path().string();
        p.content_type = "text/html";
        p.body = ss.str();
        bytes += p.body.size();
        pages.push_back(std::move(p));
    }
    if (pages.empty()) {
        std::fprintf(stderr, "bench_document: no .html files in %s\n", dir.c_str());
        return 2;
    }
    std::printf("machine: %u cores (nproc), %s; measuring on 1 thread\n", std::thread::hardware_concurrency(),
                cpu_model().c_str());
    std::printf("corpus: %zu pages, %.1f KB\n", pages.size(), bytes / 1024.0);

    // Warm up (ICU converters, static tables).
    size_t sink = 0;
    for (const auto& p : pages) sink += claimex::document::to_document(p).text.size();

    auto run = [&](auto&& fn) {
        size_t n = 0, b = 0;
        auto start = Clock::now();
        double elapsed = 0;
        while (elapsed < seconds) {
            for (const auto& p : pages) {
                fn(p);
                ++n;
                b += p.body.size();
            }
            elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        }
        return std::tuple<size_t, size_t, double>(n, b, elapsed);
    };
    auto [n, b, t] = run([&](const claimex::document::Payload& p) { sink += claimex::document::to_document(p).text.size(); });
    std::printf("to_document:        %8.1f pages/s  %6.2f MB/s  (%zu pages in %.2f s)\n", n / t, b / t / 1e6, n, t);
    auto [n2, b2, t2] = run([&](const claimex::document::Payload& p) {
        pugi::xml_document dom;
        claimex::document::detail::html_to_dom(p.body, dom);
        sink += dom.first_child() ? 1 : 0;
    });
    std::printf("HTML5 parse only:   %8.1f pages/s  %6.2f MB/s  (%.0f%% of to_document time)\n", n2 / t2, b2 / t2 / 1e6,
                100.0 * (t2 / n2) / (t / n));
    return sink == 0 ? 1 : 0;
}
