// The story's trading day (corpus/CLAIMS.md, Periods) through the whole
// pipeline: what a one-line rule example cannot show (a headline, a byline
// and publication line, a dateline, the first paragraphs of text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a wrap's day in the lead governs its later moves, not their own windows") {
    // (the text is ASCII: byte offsets are code points)
    const std::string text =
        "Stocks slip as bank shares slide 4.2%\n\n"
        "By A. Writer\nJuly 31, 2024 - 4:52 PM GMT - 4 min read\n\n"
        "FRANKFURT, July 31 (Wire) - European shares fell on Wednesday as weak bank results and a stronger euro "
        "weighed on the region's exporters.\n\n"
        "The STOXX 600 index lost 0.9% and Germany's DAX slipped 1.1% to 18,410. The euro rose 0.4% to $1.0850.\n\n"
        "The DAX has gained 9% so far this year.\n";
    auto cs = claims_of(text, "2024-07-31");
    for (const char* a : {"0.9%", "1.1%", "0.4%", "4.2%"}) {  // the headline's move too
        const Json* c = claim_at(cs, text, a);
        INFO(a);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(period(*c) == "2024-07-31");
        CHECK(inherited(*c));
    }
    const Json* ytd = claim_at(cs, text, "9%", "gained ");
    REQUIRE(ytd);
    CHECK(period(*ytd) == "2024");
    CHECK_FALSE(inherited(*ytd));
}

TEST_CASE("the day of the second paragraph of text governs; a day further down does not") {
    const std::string text =
        "Lender lifts dividend as profit climbs\n\n"
        "Harbrook Bank raised its dividend after profit climbed in the second quarter, helped by higher fees "
        "and lower funding costs.\n\n"
        "The bank said in a statement on Thursday that net profit rose 12% to 2.1 billion crowns.\n\n"
        "Harbrook shares rose 3.2% in early trading.\n";
    auto cs = claims_of(text, "2024-08-01");
    const Json* c = claim_at(cs, text, "3.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2024-08-01");
    // the results keep their report period
    const Json* profit = claim_at(cs, text, "12%");
    REQUIRE(profit);
    CHECK(period(*profit) != "2024-08-01");

    const std::string later =
        "Lender lifts dividend as profit climbs\n\n"
        "Harbrook Bank raised its dividend after profit climbed in the second quarter, helped by higher fees "
        "and lower funding costs.\n\n"
        "Fee income grew across all of its units, and the bank kept its targets for the year unchanged.\n\n"
        "The bank said in a statement on Thursday that it would buy back shares.\n\n"
        "Harbrook shares rose 3.2% in early trading.\n";
    auto cs2 = claims_of(later, "2024-08-01");
    const Json* c2 = claim_at(cs2, later, "3.2%");
    REQUIRE(c2);
    INFO(c2->dump());
    CHECK(period(*c2).empty());
}

TEST_CASE("no day stated: the dateline and publication line are not the story's day") {
    const std::string text =
        "Copper slides on China worries\n\n"
        "July 31, 2024 - 09:12 GMT\n\n"
        "LONDON, July 31 (Wire) - Copper prices slid to a four-month low as worries about demand in China "
        "deepened and inventories kept rising.\n\n"
        "Copper fell 1.4% to $9,020 a tonne, and aluminium slipped 0.6%.\n";
    auto cs = claims_of(text, "2024-07-31");
    const Json* c = claim_at(cs, text, "1.4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c).empty());
}

TEST_CASE("a weekend day in the lead is no trading day: the first move's own day governs") {
    const std::string text =
        "OPEC+ extends cuts; oil climbs\n\n"
        "OPEC+ agreed on Sunday to extend its output cuts into next year, as the group seeks to support prices "
        "in a market worried about demand.\n\n"
        "Brent crude rose 1.8% to $82.40 a barrel on Monday. U.S. crude gained 2.1% to $78.10.\n";
    auto cs = claims_of(text, "2024-06-03");
    const Json* wti = claim_at(cs, text, "2.1%");
    REQUIRE(wti);
    INFO(wti->dump());
    CHECK(period(*wti) == "2024-06-03");
    CHECK(inherited(*wti));
}
