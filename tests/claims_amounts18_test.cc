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

TEST_CASE("a group 'led by' a named company is that company's") {
    const std::string text =
        "A consortium led by Tamsin Harbour Holdings has won a tender for a container terminal with a "
        "bid of HK$3.2 billion, the government said on Wednesday.\n\n"
        "A group of investors headed by Calder Peak Capital agreed to buy the hotel for 410 million euros.\n\n"
        "A venture led by Orvell Energy Ltd and Brisk Wind Ltd will spend $900 million on the wind farm.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "HK$3.2 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Tamsin Harbour Holdings");
    const Json* e = claim_at(cs, text, "410 million euros");
    REQUIRE(e);
    INFO(e->dump());
    CHECK(first_subject(*e) == "Calder Peak Capital");
    const Json* v = claim_at(cs, text, "$900 million");
    REQUIRE(v);
    INFO(v->dump());
    CHECK((*v)["subject"].size() == 2);
    CHECK(first_subject(*v) == "Orvell Energy");
}

TEST_CASE("a bare 'output' after an industrial output figure continues it; a company's production does not") {
    const std::string text =
        "Portugal's industrial output rose 2.1% in May from a year earlier, the statistics institute said "
        "on Friday.\n\n"
        "Output fell 0.4% from April, the institute said.\n\n"
        "Corvale Mining said its copper production rose 8% in the quarter.\n";
    auto cs = claims_of(text, "2026-07-03");
    const Json* c = claim_at(cs, text, "0.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "industrial_output");
    const Json* m = claim_at(cs, text, "8%");
    REQUIRE(m);
    INFO(m->dump());
    CHECK((*m)["metric"] == "production");
}
