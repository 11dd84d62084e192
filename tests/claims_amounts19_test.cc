// Session 19 (amounts19): subject and metric of amount claims, families the diagnostic
// batches H87-H94 and H63-H78 showed. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a value put on a company after a move of its shares is its market value; an offer's is a valuation") {
    const std::string text =
        "Shares of Tessaly Mining fell 5% to A$2.10 on Monday, valuing the miner at A$3.1 billion.\n\n"
        "Brightwell Retail's stock slid 3% to 210 cents in New York, valuing the company at about $1.9 billion.\n\n"
        "Rowan Foods Group offered 12 euros a share in cash for Keldor Dairy Ltd, valuing the company at about 800 "
        "million euros.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* a : {"A$3.1 billion", "$1.9 billion"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "market_value");
        CHECK((*c)["sources"].empty());
    }
    const Json* c = claim_at(cs, text, "A$3.1 billion");
    CHECK(first_subject(*c) == "Tessaly Mining");
    const Json* o = claim_at(cs, text, "800 million euros");
    REQUIRE(o);
    INFO(o->dump());
    CHECK((*o)["metric"] == "valuation");
    CHECK(first_subject(*o) == "Keldor Dairy");
}

TEST_CASE("what a sovereign bond sale sold: Eurobonds, paired modifiers, a participle after, a target range in money") {
    const std::string text =
        "Kenya sells $1.5 billion of Eurobonds, draws $6 billion of orders\n\n"
        "Portugal sold 3 billion euros of short- and long-dated government bonds on Wednesday, the upper end of "
        "its target range of 2 billion to 3 billion euros, the debt agency said.\n\n"
        "A 15-year bond drew a yield of 3.1%, while 2 billion euros of 30-year bonds sold at 3.9%.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* a : {"$1.5 billion", "3 billion euros", "2 billion to 3 billion euros", "2 billion euros"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "bond_issuance");
    }
    const Json* o = claim_at(cs, text, "$6 billion");
    REQUIRE(o);
    INFO(o->dump());
    CHECK((*o)["metric"] == "orders");
    const Json* r = claim_at(cs, text, "2 billion to 3 billion euros");
    CHECK(first_subject(*r) == "Portugal");
}

TEST_CASE("money 'of' a plain metric after a verb is that metric; shares bought back and a verb's own metric are not") {
    const std::string text =
        "The city drew $2.4 billion of orders for its bonds.\n\n"
        "Harlow Brands Inc will buy back $500 million of shares this year.\n\n"
        "Pemberton Capital, which manages about $48 billion of assets, plans to open an office in Dubai.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* o = claim_at(cs, text, "$2.4 billion");
    REQUIRE(o);
    INFO(o->dump());
    CHECK((*o)["metric"] == "orders");
    const Json* b = claim_at(cs, text, "$500 million");
    REQUIRE(b);
    INFO(b->dump());
    CHECK((*b)["metric"] == "buyback");
    const Json* m = claim_at(cs, text, "$48 billion");
    REQUIRE(m);
    INFO(m->dump());
    CHECK((*m)["metric"] != "assets");
}

TEST_CASE("a ministry holding an economy's figure stands for its state; a department's own budget stays its own") {
    const std::string text =
        "Romania's economy grew 2% in the third quarter.\n\n"
        "The finance ministry's draft budget projects a deficit of 120 billion lei in 2027.\n\n"
        "The Department for Transport's budget will rise to 30 billion lei next year.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "120 billion lei");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Romania");
    CHECK((*c)["metric"] == "budget_deficit");
    const Json* b = claim_at(cs, text, "30 billion lei");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(first_subject(*b) == "Department for Transport");
}

TEST_CASE("a research firm that forecasts a market's figure is its source, not its holder") {
    const std::string text =
        "Cobalt prices in China have fallen about 40% since their peak, though they rose 3% in October, "
        "according to Rivermark Metals Research, which expects an average of $21,000 a tonne in 2027.\n\n"
        "Tarrow Copper Ltd expects its output to reach 300,000 tonnes in 2027, Tarrow said.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "$21,000");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) != "Rivermark Metals Research");
    CHECK(c->dump().find("obalt") != std::string::npos);
    CHECK(first_source(*c) == "Rivermark Metals Research");
    const Json* o = claim_at(cs, text, "300,000 tonnes");
    REQUIRE(o);
    INFO(o->dump());
    CHECK(first_subject(*o) == "Tarrow Copper");
}

TEST_CASE("'targets inflation of 5%' is the bank's inflation target; the band around it makes no claim") {
    const std::string text =
        "Malawi's inflation slowed to 9% in October.\n\n"
        "The Reserve Bank of Malawi targets inflation of 5%, plus or minus two percentage points.\n\n"
        "Inflation in Chile slowed to 3.9% in October, within the central bank's target of 3% plus or minus one "
        "percentage point.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "inflation_target");
    CHECK(first_subject(*c) == "Reserve Bank of Malawi");
    CHECK(claim_at(cs, text, "two percentage points") == nullptr);
    CHECK(claim_at(cs, text, "one percentage point") == nullptr);
}

TEST_CASE("'by a combined 200 basis points' sizes the cut, no amount of its own") {
    const std::string text =
        "Chile's central bank held its rate at 4.5% on Wednesday, after cutting it by a combined 200 basis points "
        "since June 2025.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "200 basis points");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    CHECK((*c)["change"]["direction"] == "down");
}

TEST_CASE("money an international lender pays out is the borrowing country's loan") {
    const std::string text =
        "IMF board clears $700 million for Ghana as reforms advance\n\n"
        "The International Monetary Fund's executive board approved the release of about $450 million to Ghana on "
        "Friday, bringing total disbursements under the arrangement to $2.8 billion, the lender said.\n\n"
        "The World Bank approved a $300 million loan to Kenya on Tuesday.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* a : {"$700 million", "$450 million", "$2.8 billion", "$300 million"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "loans");
        CHECK(first_subject(*c) == (std::string(a) == "$300 million" ? "Kenya" : "Ghana"));
    }
}
