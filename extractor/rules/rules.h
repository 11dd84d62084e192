// rules — loads the rule files in rules/, compiles them once, runs them over
// a Text and yields raw mentions.
//
// In:  a rules folder (every *.rules file below it, with the word lists and
//      gazetteers they name) and a text::Text.
// Out: RawMention values: a type ("money", "date", "org", ...), the analysis
//      byte span, the rule that matched, its named captures and, for
//      gazetteer hits, the gazetteer entry. No values are computed here:
//      normalise turns captures into numbers, currencies, TIMEX3 and names.
//
// Pattern rules are compiled into one RE2::Set per mention type (and per
// `scan:` name: a dear entry's set of its own) that tell
// which rules can match a paragraph, then each rule that can is run with
// PCRE2-JIT to get spans and captures (the same matches as its RE2; RE2
// runs it where PCRE2 cannot: a big pattern's top-level alternatives with
// one RE2 each, their matches merged into the whole pattern's). Gazetteers are matched by a word-start hash lookup (longest
// entry first), not by regular expressions. Overlapping matches within one
// layer are resolved: the longest wins, then the higher priority, then the
// earlier rule. Layers: values (money, percent, quantity, date), entities
// (org, person, place), sources (source) — a source may contain an org.
//
// The file format is documented in rules/README.md. Loading never throws for
// a single bad rule: it records a RuleProblem with file:line and skips the
// rule, so `claimex rules lint` can list every problem at once; load() with
// strict=true throws RuleError on the first problem instead.
//
//   auto rs = rules::RuleSet::load("rules");
//   for (const rules::RawMention& m : rs.match(text)) ...
#pragma once

