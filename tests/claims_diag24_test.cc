// Session 24 (diag24): gaps the newly opened diagnostic batch H135-H142 showed, reproduced with
// sentences of our own in other words: a results story whose quarter window ends at a month no
// calendar quarter ends in ("the three months ended Oct. 31") tells its quarters by its fiscal
// year.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a quarter window ending in October makes the story's yearless quarters fiscal") {
    const std::string text =
        "Brookvale Outfitters third-quarter profit jumps 14%\n\n"
        "NEW YORK, Nov 19 (Harbour Wire) - Brookvale Outfitters, the clothing chain, said on Thursday its "
        "third-quarter net profit rose 14% to $412 million, as shoppers returned to its malls.\n\n"
        "Sales were $6.2 billion in the three months ended Oct. 31, up from $5.9 billion a year earlier.\n\n"
        "The chain expects to open 40 stores in the fourth quarter.\n";
    auto cs = claims_of(text, "2026-11-19");
    const Json* p = claim_at(cs, text, "$412 million");
    REQUIRE(p);
    INFO(p->dump());
    CHECK(period(*p) == "FY2027-Q3");  // (a fiscal year from February: August-October is its third quarter)
    const Json* s = claim_at(cs, text, "40 stores");
    REQUIRE(s);
    INFO(s->dump());
    CHECK(period(*s) == "FY2027-Q4");
}

TEST_CASE("a quarter window ending with a calendar quarter leaves the quarters alone") {
    const std::string text =
        "Brookvale Outfitters third-quarter profit jumps 14%\n\n"
        "NEW YORK, Nov 19 (Harbour Wire) - Brookvale Outfitters said on Thursday its third-quarter net "
        "profit rose 14% to $412 million.\n\n"
        "Sales were $6.2 billion in the three months ended Sept. 30.\n";
    auto cs = claims_of(text, "2026-11-19");
    const Json* p = claim_at(cs, text, "$412 million");
    REQUIRE(p);
    INFO(p->dump());
    CHECK(period(*p) == "2026-Q3");
}

TEST_CASE("a wire that polls is a medium, and no antecedent of a later 'it'") {
    const std::string text =
        "Korvent Mobile profit rises\n\n"
        "RIYADH, Nov 5 (Najd Wire) - Korvent Mobile said on Thursday its net profit rose 8% to SR 410 million "
        "in the third quarter, ahead of the SR 395 million average forecast of five analysts polled by Najd "
        "Markets Wire.\n\n"
        "Its fibre customers rose 30% to 610,000, it said.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "30%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Korvent Mobile");
}

TEST_CASE("a fiscal figure of 'the central government' is the economy's; what the federal government funds stays its own") {
    const std::string text =
        "Kenya posts 92 billion shilling deficit in September\n\n"
        "NAIROBI, Oct 29 (Rift Wire) - Kenya's central government ran a budget deficit of 92 billion shillings "
        "in September, the National Treasury said on Thursday.\n\n"
        "In the first quarter of the fiscal year, the central government posted a cumulative deficit of 210 "
        "billion shillings, according to the Treasury's monthly report.\n";
    auto cs = claims_of(text, "2026-10-29");
    const Json* c = claim_at(cs, text, "210 billion shillings");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Kenya");
}

TEST_CASE("a period word between a transitive change verb and its metric keeps the percentage the change's size") {
    const std::string text = "Kestrel Foods lifts half-year sales 9% to $4.2bn on price rises\n";
    auto cs = claims_of(text, "2026-10-27");
    const Json* c = claim_at(cs, text, "$4.2bn");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    CHECK((*c)["change"]["percent"]["value"] == 9.0);
    for (const Json& x : cs) CHECK_FALSE((x["kind"] == "amount" && x["value"].value("value", 0.0) == 9.0));
}

TEST_CASE("'The bank's staff now see' makes the bank the forecasts' source, not the statistics office") {
    const std::string text =
        "Czech central bank holds rate at 3.5%\n\n"
        "PRAGUE, Nov 5 - The Czech National Bank left its main rate at 3.5% on Thursday, as expected.\n\n"
        "Inflation eased to 2.6% in October, the Czech Statistical Office said last week.\n\n"
        "The bank's staff now see inflation averaging 2.4% this year.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "2.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Czech National Bank");
}
