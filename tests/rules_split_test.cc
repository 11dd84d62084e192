// The rule engine runs a big pattern's top-level alternatives as RE2s of
// their own and merges their matches (rules.cc, run_rule); the reference
// path runs the whole pattern. Over rules made to stress the merge —
// alternatives that match at the same start (the earlier must win), that
// overlap, that match empty, that leave a `span` capture unset, flags at the
// top level that forbid the cut — and random texts of a small alphabet, the
// two must give the same matches with the same captures.
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"
#include "tests/rules_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace claimex;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;

using rules_support::describe;

}  // namespace

TEST_CASE("rules engine: a pattern's alternatives run apart give the whole pattern's matches", "[rules]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex_split_{}", static_cast<unsigned>(std::random_device{}()));
    fs::create_directories(dir);
    // A word list big enough that every rule below is split (kSplitProgramSize).
    std::string words;
    for (int i = 0; i < 150; ++i) words += fmt::format("w{}q{}\n", i, i * 7 % 13);
    std::ofstream(dir / "words.txt") << words;
    std::ofstream(dir / "t.rules") << R"(@list W words.txt

rule t.tie
  type: quantity
  pattern: (?P<span__a>ab+)c?
  pattern: (?P<x__b>a)(?P<span__b>b+c)
  pattern: b(?P<span__c>c+)
  pattern: {W}

rule t.empty
  type: quantity
  pattern: x*
  pattern: (?P<k>ba)|c(?P<m>a)?
  pattern: {W}\s+(?P<n>\w+)

rule t.veto
  type: quantity
  pattern: (?P<span>a+)b
  pattern: a+c
  pattern: (?:{W}|ab)\b

rule t.fold
  type: quantity
  case: insensitive
  pattern: (?P<v>AB)|(?P<u>b+)\b
  pattern: \b{W}

rule t.flag
  type: quantity
  pattern: a(?i)B|c{W}
)";
    auto rs = rules::RuleSet::load(dir);
    for (const auto& p : rs.problems()) INFO(p.where.str() << " " << p.message);
    REQUIRE(rs.rules().size() == 5);
    auto seg = text::Segmenter::load(kSource + "/rules/text");
    const std::vector<std::string> bits = {"a", "b", "c", "x", "A", "B", " ", "ab", "bc", "w3q8", "w12q6", "\n", "é"};
    std::mt19937 rng(7);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    int matched = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        for (size_t k = 0, n = 1 + pick(24); k < n; ++k) s += bits[pick(bits.size())];
        auto t = text::Text::prepare(s, seg);
        auto fast = rs.match_all(t);
        auto ref = rs.match_all_reference(t);
        INFO("text: \"" << t.analysis() << "\"");
        REQUIRE(describe(fast, t.analysis()) == describe(ref, t.analysis()));
        matched += !ref.empty();
    }
    CHECK(matched > 2000);
    fs::remove_all(dir);
}

TEST_CASE("rules engine: a word list keeps longer words first in any order it is written in", "[rules]") {
    // Lists go into the pattern in descending order of their folded words
    // (so RE2 can factor common beginnings), which must keep every pair of
    // words that can match at one place longer first; where folding makes
    // that order differ from longest first (the Kelvin sign folds to "k" in
    // three bytes), the list keeps longest first.
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex_list_{}", static_cast<unsigned>(std::random_device{}()));
    fs::create_directories(dir);
    std::ofstream(dir / "words.txt") << "b\nbank\nbil\nbillion\nBanks\nbank  holding\nbank holding company\n";
    std::ofstream(dir / "kelvin.txt") << "\u212a\nka\n";
    std::ofstream(dir / "t.rules") << R"(@list W words.txt
@list K kelvin.txt

rule t.words
  type: quantity
  pattern: \b(?P<w>{W})

rule t.folded
  type: quantity
  case: insensitive
  pattern: \b(?P<w>{W})

rule t.kelvin
  type: quantity
  case: insensitive
  pattern: (?P<w>{K})
)";
    auto rs = rules::RuleSet::load(dir);
    REQUIRE(rs.problems().empty());
    auto seg = text::Segmenter::load(kSource + "/rules/text");
    auto found = [&](const std::string& s, const std::string& rule) {
        auto t = text::Text::prepare(s, seg);
        std::string out;
        for (const auto& m : rs.match_all(t))
            if (m.rule->id == rule) out += fmt::format("[{}]", t.analysis().substr(m.span.begin, m.span.size()));
        return out;
    };
    CHECK(found("billions of bank  holding company shares", "t.words") == "[billion][bank  holding company]");
    CHECK(found("BILLIONS of BANKS", "t.folded") == "[BILLION][BANKS]");
    CHECK(found("bil bi banks", "t.words") == "[bil][b][bank]");
    CHECK(found("ka", "t.kelvin") == "[k]");  // the Kelvin sign first, as longest first has it
    fs::remove_all(dir);
}

TEST_CASE("rules engine: a rule with `engine: re2` finds what it finds on PCRE2", "[rules]") {
    // The key only chooses the engine that finds a rule's matches (rules/README.md): the same
    // pattern with and without it matches alike; a value other than re2 or pcre2 is a problem.
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex_engine_{}", static_cast<unsigned>(std::random_device{}()));
    fs::create_directories(dir);
    const std::string pattern = R"(\b(?P<span>[A-Z]\w+(?:\s+[A-Z]\w+)?)\s+(?:said|reported)\b|(?P<n>\d+)\s+(?:jobs|stores)\b)";
    std::ofstream(dir / "t.rules") << fmt::format(R"(rule t.pcre2
  type: quantity
  pattern: {0}

rule t.re2
  type: quantity
  engine: re2
  pattern: {0}
)",
                                                  pattern);
    auto rs = rules::RuleSet::load(dir);
    REQUIRE(rs.problems().empty());
    REQUIRE(rs.rules().size() == 2);
    auto seg = text::Segmenter::load(kSource + "/rules/text");
    const std::vector<std::string> bits = {"Halden ", "Kestrel Bank ", "said ", "reported ", "12 ", "400 ", "jobs ",
                                           "stores ", "é ", "and ", "\n"};
    std::mt19937 rng(11);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    int matched = 0;
    for (int i = 0; i < 1000; ++i) {
        std::string s;
        for (size_t k = 0, n = 1 + pick(16); k < n; ++k) s += bits[pick(bits.size())];
        auto t = text::Text::prepare(s, seg);
        std::vector<rules::RawMention> by[2];
        for (auto& m : rs.match_all(t)) by[m.rule->id == "t.re2"].push_back(m);
        for (auto& m : by[1]) m.rule = by[0].empty() ? m.rule : by[0].front().rule;  // (compare the matches alone)
        INFO("text: \"" << t.analysis() << "\"");
        REQUIRE(describe(by[0], t.analysis()) == describe(by[1], t.analysis()));
        matched += !by[0].empty();
    }
    CHECK(matched > 200);

    std::ofstream(dir / "t.rules") << "rule t.bad\n  type: quantity\n  engine: hyperscan\n  pattern: x\n";
    CHECK_FALSE(rules::RuleSet::load(dir).problems().empty());
    fs::remove_all(dir);
}
