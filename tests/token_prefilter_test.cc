// A rule on tokens with `token_prefilter: yes` runs its VM only in the
// paragraphs where its `prefilter:` matches (session 19), as the regex engine
// runs a rule only where its set entry (the prefilter) matches: the two paths
// gate such a rule alike, so a prefilter that misses a match of its pattern
// drops it on both.
// CLAIMEX_TOKEN_PREFILTERS=off runs the token path ungated, as before
// (tests/token_engine_test.cc compares that with the regex path, which checks
// the prefilters of the rules on tokens on its texts).
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"
#include "tests/rules_support.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <span>

using namespace claimex;
namespace fs = std::filesystem;

namespace {

// The rule set in dir loaded with the token path (and its prefilters) as given.
rules::RuleSet load(const fs::path& dir, const char* tokens, const char* prefilters) {
    const char* t = std::getenv("CLAIMEX_TOKENS");
    const char* p = std::getenv("CLAIMEX_TOKEN_PREFILTERS");
    const std::string keep_t = t ? t : "", keep_p = p ? p : "";
    setenv("CLAIMEX_TOKENS", tokens, 1);
    setenv("CLAIMEX_TOKEN_PREFILTERS", prefilters, 1);
    rules::RuleSet rs = rules::RuleSet::load(dir);
    if (t) setenv("CLAIMEX_TOKENS", keep_t.c_str(), 1);
    else unsetenv("CLAIMEX_TOKENS");
    if (p) setenv("CLAIMEX_TOKEN_PREFILTERS", keep_p.c_str(), 1);
    else unsetenv("CLAIMEX_TOKEN_PREFILTERS");
    return rs;
}

}  // namespace

TEST_CASE("rules on tokens: a rule's prefilter gates it by paragraph, as on the regex engine", "[rules]") {
    const fs::path dir =
        fs::temp_directory_path() / fmt::format("claimex_tokpre_{}", static_cast<unsigned>(std::random_device{}()));
    fs::create_directories(dir);
    // t.crates: a sound prefilter (the unit word); t.bins: one that asks for a word its
    // pattern does not hold ("stock"), so it drops the matches of paragraphs without it.
    std::ofstream(dir / "t.rules") << "rule t.crates\n  type: quantity\n  prefilter: \\bcrates\\b\n  token_prefilter: yes\n"
                                      "  pattern: \\b(?P<span>(?P<num>\\d+)\\s+crates)\\b\n"
                                      "rule t.bins\n  type: quantity\n  prefilter: \\bstock\\b\n  token_prefilter: yes\n"
                                      "  pattern: \\b(?P<span>(?P<num>\\d+)\\s+bins)\\b\n";
    const rules::RuleSet gated = load(dir, "on", "on"), ungated = load(dir, "on", "off"), regex = load(dir, "off", "on");
    REQUIRE(gated.problems().empty());
    for (const auto& [r, why] : gated.token_report()) CHECK(why.empty());  // (both on tokens)
    CHECK(gated.token_report().size() == 2);

    const auto& seg = rules_support::segmenter();
    // Paragraphs in one text: the gate is tested per paragraph (and forgotten at the next).
    auto t = text::Text::prepare(
        "They shipped 40 crates and 7 bins from stock.\n\nLater 12 bins and 3 crates.\n\nNo stock: 9 bins.\n\n5 bins.",
        seg);
    const std::string& a = t.analysis();
    const std::string got = rules_support::describe(gated.match_all(t), a);
    CHECK(got == rules_support::describe(regex.match_all(t), a));
    CHECK(got.find("\"40 crates\"") != std::string::npos);
    CHECK(got.find("\"3 crates\"") != std::string::npos);
    CHECK(got.find("\"7 bins\"") != std::string::npos);   // its paragraph holds "stock"
    CHECK(got.find("\"9 bins\"") != std::string::npos);
    CHECK(got.find("\"12 bins\"") == std::string::npos);  // the gate fails there
    CHECK(got.find("\"5 bins\"") == std::string::npos);
    // Ungated (as before session 19) the token path finds every match of the pattern.
    const std::string all = rules_support::describe(ungated.match_all(t), a);
    CHECK(all.find("\"12 bins\"") != std::string::npos);
    CHECK(all.find("\"5 bins\"") != std::string::npos);

    // Several texts in one batch: the same matches as one by one.
    auto u = text::Text::prepare("Another 8 bins.\n\nIn stock, 6 bins.", seg);
    std::vector<const text::Text*> both = {&t, &u};
    const auto batch = gated.match_all(both);
    CHECK(rules_support::describe(batch[0], a) == got);
    CHECK(rules_support::describe(batch[1], u.analysis()) == rules_support::describe(regex.match_all(u), u.analysis()));
    CHECK(rules_support::describe(batch[1], u.analysis()).find("\"6 bins\"") != std::string::npos);
    CHECK(rules_support::describe(batch[1], u.analysis()).find("\"8 bins\"") == std::string::npos);

    // The key is 'yes', and goes with a prefilter.
    std::ofstream(dir / "t.rules") << "rule t.bad\n  type: quantity\n  token_prefilter: yes\n"
                                      "  pattern: \\b(?P<span>\\d+\\s+bins)\\b\n";
    CHECK_FALSE(rules::RuleSet::load(dir).problems().empty());
    std::ofstream(dir / "t.rules") << "rule t.bad\n  type: quantity\n  prefilter: \\bbins\\b\n  token_prefilter: no\n"
                                      "  pattern: \\b(?P<span>\\d+\\s+bins)\\b\n";
    CHECK_FALSE(rules::RuleSet::load(dir).problems().empty());
    fs::remove_all(dir);
}

TEST_CASE("rules on tokens: gated by their prefilters, the project's rules find what ungated they find", "[rules]") {
    // The rule examples and the dev corpus: every prefilter of a rule on tokens holds there.
    const fs::path dir = fs::path(CLAIMEX_SOURCE_DIR) / "rules";
    const rules::RuleSet gated = load(dir, "on", "on"), ungated = load(dir, "on", "off");
    const auto& seg = rules_support::segmenter();
    std::vector<text::Text> texts;
    for (const auto& e : gated.examples()) texts.push_back(text::Text::prepare(e.input, seg));
    std::ifstream in(std::string(CLAIMEX_SOURCE_DIR) + "/corpus/articles.jsonl");
    for (std::string line; std::getline(in, line);) {
        const auto j = nlohmann::json::parse(line);
        texts.push_back(text::Text::prepare(j.at("text").get<std::string>(), seg));
    }
    std::vector<const text::Text*> ptrs;
    for (const auto& t : texts) ptrs.push_back(&t);
    for (size_t i = 0; i < ptrs.size(); i += 64) {
        std::span<const text::Text* const> batch(ptrs.data() + i, std::min<size_t>(64, ptrs.size() - i));
        const auto g = gated.match_all(batch), u = ungated.match_all(batch);
        for (size_t k = 0; k < batch.size(); ++k)
            REQUIRE(rules_support::describe(g[k], batch[k]->analysis()) ==
                    rules_support::describe(u[k], batch[k]->analysis()));
    }
}
