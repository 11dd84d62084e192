// Session 22 (diag22): gaps the newly opened diagnostic batch H119-H126 showed, reproduced with
// sentences of our own in other words: a demonym inside a place's name ("British Columbia"), a
// growth rate after its own figure ("the 1.5% growth in September") continuing a release's
// metric, "real estate" (no currency), a price verb before a period ("pay 65 pence for the full
// year"), a statistics office defined by its known short name in brackets, a wire the dateline
// names whose first word a gazetteer knows, a title-case ministry of a country with its own name,
// and "the central bank" in a story that names its own bank before another.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a demonym inside a place's name is no demonym") {
    const std::string text =
        "British Columbia now expects a deficit of C$7.9 billion in fiscal 2026-27, the province said.\n";
    auto cs = claims_of(text, "2026-11-25");
    const Json* c = claim_at(cs, text, "C$7.9 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "British Columbia");
}

TEST_CASE("a growth rate after its own figure continues the release's metric") {
    const std::string text =
        "Remittances to Mexico rose 2.1% to $5.4 billion in October, the central bank said. That was "
        "faster than the 1.5% growth in September.\n";
    auto cs = claims_of(text, "2026-12-15");
    const Json* c = claim_at(cs, text, "1.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "remittances");
}

TEST_CASE("real estate is an asset, not the Brazilian currency") {
    const std::string text =
        "The Harbor Teachers Fund earned 7% in the year to June 30, the fund said. Bonds returned 4.1%, "
        "while real estate lost 2.2%.\n";
    auto cs = claims_of(text, "2026-10-20");
    const Json* c = claim_at(cs, text, "2.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] != "exchange_rate");
}

TEST_CASE("money paid for a period is no price") {
    const std::string text =
        "Larchmont Bank raised its interim dividend to 30 pence a share and expects to pay 65 pence for "
        "the full year, the bank said.\n";
    auto cs = claims_of(text, "2026-11-14");
    const Json* c = claim_at(cs, text, "65 pence");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "dividend");
}

TEST_CASE("a statistics office, a dateline's wire and a German ministry by their story's names") {
    const std::string text =
        "BERLIN, Dec 4 (Continental Wire) - German factory orders fell 1.2% in October, the Federal "
        "Statistical Office (Destatis) said on Friday. Economists polled by Continental Wire had forecast "
        "a 0.5% drop. The Economy Ministry said demand remained weak.\n";
    auto cs = claims_of(text, "2026-12-04");
    const Json* c = claim_at(cs, text, "1.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Germany");
    CHECK(first_source(*c) == "Destatis");
    const Json* d = claim_at(cs, text, "0.5%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(first_source(*d) == "Continental Wire");
    const Json* s = statement_at(cs, "demand remained weak");
    REQUIRE(s);
    INFO(s->dump());
    CHECK(first_source(*s) == "Federal Ministry for Economic Affairs and Energy");
}

TEST_CASE("the central bank is the story's own, not the one named last in passing") {
    const std::string text =
        "OSLO, Oct 29 (Nordic Wire) - Norges Bank kept its policy rate at 4.0% on Thursday, a day after "
        "the European Central Bank cut its deposit rate.\n\n"
        "The central bank said in a statement that it saw no need to act further.\n";
    auto cs = claims_of(text, "2026-10-29");
    const Json* s = statement_at(cs, "it saw no need");
    REQUIRE(s);
    INFO(s->dump());
    CHECK(first_source(*s) == "Norges Bank");
}
