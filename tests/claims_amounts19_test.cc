// Session 19 (amounts19): subject and metric of amount claims, families the diagnostic
// batches H87-H94 and H63-H78 showed. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a value put on a company after a move of its shares is its market value; an offer's is a valuation") {
    const std::string text =
        "Shares of Tessaly Mining fell 5% to A$2.10 on Monday, valuing the miner at A$3.1 billion.\n\n"
        "Brightwell Retail's stock slid 3% to 210 cents in New York, valuing the company at about $1.9 billion.\n\n"
        "Rowan Foods Group offered 12 euros a share in cash for Keldor Dairy Ltd, valuing the company at about 800 "
        "million euros.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* a : {"A$3.1 billion", "$1.9 billion"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "market_value");
        CHECK((*c)["sources"].empty());
    }
    const Json* c = claim_at(cs, text, "A$3.1 billion");
    CHECK(first_subject(*c) == "Tessaly Mining");
    const Json* o = claim_at(cs, text, "800 million euros");
    REQUIRE(o);
    INFO(o->dump());
    CHECK((*o)["metric"] == "valuation");
    CHECK(first_subject(*o) == "Keldor Dairy");
}
