// Session 22 (lead): the move named in a probability's "of" phrase ("the odds of a Fed rate cut")
// has not happened: its word is a noun, and the change is the probability's, its direction the
// verb's or the figures'. Sentences of our own.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a cut named in the odds' of-phrase does not set the odds' direction") {
    const std::string text =
        "Economists at Harlow Bank said in a note that the data raised the likelihood of a Fed rate cut "
        "in March to about 60%, from 35% last week.\n\n"
        "Traders raised the odds of a Bank of England cut in December to 70% from 45% on Tuesday.\n\n"
        "Futures priced a 40% chance of another hike by the ECB, down from 65% a week ago.\n";
    auto cs = claims_of(text, "2026-11-10");
    for (const char* a : {"60%", "70%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->value("metric", "") == "rate_cut_probability");
        CHECK(c->at("change").value("direction", "") == "up");
    }
}

TEST_CASE("a cut that happened is still a change") {
    const std::string text = "The central bank delivered a quarter-point cut on Thursday, lowering its policy rate to 3.5%.\n";
    auto cs = claims_of(text, "2026-11-10");
    const Json* c = claim_at(cs, text, "3.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("kind", "") == "change");
    CHECK(c->at("change").value("direction", "") == "down");
}

TEST_CASE("a forecast of the economy with a modal or an outlook frame is GDP growth") {
    // ("... that the deficit would shrink ..., and that the economy was on course to expand ...":
    // the second clause's own metric, not the first's)
    const std::string text =
        "Finance Minister Laura Ortiz told senators on Tuesday that the budget deficit would shrink to 4.1% of "
        "GDP next year from 5.3% this year, and that the economy was on course to expand about 2.6% in 2027.\n\n"
        "The ministry said inflation would ease to 3% next year, and that the economy should grow 1.8%.\n";
    auto cs = claims_of(text, "2026-11-14");
    for (const char* a : {"2.6%", "1.8%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->value("metric", "") == "gdp_growth");
    }
}

TEST_CASE("one more cut to a new level is the policy rate's, and the central bank's") {
    const std::string text =
        "The Central Bank of Chile cut its benchmark rate to 4.5% on Tuesday.\n\n"
        "Copper output fell 2% in October, the mining ministry said, and reserves rose to $45 billion.\n\n"
        "Mateo Ruiz, an economist at Banco Cordillera in Santiago, said he expected one more cut, to 4.25%, in "
        "the first quarter before a long pause.\n";
    auto cs = claims_of(text, "2026-11-14");
    const Json* c = claim_at(cs, text, "4.25%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("metric", "") == "interest_rate");
    CHECK(first_subject(*c) == "Central Bank of Chile");
    CHECK(first_source(*c) == "Mateo Ruiz");
}

TEST_CASE("an apposition between a metric and its verb does not name the metric") {
    const std::string text =
        "The Halvard Teachers Retirement System returned 6.1% in the year to March.\n\n"
        "The system's funded ratio, its assets as a share of the pensions it owes, rose to 71.5% at March 31 "
        "from 68.2% a year earlier.\n\n"
        "Halvard Mining, the country's largest miner by output, said it shipped 2.1 million tonnes in the "
        "quarter, up 12% from a year earlier.\n";
    auto cs = claims_of(text, "2026-07-22");
    const Json* c = claim_at(cs, text, "71.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("metric", "") == "funding_ratio");
    // (a clause after the comma is no apposition: the shipments stay shipments)
    const Json* s = claim_at(cs, text, "12%");
    REQUIRE(s);
    INFO(s->dump());
    CHECK(s->value("metric", "") == "shipments");
}

TEST_CASE("real estate is no currency") {
    const std::string text = "Fixed income returned 3.9% and real estate lost 2.3%, the pension fund said.\n";
    auto cs = claims_of(text, "2026-07-22");
    const Json* c = claim_at(cs, text, "2.3%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("metric", "") != "exchange_rate");
    CHECK(first_subject(*c) != "real");
}

TEST_CASE("an expected cut of at least N basis points is the cut's size") {
    const std::string text =
        "The Bank of Ghana held its policy rate at 18% on Monday.\n\n"
        "Analysts expect a cut of at least 200 basis points in January.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* c = claim_at(cs, text, "200 basis points");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->value("kind", "") == "change");
    CHECK(c->at("value").is_null());
    CHECK(c->at("change").contains("amount"));
}

TEST_CASE("the committee of a rate decision is the central bank") {
    const std::string text =
        "The Bank of Ghana held its policy rate at 18% on Monday.\n\n"
        "The committee lowered its policy rate by 300 basis points to 18% in September.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* c = claim_at(cs, text, "300 basis points");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Bank of Ghana");
}

TEST_CASE("a company's committee after the company is no central bank's") {
    const std::string text =
        "The Bank of Ghana held its policy rate at 18% on Monday.\n\n"
        "Volta Cocoa Ltd said its audit committee approved a dividend of 12 cedis a share.\n\n"
        "The committee raised the payout by 5% from last year.\n";
    auto cs = claims_of(text, "2026-11-24");
    const Json* c = claim_at(cs, text, "5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) != "Bank of Ghana");
}
