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
    extract->add_option("--format", ex.format,
                        "Output: jsonl (default: one record per document), csv (one row per claim) or pretty")
        ->check(CLI::IsMember({"jsonl", "csv", "pretty"}));
    extract->add_flag("--claims-only,--flat", ex.claims_only,
                      "Write one claim per line with its document's id, url, title and published date");
    extract->add_option("--input-format", ex.input_format, "auto (default), text or jsonl")
        ->check(CLI::IsMember({"auto", "text", "jsonl"}));
    extract->add_option("--max-bytes", ex.max_bytes, "Largest document accepted, in bytes (default 64 MiB)");

    CheckOptions co;
    auto* check = app.add_subcommand("check", "Check each claim of the input against the store: consistent, "
                                              "conflicting, related or new");
    check->add_option("inputs", co.extract.inputs, "Text files, JSONL documents, or - for stdin")->required();
    check->add_option("--db", co.db, "Claim store (default: $CLAIMEX_DB or claims.db)");
    check->add_option("--rates", co.rates, "CSV of date,currency,rate_to_usd for comparing across currencies");
    check->add_option("--published", co.extract.published, "Reference date for documents without one");
    check->add_option("--rules", co.extract.rules_dir, "Rules folder");
    check->add_option("--format", co.format, "auto (pretty on a terminal, else jsonl), jsonl or pretty")
        ->check(CLI::IsMember({"auto", "jsonl", "pretty"}));
    check->add_flag("--fail-on-conflict", co.fail_on_conflict, "Exit 3 when any claim conflicts with the store");

    StoreOptions so;
    auto* storecmd = app.add_subcommand("store", "Inspect the claim store");
    storecmd->require_subcommand(1);
    auto* s_stats = storecmd->add_subcommand("stats", "Counts by kind, publisher, source, metric and month");
    auto* s_export = storecmd->add_subcommand("export", "Every stored claim, flat, as JSONL or CSV");
    auto* s_query = storecmd->add_subcommand("query", "Stored claims by subject, metric, period or source");
    auto* s_import = storecmd->add_subcommand("import", "Store records written by claimex extract (JSONL)");
    auto* s_history = storecmd->add_subcommand("history", "How a stored document changed between versions");
    for (auto* c : {s_stats, s_export, s_query, s_import, s_history})
        c->add_option("--db", so.db, "Claim store (default: $CLAIMEX_DB or claims.db)");
    s_stats->add_option("--format", so.format, "text (default) or json");
    for (auto* c : {s_export, s_query})
        c->add_option("--format", so.format, "jsonl (default), csv or pretty")
            ->check(CLI::IsMember({"jsonl", "csv", "pretty"}));
    s_query->add_option("--subject", so.subject, "A subject name (case-insensitive)");
    s_query->add_option("--metric", so.metric, "A metric key (capital_expenditure, revenue, ...)");
    s_query->add_option("--period", so.period, "A period (TIMEX3 or YYYY[-MM]): claims whose period overlaps it");
    s_query->add_option("--source", so.source, "A source name");
    s_query->add_option("--limit", so.limit, "At most this many claims (default 1000)");
    s_import->add_option("inputs", so.inputs, "JSONL files of extract records, or -")->required();
    s_history->add_option("document", so.subject, "The document id (its URL or content id)")->required();

    FetchOptions fo;
    auto* fetch = add_fetch_command(app, fo);

    RunOptions ru;
    auto* run = app.add_subcommand("run", "Batch: folders, files, URLs and feeds → fetch → extract → store "
                                          "(resumable, with progress)");
    run->add_option("inputs", ru.inputs, "Folders (read recursively), text/HTML/JSONL files, URLs, or -");
    run->add_option("--feeds", ru.feeds_file, "A file of feed, sitemap or article URLs, one a line");
    run->add_option("--db", ru.db, "Claim store (default: $CLAIMEX_DB or claims.db)");
    run->add_option("--out", ru.out, "Also write every new claim as a JSONL line to this file");
    run->add_option("--jobs", ru.jobs, "Extraction threads (default: the number of cores)");
    run->add_flag("--resume", ru.resume, "Skip documents and URLs the store already has");
    run->add_option("--progress", ru.progress, "auto (on a terminal), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    run->add_option("--log-interval", ru.log_interval, "Seconds between summary lines when not on a terminal");
    run->add_option("--published", ru.published, "Reference date for documents without one");
    run->add_option("--rules", ru.rules_dir, "Rules folder");
    run->add_option("--max-bytes", ru.max_bytes, "Largest local document accepted, in bytes");
    run->add_option("--concurrency", ru.fetch.concurrency, "Transfers at once (default 16)");
    run->add_option("--per-host", ru.fetch.per_host, "Transfers at once to one host (default 2)");
    run->add_option("--delay", ru.fetch.delay, "Seconds between request starts to one host (default 1)");
    run->add_option("--timeout", ru.fetch.timeout, "Seconds one request may take (default 30)");
    run->add_option("--retries", ru.fetch.retries, "Further attempts after a timeout, 429 or 5xx (default 3)");
    run->add_flag("--ignore-robots", ru.fetch.ignore_robots, "Do not fetch or obey robots.txt");
    run->add_option("--contact", ru.fetch.contact, "Contact put in the User-Agent (default $CLAIMEX_CONTACT)");
    run->add_option("--cache", ru.fetch.cache_dir, "Conditional-GET cache folder");

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
        if (run->parsed()) return run_batch(ru);
        if (check->parsed()) return run_check(co);
        for (auto* c : {s_stats, s_export, s_query, s_import, s_history})
            if (c->parsed()) {
                so.action = c->get_name();
                if (so.action == "stats" && so.format == "jsonl") so.format = "text";
                return run_store(so);
            }
        if (rtest->parsed()) return run_rules_test(ro);
        if (rlint->parsed()) return run_rules_lint(ro);
    } catch (const UsageError& e) {
        std::fflush(stdout);  // what was written before the error comes first
        std::fprintf(stderr, "claimex: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fflush(stdout);
        std::fprintf(stderr, "claimex: %s\n", e.what());
        return 1;
    }
    return 2;
}
