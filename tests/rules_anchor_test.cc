// The `anchor:` rule key (rules/README.md, "Anchors"): PCRE2 tries a rule's
// match starts only up to the paragraph's last anchor word (`within`) or
// only at anchor words (`start`), so the matches must be exactly those of
// the same rules without the key and those of the plain path (every rule
// on every paragraph); with a `barrier:`, PCRE2 starts only after the last
// barrier before each anchor word. Lint reports an example match that
// breaks the claim; a bad anchor is a load problem.
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"
#include "rules_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <set>

using namespace claimex;
using rules_support::describe;
namespace fs = std::filesystem;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;

// A holder before its verb (up to two commas between: an apposition), a
// verb before its holder, and a case-insensitive one; `anchored` adds the
// anchor: lines.
std::string rule_file(bool anchored) {
    auto anchor = [&](const char* a) { return anchored ? std::string("  anchor: ") + a + "\n" : std::string(); };
    return "@list VERB verbs.txt\n"
           "rule t.said\n  type: source\n" + anchor("within {VERB}|told") +
           "  pattern: (?P<holder>[A-Z]\\w+(?:\\s+[A-Z]\\w+)*)(?:,[^,\"]+,)?\\s+(?:(?P<cue>{VERB})\\b|told\\s+\\w+)\n"
           "  example: Kestrel Bank, a lender, said so.\n    => source\n"
           "rule t.before\n  type: source\n" + anchor("start said|added") +
           "  pattern: \\b(?:said|added)\\s+(?P<holder>[A-Z]\\w+(?:\\s+[A-Z]\\w+)*)(?:[,.]|$)\n"
           "  example: Sales rose, said Halden.\n    => source\n"
           "rule t.clause\n  type: source\n" + anchor("within estimates|forecast") +
           (anchored ? "  barrier: , “ ”\n" : "") +
           "  pattern: (?P<holder>[A-Z]\\w+(?:\\s+[A-Z]\\w+)*)\\s+(?:estimates|forecast)\\b\n"
           "  example: Kestrel Bank estimates “sales”, Halden forecast.\n    => source\n"
           "rule t.inline\n  type: source\n" + anchor("within fold asked|stressed") +
           "  pattern: (?P<holder>[A-Z]\\w+)\\s+(?i:asked|stressed)\\b\n"
           "  example: Halden ASKED.\n    => source\n"
           "rule t.fold\n  type: source\n  case: insensitive\n" + anchor("within Noted") +
           "  pattern: (?P<holder>as\\s+(?:Halden|Orion))\\s+noted\n"
           "  example: As Halden NOTED, sales rose.\n    => source\n";
    // (Not (?i)\\w: RE2 reads it with 'ſ' and the Kelvin sign, PCRE2 without.)
}

}  // namespace

TEST_CASE("rules engine: an `anchor:` changes where PCRE2 starts, not the matches", "[rules]") {
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex_anchor_{}", static_cast<unsigned>(std::random_device{}()));
    for (const char* sub : {"plain", "anchored"}) {
        fs::create_directories(dir / sub);
        std::ofstream(dir / sub / "verbs.txt") << "said\nsays\nhas said\nnoted\n";
    }
    std::ofstream(dir / "plain" / "t.rules") << rule_file(false);
    std::ofstream(dir / "anchored" / "t.rules") << rule_file(true);
    auto plain = rules::RuleSet::load(dir / "plain");
    auto anchored = rules::RuleSet::load(dir / "anchored");
    REQUIRE(plain.problems().empty());
    REQUIRE(anchored.problems().empty());
    CHECK(anchored.lint().size() == plain.lint().size());

    auto seg = text::Segmenter::load(kSource + "/rules/text");
    const std::vector<std::string> bits = {"Halden ", "Kestrel Bank ", "said ", "has said ", "says ", "told ", "saidé ",
                                           "added ", "noted ", "NOTED ", "as ", "As ", "investors ", "a lender ",
                                           "é ", ", ", ". ", "\"", "\n", "\n\n", "Said ", "_said ", "estimates ",
                                           "forecast ", "“", "” ", "“Orion ", "asked ", "ASKED ", "aſked ",
                                           "as\u212Aed ", "stressed ", "STRESSED ", "ſtreſſed "};
    std::mt19937 rng(29);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    int matched = 0;
    for (int i = 0; i < 1500; ++i) {
        std::string s;
        for (size_t k = 0, n = 1 + pick(24); k < n; ++k) s += bits[pick(bits.size())];
        auto t = text::Text::prepare(s, seg);
        const std::string& a = t.analysis();
        const std::string with = describe(anchored.match_all(t), a);
        INFO("text: \"" << a << "\"");
        REQUIRE(with == describe(plain.match_all(t), a));
        REQUIRE(with == describe(anchored.match_all_reference(t), a));
        matched += !with.empty();
    }
    CHECK(matched > 700);

    // A claim an example breaks: lint names the rule.
    std::ofstream(dir / "anchored" / "t.rules")
        << "rule t.wrong\n  type: source\n  anchor: within told\n  pattern: (?P<holder>[A-Z]\\w+)\\s+said\n"
           "  example: Halden said so.\n    => source\n"
           "rule t.wrong_barrier\n  type: source\n  anchor: within said\n  barrier: ,\n"
           "  pattern: (?P<holder>[A-Z]\\w+),\\s+said\n  example: Halden, said so.\n    => source\n"
           "rule t.wrong_start\n  type: source\n  anchor: start said\n  pattern: \\w+\\s+said\n"
           "  example: Halden said so.\n    => source\n";
    auto wrong = rules::RuleSet::load(dir / "anchored");
    REQUIRE(wrong.problems().empty());
    std::set<std::string> reported;  // (each example is checked against each rule)
    for (const auto& p : wrong.lint())
        if (p.message.starts_with("anchor:") && p.error) reported.insert(p.rule_id);
    CHECK(reported == std::set<std::string>{"t.wrong", "t.wrong_barrier", "t.wrong_start"});

    // Bad anchors are load problems.
    for (const char* a : {"said", "within", "within {NOLIST}", "within - |", "within said|%", "within é", "start said\n  barrier: ,",
                          "within said\n  barrier: a,"}) {
        std::ofstream(dir / "anchored" / "t.rules")
            << "rule t.bad\n  type: source\n  anchor: " << a << "\n  pattern: \\w+ said\n";
        INFO(a);
        CHECK_FALSE(rules::RuleSet::load(dir / "anchored").problems().empty());
    }
    fs::remove_all(dir);
}

