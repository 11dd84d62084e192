// Session 10 fixes from blind-written results, fiscal and funding stories: a bulleted list's
// items take the period their introduction names, and a year-back comparison counts from it.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("list items take the window their introduction names; a year back counts from it") {
    const std::string text =
        "Marlow Hardware trims outlook\n\n"
        "Marlow Hardware cut its profit outlook on Wednesday.\n\n"
        "In the 13 weeks ended Oct. 4, the chain reported:\n\n"
        "- Revenue of $1.20 billion, up 2% from $1.18 billion a year earlier.\n"
        "- Net income of $40 million, compared with $52 million in the same period last year.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* rev = claim_at(cs, text, "2%");
    REQUIRE(rev);
    INFO(rev->dump());
    CHECK(period(*rev) == "P13W");
    REQUIRE(rev->at("baseline").is_object());
    CHECK(rev->at("baseline")["period"]["value"] == "P13W");
    CHECK(rev->at("baseline")["period"]["to"] == "2025-10-04");
    const Json* ni = claim_at(cs, text, "$40 million");
    REQUIRE(ni);
    INFO(ni->dump());
    CHECK(period(*ni) == "P13W");
    REQUIRE(ni->at("baseline").is_object());
    CHECK(ni->at("baseline")["period"]["to"] == "2025-10-04");
    // (the introduction says nothing of its own: its items are the claims)
    for (const Json& c : cs) CHECK(c["kind"] != "statement");
}

TEST_CASE("a list under an introduction that names no date inherits none from it") {
    const std::string text =
        "Marlow Hardware trims outlook\n\n"
        "Marlow Hardware cut its profit outlook on Wednesday.\n\n"
        "Its latest figures were:\n\n"
        "- Revenue of $1.20 billion.\n";
    auto cs = claims_of(text, "2026-11-18");
    const Json* rev = claim_at(cs, text, "$1.20 billion");
    REQUIRE(rev);
    CHECK(period(*rev) != "2026-11-18");
}

TEST_CASE("an international body's word covers each economy it assesses in the paragraph") {
    const std::string text =
        "IMF flags fiscal risks\n\n"
        "The International Monetary Fund on Tuesday said Spain's budget deficit would narrow to 2.9% of GDP "
        "next year. Portugal's deficit is expected at 1.1% of GDP.\n";
    auto cs = claims_of(text, "2026-10-13");
    const Json* pt = claim_at(cs, text, "1.1%");
    REQUIRE(pt);
    INFO(pt->dump());
    CHECK(first_subject(*pt) == "Portugal");
    CHECK(first_source(*pt) == "International Monetary Fund");
}

TEST_CASE("a plan's year does not date the figures a later sentence reports") {
    const std::string text =
        "Norvik Data profit rises\n\n"
        "Norvik Data on Wednesday reported a 6% rise in net profit to $410 million for the July-September quarter.\n\n"
        "The chief executive said the company would recruit 5,000 graduates in FY27. "
        "Revenue rose 4% to $2.2 billion.\n";
    auto cs = claims_of(text, "2025-10-15");
    const Json* plan = claim_at(cs, text, "5,000 graduates");
    REQUIRE(plan);
    CHECK(period(*plan) == "FY2027");
    const Json* rev = claim_at(cs, text, "4%");
    REQUIRE(rev);
    INFO(rev->dump());
    CHECK(period(*rev) != "FY2027");
}

TEST_CASE("a central bank's rate named by its country or its rate-setting committee is the bank's") {
    const std::string text =
        "Hungary cuts rates to 6%\n\n"
        "The Monetary Policy Council lowered the base rate by 25 basis points to 6% on Tuesday, "
        "the Magyar Nemzeti Bank said in a statement.\n";
    auto cs = claims_of(text, "2026-09-22");
    const Json* head = claim_at(cs, text, "6%");
    REQUIRE(head);
    INFO(head->dump());
    CHECK(first_subject(*head) == "Hungarian National Bank");
    const Json* body = claim_at(cs, text, "6%", "to ");
    REQUIRE(body);
    INFO(body->dump());
    CHECK(first_subject(*body) == "Hungarian National Bank");
}

