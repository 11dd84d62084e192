// Session 17 (periods17): periods of running totals and seasons. Sentences of our own (no
// held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("'so far this season' is the split year under way, and 'by DAY' only closes its window") {
    const std::string text =
        "Coffee deliveries to Brazil's ports so far this season reached 1.2 million bags by Sunday, "
        "down 9% from 1.32 million bags a year earlier, broker Verdant Trading estimated on Monday.\n";
    auto cs = claims_of(text, "2026-11-17");
    const Json* c = claim_at(cs, text, "9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "FY2027");
    REQUIRE((*c)["baseline"].is_object());
    CHECK((*c)["baseline"]["period"]["value"] == "FY2026");
}

TEST_CASE("a season's forecast takes the season under way, last season the one before") {
    const std::string text =
        "The growers' union expects the sugar harvest to reach 40 million tonnes this season.\n\n"
        "Olive oil output last season fell 31% to 610,000 tonnes, the ministry said.\n";
    auto cs = claims_of(text, "2026-11-17");
    const Json* c = claim_at(cs, text, "40 million tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "FY2027");
    const Json* o = claim_at(cs, text, "31%");
    REQUIRE(o);
    INFO(o->dump());
    CHECK(period(*o) == "FY2026");
}

TEST_CASE("a day after 'by' and a past verb is the day just gone, a deadline stays ahead") {
    const std::string text =
        "Ticket sales so far this year had reached 3.4 million tickets by Friday, the operator said on "
        "Monday.\n\n"
        "The council will approve the budget by Friday.\n";
    auto cs = claims_of(text, "2026-11-17");
    const Json* c = claim_at(cs, text, "3.4 million");
    REQUIRE(c);
    INFO(c->dump());
    // (the year's window, not Friday: the total is a running one)
    CHECK(period(*c) == "2026");
    claimex::document::Document d;
    d.id = "t";
    d.text = text;
    claimex::Record r = extractor().extract(d, "2026-11-17");
    std::vector<std::string> fridays;
    for (const auto& m : r.mentions)
        if (m.type == claimex::normalise::Type::date && d.text.compare(m.span.begin, 6, "Friday") == 0)
            fridays.push_back(m.timex);
    REQUIRE(fridays.size() == 2);
    CHECK(fridays[0] == "2026-11-13");  // (had reached ... by Friday: the Friday before the Monday)
    CHECK(fridays[1] == "2026-11-20");  // (will approve ... by Friday: a deadline)
}

TEST_CASE("a notice on a body's website is that body's") {
    const std::string text =
        "Thailand will keep its export levy on raw rubber at 2% in February, according to a notice on "
        "the Rubber Authority of Thailand website.\n";
    auto cs = claims_of(text, "2026-11-17");
    const Json* c = claim_at(cs, text, "2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Rubber Authority of Thailand");
}
