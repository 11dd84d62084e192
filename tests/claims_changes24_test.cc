// Session 24 (changes24): change-claim subjects and periods the older diagnostic batches lose,
// reproduced with sentences of our own in other words.
#include "tests/claims_support.h"

using namespace claims_support;

namespace {
// The first change claim whose sentence holds `words`, or null.
const Json* change_in(const std::vector<Json>& cs, const std::string& text, const std::string& words) {
    const size_t at = text.find(words);
    REQUIRE(at != std::string::npos);
    for (const Json& c : cs)
        if (c["kind"] == "change" && c["sentence"]["start"].get<size_t>() <= at && at < c["sentence"]["end"].get<size_t>())
            return &c;
    return nullptr;
}

const std::string kFreight =
    "Lindqvist Freight sees record year\n\n"
    "STOCKHOLM, Nov 20 - Lindqvist Freight said on Thursday its container volumes rose 8% in October.\n\n"
    "Port fees are expected to reach $120 million this year, almost double the level of 2021.\n\n"
    "Refrigerated cargo reached 3,100 boxes, more than double the 1,400 it moved in September last year.\n\n"
    "The company will double the size of its fleet in 2027, the chief executive said.\n\n"
    "The group's market share rose to 14.5% in the third quarter, according to shipping consultancy Baltic Lanes.\n";
}  // namespace

TEST_CASE("a date inside what a factor compares the figure with is not the figure's period") {
    auto cs = claims_of(kFreight, "2026-11-20");
    const Json* c = claim_at(cs, kFreight, "$120 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026");
}

TEST_CASE("a factor's comparison date after a number with a comma is the comparison's too") {
    auto cs = claims_of(kFreight, "2026-11-20");
    const Json* c = change_in(cs, kFreight, "Refrigerated cargo");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2025-09");
}

TEST_CASE("a verb 'double' keeps the date of its object as the plan's period") {
    auto cs = claims_of(kFreight, "2026-11-20");
    const Json* c = change_in(cs, kFreight, "double the size of its fleet");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2027");
}

TEST_CASE("a third party cited with 'according to' is not the company a possessive anaphor names") {
    auto cs = claims_of(kFreight, "2026-11-20");
    const Json* c = claim_at(cs, kFreight, "14.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Lindqvist Freight");
    CHECK(first_subject(*c) != "Baltic Lanes");
}

TEST_CASE("a place after a partner word and 'outside' is a trade partner, not the holder") {
    const std::string text =
        "Austrian factory orders rise in October\n\n"
        "VIENNA, Dec 3 - Austrian industrial orders rose 1.9% in October from September, Statistics Austria said "
        "on Wednesday.\n\n"
        "Orders from outside the euro zone climbed 4.4%, while orders from inside the bloc fell 0.7%.\n";
    auto cs = claims_of(text, "2026-12-03");
    const Json* c = claim_at(cs, text, "4.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Austria");
    const Json* d = claim_at(cs, text, "0.7%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(first_subject(*d) == "Austria");
}

TEST_CASE("'over the same period' takes the window named before it, across a paragraph and past an act's month") {
    const std::string text =
        "Vellmar Bank lifts loans\n\n"
        "HANOI, Oct 22 - Vellmar Bank said on Wednesday its third-quarter profit rose 18%.\n\n"
        "Loans rose 7.4% in the first nine months of the year, the bank said. The regulator raised its credit "
        "quota in July.\n\n"
        "Customer deposits grew 6.1% over the same period to 410 trillion dong.\n";
    auto cs = claims_of(text, "2026-10-22");
    const Json* c = claim_at(cs, text, "6.1%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P9M");
}

TEST_CASE("'from the same period last year' stays a baseline, not a period referred back to") {
    const std::string text =
        "Vellmar Bank lifts loans\n\n"
        "HANOI, Oct 22 - Vellmar Bank said on Wednesday its loans rose 7.4% in the first nine months of the year.\n\n"
        "Third-quarter fee income fell 3.2% from the same period last year.\n";
    auto cs = claims_of(text, "2026-10-22");
    const Json* c = claim_at(cs, text, "3.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-Q3");
}

TEST_CASE("a metric's modifier left alone ('average') is no subject: the story's company holds the figure") {
    const std::string text =
        "Pampa Litio quarterly profit falls\n\n"
        "SANTIAGO, Nov 12 - Chilean producer Pampa Litio said on Wednesday its third-quarter profit fell 31%.\n\n"
        "Sales volumes rose 5% to 8,200 tonnes, but the average realised price fell to $9,100 a tonne from $10,300 "
        "a year earlier, the company said.\n";
    auto cs = claims_of(text, "2026-11-12");
    const Json* c = claim_at(cs, text, "$9,100");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) != "average");
    CHECK(first_subject(*c) == "Pampa Litio");
}
