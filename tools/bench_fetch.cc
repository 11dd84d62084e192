// Fetch throughput: N pages from the local fixture server
// (tests/fixture_server.py on 127.0.0.1) through one Fetcher, in pages/s.
// The per-host limit is raised because every page is on the one host; the
// politeness delay is 0. The figure is bounded by the Python server as much
// as by claimex: it says the fetcher is not the bottleneck, not what a real
// site will give.
//
//   build/bench_fetch [--pages 2000] [--concurrency 16] [--per-host 16]
//                     [--server tests/fixture_server.py]
#include "extractor/fetch/fetch.h"
#include "tests/fixture_server.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <sys/resource.h>
#include <thread>
#include <algorithm>

namespace {

std::string cpu_model() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
    return "unknown";
}

}  // namespace

int main(int argc, char** argv) {
    int pages = 2000;
    claimex::fetch::Options o;
    o.concurrency = 16;
    o.per_host = 16;
    o.host_delay = 0;
    o.retries = 0;
    o.contact = "mailto:bench@example.org";
    std::string script = "tests/fixture_server.py";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--pages")
            pages = std::atoi(argv[i + 1]);
        else if (a == "--concurrency")
            o.concurrency = std::atoi(argv[i + 1]);
        else if (a == "--per-host")
            o.per_host = std::atoi(argv[i + 1]);
        else if (a == "--server")
            script = argv[i + 1];
        else {
            std::fprintf(stderr, "usage: bench_fetch [--pages N] [--concurrency N] [--per-host N] [--server PATH]\n");
            return 2;
        }
    }
    FixtureServer srv("file", script);
    claimex::fetch::Fetcher f(o);
    // Fed as a stream: at most 4×concurrency queued at once, as a batch
    // runner would.
    int added = 0, done = 0, failed = 0;
    size_t bytes = 0;
    auto t0 = std::chrono::steady_clock::now();
    claimex::fetch::Result r;
    while (added < pages || f.pending() > 0) {
        while (added < pages && f.pending() < static_cast<size_t>(o.concurrency * 4))
            f.add(srv.url("/page/bench-" + std::to_string(added++)));
        if (!f.next(r)) break;
        ++done;
        if (!r.ok()) {
            if (++failed <= 3) std::fprintf(stderr, "bench_fetch: %s: %s\n", r.url.c_str(), r.error.c_str());
        }
        bytes += r.payload.body.size();
    }
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);  // this process only: the server is a child not yet waited for
    double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
    std::printf("fetch: %d pages (%d failed), %.1f MB in %.2f s: %.0f pages/s, %.1f MB/s "
                "(concurrency %d, per host %d, HTTP/1.1 keep-alive to a local Python server)\n",
                done, failed, bytes / 1e6, s, done / s, bytes / 1e6 / s, o.concurrency, o.per_host);
    std::printf("claimex CPU time %.2f s (%.0f µs a page); server saw %d requests (robots.txt included)\n", cpu,
                cpu / std::max(done, 1) * 1e6, srv.stats()["requests"].get<int>());
    std::printf("machine: %u cores (nproc), %s, %s\n", std::thread::hardware_concurrency(), cpu_model().c_str(),
                curl_version());
    return failed ? 1 : 0;
}
