// Session 26 (diag26): gaps the newly opened diagnostic batch H151-H158 showed, reproduced with
// sentences of our own in other words: a company's average selling price written with a unit
// after its figure ("$58 a tonne"), which had read as a market quote with no holder.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a company's average selling price per tonne is the company's, not a market quote") {
    const std::string text =
        "Kestrel Cement profit rises\n\n"
        "Kestrel Cement said on Monday its net profit rose 12% to $40 million in the nine months to "
        "September.\n\n"
        "The average export selling price fell 2% to $58 a tonne. The average nickel price realised in "
        "the period was $16,100 a tonne.\n";
    auto cs = claims_of(text, "2026-10-20");
    for (const char* anchor : {"$58", "$16,100"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "average_selling_price");
        CHECK(first_subject(*c) == "Kestrel Cement");
        CHECK(first_source(*c) == "Kestrel Cement");
    }
}

TEST_CASE("a market price per tonne stays a price") {
    const std::string text =
        "Coal prices ease\n\n"
        "Thermal coal at Newcastle fell 3% to $112 a tonne on Tuesday, while the average selling price "
        "forecast by traders was not published.\n";
    auto cs = claims_of(text, "2026-10-20");
    const Json* c = claim_at(cs, text, "$112");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "price");
}

TEST_CASE("a bare \"It\" after a currency's quote is the currency, not the company named last") {
    const std::string text =
        "Mopani Hills output rises\n\n"
        "LUSAKA, Oct 20 - Copper miner Mopani Hills said output rose 5% in the quarter.\n\n"
        "The kwacha firmed 0.6 percent to 25.40 per dollar on Tuesday. It has gained 3 percent since "
        "the start of the year.\n";
    auto cs = claims_of(text, "2026-10-20");
    const Json* c = claim_at(cs, text, "3 percent");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "kwacha");
    const Json* o = claim_at(cs, text, "5%");
    REQUIRE(o);
    CHECK(first_subject(*o) == "Mopani Hills");
}

TEST_CASE("an analyst's target price is for the story company's shares, not the analyst's") {
    const std::string text =
        "Fjallvik Bank profit rises\n\n"
        "OSLO, Oct 20 - Fjallvik Bank said its net profit rose 9% to 2.1 billion kroner in the third quarter.\n\n"
        "\"The margin held up well,\" said Ingrid Sole, an analyst at Nordkapp Markets, who kept her target "
        "price of 245 kroner on the shares.\n\n"
        "Analysts at Bergen Equity said the results were solid. They raised their target price to 260 kroner "
        "from 250 kroner.\n";
    auto cs = claims_of(text, "2026-10-20");
    for (const char* anchor : {"245 kroner", "260 kroner"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "Fjallvik Bank");
    }
}