TEST_CASE("'it' continues the previous sentence's subject; investors named are not 'the company'") {
    const std::string text =
        "Orvell raises $80m\n\n"
        "Orvell, the Dublin-based payroll software company, has raised $80 million in a round led by Basalt Capital. "
        "Later that day, it told staff it would cut 120 jobs.\n\n"
        "Existing investors Fenwick Partners and Rowan Ventures also joined the round, the company said. "
        "Orvell has 900 employees.\n";
    auto cs = claims_of(text, "2026-06-10");
    const Json* cut = claim_at(cs, text, "120 jobs");
    REQUIRE(cut);
    INFO(cut->dump());
    CHECK(first_source(*cut) == "Orvell");
    const Json* st = statement_at(cs, "Existing investors");
    REQUIRE(st);
    INFO(st->dump());
    CHECK(first_source(*st) == "Orvell");
}

TEST_CASE("unnamed analysts' expected change is no one's, and does not speak for the reported figure") {
    const std::string text =
        "Tallis Stores sales rise\n\n"
        "Tallis Stores said on Thursday that same-store sales rose 2.1%, short of the 3% increase analysts had expected.\n";
    auto cs = claims_of(text, "2026-03-05");
    const Json* own = claim_at(cs, text, "2.1%");
    REQUIRE(own);
    INFO(own->dump());
    CHECK(first_source(*own) == "Tallis Stores");
    const Json* exp = claim_at(cs, text, "3%");
    REQUIRE(exp);
    INFO(exp->dump());
    CHECK(first_source(*exp) != "analysts");
}

TEST_CASE("'the fiscal year ending Jan. 31' with no year is the fiscal year under way, and sets the story's") {
    const std::string text =
        "Pellam Home cuts forecast\n\n"
        "Pellam Home now expects adjusted earnings of $3.10 a share for the fiscal year ending Jan. 31, "
        "down from $3.40.\n\n"
        "The chief financial officer said freight would cost the company about $40 million this fiscal year.\n";
    auto cs = claims_of(text, "2026-11-19");
    const Json* g = claim_at(cs, text, "$3.10");
    REQUIRE(g);
    INFO(g->dump());
    CHECK(period(*g) == "FY2027");
    const Json* f = claim_at(cs, text, "$40 million");
    REQUIRE(f);
    INFO(f->dump());
    CHECK(period(*f) == "FY2027");
}

TEST_CASE("a later ', but X said that ...' clause is its own statement and does not source the figure before it") {
    const std::string text =
        "Chile holds rate\n\n"
        "Chile's central bank cut its benchmark rate to 5% on Tuesday, but board member Ana Rojas said on Wednesday "
        "that further easing would wait for clearer data.\n";
    auto cs = claims_of(text, "2026-07-29");
    const Json* cut = claim_at(cs, text, "5%");
    REQUIRE(cut);
    INFO(cut->dump());
    CHECK(first_source(*cut) != "Ana Rojas");
    const Json* st = statement_at(cs, "further easing would wait");
    REQUIRE(st);
    CHECK(first_source(*st) == "Ana Rojas");
}

TEST_CASE("a headline's change takes the lead's metric when both reach the same level, the percent rounded") {
    const std::string text =
        "Sarvani Infotech Q2 profit rises 8% to Rs 2,150 crore\n\n"
        "Sarvani Infotech on Thursday reported a 7.8 per cent rise in consolidated net profit to Rs 2,150 crore "
        "for the July-September quarter.\n";
    auto cs = claims_of(text, "2025-10-16");
    const Json* h = claim_at(cs, text, "8%");
    REQUIRE(h);
    INFO(h->dump());
    CHECK(h->at("metric") == "net_profit");
}
