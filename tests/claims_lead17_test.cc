// Session 17 (lead's probes of new text: a games publisher, rail freight statistics, an asset
// manager's flows). Sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("'the Toronto-based publisher' refers back to the company") {
    const std::string text =
        "Marlowe Quill Books Inc said on Wednesday that sales rose 6% to $388 million in the year to "
        "August.\n\n"
        "The Toronto-based publisher raised its forecast for next year to $410 million.\n";
    auto cs = claims_of(text, "2026-11-04");
    const Json* c = claim_at(cs, text, "$410 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Marlowe Quill Books");
}

TEST_CASE("news verbs of a move: collapsed, trebled, and a verb of manner with its adverb") {
    const std::string text =
        "Timber exports collapsed by 40 per cent to 2.1 million cubic metres in October, the statistics "
        "office said.\n\n"
        "Cement prices edged lower 0.6% to $118 a tonne in November.\n\n"
        "Lithium output trebled to 30,000 tonnes last year.\n\n"
        "Rents fell up to 5% in some districts.\n";
    auto cs = claims_of(text, "2026-12-03");
    const Json* c = claim_at(cs, text, "40 per cent");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(c->contains("change"));
    CHECK((*c)["change"]["direction"] == "down");
    const Json* e = claim_at(cs, text, "0.6%");
    REQUIRE(e);
    INFO(e->dump());
    CHECK((*e)["change"]["direction"] == "down");
    CHECK((*e)["value"]["text"] == "$118");
    const Json* t = claim_at(cs, text, "30,000 tonnes");
    REQUIRE(t);
    INFO(t->dump());
    CHECK((*t)["change"]["direction"] == "up");
    CHECK((*t)["change"]["factor"] == 3);
    const Json* u = claim_at(cs, text, "5%", "up to ");
    REQUIRE(u);
    INFO(u->dump());
    CHECK((*u)["change"]["direction"] == "down");  // ("up to" is the size's qualifier, no adverb)
}

TEST_CASE("freight moved is its own metric, not passengers or exports") {
    const std::string text =
        "Container traffic through the Alpine tunnels fell 3.2% in the third quarter, the transport "
        "ministry said.\n\n"
        "Freight on the network totalled 8.4 billion tonne-kilometres.\n";
    auto cs = claims_of(text, "2026-11-10");
    const Json* c = claim_at(cs, text, "3.2%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "freight");
    const Json* t = claim_at(cs, text, "8.4 billion tonne-kilometres");
    REQUIRE(t);
    INFO(t->dump());
    CHECK((*t)["metric"] == "freight");
}

TEST_CASE("a count of one kind of job is a job cut") {
    const std::string text = "Dunmore Foods Ltd said on Monday it would cut 180 packing jobs at its Sligo plant.\n";
    auto cs = claims_of(text, "2026-11-16");
    const Json* c = claim_at(cs, text, "180 packing jobs");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Dunmore Foods");
    REQUIRE(c->contains("change"));
    CHECK((*c)["change"]["direction"] == "down");
}

TEST_CASE("'cut by half' after a verb of a fall is halved; 'by half a point' is not") {
    const std::string text =
        "Brisa Copper Mines cut its interim dividend by half to 12 cents, the company said.\n\n"
        "The central bank lowered its rate by half a percentage point.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "12 cents");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(c->contains("change"));
    CHECK((*c)["change"]["direction"] == "down");
    CHECK((*c)["change"]["factor"] == 0.5);
    CHECK((*c)["change"]["text"] == "cut");  // (the verb is the change word, "half" its size)
}

TEST_CASE("a metric after 'our' in a quote is the speaking company's") {
    const std::string text =
        "Tessaly Marine orders jump\n\n"
        "HELSINKI, Nov 10 - Tessaly Marine Systems Oy said on Tuesday its order intake rose 31% in the "
        "third quarter. Tessaly shares rose 3%.\n\n"
        "\"We are spending to triple our shipyard capacity by 2029,\" chief executive Aino Lahti told "
        "reporters.\n";
    auto cs = claims_of(text, "2026-11-10");
    const Json* c = nullptr;
    for (const Json& x : cs)
        if (x["metric"] == "capacity") c = &x;
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Tessaly Marine Systems");
}

TEST_CASE("a period after 'on' right after a move's percentage is the comparison's, a day is when") {
    const std::string text =
        "Rice output seen down 12% on last season\n\n"
        "Shares of Vollan Agri fell 2% on Monday.\n";
    auto cs = claims_of(text, "2026-12-02");
    const Json* c = claim_at(cs, text, "12%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) != "FY2026");  // (last season is what the output is compared with)
    const Json* d = claim_at(cs, text, "2%", "fell ");
    REQUIRE(d);
    INFO(d->dump());
    CHECK(period(*d) == "2026-11-30");
}
