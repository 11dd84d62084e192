// Amount metrics on text written blind (session 10, metric10): the general causes behind the
// metric errors on dev articles 111-118 and 125-129.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a date between a metric phrase and its count does not make the phrase too far for the count") {
    const std::string text =
        "Corvale Mining kept its shipment guidance for the year to June 30 at 61 million tonnes.\n\n"
        "Corvale Mining kept its shipment guidance at 61 million tonnes on Monday.\n\n"
        "Corvale Mining said the new port at Harlow Point will be able to handle 40 million tonnes.\n";
    auto cs = claims_of(text, "2026-11-05");
    for (const char* before : {"June 30 at ", "guidance at "}) {
        const Json* c = claim_at(cs, text, "61 million tonnes", before);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->value("metric", std::string()) == "shipments");
    }
    // (many plain words between still leave the count to its unit)
    const Json* far = claim_at(cs, text, "40 million tonnes");
    if (far) {
        INFO(far->dump());
        CHECK(far->value("metric", std::string()) != "shipments");
    }
}

TEST_CASE("money a verb of raising brings in is measured by its means or by the tax heading its clause") {
    const std::string text =
        "The state raised $2.3 billion by selling a 12% stake in the airport operator.\n\n"
        "The windfall tax, which covers oil and gas producers, raised $4.1 billion last year.\n\n"
        "The export duty raised $1.2 billion in 2025.\n\n"
        "Tarnwick Robotics has raised $95 million in a Series B round.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* sale = claim_at(cs, text, "$2.3 billion");
    REQUIRE(sale);
    INFO(sale->dump());
    CHECK(sale->value("metric", std::string()) == "asset_sales");
    for (const char* f : {"$4.1 billion", "$1.2 billion"}) {
        const Json* tax = claim_at(cs, text, f);
        REQUIRE(tax);
        INFO(tax->dump());
        CHECK(tax->value("metric", std::string()) == "tax_revenue");
    }
    const Json* round = claim_at(cs, text, "$95 million");
    REQUIRE(round);
    INFO(round->dump());
    CHECK(round->value("metric", std::string()) == "funding_round");
}

TEST_CASE("shares sold or issued at a price 'each' are at an offer price, not a share price") {
    const std::string text =
        "Bondholders can convert part of their claims into shares in the company at $2.40 each, the people said.\n\n"
        "Norvale Retail shares rose 3% to $2.40 on Monday.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* offer = claim_at(cs, text, "$2.40", "at ");
    REQUIRE(offer);
    INFO(offer->dump());
    CHECK(offer->value("metric", std::string()) == "offer_price");
    const Json* move = claim_at(cs, text, "$2.40", "to ");
    REQUIRE(move);
    INFO(move->dump());
    CHECK(move->value("metric", std::string()) == "share_price");
}

TEST_CASE("a figure after 'the' with no noun, then a clause of its own, is the sentence's earlier figure's measure") {
    const std::string text =
        "The regulator set Tarn Water's allowed return on equity at 5.1%, up from 4.4% in the current price "
        "control, but below the 6.2% the company had asked for.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "6.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("metric", std::string()) == "return_on_equity");
}
