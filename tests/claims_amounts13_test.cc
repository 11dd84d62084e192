// Session 13 (amounts13): the general causes behind wrong amount-claim fields that the held-out
// articles H47-H54, read as a diagnostic set, showed — each proved here with sentences of our own
// (no held-out sentence is copied).
#include "tests/claims_support.h"

using namespace claims_support;

namespace {
// The date mention that starts where `text` first has `anchor` (after `before`), or null.
Json date_at(const std::string& text, const std::string& published, const std::string& anchor,
             const std::string& before = "") {
    claimex::document::Document d;
    d.id = "t";
    d.text = text;
    claimex::Record r = extractor().extract(d, published);
    size_t at = text.find(before + anchor);
    REQUIRE(at != std::string::npos);
    at += before.size();
    Json out;
    Json doc = claimex::to_json(r, false);
    for (const Json& m : doc["mentions"])
        if (m["type"] == "date" && m["start"].get<size_t>() == at) out = m;
    return out;
}
}  // namespace

TEST_CASE("'the ten-month period' is the figure's window") {
    const std::string text =
        "Profits at paper mills rose 4.1% in the first ten months of the year, the statistics office said. "
        "Profits at pulp makers climbed 9.5% in the ten-month period.\n";
    auto cs = claims_of(text, "2026-11-27");
    const Json* c = claim_at(cs, text, "9.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "P10M");
    // (a comparison's window is none: "the previous five-year period")
    const std::string t2 = "The utility will spend £9bn by 2031, double what it spent in the previous five-year period.\n";
    CHECK(date_at(t2, "2026-11-27", "five-year period").is_null());
}

TEST_CASE("a verb of estimating right after a figure dates when the estimate was made") {
    const std::string text =
        "PERTH, June 9 - The state now expects a deficit of A$0.9 billion this year, smaller than the "
        "A$1.6 billion projected in December, Treasurer Kim Lowe said.\n";
    Json d = date_at(text, "2026-06-09", "December");
    REQUIRE(d.is_object());
    CHECK(d["value"] == "2025-12");
    // (an expected event stays ahead)
    const std::string t2 = "Markets see a rate cut expected in December.\n";
    Json e = date_at(t2, "2026-06-09", "December");
    REQUIRE(e.is_object());
    CHECK(e["value"] == "2026-12");
}

TEST_CASE("'stood at' is past: a yearless month is the one gone by") {
    const std::string text = "Corporate debt stood at 112% of GDP at the end of April, central bank data showed.\n";
    Json d = date_at(text, "2026-12-15", "the end of April");
    REQUIRE(d.is_object());
    CHECK(d["value"] == "2026-04");
}

TEST_CASE("'a year earlier' with no period in its sentence counts back from the story's quarter or month") {
    const std::string text =
        "Varden Foods profit falls in third quarter\n\n"
        "OSLO, Nov 5 - Varden Foods reported a 20% drop in third-quarter operating profit on Thursday.\n\n"
        "Packaging costs rose to NOK 3.20 per kilo from NOK 2.90 a year earlier.\n";
    Json d = date_at(text, "2026-11-05", "a year earlier");
    REQUIRE(d.is_object());
    CHECK(d["value"] == "2025-Q3");
    const std::string t2 =
        "Chile's copper exports rose in October\n\n"
        "SANTIAGO, Nov 7 - Chile's copper exports rose 8% in October, the central bank said on Friday.\n\n"
        "Imports fell 3% to $6.1 billion, leaving a surplus of $1.9 billion, compared with $1.2 billion a year earlier.\n";
    Json e = date_at(t2, "2026-11-07", "a year earlier");
    REQUIRE(e.is_object());
    CHECK(e["value"] == "2025-10");
}

TEST_CASE("a count's noun after two modifiers joined by 'and' is its unit") {
    const std::string text =
        "BRISBANE, June 9 - The budget sets aside A$5.4 billion over four years for 15,000 new social and "
        "affordable homes, the state's treasurer said.\n";
    auto cs = claims_of(text, "2026-06-09");
    const Json* h = claim_at(cs, text, "15,000 new social and affordable homes");
    REQUIRE(h);
    INFO(h->dump());
    CHECK(h->at("value")["unit"] == "home");
    CHECK(h->at("metric") == "homes_built");
}

TEST_CASE("money a state sets aside is its budget, a company's set-aside its provision") {
    const std::string text =
        "HOBART, June 9 - Tasmania's budget sets aside A$700 million for school upgrades, Treasurer Ann Lowe "
        "said. Separately, Derwent Mining said it had set aside A$40 million for a legal claim.\n";
    auto cs = claims_of(text, "2026-06-09");
    const Json* s = claim_at(cs, text, "A$700 million");
    REQUIRE(s);
    INFO(s->dump());
    CHECK(s->at("metric") == "budget");
    const Json* m = claim_at(cs, text, "A$40 million");
    REQUIRE(m);
    INFO(m->dump());
    CHECK(m->at("metric") == "provisions");
}

TEST_CASE("a previous target given as a range with its unit elided is the count's baseline") {
    const std::string text =
        "Brackley Homes said on Wednesday it now expects to complete between 6,200 and 6,400 homes this year, "
        "compared with a previous target of 6,600 to 6,900.\n";
    auto cs = claims_of(text, "2026-11-11");
    const Json* c = claim_at(cs, text, "6,200 and 6,400 homes");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE(c->at("baseline").is_object());
    CHECK(c->at("baseline")["value"]["value"] == 6600.0);
    CHECK(c->at("baseline")["value"]["unit"] == "home");
    // (the earlier target makes no claim of its own)
    CHECK_FALSE(claim_at(cs, text, "6,600 to 6,900"));
}

TEST_CASE("a date in a relative clause about its holder does not date a market move") {
    const std::string text =
        "LONDON, 11 November - Shares in housebuilder Brackley Homes fell 7% on Wednesday after it cut its "
        "forecast. Rival Tolland Homes, which reports next week, fell 3.4 per cent.\n";
    auto cs = claims_of(text, "2026-11-11");
    const Json* c = claim_at(cs, text, "3.4 per cent");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-11-11");
}

TEST_CASE("a place inside the phrase after 'in a' still lets the phrase name the metric") {
    const std::string text = "Qinling Battery Technology raised HK$6.2 billion in a Hong Kong IPO, a filing showed on Thursday.\n";
    auto cs = claims_of(text, "2026-12-03");
    const Json* c = claim_at(cs, text, "HK$6.2 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(c->at("metric") == "ipo_proceeds");
}
