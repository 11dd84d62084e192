// The token matcher prototype (extractor/rules/token_matcher.h, session 12)
// against the rule engine: on every text, the percent rules' matches of
// RuleSet::match_all (before overlap resolution: rule, span, context, every
// capture) and the prototype's must be the same. Texts: every rule example
// of the rule set (not only the percent ones), the dev corpus, the held-out
// corpus (compared only: its text is never printed) and, when
// CLAIMEX_TOKEN_INPUT names a JSONL file (tools/bench_input.py), that.
#include "extractor/rules/rules.h"
#include "extractor/rules/token_matcher.h"
#include "extractor/text/text.h"
#include "tests/rules_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>

using namespace claimex;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;
using rules_support::project_rules;
using rules_support::segmenter;

std::string describe(const rules::RawMention& m, const std::string& a, bool show) {
    std::vector<std::string> caps;
    for (const auto& c : m.captures) caps.push_back(fmt::format(" {}=[{},{})", c.name, c.span.begin, c.span.end));
    std::sort(caps.begin(), caps.end());
    std::string s = fmt::format("{} [{},{}) ctx [{},{})", m.rule->id, m.span.begin, m.span.end, m.context.begin,
                                m.context.end);
    if (show) s += " \"" + a.substr(m.span.begin, m.span.size()) + "\"";
    for (const auto& c : caps) s += c;
    return s;
}

struct Checker {
    const rules::RuleSet& rs = project_rules();
    rules::tokens::TokenClasses cls;
    rules::tokens::PercentMatcher pm{rs, cls};
    rules::tokens::TokenIndex ix{cls};
    size_t texts = 0, matches = 0, left_to_engine = 0, differing = 0;

    // Both over one text; the differences (none expected) as text.
    std::string check(const text::Text& t, bool show) {
        const std::string& a = t.analysis();
        std::vector<rules::RawMention> proto;
        std::vector<text::Span> skipped;
        for (const text::Span& p : t.paragraphs()) {
            ix.index(a, p);
            if (!pm.match(ix, proto)) skipped.push_back(p), ++left_to_engine;
        }
        std::vector<std::string> want, got;
        for (const auto& m : rs.match_all(t)) {
            if (m.type != "percent") continue;
            bool skip = false;
            for (const text::Span& p : skipped) skip = skip || (m.span.begin >= p.begin && m.span.begin < p.end);
            if (!skip) want.push_back(describe(m, a, show));
        }
        for (const auto& m : proto) got.push_back(describe(m, a, show));
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        ++texts;
        matches += want.size();
        std::string diff;
        for (const auto& w : want)
            if (!std::binary_search(got.begin(), got.end(), w)) diff += "  engine only: " + w + "\n";
        for (const auto& g : got)
            if (!std::binary_search(want.begin(), want.end(), g)) diff += "  prototype only: " + g + "\n";
        if (!diff.empty()) ++differing;
        return diff;
    }

    void jsonl(const std::string& path, bool show) {
        std::ifstream in(path);
        REQUIRE(in);
        std::string line, all;
        int n = 0;
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            auto j = nlohmann::json::parse(line);
            const std::string d = check(text::Text::prepare(j.at("text").get<std::string>(), segmenter()), show);
            if (!d.empty()) all += fmt::format("{} line {}{}:\n{}", path, n + 1, show ? "" : " (text not shown)", d);
            ++n;
        }
        INFO(all);
        CHECK(all.empty());
    }
};

// The separators (percent forms weighted) and odd characters random texts are spliced with here.
const std::vector<std::string> kSeps = {" ", " ", " ", ", ", ". ", "; ", "\n", " (", ") ", " - ", "  ",
                                        "\"", "'", " $", "%", "-", ":", "/", "\t", "5", " 12", ".",
                                        "1,200", "−", "+", "–", "_", "#", " to ", " and ", "pc", "bp "};
const std::vector<std::string> kOdd = {"é", "€", "£", "’", "—", "\u00a0", "Ü", "ß", "\u2009", "中",
                                        "\u212a", "ſ", "İ", "¥", "\u200b", "\u202f", "\v"};

}  // namespace

