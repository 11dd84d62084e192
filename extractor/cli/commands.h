// The subcommands of `claimex`, one function each (main.cc parses the flags).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

namespace CLI {
class App;
}
namespace claimex::document {
struct Document;
}

namespace claimex::cli {

// A usage error: exit code 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct ExtractOptions {
    std::vector<std::string> inputs;
    std::string published;
    std::string rules_dir;
    bool with_text = false;
    std::string format = "jsonl";
    std::string input_format = "auto";
    size_t max_bytes = 64u << 20;
};

struct RulesOptions {
    std::string rules_dir;
    bool verbose = false;
    bool strict = false;
};

int run_extract(const ExtractOptions& options);

// claimex fetch (fetch_cmd.cc): its flags, its run, and the fetch path that
// `extract` uses for URLs and .html files.
struct FetchOptions {
    std::vector<std::string> inputs;
    bool feed = false;              // expand feeds and sitemaps into their items
    int concurrency = 16;
    int per_host = 2;
    double delay = 1.0;
    double timeout = 30.0;
    size_t max_bytes = 10u << 20;
    int retries = 3;
    bool ignore_robots = false;
    std::string contact;            // default: $CLAIMEX_CONTACT
    std::string user_agent;
    std::string cache_dir;
};
CLI::App* add_fetch_command(CLI::App& app, FetchOptions& options);
int run_fetch(const FetchOptions& options);
bool is_fetch_input(const std::string& input);
// URL or HTML file → Document; throws (InputError, DocumentError) with a
// message saying what is wrong.
document::Document fetch_document(const std::string& input, size_t max_bytes);
int run_rules_test(const RulesOptions& options);
int run_rules_lint(const RulesOptions& options);

}  // namespace claimex::cli
