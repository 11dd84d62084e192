// Session 19 (periods19): change sizes after a filler ("rose only 2.4%", "by a combined 425 basis
// points") and the current month or week told as the time something was said or reported ("the
// ministry said this month", "Earlier this week, X reported"). Sentences of our own (no held-out
// text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("'only' between a change verb and its percentage still sizes the change") {
    const std::string text = "Deposits at the cooperative bank rose only 2.4% in the third quarter.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "2.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
}

TEST_CASE("'by a combined' or 'by a cumulative' amount is the change's size, not a level") {
    const std::string text =
        "Hungary's central bank left its base rate at 6.5% on Tuesday, after lowering it by a combined "
        "425 basis points since May 2024.\n\n"
        "The Reserve Bank has cut its cash rate by a cumulative 150 basis points this year.\n";
    auto cs = claims_of(text, "2026-11-05");
    for (const char* anchor : {"425 basis points", "150 basis points"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["kind"] == "change");
        CHECK((*c)["change"]["direction"] == "down");
    }
}

TEST_CASE("the current month after a verb of saying dates the statement, not the figure") {
    const std::string text =
        "Farm output rose 4% in the first ten months of the year, the agriculture ministry said this month.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P10M");
}

TEST_CASE("the current month of an act still dates the act's figure") {
    const std::string text = "The World Bank approved a $900 million loan to Kenya this month.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "$900 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-11");
}

TEST_CASE("a week fronting a sentence of reporting dates the report, not its figures") {
    const std::string text = "Earlier this week, Kestrel Foods reported a 9% rise in quarterly profit.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c).find('W') == std::string::npos);
}

TEST_CASE("a mark's date ('from their March 2022 peak') and a 'from' month after the figure's own are no period") {
    const std::string text =
        "The city's home price index rose 0.5% in October from September, leaving prices down 18% from "
        "their March 2022 peak.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "18%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-10");  // (the main clause's month: a participle of result)
}

TEST_CASE("a participle of result takes its main clause's date") {
    const std::string text =
        "Water tariffs rose 6.1% in October from a year earlier, outpacing headline inflation of 2.9%.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "2.9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-10");
}

TEST_CASE("a revised forecast's earlier range takes no date from a later clause") {
    const std::string text =
        "Mivex raised its 2026 sales forecast to between $2.1 billion and $2.2 billion, from $2.0 billion "
        "to $2.05 billion previously, after third-quarter sales rose 12% to $540 million.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "12%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-Q3");
    const Json* r = claim_at(cs, text, "$2.1 billion");
    REQUIRE(r);
    INFO(r->dump());
    REQUIRE(r->contains("baseline"));
    CHECK((*r)["baseline"]["period"].is_null());
}

TEST_CASE("a headline's later clause after a comma keeps its date to itself") {
    const std::string text =
        "Bank of Ruritania holds rates at 5.25%, signals cut possible in February\n\n"
        "The Bank of Ruritania kept its key rate at 5.25% on Thursday. The deposit rate stays at 4.75%.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* h = claim_at(cs, text, "5.25%");
    REQUIRE(h);
    INFO(h->dump());
    CHECK(period(*h) != "2027-02");
    const Json* c = claim_at(cs, text, "4.75%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2027-02");
}

TEST_CASE("a bond sale's later figures take the sale's day") {
    const std::string text =
        "Ruritania sold $3 billion of dollar bonds on Tuesday, its first sale in a year, as orders reached "
        "more than $9 billion, the finance ministry said.\n\n"
        "The sale was split between $1.5 billion of five-year notes priced to yield 6.5% and $1.5 billion "
        "of 10-year notes at 7.25%, the ministry said.\n\n"
        "The ministry plans to sell another $2 billion of bonds next year.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* anchor : {"$9 billion", "$1.5 billion"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "2026-11-17");
    }
    const Json* plan = claim_at(cs, text, "$2 billion");
    REQUIRE(plan);
    INFO(plan->dump());
    CHECK(period(*plan) != "2026-11-17");
}

TEST_CASE("a producer's realised price is its own figure of the report period, not a market quote") {
    const std::string text =
        "Andes Lithium said on Thursday its third-quarter revenue fell 14% to $137 million.\n\n"
        "Volumes rose 9%, but the average realised price fell to $9,850 a tonne from $12,400 a year earlier.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "$9,850");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "average_selling_price");
    CHECK(period(*c) == "2026-Q3");
    CHECK(first_source(*c) == "Andes Lithium");
}

TEST_CASE("the year of 'the same months of 2025' is the comparison's, not the figure's") {
    const std::string text =
        "Copper exports were worth $9.1 billion in the January-October period, down 12% from the same "
        "months of 2025, central bank data showed.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "12%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P10M");
}

TEST_CASE("Italy's Treasury and economy ministry are its Ministry of Economy and Finance") {
    const std::string text =
        "ROME - Italy sold 8 billion euros of bonds on Thursday, the Treasury said. Italy's deficit is "
        "expected to reach 2.9% of GDP this year, the economy ministry forecast.\n";
    auto cs = claims_of(text, "2026-11-20");
    for (const char* anchor : {"8 billion euros", "2.9%"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_source(*c) == "Ministry of Economy and Finance");
        CHECK(first_subject(*c) == "Italy");
    }
}

TEST_CASE("a government statistician's or treasurer's title is no part of the name") {
    const std::string text =
        "Annual inflation eased to 8.4% in October from 9.1% in September, Government Statistician Ama "
        "Owusu-Mensah told a news conference in Accra.\n\n"
        "Australia's budget deficit will narrow to A$28 billion next year, Treasurer Jim Carrow said on Tuesday.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* c = claim_at(cs, text, "8.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Ama Owusu-Mensah");
    const Json* t = claim_at(cs, text, "A$28 billion");
    REQUIRE(t);
    INFO(t->dump());
    CHECK(first_source(*t) == "Jim Carrow");
}
