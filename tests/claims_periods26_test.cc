// Session 26 (periods26): a report window written as a range of months ("the January-September
// period") governs the report's later figures as "the nine months to September" does; a day after
// "announced" dates the announcement, not the figure announced; a sub-headline's window gives way
// to the lead's month as the headline's does. Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a month-range window in the lead is passed to the report's later figures") {
    const std::string text =
        "Korvala Ports lifts revenue\n\n"
        "OSLO, Nov 12 - Korvala Ports said on Thursday that its revenue rose 7.5% to 5.4 billion euros "
        "in the January-September period.\n\n"
        "Operating costs rose 3.0% to 2.9 billion euros. Net profit came to 1.1 billion euros.\n";
    auto cs = claims_of(text, "2026-11-12");
    for (const char* anchor : {"2.9 billion euros", "1.1 billion euros"}) {
        const Json* c = claim_at(cs, text, anchor);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "P9M");
    }
}

TEST_CASE("a fiscal half written as a month range governs the next paragraph too") {
    const std::string text =
        "Tamsin Rail reports half-year profit\n\n"
        "Tamsin Rail's operating profit climbed 12% to 84 billion yen in the April-September period, "
        "the railway said on Friday.\n\n"
        "Net profit was 51 billion yen.\n";
    auto cs = claims_of(text, "2026-11-06");
    const Json* c = claim_at(cs, text, "51 billion yen");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P6M");
}

TEST_CASE("a month range still running at publication is no report window") {
    const std::string text =
        "Korvala Ports said its revenue was 2.2 billion euros in the July-November period.\n\n"
        "Net profit came to 1.1 billion euros.\n";
    {
        auto cs = claims_of(text, "2026-11-12");  // (November not over)
        const Json* c = claim_at(cs, text, "1.1 billion euros");
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) != "P5M");
    }
    {
        auto cs = claims_of(text, "2026-12-12");
        const Json* c = claim_at(cs, text, "1.1 billion euros");
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "P5M");
    }
}

TEST_CASE("the day after 'announced' dates the announcement, not the figure") {
    const std::string text =
        "Korvala Ports lifts cargo volumes\n\n"
        "OSLO, Nov 12 (Nordic Wire) - Korvala Ports handled 3.2 million containers in the nine months to "
        "September, 4.1% more than a year earlier, the operator announced on Thursday.\n\n"
        "Finance Minister Elin Brekke announced a €14 billion package of tax cuts on Tuesday.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "4.1%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P9M");
    const Json* p = claim_at(cs, text, "€14 billion");
    REQUIRE(p);
    INFO(p->dump());
    CHECK(period(*p) != "2026-11-10");
}

TEST_CASE("a sub-headline's window gives way to the lead's month, as the headline's does") {
    const std::string text =
        "Lindqvist Chips' November sales rise 12%\n\n"
        "Revenue for January-November reaches 41 billion euros\n\n"
        "STOCKHOLM, Dec 8 - Lindqvist Chips said on Tuesday its November revenue rose 12% from a year "
        "earlier to 4.2 billion euros.\n\n"
        "Sales were up 3.1% from October, the company said.\n";
    auto cs = claims_of(text, "2026-12-08");
    const Json* c = claim_at(cs, text, "3.1%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-11");
}
