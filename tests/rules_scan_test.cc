// The `scan: NAME` rule key (rules/README.md, "Matching"): it only puts a
// rule's set entry (its prefilter or pattern) in a RE2::Set of its own,
// shared with the type's other rules of that name, so the matches must be
// exactly those of the same rules without the key, and those of the plain
// path (every rule on every paragraph). A bad name, or the key on a
// gazetteer rule, is a load problem.
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

using namespace claimex;
namespace fs = std::filesystem;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;

// Every match as text, sorted (match_all's order is not part of its contract).
std::string listing(const std::vector<rules::RawMention>& ms, const std::string& a) {
    std::vector<std::string> v;
    for (const auto& m : ms) {
        std::string s = fmt::format("{} [{},{}) ctx [{},{}) \"{}\"", m.rule->id, m.span.begin, m.span.end, m.context.begin,
                                    m.context.end, a.substr(m.span.begin, m.span.size()));
        for (const auto& c : m.captures) s += fmt::format(" {}=[{},{})", c.name, c.span.begin, c.span.end);
        v.push_back(std::move(s));
    }
    std::sort(v.begin(), v.end());
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

// Three org rules and a source rule; `scans` gives each its scan: line (or none).
std::string rule_file(const std::vector<std::string>& scans) {
    auto scan = [&](size_t k) { return scans[k].empty() ? std::string() : "  scan: " + scans[k] + "\n"; };
    return "rule t.suffix\n  type: org\n" + scan(0) +
           "  prefilter: \\b(?:Bank|Group)\\b\n"
           "  pattern: \\b(?P<span>[A-Z]\\w+\\s+(?:Bank|Group))\\b\n"
           "rule t.prefix\n  type: org\n" + scan(1) +
           "  pattern: \\b(?:Bank\\s+of)\\s+(?P<name>[A-Z]\\w+)\n"
           "rule t.ticker\n  type: org\n" + scan(2) +
           "  pattern: \\((?:NYSE|LSE):\\s*(?P<t>[A-Z]{2,5})\\)\n"
           "rule t.said\n  type: source\n" + scan(3) +
           "  prefilter: \\bsaid\\b\n"
           "  pattern: (?P<span>[A-Z]\\w+)\\s+said\\b\n";
}

}  // namespace

TEST_CASE("rules engine: a rule's `scan:` name changes its set, not its matches", "[rules]") {
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex_scan_{}", static_cast<unsigned>(std::random_device{}()));
    fs::create_directories(dir / "plain");
    fs::create_directories(dir / "scan");
    std::ofstream(dir / "plain" / "t.rules") << rule_file({"", "", "", ""});
    // t.suffix and t.prefix share a set of their own; t.said has its own
    // although it is the only source rule; t.ticker stays in the type's set.
    std::ofstream(dir / "scan" / "t.rules") << rule_file({"wide", "wide", "", "alone"});
    auto plain = rules::RuleSet::load(dir / "plain");
    auto scan = rules::RuleSet::load(dir / "scan");
    REQUIRE(plain.problems().empty());
    REQUIRE(scan.problems().empty());

    auto seg = text::Segmenter::load(kSource + "/rules/text");
    const std::vector<std::string> bits = {"Halden ", "Kestrel Bank ", "Bank of Norland ", "Orion Group ", "said ",
                                           "(NYSE: KST) ", "(LSE:ORN) ", "é ", "and ", "bank ", ", ", "\n", "\n\n"};
    std::mt19937 rng(23);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    int matched = 0;
    for (int i = 0; i < 800; ++i) {
        std::string s;
        for (size_t k = 0, n = 1 + pick(20); k < n; ++k) s += bits[pick(bits.size())];
        auto t = text::Text::prepare(s, seg);
        const std::string& a = t.analysis();
        const std::string with = listing(scan.match_all(t), a);
        INFO("text: \"" << a << "\"");
        REQUIRE(with == listing(plain.match_all(t), a));
        REQUIRE(with == listing(scan.match_all_reference(t), a));
        matched += !with.empty();
    }
    CHECK(matched > 400);

    std::ofstream(dir / "scan" / "t.rules") << "rule t.bad\n  type: org\n  scan: Not A Name\n  pattern: x\n";
    CHECK_FALSE(rules::RuleSet::load(dir / "scan").problems().empty());
    std::ofstream(dir / "scan" / "g.tsv") << "Kestrel Bank\tbank\t\n";
    std::ofstream(dir / "scan" / "t.rules") << "rule t.gaz\n  type: org\n  scan: wide\n  gazetteer: g.tsv\n";
    CHECK_FALSE(rules::RuleSet::load(dir / "scan").problems().empty());
    fs::remove_all(dir);
}
