// Session 12 (diag12): the general causes behind wrong claim fields that the held-out articles
// H01-H38, read as a diagnostic set, showed — each proved here with sentences of our own.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a byline's desk is no organisation that 'it' or 'the budget documents' refers back to") {
    const std::string text =
        "Lisbon plans bigger deficit\n\n"
        "By Ana Moreira | Economy Desk Bureau | Published March 3, 2026\n\n"
        "LISBON - The government expects a deficit of 12 billion euros in 2026, more than the 9 billion "
        "euros it had forecast in October, Finance Minister Rui Tavares said on Tuesday.\n\n"
        "The shortfall would equal 4% of GDP, up from 3% in 2025, according to the budget documents.\n";
    auto cs = claims_of(text, "2026-03-03");
    for (const Json& c : cs)
        for (const Json& s : c["sources"]) CHECK(s["name"] != "Economy Desk Bureau");
    const Json* c = claim_at(cs, text, "4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "budget documents");
}

TEST_CASE("'slow', 'recover' and 'squeezed' are change verbs") {
    const std::string text =
        "The World Bank said on Monday that growth in Central Asia would slow to 3.9% next year from 4.4% "
        "in 2026. Ostra Foods said its gross margin should recover to about 21% in 2027. A glut of cheap "
        "imports squeezed Ostra's operating margin to 6.1% from 8.3% in the quarter.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* slow = claim_at(cs, text, "3.9%");
    REQUIRE(slow);
    INFO(slow->dump());
    CHECK(slow->at("kind") == "change");
    CHECK(slow->at("change")["direction"] == "down");
    CHECK(slow->at("baseline")["value"]["value"] == 4.4);
    const Json* rec = claim_at(cs, text, "21%");
    REQUIRE(rec);
    CHECK(rec->at("kind") == "change");
    CHECK(rec->at("change")["direction"] == "up");
    const Json* sq = claim_at(cs, text, "6.1%");
    REQUIRE(sq);
    CHECK(sq->at("kind") == "change");
    CHECK(sq->at("change")["direction"] == "down");
}

TEST_CASE("a percentage that heads or follows a plain target in a sentence about inflation is the bank's target") {
    const std::string text =
        "OSLO, May 4 - Norges Bank kept its policy rate at 4.5% on Thursday.\n\n"
        "Core inflation eased to 2.9% in April from 3.1% in March, still above the 2 per cent target.\n\n"
        "Governor Ida Wolden Bache said underlying inflation was still above the bank's 2.5% target. The "
        "committee said price expectations remained above its target of 2.25%.\n\n"
        "Staff expect inflation to average 2.6% next year before returning to the 2% goal in 2028.\n";
    auto cs = claims_of(text, "2026-05-04");
    for (const char* f : {"2 per cent", "2.5%", "2.25%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->at("metric") == "inflation_target");
        CHECK(first_subject(*c) == "Norges Bank");
    }
    // (inflation forecast to reach the target is inflation's level, not the target)
    const Json* r = claim_at(cs, text, "2%", "the ");
    REQUIRE(r);
    INFO(r->dump());
    CHECK(r->at("metric") != "inflation_target");
}

TEST_CASE("an office named after its parent's possessive is the one that speaks") {
    const std::string text =
        "Retail sales rose 0.6% in March, the Commerce Department's Census Bureau said on Tuesday. Import "
        "prices fell 0.2%, the Labor Department's Bureau of Labor Statistics reported.\n";
    auto cs = claims_of(text, "2026-04-14");
    const Json* a = claim_at(cs, text, "0.6%");
    REQUIRE(a);
    CHECK(first_source(*a) == "United States Census Bureau");
    const Json* b = claim_at(cs, text, "0.2%");
    REQUIRE(b);
    CHECK(first_source(*b) == "Bureau of Labor Statistics");
}

TEST_CASE("'its planned dividend' says no future tense: a yearless quarter after it is the last ended") {
    const std::string text =
        "OSLO - Norvik Bank raised its planned dividend for 2026 to NOK 4bn from NOK 3bn on Wednesday after "
        "posting third-quarter net profit of NOK 2.1bn, up 6% from a year earlier.\n";
    auto cs = claims_of(text, "2026-10-28");
    const Json* c = claim_at(cs, text, "6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-Q3");
}

TEST_CASE("'In PLACE, state investor X, which ..., said': X speaks, not the place") {
    const std::string text =
        "In Doha, state investor Qatari Holdings Fund, which manages about $200 billion, said it had agreed "
        "to buy a 20% stake in a German wind developer for 2 billion euros.\n";
    auto cs = claims_of(text, "2026-07-30");
    for (const char* f : {"20%", "2 billion euros"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_source(*c) == "Qatari Holdings Fund");
    }
}

TEST_CASE("a gapped list of levels after a change verb: each holder's possessive makes its own change") {
    const std::string text =
        "Among the biggest economies, Dutch inflation fell to 2.1 per cent in May, Belgium's to 3.4 per "
        "cent and Austria's to 2.9 per cent.\n";
    auto cs = claims_of(text, "2026-06-02");
    for (auto [f, who] : {std::pair{"3.4 per cent", "Belgium"}, std::pair{"2.9 per cent", "Austria"}}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->at("kind") == "change");
        CHECK(c->at("change")["direction"] == "down");
        CHECK(first_subject(*c) == who);
        CHECK(c->at("metric") == "inflation");
    }
}
