// Macro expansion at load: each macro is expanded once and reused (RuleSet::Impl::expand's
// memo); the patterns must be what expanding every use anew gives, and a use nested too deep
// for the limit (20 levels) must still fail where an earlier, shallower use of the same macro
// succeeded and was kept.
#include "extractor/rules/rules.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace claimex;

namespace {

struct TempRules {
    std::filesystem::path dir;
    explicit TempRules(const std::string& rules) {
        dir = std::filesystem::temp_directory_path() /
              fmt::format("claimex_macros_{}", static_cast<unsigned>(std::random_device{}()));
        std::filesystem::create_directories(dir);
        std::ofstream(dir / "t.rules") << rules;
    }
    ~TempRules() { std::filesystem::remove_all(dir); }
};

const rules::Rule* find(const rules::RuleSet& rs, const std::string& id) {
    for (const auto& r : rs.rules())
        if (r->id == id) return r.get();
    return nullptr;
}

bool too_deep(const rules::RuleSet& rs, const std::string& id) {
    for (const auto& p : rs.problems())
        if (p.rule_id == id && p.message.find("nest too deeply") != std::string::npos) return true;
    return false;
}

// A1 = x, Ak = {A(k-1)}: {A15} nests 15 deep; B1 = {A15}, Bk = {B(k-1)}: {B10} nests 25 deep.
std::string chains() {
    std::string s = "@define A1 x\n";
    for (int k = 2; k <= 15; ++k) s += fmt::format("@define A{} {{A{}}}\n", k, k - 1);
    s += "@define B1 {A15}\n";
    for (int k = 2; k <= 10; ++k) s += fmt::format("@define B{} {{B{}}}\n", k, k - 1);
    return s;
}

std::string nested(int n) {
    std::string s = "x";
    for (int k = 0; k < n; ++k) s = "(?:" + s + ")";
    return s;
}

}  // namespace

TEST_CASE("rules: a macro used by several rules expands the same in each", "[rules]") {
    TempRules t("@define W (?:bank|bond)s?\n@define PAIR {W}\\s+{W}\n"
                "rule t.one\n  type: org\n  pattern: \\b{PAIR}\\b\n"
                "rule t.two\n  type: org\n  pattern: {W}-{PAIR}|{W}\n");
    auto rs = rules::RuleSet::load(t.dir);
    REQUIRE(rs.problems().empty());
    const std::string w = "(?:(?:bank|bond)s?)";
    const std::string pair = "(?:" + w + "\\s+" + w + ")";
    CHECK(find(rs, "t.one")->pattern == "\\b" + pair + "\\b");
    CHECK(find(rs, "t.two")->pattern == w + "-" + pair + "|" + w);
}

TEST_CASE("rules: a macro nested too deep fails even after a shallower use of it", "[rules]") {
    SECTION("the shallow use first") {
        TempRules t(chains() + "rule t.shallow\n  type: org\n  pattern: {A15}\n"
                               "rule t.deep\n  type: org\n  pattern: {B10}\n");
        auto rs = rules::RuleSet::load(t.dir);
        CHECK_FALSE(too_deep(rs, "t.shallow"));
        CHECK(find(rs, "t.shallow")->pattern == nested(15));
        CHECK(too_deep(rs, "t.deep"));
    }
    SECTION("the deep use first") {
        TempRules t(chains() + "rule t.deep\n  type: org\n  pattern: {B10}\n"
                               "rule t.shallow\n  type: org\n  pattern: {A15}\n");
        auto rs = rules::RuleSet::load(t.dir);
        CHECK(too_deep(rs, "t.deep"));
        CHECK_FALSE(too_deep(rs, "t.shallow"));
        CHECK(find(rs, "t.shallow")->pattern == nested(15));
    }
    SECTION("at the limit") {
        // {B5} nests 20 deep: allowed, before and after the macros it uses were kept.
        TempRules t(chains() + "rule t.a\n  type: org\n  pattern: {A15}\n"
                               "rule t.b\n  type: org\n  pattern: {B5}\n"
                               "rule t.c\n  type: org\n  pattern: {B6}\n");
        auto rs = rules::RuleSet::load(t.dir);
        CHECK_FALSE(too_deep(rs, "t.a"));
        CHECK_FALSE(too_deep(rs, "t.b"));
        CHECK(find(rs, "t.b")->pattern == nested(20));
        CHECK(too_deep(rs, "t.c"));
    }
}
