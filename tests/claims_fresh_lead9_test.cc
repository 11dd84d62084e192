// Claims across a headline and paragraphs, from fresh text written for session 9
// by the lead: what a one-line rule example cannot show.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("an owner glued to '-owned' in the headline is not what 'the airline' refers to") {
    const std::string text =
        "Tata-owned carrier to buy 40 jets\n\n"
        "NEW DELHI, Jan 9 (Wire) - Vistara Air India Ltd will order 40 narrow-body aircraft worth about "
        "$4.8 billion, its chief executive said on Thursday.\n\n"
        "The order, to be split between Airbus and Boeing, takes the carrier's outstanding orders to 510 planes.\n\n"
        "The airline flew 4.6 crore passengers in the year to March 2025, up 18% from a year earlier.\n\n"
        "Its loss narrowed to Rs 2,600 crore in 2024-25 from Rs 4,400 crore in the previous year, while revenue "
        "rose 21% to Rs 78,600 crore, according to its filing with the Registrar of Companies.\n";
    auto cs = claims_of(text, "2025-01-09");
    for (const char* fig : {"18%", "Rs 2,600 crore", "21%"}) {
        const Json* c = claim_at(cs, text, fig);
        REQUIRE(c);
        INFO(c->dump());
        REQUIRE(c->at("subject").size() == 1);
        CHECK(c->at("subject")[0] == "Vistara Air India");
    }
    // (the revenue's source is the company's own filing, not Boeing named in passing)
    const Json* rev = claim_at(cs, text, "21%");
    REQUIRE(rev);
    REQUIRE(rev->at("sources").size() >= 1);
    CHECK(rev->at("sources")[0]["name"] == "Vistara Air India");
    // (the loss's baseline is the fiscal year before 2024-25)
    const Json* loss = claim_at(cs, text, "Rs 2,600 crore");
    REQUIRE(loss);
    CHECK(loss->at("baseline")["period"]["value"] == "FY2024");
}

TEST_CASE("an economy's metric is not carried into a paragraph that opens with a company") {
    const std::string text =
        "FTSE 100 hits record\n\n"
        "Sterling fell 0.3% to $1.2175 after data showed UK retail sales volumes unexpectedly dropped 0.6% in "
        "December.\n\n"
        "Among decliners, Burberry slid 7.8% after the luxury group cut its profit forecast.\n";
    auto cs = claims_of(text, "2025-01-14");
    const Json* c = claim_at(cs, text, "7.8%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->at("metric") == "share_price");
    CHECK(first_subject(*c) == "Burberry");
}

TEST_CASE("a ministry named by its portfolio is the one of its own paragraph's country") {
    // (India is named more often in the story; the paragraph is Thailand's)
    claimex::document::Document d;
    d.id = "t";
    d.text =
        "Rubber and palm oil\n\n"
        "India's imports of palm oil rose 12% in September as buyers in India and Mumbai traders stocked up, "
        "the Solvent Extractors' Association of India said.\n\n"
        "In Bangkok, the agriculture ministry forecast Thailand's rubber output at 4.8 million tonnes.\n";
    claimex::Record r = extractor().extract(d, "2026-10-12");
    bool found = false;
    for (const auto& m : r.mentions)
        if (m.type == claimex::normalise::Type::org && d.text.compare(m.span.begin, 20, "agriculture ministry") == 0) {
            found = true;
            CHECK(m.name == "Ministry of Agriculture and Cooperatives");
        }
    CHECK(found);
}
