// Statements across paragraphs, from fresh attribution styles written for
// session 6: a quote that news carries over several paragraphs (a quote mark
// opens each paragraph, only the last closes). What a one-line rule example
// cannot show.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a quote carried over into the next paragraph is its speaker's") {
    const std::string text =
        "Solvane sees recovery\n\n"
        "\"We are seeing the first signs of recovery in construction,\" chief executive Marc Duval told reporters.\n\n"
        "\"But Germany remains weak, and we do not expect a rebound before the summer. Prices are still "
        "falling there.\n\n"
        "\"We are ready for either outcome,\" he said.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* mid = statement_at(cs, "But Germany remains weak");
    REQUIRE(mid);
    INFO(mid->dump());
    CHECK(first_source(*mid) == "Marc Duval");
    const Json* next = statement_at(cs, "Prices are still falling there");
    REQUIRE(next);
    CHECK(first_source(*next) == "Marc Duval");
    const Json* last = statement_at(cs, "We are ready for either outcome");
    REQUIRE(last);
    CHECK(first_source(*last) == "Marc Duval");
}

TEST_CASE("an unclosed quote with no speaker before or after makes no statement") {
    const std::string text =
        "Markets wobble\n\n"
        "\"Nobody knows where rates will settle, and investors are nervous about the next move.\n\n"
        "Shares in Solvane fell in Paris.\n";
    auto cs = claims_of(text, "2026-11-24");
    CHECK_FALSE(statement_at(cs, "Nobody knows"));
}