TEST_CASE("the token matcher finds the engine's percent matches in every rule example") {
    Checker c;
    std::string all;
    size_t percent_examples = 0;
    for (const auto& e : c.rs.examples()) {
        percent_examples += e.rule_id.starts_with("percent.");
        const std::string d = c.check(text::Text::prepare(e.input, segmenter()), true);
        if (!d.empty()) all += e.where.str() + ": " + e.input + "\n" + d;
    }
    INFO(all);
    CHECK(all.empty());
    CHECK(percent_examples >= 20);
    CHECK(c.matches > 40);
    CHECK(c.left_to_engine == 0);
}

TEST_CASE("the token matcher finds the engine's percent matches in the dev corpus") {
    Checker c;
    c.jsonl(kSource + "/corpus/articles.jsonl", true);
    CHECK(c.matches > 300);
    CHECK(c.left_to_engine == 0);
}

TEST_CASE("the token matcher finds the engine's percent matches in the held-out corpus (compared, not shown)") {
    Checker c;
    c.jsonl(kSource + "/corpus/heldout/articles.jsonl", false);
    CHECK(c.left_to_engine == 0);
}

TEST_CASE("the token matcher finds the engine's percent matches in CLAIMEX_TOKEN_INPUT") {
    const char* path = std::getenv("CLAIMEX_TOKEN_INPUT");
    if (!path || !*path) return;  // (tools/bench_input.py 4 FILE --mode varied; see rules/README.md)
    Checker c;
    c.jsonl(path, true);
    WARN(fmt::format("{} texts, {} percent matches, {} paragraphs left to the engine", c.texts, c.matches,
                     c.left_to_engine));
}

TEST_CASE("the token matcher's own cases: gaps, look-behind, vetoes, case") {
    Checker c;
    // Each line its own paragraph; all compared with the engine.
    const char* texts[] = {
        "Rates rose 5  % and 6\t% and 7 %.",             // \s? is one white-space byte
        "x−3% and (−4%) and $5% and 1,200%,12%",        // {PRE}: '−' may precede, ',' and '$' may not
        "5%6% and 5% 6% and 5%%7%",                       // the look-behind after a match
        "Growth of 1 200% and 1,20,000% and 12,3456%",    // digit groups
        "It rose from 5% to 6%; it fell by 2 to 3 per cent, and grew 4.5 per cent to 5%.",
        "In 2024 to 5% and during 1999 to 2000 percent; up 5 percent points to 6%.",
        "Between 5 and 6 PER CENT, between 2% and 3%, BETWEEN 1 and 2 pp.",
        "Twenty-five per cent, FORTY five percent, one hundred and twenty percent, a half percentage point.",
        "Quarter-Point, half point, three quarter percentage-point, Half Point, three-quarter percentage point.",
        "5 percentage, 5 percentages, 5 per-cent, 5 per   cent, 5pc5 and 5pc_ and 5pcé.",
        "25-50bp and 25 to 50 basis points and 1 - 2 ppt, 3—4%, 3–4 %.",
        "rose .5% and 5.5.5% and 1.2.3 percent",
    };
    std::string all;
    for (const char* s : texts) {
        const std::string d = c.check(text::Text::prepare(s, segmenter()), true);
        if (!d.empty()) all += std::string(s) + "\n" + d;
    }
    INFO(all);
    CHECK(all.empty());
    CHECK(c.matches > 30);
}

TEST_CASE("the token matcher finds the engine's percent matches in random texts from the rule examples") {
    Checker c;
    std::vector<std::string> pieces;
    for (const auto& e : c.rs.examples()) {
        const int copies = e.rule_id.starts_with("percent.") || e.rule_id.starts_with("numbers.") ? 8 : 1;
        for (int k = 0; k < copies; ++k) {
            pieces.push_back(e.input);
            for (const auto& x : e.expectations)
                if (x.text) pieces.push_back(*x.text);
        }
    }
    std::mt19937 rng(20261201);
    std::string all;
    for (int i = 0; i < 4000 && all.size() < 4000; ++i) {
        const std::string s = rules_support::random_text(rng, pieces, kSeps, kOdd);
        const std::string d = c.check(text::Text::prepare(s, segmenter()), true);
        if (!d.empty()) all += fmt::format("random text {}: {}\n{}", i, s, d);
    }
    INFO(all);
    CHECK(all.empty());
    CHECK(c.matches > 1000);
    WARN(fmt::format("{} texts, {} percent matches, {} paragraphs left to the engine ('ſ', Kelvin sign)", c.texts,
                     c.matches, c.left_to_engine));
}
