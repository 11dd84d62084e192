// Claims on text written blind (session 11, blind11): the general causes behind the errors on
// dev articles 141-146 — a size compared "more/less than" the figure's past, a ratio where lower
// is better, "won" as a verb, a sale's proceeds after "raised", a debt owed now, an insurer's
// core income setting the report period.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("', about N% more than last year' after a figure is that figure's change") {
    const std::string text =
        "Farmers planted 3.2 million hectares of canola this season, about 4% more than last year, the "
        "agriculture department said.\n";
    auto cs = claims_of(text, "2026-09-14");
    const Json* c = claim_at(cs, text, "4%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    CHECK((*c)["change"]["direction"] == "up");
    CHECK((*c)["value"]["value"] == 3200000.0);
    // (the date after "than" is what the figure is compared with, not its period)
    CHECK(period(*c) != "2025");
}

TEST_CASE("'N% less than last season's X' gives the change before it its size and baseline") {
    const std::string text =
        "The board cut its forecast for the sugar crop to 31.5 million tonnes, 9% less than last season's "
        "34.6 million tonnes.\n";
    auto cs = claims_of(text, "2026-06-02");
    const Json* c = claim_at(cs, text, "31.5 million tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    CHECK((*c)["change"]["direction"] == "down");
    REQUIRE((*c)["change"].contains("percent"));
    CHECK((*c)["change"]["percent"]["value"] == 9.0);
    REQUIRE((*c)["baseline"].is_object());
    CHECK((*c)["baseline"]["value"]["value"] == 34600000.0);
    // (the earlier season's figure is no claim of its own)
    CHECK(claim_at(cs, text, "34.6 million tonnes") == nullptr);
}

TEST_CASE("'N% more than' a reference that is no past of the figure makes no change") {
    const std::string text = "The airport concession sold for $2.3 billion, 15% more than the government's floor price.\n";
    auto cs = claims_of(text, "2026-06-02");
    for (const auto& c : cs) {
        INFO(c.dump());
        CHECK(c["kind"] != "change");
    }
}

TEST_CASE("a ratio where lower is better that improved fell") {
    const std::string text =
        "Kerrow Insurance said its combined ratio improved 3.4 percentage points to 91.8% in the third "
        "quarter, while its expense ratio worsened to 28.1%.\n";
    auto cs = claims_of(text, "2026-10-28");
    const Json* c = claim_at(cs, text, "3.4 percentage points");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "combined_ratio");
    CHECK((*c)["change"]["direction"] == "down");
}

TEST_CASE("'won' after a company is the verb, not the Korean currency") {
    const std::string text = "Brenner Telecom won three spectrum blocks for a combined €410 million, the regulator said.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "€410 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] != "exchange_rate");
}

TEST_CASE("a country's auction that raised money keeps the auction's metric and the country") {
    const std::string text = "Peru's auction of offshore oil blocks raised $780 million on Wednesday, the energy ministry said.\n";
    auto cs = claims_of(text, "2026-11-05");
    const Json* c = claim_at(cs, text, "$780 million");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "auction_proceeds");
    CHECK(first_subject(*c) == "Peru");
}

TEST_CASE("a debt a company owes now takes no report period") {
    const std::string text =
        "Sunvale Properties had 140 projects under construction at the end of June. It owes lenders about "
        "18 billion yuan, the filing showed.\n";
    auto cs = claims_of(text, "2026-08-30");
    const Json* c = claim_at(cs, text, "18 billion yuan");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["period"].is_null());
}

TEST_CASE("an insurer's core income in the lead sets the report period of later figures") {
    const std::string text =
        "Kerrow Insurance reported on Tuesday a 22% rise in third-quarter core income to $610 million.\n\n"
        "Net written premiums grew 6% to $7.4 billion.\n";
    auto cs = claims_of(text, "2026-10-27");
    const Json* lead = claim_at(cs, text, "22%");
    REQUIRE(lead);
    INFO(lead->dump());
    CHECK((*lead)["metric"] == "profit");
    const Json* c = claim_at(cs, text, "6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(period(*c) == "2026-Q3");
}
