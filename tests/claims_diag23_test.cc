// Session 23 (diag23): gaps the newly opened diagnostic batch H127-H134 showed, reproduced with
// sentences of our own in other words: a central bank selling dollars (its intervention, not sales
// or net flows; "it" after the bank's own attribution; a headline's bare "central bank" before the
// lead names it), and a total's parts listed after "The total included" in the paragraph after the
// whole.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("what a central bank sells is its intervention, whoever 'it' and 'central bank' are") {
    const std::string text =
        "Rupee weakens; central bank sells $1.1 bln\n\n"
        "MUMBAI, Dec 3 (Deccan Wire) - The Reserve Bank of India sold a net $1.1 billion on the market last "
        "week, up from $640 million a week earlier, it said on Friday.\n\n"
        "The bank said it sold $2.4 billion to authorised dealers in October to steady the rupee.\n";
    auto cs = claims_of(text, "2026-12-03");
    const Json* h = claim_at(cs, text, "$1.1 bln");
    REQUIRE(h);
    INFO(h->dump());
    CHECK(first_subject(*h) == "Reserve Bank of India");
    CHECK((*h)["metric"] == "fx_intervention");
    const Json* w = claim_at(cs, text, "$1.1 billion");
    REQUIRE(w);
    INFO(w->dump());
    CHECK((*w)["metric"] == "fx_intervention");
    const Json* o = claim_at(cs, text, "$2.4 billion");
    REQUIRE(o);
    INFO(o->dump());
    CHECK(first_subject(*o) == "Reserve Bank of India");
    CHECK((*o)["metric"] == "fx_intervention");
}

TEST_CASE("a company's sales stay sales") {
    const std::string text = "Harwick Valves said it sold $2.4 billion of pumps in the quarter.\n";
    auto cs = claims_of(text, "2026-10-20");
    const Json* c = claim_at(cs, text, "$2.4 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] != "fx_intervention");
}

TEST_CASE("the parts a total lists, in the paragraph after it, are measured as the total is") {
    const std::string text =
        "Kazakh grain exports slow\n\n"
        "ASTANA - Kazakhstan's grain exports reached 6.1 million tonnes in the season so far, the agriculture "
        "ministry said on Tuesday.\n\n"
        "The total included 4.8 million tonnes of wheat, 0.9 million tonnes of barley and 0.3 million tonnes "
        "of rye, the ministry said.\n";
    auto cs = claims_of(text, "2026-01-20");
    for (const char* part : {"4.8 million tonnes", "0.9 million tonnes", "0.3 million tonnes"}) {
        const Json* c = claim_at(cs, text, part);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["metric"] == "exports");
        CHECK(first_subject(*c) == "Kazakhstan");
    }
}

TEST_CASE("a headline amount that shortens the body's metric takes the body's metric and period") {
    const std::string text =
        "Kestrel Air posts record Dh2.1bn profit\n\n"
        "Dubai: Kestrel Air Group reported a record net profit of Dh2.1 billion for the 2025-26 financial "
        "year, which ended on March 31, up 14 per cent from a year earlier, the airline said on Monday.\n";
    auto cs = claims_of(text, "2026-05-12");
    const Json* c = claim_at(cs, text, "Dh2.1bn");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "net_profit");
    CHECK((*c)["period"]["value"] == "FY2026");
}

TEST_CASE("a city in title case and a colon opening the lead is a dateline, not the subject") {
    const std::string text =
        "Kestrel Air profit climbs\n\n"
        "Dubai: Kestrel Air Group reported a record net profit of Dh2.1 billion for the 2025-26 financial "
        "year, up 14 per cent from a year earlier, the airline said on Monday.\n";
    auto cs = claims_of(text, "2026-05-12");
    const Json* c = claim_at(cs, text, "14 per cent");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Kestrel Air Group");
}

TEST_CASE("a lone 'the ministry' before a fiscal figure is the economy's") {
    const std::string text =
        "BUDAPEST, Aug 8 (Danube Wire) - Hungary's budget deficit narrowed to 3.9% of gross domestic product "
        "in the first half, finance ministry data showed on Friday.\n\n"
        "The ministry kept its deficit target for the full year at 4.5% of GDP.\n";
    auto cs = claims_of(text, "2026-08-08");
    const Json* c = claim_at(cs, text, "4.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Hungary");
    CHECK((*c)["metric"] == "budget_deficit");
}

TEST_CASE("a company's annual report is the story's company's, not a unit's named before it") {
    const std::string text =
        "Fenwick Athletic trim losses\n\n"
        "Fenwick Athletic narrowed its pre-tax loss to $12.1m in the year to 31 May, accounts filed at "
        "Companies House show.\n\n"
        "Its catering arm, Fenwick Hospitality Ltd, earned $2m. The club's wage bill rose to $64m, according to "
        "the annual report.\n";
    auto cs = claims_of(text, "2026-09-10");
    const Json* c = claim_at(cs, text, "$64m");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Fenwick Athletic");
    const Json* l = claim_at(cs, text, "$12.1m");
    REQUIRE(l);
    INFO(l->dump());
    CHECK(first_source(*l) == "Fenwick Athletic");
}

TEST_CASE("a statistics office whose name other countries share speaks for the story's country") {
    const std::string text =
        "DAR ES SALAAM - Tanzania's annual inflation slowed to 3.1% in October, data from the National Bureau "
        "of Statistics showed on Friday.\n\n"
        "Food inflation eased to 4.2%, while core inflation was 2.6%.\n";
    auto cs = claims_of(text, "2026-11-06");
    const Json* c = claim_at(cs, text, "2.6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Tanzania");
    CHECK(first_source(*c) == "National Bureau of Statistics");
}
