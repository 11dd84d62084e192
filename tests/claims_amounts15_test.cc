// Session 15 (amounts15): the general causes behind wrong amount- and change-claim fields that the
// diagnostic held-out articles (H01-H38, H47-H54) showed, each proved here with sentences of our
// own in other words and other domains (no held-out sentence is copied).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("the month of a comparison's figure does not date the paragraph; a reported month does") {
    // (the dates normaliser's `compared` flag, read by the claims stage: "from about 2.8% in
    // September" is the comparison's month, "rose 3.1% in October" the paragraph's)
    const std::string text =
        "Danish milk deliveries rose 3.1% in October, up from about 2.8% in September. Butter output "
        "climbed 4% to 61,000 tonnes.\n";
    auto cs = claims_of(text, "2026-11-14");
    const Json* c = claim_at(cs, text, "61,000 tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-10");
    // ("more than 4% in October" is an approximate figure of October, not a comparison with one)
    const std::string t2 =
        "Broadband subscriptions grew more than 4% in October. Fibre connections climbed 9% to 2.1 million "
        "lines.\n";
    auto c2 = claims_of(t2, "2026-11-14");
    const Json* d = claim_at(c2, t2, "9%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(period(*d) == "2026-10");
}

TEST_CASE("a release lead's month measured against expectations governs the release's later figures") {
    // ("fell more than expected in August": "expected" after "than" is no plan; and the lead's month
    // reaches every later paragraph of the release, not only the next two)
    const std::string text =
        "Chilean copper exports slump\n\n"
        "Chilean copper export receipts fell more than expected in August, flash figures from the Central "
        "Bank of Chile showed on Monday.\n\n"
        "Copper exports dropped 9.4% from a year earlier to $3.1 billion.\n\n"
        "Shipments of fruit rose 2% to $410 million.\n\n"
        "Total exports slipped 4.8% to $7.9 billion, while imports rose 1.2% to $6.6 billion.\n\n"
        "The trade surplus narrowed to $1.3 billion.\n";
    auto cs = claims_of(text, "2026-09-14");
    for (const char* a : {"$3.1 billion", "$410 million", "$7.9 billion", "$6.6 billion", "$1.3 billion"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "2026-08");
    }
    // (a plan is still a plan: "will rise ... in August" sets no release month)
    const std::string t2 =
        "Ferry fares\n\n"
        "Ferry operators will raise fares in August, the transport ministry said on Monday.\n\n"
        "Ticket sales fell 3% to 1.2 million.\n";
    auto c2 = claims_of(t2, "2026-06-14");
    const Json* d = claim_at(c2, t2, "3%");
    if (d) {
        INFO(d->dump());
        CHECK(period(*d) != "2026-08");
    }
}

TEST_CASE("a running total carried by a participle is a cumulative change of the move before it") {
    const std::string text =
        "Shares in Solvane Telecom rose 5% to 220 pence on Monday, bringing their gain this year to 48 per "
        "cent. Keldmark Shipping fell 3.1% in Oslo on Monday, taking its decline since June to 17%.\n";
    auto cs = claims_of(text, "2026-09-14");
    const Json* c = claim_at(cs, text, "48 per cent");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->at("kind") == "change");
    CHECK(c->at("metric") == "share_price");
    CHECK(first_subject(*c) == "Solvane Telecom");
    CHECK(c->at("value").is_null());
    CHECK(c->at("change").at("direction") == "up");
    CHECK(c->at("change").at("percent").at("value") == 48.0);
    CHECK(period(*c) == "2026");
    const Json* d = claim_at(cs, text, "17%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(d->at("metric") == "share_price");
    CHECK(first_subject(*d) == "Keldmark Shipping");
    CHECK(d->at("change").at("direction") == "down");
    CHECK(d->at("value").is_null());
    // (the day's own move keeps its new level)
    const Json* e = claim_at(cs, text, "220 pence");
    REQUIRE(e);
    INFO(e->dump());
    CHECK(e->at("change").at("percent").at("value") == 5.0);
}
