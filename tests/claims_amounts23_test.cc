// Session 23 (amounts23): amount-claim subjects and metrics the older diagnostic batches lose,
// reproduced with sentences of our own in other words.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a maturity after bonds sold ends what the figure sizes") {
    const std::string text = "Calder Water sold £400 million of bonds due 2041 on Thursday, the utility said.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "£400 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "bond_issuance");
    CHECK(first_subject(*c) == "Calder Water");
}

TEST_CASE("debt falling due is still the debt the figure sizes") {
    const std::string text = "Orlen Metals has €900 million of loans due next year, the company said.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "€900 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] != "sales");
}

TEST_CASE("a description ending on a past tense the verb list lacks is no subject") {
    const std::string text =
        "Tarrow Motors said it sold 52,000 vehicles in March. Electric vans accounted for 9,400 of the "
        "vehicles sold, the company said.\n";
    auto cs = claims_of(text, "2026-04-03");
    const Json* c = claim_at(cs, text, "9,400");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) != "Electric vans accounted");
    CHECK(first_subject(*c) == "Tarrow Motors");
}

TEST_CASE("the central bank whose statement it is holds its intervention, not the last bank named") {
    const std::string text =
        "Danish central bank raises rate alone\n\n"
        "Danmarks Nationalbank raised its key rate by 10 basis points to 1.85% on Friday, acting apart from "
        "the European Central Bank for the first time in a decade.\n\n"
        "The central bank said in a statement that it had sold foreign currency for 9.8 billion kroner in May "
        "to support the krone.\n";
    auto cs = claims_of(text, "2026-06-02");
    const Json* c = claim_at(cs, text, "9.8 billion kroner");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Danmarks Nationalbank");
}

TEST_CASE("what a company's plant will cost is its capital spending, and the owner's") {
    const std::string text =
        "Norveld Steel said on Monday it would build a new rolling mill in Ohio. The company said the mill "
        "would cost $1.4 billion and employ about 600 people.\n\n"
        "Kessing Chemicals will decide next month where to put a new European plant, which could cost up to "
        "€2 billion, its chief executive said.\n";
    auto cs = claims_of(text, "2026-04-02");
    const Json* c = claim_at(cs, text, "$1.4 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "capital_expenditure");
    CHECK(first_subject(*c) == "Norveld Steel");
    const Json* p = claim_at(cs, text, "600 people");
    REQUIRE(p);
    INFO(p->dump());
    CHECK(first_subject(*p) == "Norveld Steel");
    const Json* r = claim_at(cs, text, "€2 billion");
    REQUIRE(r);
    INFO(r->dump());
    CHECK((*r)["metric"] == "capital_expenditure");
}

TEST_CASE("a percentage a verb of earning takes is an investment return") {
    const std::string text =
        "Plans with the most in equities earned a median 9.9% in the year, according to Lakeview Pension "
        "Advisors. The Ridgeway Fund earns 6.2% in fiscal 2026.\n";
    auto cs = claims_of(text, "2026-08-02");
    const Json* c = claim_at(cs, text, "9.9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "investment_return");
    const Json* d = claim_at(cs, text, "6.2%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK((*d)["metric"] == "investment_return");
}

TEST_CASE("a gapped clause measures what the elided verb measured") {
    const std::string text =
        "The Ridgeway Fund said domestic stocks returned 14.1%, foreign stocks 9.8% and private equity 2.9% in "
        "the year. Revenue rose 5% to $9 billion and operating profit $1 billion.\n";
    auto cs = claims_of(text, "2026-08-02");
    for (const char* a : {"9.8%", "2.9%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "investment_return");
    }
    const Json* p = claim_at(cs, text, "$1 billion");
    REQUIRE(p);
    INFO(p->dump());
    CHECK((*p)["metric"] == "operating_profit");  // (a noun named the first metric: no gapping)
}
