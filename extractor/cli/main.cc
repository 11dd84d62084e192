// The `claimex` command: subcommands over the library (extractor/claimex.h).
#include "extractor/cli/commands.h"

#include <CLI/CLI.hpp>
#include <cstdio>
#include <iostream>

int main(int argc, char** argv) {
    using namespace claimex::cli;
    CLI::App app{"claimex: turns news into checkable facts (mentions and claim records as JSON Lines)"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "claimex 0.1.0");

    ExtractOptions ex;
    auto* extract = app.add_subcommand("extract", "Extract mentions and claims: one JSON object per document");
    extract->add_option("inputs", ex.inputs, "Text files, JSONL documents (.jsonl), HTML files, URLs, or - for stdin")->required();
    extract->add_option("--published", ex.published, "Reference date (YYYY-MM-DD) for documents without one");
    extract->add_option("--rules", ex.rules_dir, "Rules folder (default: $CLAIMEX_RULES, ./rules, or the bundled one)");
    extract->add_flag("--with-text", ex.with_text, "Include the document text in each record");
    extract->add_option("--format", ex.format, "Output: jsonl (default) or pretty")
        ->check(CLI::IsMember({"jsonl", "pretty"}));
    extract->add_option("--input-format", ex.input_format, "auto (default), text or jsonl")
        ->check(CLI::IsMember({"auto", "text", "jsonl"}));
    extract->add_option("--max-bytes", ex.max_bytes, "Largest document accepted, in bytes (default 64 MiB)");

    FetchOptions fo;
    auto* fetch = add_fetch_command(app, fo);

    RulesOptions ro;
    auto* rules = app.add_subcommand("rules", "Work with the rule files");
    rules->require_subcommand(1);
    auto* rtest = rules->add_subcommand("test", "Run every example in the rule files");
    auto* rlint = rules->add_subcommand("lint", "Report broken, unreachable or untested rules with file:line");
    for (auto* c : {rtest, rlint}) {
        c->add_option("--rules", ro.rules_dir, "Rules folder");
        c->add_flag("-v,--verbose", ro.verbose, "Say more");
    }
    rlint->add_flag("--strict", ro.strict, "Treat warnings as errors");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int rc = app.exit(e);
        return rc == 0 ? 0 : 2;
    }
    try {
        if (extract->parsed()) return run_extract(ex);
        if (fetch->parsed()) return run_fetch(fo);
        if (rtest->parsed()) return run_rules_test(ro);
        if (rlint->parsed()) return run_rules_lint(ro);
    } catch (const UsageError& e) {
        std::fprintf(stderr, "claimex: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "claimex: %s\n", e.what());
        return 1;
    }
    return 2;
}
