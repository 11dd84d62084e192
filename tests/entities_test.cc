// Unit tests for the entity lexicon (word shapes, gazetteer resolution) and
// the ICU country gazetteer the rule engine builds.
#include "extractor/normalise/entities_lexicon.h"
#include "extractor/rules/internal.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include <sstream>

using namespace claimex;
namespace names = claimex::normalise::names;

namespace {
const rules::RuleSet& rule_set() {
    static rules::RuleSet rs = rules::RuleSet::load(std::getenv("CLAIMEX_RULES") ? std::getenv("CLAIMEX_RULES")
                                                                                   : CLAIMEX_SOURCE_DIR "/rules");
    return rs;
}
}  // namespace

TEST_CASE("person words have the shape of names") {
    CHECK(names::person_word("Wenling"));
    CHECK(names::person_word("Jae-yong"));
    CHECK(names::person_word("O'Brien"));
    CHECK(names::person_word("McDonald"));
    CHECK(names::person_word("J."));
    CHECK(names::person_word("T.V."));  // "T.V. Somanathan"
    CHECK_FALSE(names::person_word("T.V"));
    CHECK_FALSE(names::person_word("TV."));
    CHECK(names::person_word("Šefčovič"));
    CHECK_FALSE(names::person_word("CEO"));
    CHECK_FALSE(names::person_word("economist"));
    CHECK_FALSE(names::person_word("Wu-"));
    CHECK_FALSE(names::person_word("3M"));
}

TEST_CASE("acronyms have the shape of acronyms") {
    CHECK(names::acronym_shape("CCIEE"));
    CHECK(names::acronym_shape("PBoC"));
    CHECK(names::acronym_shape("S&P"));
    CHECK_FALSE(names::acronym_shape("Wu"));
    CHECK_FALSE(names::acronym_shape("A"));
    CHECK_FALSE(names::acronym_shape("ABCDEFGHIJKL"));
}

TEST_CASE("names resolve through the gazetteers without legal and group words") {
    names::Lexicon lex(rule_set());
    auto name_of = [&](std::string_view s) {
        const auto* e = lex.resolve(s);
        return e ? e->name : std::string("-");
    };
    CHECK(name_of("Alibaba Group Holding Ltd.") == "Alibaba");
    CHECK(name_of("Goldman Sachs Group Inc") == "Goldman Sachs");
    CHECK(name_of("Taiwan Semiconductor Manufacturing Co.") == "TSMC");
    CHECK(name_of("New  York Federal Reserve") == "Federal Reserve Bank of New York");
    CHECK(name_of("People’s Bank of China") == "People's Bank of China");
    CHECK(name_of("Acme Widgets Inc") == "-");
    CHECK(lex.strip_legal("Acme Widgets, Inc.") == "Acme Widgets");
    CHECK(lex.strip_legal("Acme Group") == "Acme Group");
}

TEST_CASE("word lists are read from the rules") {
    names::Lexicon lex(rule_set());
    CHECK(lex.not_name("However"));
    CHECK(lex.not_name("May"));
    CHECK(lex.family_first("Chen"));
    CHECK_FALSE(lex.family_first("Eddie"));
    CHECK(lex.honorific("Mr."));
    CHECK(lex.title("President"));
    REQUIRE(lex.suffix("Inc.") != nullptr);
    CHECK(lex.suffix("Inc.")->legal);
    CHECK(lex.suffix("Ministry")->kind == "government");
}

TEST_CASE("ICU gives every country under its English display name") {
    auto text = rules::builtin_gazetteer("icu:countries");
    REQUIRE(text);
    std::map<std::string, std::string> aliases;  // canonical → aliases
    std::istringstream in(*text);
    std::string line;
    size_t n = 0;
    while (std::getline(in, line)) {
        ++n;
        auto t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        REQUIRE(t2 != std::string::npos);
        CHECK(line.substr(t1 + 1, t2 - t1 - 1) == "country");
        aliases[line.substr(0, t1)] = line.substr(t2 + 1);
    }
    CHECK(n > 240);
    CHECK(aliases.count("United States"));
    CHECK(aliases["United States"].find("US") != std::string::npos);
    CHECK(aliases.count("Russia"));
    CHECK(aliases.count("South Korea"));
    CHECK(aliases.count("Hong Kong"));     // not "Hong Kong SAR China"
    CHECK(aliases.count("Myanmar"));       // not "Myanmar (Burma)"
    CHECK(aliases["Myanmar"].find("Burma") != std::string::npos);
    CHECK(aliases["Bosnia & Herzegovina"].find("Bosnia and Herzegovina") != std::string::npos);
    CHECK_FALSE(rules::builtin_gazetteer("icu:nothing"));
}

TEST_CASE("hand-written country aliases name ICU's countries") {
    // countries.tsv adds aliases to ICU's canonical names: a canonical name
    // there that ICU does not have would be a second, different country.
    std::set<std::string> icu;
    std::istringstream in(*rules::builtin_gazetteer("icu:countries"));
    std::string line;
    while (std::getline(in, line)) icu.insert(line.substr(0, line.find('\t')));
    size_t checked = 0;
    for (const auto* e : rule_set().gazetteer_entries()) {
        if (e->where.file.find("countries.tsv") == std::string::npos) continue;
        INFO(e->where.str() << ": " << e->name);
        CHECK(icu.count(e->name));
        ++checked;
    }
    CHECK(checked > 20);
}
