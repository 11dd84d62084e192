// claimex rules test | lint.
#include "extractor/cli/commands.h"
#include "extractor/claimex.h"

#include <cstdio>
#include <fmt/format.h>

namespace claimex::cli {

namespace {
std::filesystem::path rules_dir(const RulesOptions& o) {
    return o.rules_dir.empty() ? default_rules_dir() : std::filesystem::path(o.rules_dir);
}
}  // namespace

int run_rules_test(const RulesOptions& o) {
    Extractor ex(rules_dir(o));
    int rc = 0;
    for (const auto& p : ex.rules().problems()) {
        if (!p.error) continue;
        std::fprintf(stderr, "%s: error: %s\n", p.where.str().c_str(), p.message.c_str());
        rc = 1;
    }
    ExampleReport rep = run_examples(ex);
    for (const auto& f : rep.failures)
        std::fprintf(stderr, "%s: FAIL %s\n", f.where.str().c_str(), f.message.c_str());
    size_t failed = rep.failures.size();
    std::printf("%zu rules, %zu examples, %zu expectations: %zu passed, %zu failed\n", ex.rules().rules().size(),
                rep.examples, rep.expectations, rep.expectations - std::min(failed, rep.expectations), failed);
    return failed || rc ? 1 : 0;
}

int run_rules_lint(const RulesOptions& o) {
    Extractor ex(rules_dir(o));
    std::vector<rules::RuleProblem> problems = ex.rules().lint();
    // A pattern rule that none of the examples (its own or any other) turns
    // into a mention is unreachable as far as we can prove: it is shadowed by
    // other rules or never matches what it is meant for.
    ExampleReport rep = run_examples(ex);
    for (const auto& r : ex.rules().rules()) {
        if (r->pattern.empty()) continue;
        if (!rep.raw_hits.count(r->id))
            problems.push_back({r->where, r->id, "no example input matches this rule (unreachable)", false});
        else if (!rep.rule_hits.count(r->id) && r->type != "ignore" && r->type != "ignore_entity")
            problems.push_back({r->where, r->id,
                                "matches, but no example keeps a mention from it (shadowed by other rules, "
                                "or the normaliser drops it)",
                                false});
    }
    for (const auto& f : rep.failures) problems.push_back({f.where, "", "example fails: " + f.message, true});
    size_t errors = 0, warnings = 0;
    for (const auto& p : problems) {
        bool err = p.error || o.strict;
        (err ? errors : warnings)++;
        std::fprintf(stderr, "%s: %s: %s%s\n", p.where.str().c_str(), err ? "error" : "warning",
                     p.rule_id.empty() ? "" : (p.rule_id + ": ").c_str(), p.message.c_str());
    }
    std::printf("%zu rules: %zu errors, %zu warnings\n", ex.rules().rules().size(), errors, warnings);
    return errors ? 1 : 0;
}

}  // namespace claimex::cli
