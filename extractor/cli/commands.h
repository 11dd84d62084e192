// The subcommands of `claimex`, one function each (main.cc parses the flags).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

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
    bool claims_only = false;     // --claims-only / --flat: one claim per line
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
int run_rules_test(const RulesOptions& options);
int run_rules_lint(const RulesOptions& options);

}  // namespace claimex::cli