// `needs:` (rules/README.md, "Needed strings"): every match holds one of the
// strings, so a paragraph without any runs nothing and PCRE2 tries starts
// only up to the last one's start; alone, with each kind of anchor, and with
// matches that start inside a word ("Xcited": the strings are bytes, not
// words). The matches must be those of the same rules without the key.
namespace {

std::string needs_file(bool with) {
    auto needs = [&](const char* n) { return with ? std::string("  needs: ") + n + "\n" : std::string(); };
    return "rule t.citing\n  type: source\n" + needs("cited|citing") +
           "  pattern: (?P<holder>[A-Z]\\w*(?:\\s+[A-Z]\\w+)*),\\s+(?:which\\s+cited|\\w*citing)\\s+[^,]+,\\s+said\n"
           "  example: Halden, citing data, said so.\n    => source\n"
           "rule t.within\n  type: source\n  anchor: within said|told\n" + needs("report|survey") +
           "  pattern: (?:[Aa]\\s+)?\\w*(?:report|survey)\\s+by\\s+(?P<holder>[A-Z]\\w+)\\s+(?:said|told)\n"
           "  example: A survey by Halden said so.\n    => source\n"
           "rule t.start\n  type: source\n  anchor: start said|added\n" + needs("Bank") +
           "  pattern: \\b(?:said|added)\\s+(?P<holder>[A-Z]\\w*Bank)\\b\n"
           "  example: Sales rose, said Kestrel Bank.\n    => source\n"
           "rule t.barrier\n  type: source\n  anchor: within estimates|forecast\n  barrier: , ;\n" + needs("Bank|Halden") +
           "  pattern: (?P<holder>[A-Z]\\w*(?:Bank|Halden))\\s+(?:estimates|forecast)\\b\n"
           "  example: Kestrel Bank estimates, Halden forecast.\n    => source\n";
}

}  // namespace

TEST_CASE("rules engine: `needs:` changes where PCRE2 starts, not the matches", "[rules]") {
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex_needs_{}", static_cast<unsigned>(std::random_device{}()));
    for (const char* sub : {"plain", "needs"}) fs::create_directories(dir / sub);
    std::ofstream(dir / "plain" / "t.rules") << needs_file(false);
    std::ofstream(dir / "needs" / "t.rules") << needs_file(true);
    auto plain = rules::RuleSet::load(dir / "plain");
    auto needs = rules::RuleSet::load(dir / "needs");
    REQUIRE(plain.problems().empty());
    REQUIRE(needs.problems().empty());
    CHECK(needs.lint().size() == plain.lint().size());

    auto seg = text::Segmenter::load(kSource + "/rules/text");
    const std::vector<std::string> bits = {"Halden ", "Kestrel Bank ", "KestrelBank ", "said ", "told ", "added ",
                                           "citing ", "Xciting ", "which cited ", "cited ", "a report ", "A survey ",
                                           "Xsurvey ", "reportage ", "by ", "Bank ", "estimates ", "forecast ",
                                           ", ", "; ", ". ", "data ", "\n", "é "};
    std::mt19937 rng(31);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    int matched = 0;
    for (int i = 0; i < 4000; ++i) {
        std::string s;
        for (size_t k = 0, n = 1 + pick(20); k < n; ++k) s += bits[pick(bits.size())];
        auto t = text::Text::prepare(s, seg);
        const std::string& a = t.analysis();
        const std::string with = describe(needs.match_all(t), a);
        INFO("text: \"" << a << "\"");
        REQUIRE(with == describe(plain.match_all(t), a));
        REQUIRE(with == describe(needs.match_all_reference(t), a));
        matched += !with.empty();
    }
    CHECK(matched > 200);

    // A claim an example breaks: lint names the rule; a case-insensitive rule takes none.
    std::ofstream(dir / "needs" / "t.rules")
        << "rule t.wrong\n  type: source\n  needs: told\n  pattern: (?P<holder>[A-Z]\\w+)\\s+said\n"
           "  example: Halden said so.\n    => source\n";
    auto wrong = rules::RuleSet::load(dir / "needs");
    REQUIRE(wrong.problems().empty());
    bool reported = false;
    for (const auto& p : wrong.lint()) reported = reported || (p.message.starts_with("needs:") && p.error && p.rule_id == "t.wrong");
    CHECK(reported);
    std::ofstream(dir / "needs" / "t.rules")
        << "rule t.bad\n  type: source\n  case: insensitive\n  needs: said\n  pattern: \\w+ said\n";
    CHECK_FALSE(rules::RuleSet::load(dir / "needs").problems().empty());
    fs::remove_all(dir);
}
