// Session 20 (amounts20): subjects of amount claims, families the diagnostic batches H63-H70 and
// H79-H86 showed. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("the yield of a sovereign bond sale's tranche is the tranche's, a company's bond the company's") {
    const std::string text =
        "NAIROBI - Kenya sold $2 billion of Eurobonds on Tuesday, the treasury said. The sale was split between "
        "$1 billion of seven-year notes priced to yield 8.25% and $1 billion of 12-year notes at 9.5%, the "
        "ministry said.\n\n"
        "Initial price guidance had been around 8.75% for the seven-year notes and 10% for the 12-year notes.\n\n"
        "In Osaka, Hanamura Holdings raised 80 billion yen from a sale of five-year bonds priced to yield 1.2%.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* a : {"8.25%", "8.75%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "yield");
        CHECK(first_subject(*c) == "seven-year notes");
    }
    for (const char* a : {"9.5%", "10%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "12-year notes");
    }
    const Json* k = claim_at(cs, text, "$2 billion");
    REQUIRE(k);
    CHECK(first_subject(*k) == "Kenya");
    const Json* h = claim_at(cs, text, "1.2%");
    REQUIRE(h);
    INFO(h->dump());
    CHECK(first_subject(*h) == "Hanamura Holdings");
}

TEST_CASE("a company's second verb after two places it works in keeps the company as the holder") {
    const std::string text =
        "Portuguese motorway operator Valdoria Concesiones joined the consortium. Valdoria operates toll roads in "
        "Spain and Chile and reported revenue of 1.6 billion euros last year.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "1.6 billion euros");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "revenue");
    CHECK(first_subject(*c) == "Valdoria Concesiones");
}
