// The subcommands of `claimex`, one function each (main.cc parses the flags).
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace claimex {
class Extractor;
struct Record;
}  // namespace claimex

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

struct CheckOptions {
    ExtractOptions extract;      // inputs, --published, --rules
    std::string db;
    std::string rates;
    std::string format = "auto"; // auto: pretty on a terminal, else jsonl
    bool fail_on_conflict = false;
};

struct StoreOptions {
    std::string action;          // stats | export | query | import | history
    std::string db;
    std::string format = "jsonl";
    std::string subject, metric, period, source;
    size_t limit = 1000;
    std::vector<std::string> inputs;
};

// The store path: --db, else $CLAIMEX_DB, else claims.db.
std::string db_path(const std::string& flag);

int run_extract(const ExtractOptions& options);
int run_check(const CheckOptions& options);
int run_store(const StoreOptions& options);

// The input side of extract, shared by check and run: reads every input as
// documents (text files, JSONL, stdin), extracts each and hands the record to
// the sink. Failures are reported on stderr ("claimex: INPUT[:LINE]: ...")
// and counted; the rest go on.
using RecordSink = std::function<void(const Record&, const std::string& where)>;
size_t extract_inputs(const ExtractOptions& options, const Extractor& extractor, const RecordSink& sink);
// Loads the rules (--rules or the default), reporting bad rules on stderr.
std::unique_ptr<Extractor> open_extractor(const std::string& rules_dir);
int run_rules_test(const RulesOptions& options);
int run_rules_lint(const RulesOptions& options);

}  // namespace claimex::cli
