// Session 24 (probes24): readings that new text of our own showed wrong — the story's economy taken
// from a list of partners after "from" ("visitors from India and Malaysia"). Sentences of our own,
// in other words than the probe's.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("places listed after a partner's 'from' or 'to' are partners too, not the story's economy") {
    const std::string text =
        "Peru's tourism receipts climb\n\n"
        "LIMA, May 5 - Peru's tourism receipts rose in April, helped by travellers from Chile, Brazil and "
        "Argentina, the trade ministry said.\n\n"
        "Brazil and Argentina sent fewer visitors than a year earlier.\n\n"
        "The hotel occupancy rate averaged 58% in April.\n";
    auto cs = claims_of(text, "2026-05-05");
    const Json* c = claim_at(cs, text, "58%");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(!(*c)["subject"].empty());
    CHECK((*c)["subject"][0] == "Peru");
}

TEST_CASE("bonds repaid or redeemed are the issuer's debt, not a bond sale") {
    const std::string text =
        "Utility pays down debt\n\n"
        "Brenmoor Power repays $400 million of bonds this month and redeemed $150 million of notes in May.\n";
    auto cs = claims_of(text, "2026-06-10");
    for (const char* figure : {"$400 million", "$150 million"}) {
        const Json* c = claim_at(cs, text, figure);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "debt");
        REQUIRE(!(*c)["subject"].empty());
        CHECK((*c)["subject"][0] == "Brenmoor Power");
    }
}
