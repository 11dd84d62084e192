// Session 19 (probes19): readings that new text of our own showed wrong — a range from cents to
// dollars, a survey index below zero and a poll's expected reading of it, baselines after an
// equivalent or a per-share level, price increases "of" a percentage, shares of survey
// respondents. Sentences of our own, in other words than the probes that showed them.
#include "tests/claims_support.h"

using namespace claims_support;

namespace {

// The mention whose text is `span` (the first), copied into `out`.
const Json* mention_at(const claimex::Record& r, const std::string& span, Json& out) {
    Json rec = claimex::to_json(r, false);
    for (const Json& j : rec["mentions"])
        if (j["text"] == span) {
            out = j;
            return &out;
        }
    return nullptr;
}

claimex::Record record_of(const std::string& text, const std::string& published) {
    claimex::document::Document d;
    d.id = "t";
    d.text = text;
    return extractor().extract(d, published);
}

}  // namespace

TEST_CASE("a range from a minor unit to a major one keeps each end's unit") {
    const std::string text =
        "Kestrel Freight trims outlook\n\n"
        "Kestrel Freight expects earnings of 92 cents to $1.08 a share this quarter, down from its earlier "
        "range of $1.10 to $1.25.\n";
    auto r = record_of(text, "2026-10-20");
    Json m;
    REQUIRE(mention_at(r, "92 cents to $1.08", m));
    INFO(m.dump());
    CHECK(m["currency"] == "USD");
    CHECK(m["min"].get<double>() == Approx(0.92));
    CHECK(m["max"].get<double>() == Approx(1.08));
    CHECK(m["value"].get<double>() == Approx(0.92));
    // one claim for the range, none for its upper end alone
    auto cs = claims_of(text, "2026-10-20");
    CHECK(claim_at(cs, text, "92 cents"));
    CHECK_FALSE(claim_at(cs, text, "$1.08"));
}

TEST_CASE("a survey index below zero and the reading a poll expected of it") {
    const std::string text =
        "Lakeland household survey\n\n"
        "The household sentiment index climbed to minus 4.6 in November from minus 7.9, the statistics "
        "office said. Economists polled by Harbour Wire had forecast a reading of minus 6.0.\n";
    auto r = record_of(text, "2026-12-03");
    Json m;
    REQUIRE(mention_at(r, "minus 4.6", m));
    CHECK(m["value"].get<double>() == Approx(-4.6));
    CHECK(m["unit"] == "point");
    REQUIRE(mention_at(r, "minus 6.0", m));
    CHECK(m["value"].get<double>() == Approx(-6.0));
    auto cs = claims_of(text, "2026-12-03");
    const Json* c = claim_at(cs, text, "minus 6.0");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "amount");
    CHECK((*c)["metric"] == "consumer_confidence");
    CHECK(first_source(*c) == "Harbour Wire");
}

TEST_CASE("a baseline after the new level's equivalent in brackets, with a long date before") {
    const std::string text =
        "Ostrava Steelworks lifts forecast\n\n"
        "Ostrava Steelworks raised its operating profit forecast for the financial year ending June 2027 "
        "to 4.1 billion Czech crowns ($178 million) from 3.6 billion Czech crowns.\n";
    auto cs = claims_of(text, "2026-11-04");
    const Json* c = claim_at(cs, text, "4.1 billion Czech crowns");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    REQUIRE((*c)["baseline"].is_object());
    CHECK((*c)["baseline"]["value"]["value"].get<double>() == Approx(3.6e9));
    CHECK_FALSE(claim_at(cs, text, "3.6 billion Czech crowns"));
}

TEST_CASE("a from-figure right after a per-share level is its baseline") {
    const std::string text =
        "Marlowe Water lifts payout\n\n"
        "Marlowe Water bought back shares worth up to $80 million, and raised its quarterly payout to 21 cents a "
        "share from 19 cents.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* c = claim_at(cs, text, "21 cents");
    REQUIRE(c);
    INFO(c->dump());
    REQUIRE((*c)["baseline"].is_object());
    CHECK((*c)["baseline"]["value"]["value"].get<double>() == Approx(0.19));
    const Json* b = claim_at(cs, text, "$80 million");
    REQUIRE(b);
    CHECK((*b)["baseline"].is_null());
}

TEST_CASE("price increases of a percentage are a change, not a bond yield") {
    const std::string text =
        "Tavira Cement raises prices\n\n"
        "Tavira Cement announced price rises of 7% for its bagged products, and hauliers expect fare "
        "increases of between 3% and 5% in the spring.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* c = claim_at(cs, text, "7%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["kind"] == "change");
    CHECK((*c)["metric"] == "price");
    CHECK((*c)["change"]["direction"] == "up");
    const Json* d = claim_at(cs, text, "3% and 5%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK((*d)["kind"] == "change");
    CHECK((*d)["metric"] != "yield");
}

TEST_CASE("a share of survey respondents is a survey share") {
    const std::string text =
        "Exporters turn gloomy\n\n"
        "Bond yields rose to 4.2% on Monday. In the chamber's quarterly poll, 27.5% of exporters said orders "
        "had fallen, and 61% of managers surveyed expect prices to rise.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* c = claim_at(cs, text, "27.5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK((*c)["metric"] == "survey_share");
    const Json* d = claim_at(cs, text, "61%");
    REQUIRE(d);
    INFO(d->dump());
    CHECK((*d)["metric"] == "survey_share");
    // (a share of a market, or of a whole, is not)
    const std::string t2 = "Lindvall paint\n\nLindvall holds 18% of the Nordic paint market, and 40% of its sales come from Norway.\n";
    auto c2 = claims_of(t2, "2026-11-18");
    const Json* e = claim_at(c2, t2, "18%");
    REQUIRE(e);
    CHECK((*e)["metric"] == "market_share");
}

TEST_CASE("a trailing 'according to' with only the holder's role after it keeps the content before it") {
    const std::string text =
        "Harrow Mills outlook\n\n"
        "Harrow Mills looks cheap against its European peers, according to Tomas Brink, a paper analyst at "
        "Nordvik Securities.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* s = statement_at(cs, "Harrow Mills looks cheap against its European peers");
    REQUIRE(s);
    INFO(s->dump());
    CHECK((*s)["statement"]["text"] == "Harrow Mills looks cheap against its European peers");
    CHECK(first_source(*s) == "Tomas Brink");
    CHECK_FALSE(statement_at(cs, "a paper analyst"));
}

TEST_CASE("a quarter that a forecast noun is about lies ahead, whatever verb stands before it") {
    const std::string text =
        "Brenlow Foods trims outlook\n\n"
        "Brenlow Foods on Monday cut its third-quarter sales guidance and lowered its forecast for the third "
        "quarter, while its second-quarter sales fell 3%.\n";
    auto r = record_of(text, "2026-07-20");
    Json m;
    REQUIRE(mention_at(r, "third-quarter", m));
    CHECK(m["value"] == "2026-Q3");
    REQUIRE(mention_at(r, "the third quarter", m));
    CHECK(m["value"] == "2026-Q3");
    REQUIRE(mention_at(r, "second-quarter", m));
    CHECK(m["value"] == "2026-Q2");
}
