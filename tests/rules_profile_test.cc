// The engine's profile (RuleSet::profile_rules, pass_costs): with profiling
// on, match() counts each set's pass (named by its type and `scan:` name),
// the gazetteers' and overlap resolution's, and its matches are the same as
// without. (No timed assertion: only counts and names.)
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <random>

using namespace claimex;
namespace fs = std::filesystem;

namespace {

const std::string kSource = CLAIMEX_SOURCE_DIR;

std::string listing(const std::vector<rules::RawMention>& ms) {
    std::string out;
    for (const auto& m : ms) out += fmt::format("{} [{},{})\n", m.rule->id, m.span.begin, m.span.end);
    return out;
}

}  // namespace

TEST_CASE("rules engine: the profile counts each set's pass, the gazetteers and resolution", "[rules]") {
    fs::path dir = fs::temp_directory_path() / fmt::format("claimex_profile_{}", static_cast<unsigned>(std::random_device{}()));
    fs::create_directories(dir);
    std::ofstream(dir / "t.rules") << "rule t.suffix\n  type: org\n  scan: wide\n"
                                      "  pattern: \\b(?P<span>[A-Z]\\w+\\s+(?:Bank|Group))\\b\n"
                                      "rule t.ticker\n  type: org\n"
                                      "  pattern: \\((?:NYSE|LSE):\\s*(?P<t>[A-Z]{2,5})\\)\n"
                                      "rule t.said\n  type: source\n"
                                      "  pattern: (?P<span>[A-Z]\\w+)\\s+said\\b\n"
                                      "rule t.gaz\n  type: place\n  gazetteer: g.tsv\n";
    std::ofstream(dir / "g.tsv") << "Norland\tcountry\t\n";
    auto rs = rules::RuleSet::load(dir);
    REQUIRE(rs.problems().empty());

    auto seg = text::Segmenter::load(kSource + "/rules/text");
    // Three texts, five paragraphs: two flag the wide set, one the org set,
    // two the source set.
    std::vector<text::Text> texts;
    texts.push_back(text::Text::prepare("Kestrel Bank grew in Norland.\n\nNothing here.", seg));
    texts.push_back(text::Text::prepare("Halden said so (NYSE: KST).", seg));
    texts.push_back(text::Text::prepare("Orion Group fell.\n\nMara said no.", seg));
    std::vector<const text::Text*> all;
    size_t paragraphs = 0;
    for (const auto& t : texts) all.push_back(&t), paragraphs += t.paragraphs().size();
    REQUIRE(paragraphs == 5);

    const auto plain = rs.match(std::span<const text::Text* const>(all));
    rs.profile_rules(true);
    const auto profiled = rs.match(std::span<const text::Text* const>(all));
    const auto passes = rs.pass_costs();
    rs.profile_rules(false);
    REQUIRE(plain.size() == profiled.size());
    for (size_t i = 0; i < plain.size(); ++i) CHECK(listing(plain[i]) == listing(profiled[i]));

    std::map<std::string, rules::RuleSet::PassCost> by_name;
    for (const auto& p : passes) by_name[p.name] = p;
    REQUIRE(by_name.size() == 5);  // set org, set org/wide, set source, gazetteers, resolution
    CHECK(passes.back().name == "resolution");
    CHECK(by_name.at("set org/wide").runs == paragraphs);
    CHECK(by_name.at("set org/wide").hits == 2);
    CHECK(by_name.at("set org").hits == 1);
    CHECK(by_name.at("set source").hits == 2);
    CHECK(by_name.at("gazetteers").runs == paragraphs);
    CHECK(by_name.at("resolution").runs == texts.size());
    for (const auto& p : passes) CHECK(p.seconds >= 0);
    // A new profile starts from nothing.
    rs.profile_rules(true);
    for (const auto& p : rs.pass_costs()) CHECK(p.runs == 0);
    rs.profile_rules(false);
    fs::remove_all(dir);
}
