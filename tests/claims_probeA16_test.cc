// Session 16 (probeA16): amount and change fields that new text of our own showed wrong — a
// company's results quarter named below an opening about something else, hotel, port and
// write-down metrics, a club or studio called by its kind. Sentences of our own, in other words
// and domains than the probes that showed them (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a results quarter named below an opening about something else governs the later paragraphs") {
    // (the opening is a contract award: no report period; the results paragraph names the quarter)
    const std::string text =
        "Linwood Pharma wins army vaccine contract\n\n"
        "Linwood Pharmaceuticals has won a contract worth up to $900 million to supply vaccines to the "
        "army over five years, the defence ministry said on Monday, the company's biggest order so far.\n\n"
        "Linwood said separately that its revenue for the second quarter rose 12% to $1.43 billion, "
        "helped by strong demand for its allergy drugs.\n\n"
        "Its generics division grew 7% to $410 million, while animal health sales slipped 2%.\n";
    auto cs = claims_of(text, "2026-08-03");
    const Json* c = claim_at(cs, text, "7%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-Q2");
    CHECK(inherited(*c));
    const Json* d = claim_at(cs, text, "2%", "slipped ");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(period(*d) == "2026-Q2");
}

TEST_CASE("a later results quarter does not reach a plan or an economy's figure") {
    const std::string text =
        "Brightwater Foods opens plant\n\n"
        "Brightwater Foods opened a frozen-meals plant in the north of the country on Tuesday, creating "
        "about 400 jobs in a region where unemployment has been stubbornly high for a decade.\n\n"
        "The company said its sales in the first quarter rose 5% to 620 million euros.\n\n"
        "It will spend 80 million euros on a second line.\n\n"
        "Inflation rose 2.1%.\n";
    auto cs = claims_of(text, "2026-05-12");
    const Json* c = claim_at(cs, text, "80 million euros");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2026-Q1");
    const Json* d = claim_at(cs, text, "2.1%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(period(*d) != "2026-Q1");
}

TEST_CASE("revenue per available room is its own metric, the average daily rate a price") {
    // (serviced apartments, not hotels)
    const std::string text =
        "Larchmont Residences said on Thursday that revenue per available room rose 4.1% in the second "
        "quarter, while the average daily rate climbed 3% to 188 euros.\n";
    auto cs = claims_of(text, "2026-07-23");
    const Json* c = claim_at(cs, text, "4.1%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "revpar");
    CHECK(first_subject(*c) == "Larchmont Residences");
    const Json* d = claim_at(cs, text, "188 euros");
    REQUIRE(d);
    INFO(d->dump());
    CHECK((*d)["metric"] == "average_selling_price");
    CHECK(first_subject(*d) == "Larchmont Residences");
}

TEST_CASE("boxes a terminal handles are its throughput") {
    // (an inland rail terminal, not a sea port)
    const std::string text =
        "Dunmore Rail Freight said on Friday its inland terminal handled 212,000 TEU in the first half, "
        "and container throughput for the year would pass 450,000 TEU.\n";
    auto cs = claims_of(text, "2026-07-10");
    const Json* c = claim_at(cs, text, "212,000 TEU");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "throughput");
    const Json* d = claim_at(cs, text, "450,000 TEU");
    REQUIRE(d);
    INFO(d->dump());
    CHECK((*d)["metric"] == "throughput");
}

TEST_CASE("amortisation is its own metric, the company's") {
    const std::string text =
        "Corvane results\n\n"
        "Corvane Software said on Wednesday that its revenue rose 8% to $512 million in the third quarter, "
        "helped by demand for its payroll tools from small firms.\n\n"
        "Amortisation of its code library was $46 million in the quarter.\n";
    auto cs = claims_of(text, "2026-10-21");
    const Json* c = claim_at(cs, text, "$46 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "amortisation");
    CHECK(first_subject(*c) == "Corvane Software");
}

TEST_CASE("the club and the studio refer back to the organisation named") {
    const std::string text =
        "Harlow Vipers Basketball Club said on Monday that revenue for the season rose 9% to 84 million "
        "dollars. The club expects revenue of 90 million dollars next season.\n\n"
        "Greyfield Pictures said its films took 1.2 billion dollars at the box office this year, and "
        "the studio expects to release 14 films next year.\n";
    auto cs = claims_of(text, "2026-09-14");
    const Json* c = claim_at(cs, text, "90 million dollars");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Harlow Vipers Basketball Club");
}

TEST_CASE("a company metric in a place is the company's region") {
    // (a cosmetics maker: its sales in a country are its own)
    const std::string text =
        "Velmora sales climb\n\n"
        "Velmora Beauty said on Thursday that its sales rose 6% to 1.9 billion euros in the second quarter, "
        "as shoppers in Europe bought more of its premium skincare lines.\n\n"
        "Sales in Brazil fell 4%, and revenue in Japan was flat.\n";
    auto cs = claims_of(text, "2026-07-16");
    const Json* c = claim_at(cs, text, "4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Velmora Beauty");
}

TEST_CASE("a count that sizes the noun after 'a' measures nothing") {
    // (a dredger's size, not a production figure; the rooms a group added are a count of rooms)
    const std::string text =
        "Harwick Dredging said on Monday it had ordered a 12,000 tonne hopper dredger from a Dutch yard for 95 "
        "million euros.\n\n"
        "Palisade Resorts said it had added 2,300 rooms across its hotels this year.\n";
    auto cs = claims_of(text, "2026-06-01");
    CHECK(claim_at(cs, text, "12,000 tonne") == nullptr);
    const Json* c = claim_at(cs, text, "2,300 rooms");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "rooms");
}

TEST_CASE("the year a holder was bought is its origin, not its figure's period") {
    const std::string text =
        "Tarrant Retail results\n\n"
        "Tarrant Retail Group said on Tuesday its sales rose 3% to 2.2 billion pounds in the first half, "
        "helped by warmer weather in June and strong demand for garden furniture.\n\n"
        "Fenwick Stores, which the group acquired in 2023, lifted sales 5% to 310 million pounds.\n";
    auto cs = claims_of(text, "2026-08-11");
    const Json* c = claim_at(cs, text, "310 million pounds");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "2023");
}

TEST_CASE("another part named by other words and another unit noun is the parent's") {
    // (a media group: its streaming unit is named; its publishing division is a part of the group)
    const std::string text =
        "Castellan Media results\n\n"
        "Castellan Media Group said on Wednesday that its revenue rose 4% to 2.6 billion euros in the third "
        "quarter, as advertising in its television channels recovered after a weak summer.\n\n"
        "The streaming unit, Lumen Play, reported an operating margin of 11.2%, while the print publishing "
        "division held its margin at 8.5%.\n";
    auto cs = claims_of(text, "2026-10-28");
    const Json* u = claim_at(cs, text, "11.2%");
    REQUIRE(u);
    INFO(u->dump());
    CHECK(first_subject(*u) == "Lumen Play");
    const Json* c = claim_at(cs, text, "8.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Castellan Media Group");
}

TEST_CASE("a headline's whole percentage rounds the body's: the body's period") {
    // (an airline's passenger traffic: the headline rounds 6.8% up to 7%)
    const std::string text =
        "Corvina Air passenger revenue climbs 7%\n\n"
        "Corvina Air said on Monday that its passenger revenue rose 6.8% to 1.14 billion euros in the second "
        "quarter, helped by strong summer bookings on routes to the Canary Islands.\n";
    auto cs = claims_of(text, "2026-07-20");
    const Json* c = claim_at(cs, text, "7%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-Q2");
}
