// Session 16 (lead's probes of new text: online shopping days, car sales, gold funds, gas
// storage, a crop report, smelter charges). Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a relative clause on a named source holds its own figures, not the change's level") {
    const std::string text =
        "Online sales of toys reached $2.4 billion on Black Friday, up 8.2% from a year earlier, according "
        "to Larkfield Data Inc, which tracks orders at more than 900 merchants.\n";
    auto cs = claims_of(text, "2026-12-01");
    const Json* c = claim_at(cs, text, "8.2%");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(c->contains("change"));
    // (the change rose to the $2.4 billion, not to the 900 merchants)
    REQUIRE((*c)["value"].is_object());
    CHECK((*c)["value"]["text"] == "$2.4 billion");
    CHECK(period(*c) == "2026-11-27");
}

TEST_CASE("'raised' names a funding round only with money right after it") {
    const std::string text =
        "The forecaster raised its barley estimate to 14.2 million tonnes from 12.9 million tonnes in "
        "September.\n\n"
        "Separately, the start-up Brackenfield Robotics Ltd raised $40 million in a round led by Ostrava "
        "Ventures, it said on Monday.\n";
    auto cs = claims_of(text, "2026-12-02");
    const Json* c = claim_at(cs, text, "14.2 million tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] != "funding_round");
    const Json* f = claim_at(cs, text, "$40 million");
    REQUIRE(f);
    INFO(f->dump());
    CHECK((*f)["metric"] == "funding_round");
}

TEST_CASE("an instrument on an exchange is the subject, the exchange its venue") {
    const std::string text =
        "Nickel futures on the London Metal Exchange fell 1.4% to $15,200 a tonne on Wednesday.\n\n"
        "Robusta coffee futures on ICE Futures Europe rose 2.2%.\n";
    auto cs = claims_of(text, "2026-12-02");
    const Json* c = claim_at(cs, text, "1.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Nickel futures");
    const Json* r = claim_at(cs, text, "2.2%");
    REQUIRE(r);
    INFO(r->dump());
    CHECK(first_subject(*r) == "Robusta coffee futures");
}

TEST_CASE("a project's capacity after 'a' is still a figure, a sized thing's count is not") {
    const std::string text =
        "Fjordvind Energi Ltd won the right to build a 1.4 GW wind farm off the west coast, the agency "
        "said on Tuesday.\n\n"
        "The line ordered a 6,000 TEU ship from the yard.\n";
    auto cs = claims_of(text, "2026-12-02");
    const Json* c = claim_at(cs, text, "1.4 GW");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "capacity");
    CHECK(!claim_at(cs, text, "6,000 TEU"));
}

TEST_CASE("a market's demand is the economy's, not the forecaster's; a company's own demand is its") {
    const std::string text =
        "Halberd Capital Markets expects aluminium demand in India to rise 6% in 2027.\n\n"
        "Westbrook Foods Ltd said demand for its frozen meals rose 9%.\n";
    auto cs = claims_of(text, "2026-12-03");
    const Json* c = claim_at(cs, text, "6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "India");
    const Json* w = claim_at(cs, text, "9%");
    REQUIRE(w);
    INFO(w->dump());
    CHECK(first_subject(*w) == "Westbrook Foods");
}
