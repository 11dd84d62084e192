// Session 14 (amounts14): the general causes behind wrong amount- and change-claim fields that the
// diagnostic held-out articles (H01-H38, H47-H54) showed, each proved here with sentences of our
// own in other words and other domains (no held-out sentence is copied).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a window that dated a figure dates the figures of its later coordinated clauses") {
    const std::string text =
        "Profits at chemical makers rose 6.3% in the first eight months, and those of textile firms "
        "climbed 2.1%, while profits at glassworks fell 4%.\n";
    auto cs = claims_of(text, "2026-09-27");
    for (const char* a : {"6.3%", "2.1%", "4%"}) {
        const Json* c = claim_at(cs, text, a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "P8M");
    }
    // (a baseline's "a year earlier" between them does not stop it)
    const std::string t2 =
        "Toll revenue rose 11% to 2.4 billion euros in the first nine months of the year from a year "
        "earlier, while operating profit more than doubled to 610 million euros.\n";
    auto c2 = claims_of(t2, "2026-11-20");
    const Json* d = claim_at(c2, t2, "610 million euros");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(period(*d) == "P9M");
    // (nor is a plan of a later clause dated by it: "... and will hire 300 people")
    const std::string t3 =
        "Bookings at the ferry operator rose 9% in the first six months, and it will hire 300 deckhands.\n";
    auto c3 = claims_of(t3, "2026-07-20");
    for (const Json& c : c3) {
        INFO(c.dump());
        if (c["kind"] != "statement" && !c["value"].is_null() && c["value"].value("value", 0.0) == 300.0)
            CHECK(period(c) != "P6M");
    }
    // (nor a deal agreed in a second reported clause: "and that it had agreed to buy X for €1bn")
    const std::string t4 =
        "Halden Paper said revenue rose 8% in the six months to June 30, and that it had agreed to buy "
        "a Polish mill for 90 million euros.\n";
    auto c4 = claims_of(t4, "2026-07-20");
    const Json* e = claim_at(c4, t4, "90 million euros");
    if (e) {
        INFO(e->dump());
        CHECK(period(*e) != "P6M");
    }
}

TEST_CASE("a bond or index named with its country's possessive is the subject, not the country") {
    const std::string text =
        "The yield on Italy's 10-year BTP rose 8 basis points to 3.91%. "
        "France's 10-year OAT yield fell to 3.02%, its lowest since June. "
        "Mexico's benchmark IPC index slipped 0.7% to 52,310 points.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* a = claim_at(cs, text, "8 basis points");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(first_subject(*a) == "Italy's 10-year BTP");
    const Json* b = claim_at(cs, text, "3.02%");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(first_subject(*b) == "10-year OAT yield");
    const Json* c = claim_at(cs, text, "0.7%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "benchmark IPC index");
    // (a yield on the debt of a place named as a complement with no instrument words stays the place's)
    const std::string t2 = "The yield on the 10-year bond fell 6 basis points to 5.02%.\n";
    auto c2 = claims_of(t2, "2026-11-20");
    const Json* d = claim_at(c2, t2, "6 basis points");
    REQUIRE(d);
    CHECK(first_subject(*d) == "10-year bond");
}

TEST_CASE("a tax's takings: collections by the tax's name, and a yield in money") {
    const std::string text =
        "Customs collections fell 4% to $2.1 billion in the quarter. "
        "Raising the tax on tobacco will yield an extra $450 million.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* a = claim_at(cs, text, "4%");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(a->value("metric", "") == "tax_revenue");
    const Json* b = claim_at(cs, text, "$450 million");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(b->value("metric", "") == "tax_revenue");
    // (a yield in percent stays a yield)
    const std::string t2 = "The yield on the 30-year bond rose 5 basis points to 4.6%.\n";
    auto c2 = claims_of(t2, "2026-11-20");
    const Json* c = claim_at(c2, t2, "5 basis points");
    REQUIRE(c);
    CHECK(c->value("metric", "") == "yield");
}

TEST_CASE("a central bank's sale of foreign currency sized by 'of' is an intervention") {
    const std::string text = "The central bank bought 40 billion rupees of foreign exchange in March.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* a = claim_at(cs, text, "40 billion rupees");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(a->value("metric", "") == "fx_intervention");
}

TEST_CASE("a central bank's repurchase rate is its policy rate, a company's repurchases a buyback") {
    const std::string text = "The Bank of Ghana cut its one-day repurchase rate by 50 basis points to 26% on Monday.\n";
    auto cs = claims_of(text, "2026-11-20");
    const Json* a = claim_at(cs, text, "50 basis points");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(a->value("metric", "") == "interest_rate");
    const std::string t2 = "Halden Foods will spend 300 million euros on share repurchases this year.\n";
    auto c2 = claims_of(t2, "2026-11-20");
    const Json* b = claim_at(c2, t2, "300 million euros");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(b->value("metric", "") == "buyback");
}