#include "extractor/text/text.h"

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimex::rules {

struct RuleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Where something was written: "rules/money/en.rules:42".
struct Location {
    std::string file;
    int line = 0;
    std::string str() const { return file + ":" + std::to_string(line); }
};

// One expectation of an example: a mention that must (or, negated, must not)
// come out of the whole pipeline for the example's input.
//   => money "$5bn" value=5000000000 currency=USD
//   => !money "2023"     no money mention with exactly this text
//   => !quantity         no quantity mention at all
struct Expectation {
    Location where;
    bool negated = false;
    std::string type;
    std::optional<std::string> text;                 // exact mention text
    std::vector<std::pair<std::string, std::string>> fields;  // output JSON field = value
};

// An example: input text (one line), the publication date it is read with
// (from the last `@published` directive, may be empty) and its expectations.
struct Example {
    Location where;
    std::string rule_id;        // the rule it sits under ("" at file level)
    std::string input;
    std::string published;      // ISO date or ""
    std::vector<Expectation> expectations;
};

// A gazetteer entry: canonical name, kind, and the alias that matched.
struct GazetteerEntry {
    std::string name;           // canonical ("Financial Times")
    std::string kind;           // "media", "company", "country", ...
    std::vector<std::string> aliases;  // every surface form, canonical first
    Location where;
};

struct Rule {
    std::string id;             // "money.symbol_before"
    std::string type;           // mention type it yields
    int priority = 0;
    Location where;
    std::string pattern;        // with macros expanded (pattern rules)
    std::string source_pattern; // as written
    std::map<std::string, std::string> attrs;  // `set: key=value` lines
    bool case_insensitive = false;
    std::string gazetteer_file; // gazetteer rules: the file it loads (else "")
    std::string veto;           // `veto:` lines (alternatives, macros expanded): a match
                                // that starts inside a veto match is dropped
};

// A named capture of a match: the name as written minus any `__suffix`
// (so alternatives can each capture "num" as num__a, num__b) and its span.
struct Capture {
    std::string_view name;
    text::Span span;
};

struct RawMention {
    const Rule* rule = nullptr;
    std::string_view type;      // == rule->type
    text::Span span;
    // The whole match: equal to span unless the rule has a `span` capture,
    // whose context ("CEO" in "CEO Eddie Wu") normalisers may read.
    text::Span context;
    std::vector<Capture> captures;
    const GazetteerEntry* entry = nullptr;  // gazetteer hits only

    // The span of the first capture with this name, if it matched.
    std::optional<text::Span> capture(std::string_view name) const;
};

struct RuleProblem {
    Location where;
    std::string rule_id;
    std::string message;
    bool error = true;          // false: a warning (lint reports both)
};

class RuleSet {
public:
    // Loads every *.rules file below dir, sorted by path. Problems are
    // collected (see problems()); strict=true throws RuleError on the first.
    static RuleSet load(const std::filesystem::path& dir, bool strict = false);
    RuleSet(RuleSet&&) noexcept;
    RuleSet& operator=(RuleSet&&) noexcept;
    ~RuleSet();

    // All mentions in the text, sorted by span, overlaps resolved per layer.
    std::vector<RawMention> match(const text::Text& text) const;
    // The same for several texts at once (results in their order), faster
    // than one by one: each set and each rule runs over the paragraphs of
    // all of them in turn (rule-major), so its automaton stays in the
    // processor's cache instead of being evicted by the next rule's after
    // one paragraph. Batches of a few dozen articles are ~1.5x faster.
    std::vector<std::vector<RawMention>> match(std::span<const text::Text* const> texts) const;
    // Every match of every rule before overlap resolution (for lint/debug).
    std::vector<RawMention> match_all(const text::Text& text) const;
    std::vector<std::vector<RawMention>> match_all(std::span<const text::Text* const> texts) const;
    // The same by the plain path: every pattern rule searches every
    // paragraph with its whole pattern, no filter (tests compare the two).
    std::vector<RawMention> match_all_reference(const text::Text& text) const;

    // How many times a rule PCRE2 runs fell back to RE2 on a paragraph
    // (PCRE2 gave up: its match limit, its stack, its match data) since
    // load. The output is the same; the run is slower. Tests expect 0 on
    // news text.
    size_t pcre2_fallbacks() const;

    // Per-rule cost of the rule runs (for build/bench_rules --engine-costs):
    // with profiling on, match()/match_all() add up, per pattern rule, the
    // paragraphs it ran on, those that yielded a match and the thread CPU
    // time of those runs (its prefilter's or pattern's set excluded). Not
    // thread-safe: for one-thread benchmarks only.
    // bytes: of those paragraphs. Built with -DCLAIMEX_RULE_PROFILE (a
    // bench build, never the Release binary: the counters sit in the hot
    // loops) also: calls, PCRE2 match calls; for a rule on tokens, runs =
    // VM runs (starts the masks let through), hits = matches, steps =
    // VM instructions dispatched, seconds from the time-stamp counter
    // (cycles / tsc_hz; see bench_rules).
    struct RuleCost {
        const Rule* rule = nullptr;
        size_t runs = 0, hits = 0, bytes = 0, calls = 0, steps = 0;
        double seconds = 0;
        bool tokens = false;
    };
    void profile_rules(bool on) const;
    std::vector<RuleCost> rule_costs() const;
    // With profiling on, the other passes of match(): each set's (named by
    // its type and `scan:` name; runs = paragraphs, hits = paragraphs it
    // flagged a rule on), the gazetteers' and overlap resolution's.
    struct PassCost {
        std::string name;
        size_t runs = 0, hits = 0;
        double seconds = 0;
    };
    std::vector<PassCost> pass_costs() const;

    // The pattern rules and where they run: "" on tokens, else why the rule
    // stays on the regex engine (its pattern or veto does not translate;
    // rules/README.md, "A token matcher"). Empty with CLAIMEX_TOKENS=off.
    std::vector<std::pair<const Rule*, std::string>> token_report() const;

    // The RE2::Sets as compiled: each set's name (type, or type/scan name)
    // and, in set order, each entry's rule and the pattern the set tests
    // (its prefilter, or its pattern). For tools/bench_sets.cc, which
    // compiles a set with and without an entry to see what it costs.
    struct SetEntries {
        std::string name;
        std::vector<std::pair<const Rule*, std::string>> entries;
    };
    std::vector<SetEntries> set_entries() const;

    const std::vector<std::unique_ptr<Rule>>& rules() const;
    const Rule* rule(std::string_view id) const;
    const std::vector<Example>& examples() const;
    const std::vector<RuleProblem>& problems() const;

    // Word lists declared with @list, by name, as loaded (for normalisers
    // that need the same words: scale words, currency names, month names).
    const std::vector<std::string>* list(std::string_view name) const;
    // Table files declared with @table NAME FILE: rows of tab-separated
    // columns (comments and blank lines dropped). Normalisers read lexicons
    // (currency names → ISO code, metric words → key) through this.
    const std::vector<std::vector<std::string>>* table(std::string_view name) const;
    // Every gazetteer entry loaded, for alias resolution in normalise.
    std::vector<const GazetteerEntry*> gazetteer_entries() const;

    const std::filesystem::path& dir() const;

    // Lint: problems from loading plus checks that need the compiled set
    // (rules without examples, rules that no example exercises, unused
    // macros and lists). Example-driven checks that need the full pipeline
    // (a rule whose examples never produce a mention from it) run in
    // `claimex rules lint` on top of this.
    std::vector<RuleProblem> lint() const;

    struct Impl;
private:
    // Overlap resolution of one text's matches (match()).
    std::vector<RawMention> resolve(std::vector<RawMention> all) const;
    explicit RuleSet(std::unique_ptr<Impl>);
    std::unique_ptr<Impl> impl_;
};

// ICU's currency data in English (icu_currencies.cc): the ISO 4217 codes in
// use, sorted, and a code's symbol, narrow symbol, name or plural names
// ("" when ICU has none). Read by the builtin lists and the money normaliser.
enum class CurrencyName { symbol, narrow_symbol, long_name, plural_one, plural_other };
std::vector<std::string> icu_currency_codes();
std::string icu_currency_name(const std::string& code, CurrencyName which);

// Which overlap layer a mention type belongs to: 0 values, 1 entities,
// 2 sources, 3 anything else.
int layer_of(std::string_view type);

}  // namespace claimex::rules
