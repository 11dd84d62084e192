// A token program's needs (token_matcher.cc, needs()): sets of bits one of which some token of
// every match has, which let TokenRules::match skip starts where no token ahead has them. Session
// 24 added a union of the word guards for a program whose other needs are only shapes (a digit
// run, a comma): money.scaled_code's four lines each need a different joined word ("MEUR",
// "SEKbn"), so no single guard was a need and its VM ran at every number. A need only filters
// runs: the matches stay the engine's (tests/token_engine_test.cc compares them everywhere).
#include "extractor/rules/rules.h"
#include "extractor/rules/token_matcher.h"
#include "extractor/text/text.h"
#include "tests/rules_support.h"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace claimex;
using namespace claimex::rules::tokens;

namespace {

const Bits kShape = Bits((uint64_t{1} << kFirstWordBit) - 1);

bool has_word_need(const TokenProgram& p) {
    return std::any_of(p.needs.begin(), p.needs.end(), [](const Bits& n) { return n && !n.any_of(kShape); });
}

}  // namespace

TEST_CASE("token needs: alternatives that each need another word need their union", "[tokens]") {
    TokenClasses cls;
    std::string why;
    // Each line needs a word of its own after or before a number: no word is in every match.
    auto p = translate(R"(\b(?:(?P<a>alpha|beta)\s+\d+|\d+\s+(?P<b>gamma)|(?P<c>delta)\d+)\b)", cls, &why);
    INFO(why);
    REQUIRE(p);
    CHECK(has_word_need(*p));
    // One line that can match with no word at all: no union is a need.
    auto q = translate(R"(\b(?:(?P<a>alpha)\s+\d+|\d+\s+\d+)\b)", cls, &why);
    REQUIRE(q);
    CHECK_FALSE(has_word_need(*q));
}

TEST_CASE("token needs: money.scaled_code runs only where a scaled code is ahead", "[tokens]") {
    const rules::RuleSet& rs = rules_support::project_rules();
    const rules::Rule* r = nullptr;
    for (const auto& x : rs.rules())
        if (x->id == "money.scaled_code") r = x.get();
    REQUIRE(r);
    TokenClasses cls;
    std::string why;
    auto p = translate(r->pattern, cls, &why);
    INFO(why);
    REQUIRE(p);
    CHECK(has_word_need(*p));
    // Its matches are the engine's where it matches and where only numbers are.
    TokenRules tr(cls);
    REQUIRE(tr.add(*r, r->pattern, r->veto, &why));
    TokenRules::Scratch sc;
    auto found = [&](const std::string& s) {
        auto t = text::Text::prepare(s, rules_support::segmenter());
        TokenIndex ix(cls);
        std::string spans;
        for (const text::Span& para : t.paragraphs()) {
            ix.index(t.analysis(), para);
            std::vector<rules::RawMention> out;
            tr.match(ix, out, sc);
            for (const auto& m : out) {
                spans += '[';
                spans.append(t.analysis(), m.span.begin, m.span.size());
                spans += ']';
            }
        }
        return spans;
    };
    CHECK(found("Orders of MUSD 35 and 12.5 MEUR were booked; 40 units shipped in 2024.") == "[MUSD 35][12.5 MEUR]");
    CHECK(found("Sales were 1,250 and costs 300, up 4 from 2023.").empty());
}
