// Session 22 (probes22): readings that new text of our own showed wrong — a close's size in money
// before "higher at", a baseline named by its period's possessive, a poll named by who compiled it
// after the noun. Sentences of our own, in other words than the probes that showed them.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a close's size in money before 'higher at' or 'lower at' is the move's amount") {
    const std::string text =
        "European stocks\n\n"
        "Brekka Shipping shares ended 2.40 euros lower at 41.10 euros on Monday, while Holmvik Foods closed "
        "35 cents higher at $12.85.\n";
    auto cs = claims_of(text, "2026-11-30");
    for (const char* level : {"41.10 euros", "$12.85"}) {
        const Json* c = claim_at(cs, text, level);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["kind"] == "change");
        CHECK((*c)["change"].contains("amount"));
    }
    CHECK(claim_at(cs, text, "35 cents") == claim_at(cs, text, "$12.85"));
}

TEST_CASE("a baseline after 'from' and a period's possessive keeps that period") {
    const std::string text =
        "Thai trade\n\n"
        "Thai exports rose 6.2% in October to $27.4 billion, up from September's $25.9 billion, the commerce "
        "ministry said.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "$27.4 billion");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE((*c)["baseline"].is_object());
    CHECK((*c)["baseline"]["value"]["value"] == 25900000000.0);
    CHECK((*c)["baseline"]["period"]["value"] == "2026-09");
}

TEST_CASE("an expectation 'by analysts in a poll compiled by' the company takes the company") {
    const std::string text =
        "Danish lender\n\n"
        "Vestkyst Bank's net profit rose to DKK 1.9 billion, beating the DKK 1.7 billion forecast by analysts in a "
        "poll compiled by the lender.\n";
    auto cs = claims_of(text, "2026-10-29");
    const Json* c = claim_at(cs, text, "DKK 1.7 billion");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(!(*c)["sources"].empty());
    CHECK((*c)["sources"][0]["name"] == "Vestkyst Bank");
}
