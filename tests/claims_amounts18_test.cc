// Session 18 (amounts18): subject and metric of amount and change claims, families the
// diagnostic batch H71-H78 showed. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a trading business named '... Exchange' has short forms as a company has") {
    const std::string text =
        "Norvik Crypto Exchange agreed to pay $50 million to settle charges with regulators, the agency "
        "said on Friday.\n\n"
        "Norvik said it had spent $12 million on compliance since 2024. Norvik has 2 million users.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* a : {"$50 million", "$12 million", "2 million users"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "Norvik Crypto Exchange");
    }
}

TEST_CASE("a stock exchange's first word, a place, stays the place") {
    const std::string text =
        "Shares of Pellmore Foods rose 4% on the Lisbon Stock Exchange on Monday.\n\n"
        "Lisbon's city council approved a budget of 1.2 billion euros.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "1.2 billion euros");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) != "Lisbon Stock Exchange");
}
