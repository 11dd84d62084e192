// Two ways a rule makes PCRE2 do less with the same matches (rules/README.md,
// "Atomic groups" and "Veto gates"): atomic groups `(?>...)`, which RE2 reads
// as plain groups, and `veto_needs:` gates, which drop a veto line where it
// cannot match. The reference path runs RE2 with the whole veto, so over
// random texts the two must agree where the rule is written right, and
// differ where it is not (the mechanisms are really used).
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

struct TempRules {
    std::filesystem::path dir;
    explicit TempRules(const std::string& rules) {
        dir = std::filesystem::temp_directory_path() /
              fmt::format("claimex_atomic_{}", static_cast<unsigned>(std::random_device{}()));
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "t.rules") << rules;
    }
    ~TempRules() { std::filesystem::remove_all(dir); }
};

// Random texts of name-like bits, counting those where `rule` matched (in
// the reference) and those where the engine and the reference differ on it.
std::pair<int, int> compare(const rules::RuleSet& rs, const std::string& rule, unsigned seed) {
    auto seg = text::Segmenter::load(kSource + "/rules/text");
    const std::vector<std::string> bits = {"Halden ", "Kestrel ", "Nestlé ", "Nestlé", "Bank ", "Bank, ", "Co. ",
                                           "AT&T ", "O'Neill ", "U.S. ", "Group ", "said ", "said ", "chief ", ", ",
                                           "the ", "é", "-", "\n", "chief Halden, "};
    std::mt19937 rng(seed);
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    int matched = 0, differ = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        for (size_t k = 0, n = 1 + pick(20); k < n; ++k) s += bits[pick(bits.size())];
        auto t = text::Text::prepare(s, seg);
        const std::string ref = describe(rs.match_all_reference(t), t.analysis(), rule);
        matched += !ref.empty();
        differ += describe(rs.match_all(t), t.analysis(), rule) != ref;
    }
    return {matched, differ};
}

}  // namespace

TEST_CASE("rules engine: an atomic group that no backtracking needs keeps the matches", "[rules]") {
    // A capitalised run before "Group" with its letters atomic: what follows
    // the letters is white space, so no shorter word could have matched.
    // Before '\b' it is not safe ("Nestlé": 'é' is no word character for
    // '\b', so "Nestl" matches where "Nestlé" cannot): PCRE2 then misses
    // matches RE2 finds, which the test must see.
    TempRules t(R"(@define UP [A-ZÀ-Þ]
@define AL [A-Za-z0-9À-ÖØ-öø-ÿ]
rule t.safe
  type: org
  pattern: (?P<span>{UP}(?>(?:{AL}|[&-])*)(?:\s+{UP}(?>(?:{AL}|[&-])*))*\s+Group)

rule t.unsafe
  type: org
  pattern: (?P<span>{UP}(?>(?:{AL}|[&-])*))\b
)");
    auto rs = rules::RuleSet::load(t.dir);
    for (const auto& p : rs.problems()) INFO(p.where.str() << " " << p.message);
    REQUIRE(rs.problems().empty());
    auto [matched, differ] = compare(rs, "t.safe", 3);
    CHECK(matched > 300);
    CHECK(differ == 0);
    CHECK(compare(rs, "t.unsafe", 3).second > 0);
}

TEST_CASE("rules engine: a veto line's gate drops it only where it cannot match", "[rules]") {
    // The first veto line needs "chief" and a comma; its gate says so (the
    // engine then runs the veto without that line elsewhere). A gate that
    // the line does not need ("Bank,") loses vetoes the reference keeps.
    const std::string rule = R"(rule t.{0}
  type: source
  pattern: (?P<span>[A-Z]\w*(?:\s+[A-Z]\w*)*)\s+said
  veto: chief\s+[A-Z]\w*\s*,\s*[A-Z]\w*
  veto_needs: {1}
  veto: \bthe\s+[A-Z]
)";
    TempRules t(fmt::format(fmt::runtime(rule), "good", "chief[^,]*,") + "\n" + fmt::format(fmt::runtime(rule), "bad", "Bank,"));
    auto rs = rules::RuleSet::load(t.dir);
    for (const auto& p : rs.problems()) INFO(p.where.str() << " " << p.message);
    REQUIRE(rs.problems().empty());
    auto [matched, differ] = compare(rs, "t.good", 5);
    CHECK(matched > 300);
    CHECK(differ == 0);
    CHECK(compare(rs, "t.bad", 5).second > 0);

    TempRules lone("rule t.lone\n  type: source\n  veto_needs: x\n  pattern: y\n");
    CHECK_FALSE(rules::RuleSet::load(lone.dir).problems().empty());
}
