// Claim subjects (session 11, subj11): the general causes behind wrong amount and change subjects
// on dev — a central government's fiscal figures where the story names the government itself, a
// possessive right before a figure inside another holder's clause, a trailing adverb in a holder.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a fiscal figure is the central government's when the story names it as an entity") {
    const std::string text =
        "NEW DELHI: The Centre will borrow more this year, the finance ministry said on Monday.\n\n"
        "The fiscal deficit is projected at 4.6% of GDP in 2026-27. Net tax revenue rose 8% to Rs 24 lakh "
        "crore in the year.\n";
    auto cs = claims_of(text, "2026-02-02");
    for (const char* f : {"4.6%", "8%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "Government of India");
    }
}

TEST_CASE("with no government named as an entity, a fiscal figure stays the economy's") {
    const std::string text =
        "NEW DELHI: India's economy grew 7% last year, the statistics ministry said on Monday.\n\n"
        "The fiscal deficit is projected at 4.6% of GDP in 2026-27.\n";
    auto cs = claims_of(text, "2026-02-02");
    const Json* c = claim_at(cs, text, "4.6%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "India");
}

TEST_CASE("a possessive right before a figure names its holder, not the clause's head") {
    const std::string text =
        "Valdera Cobre said on Tuesday its copper output rose 4% in the first quarter.\n\n"
        "The Andes Miners' Union, which represents about half of the company's 2,800 workers, voted on "
        "Monday to strike. Prices held above the Bank of Japan's 2% target for a third year.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "2,800 workers");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Valdera Cobre");
    const Json* t = claim_at(cs, text, "2%");
    REQUIRE(t);
    INFO(t->dump());
    CHECK(first_subject(*t) == "Bank of Japan");
}

TEST_CASE("'currently' after a holder is no part of it") {
    const std::string text =
        "Korvik Shipbuilding won a $2 billion order on Monday. The shipbuilder currently employs 5,200 people.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "5,200 people");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Korvik Shipbuilding");
}

TEST_CASE("an organisation before ', which' holds the figure of its relative clause a few words on") {
    const std::string text =
        "The Monetary Authority of Singapore kept its policy unchanged on Friday, tracking the US Federal "
        "Reserve, which kept its target range at 3.75-4 per cent last month.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "3.75-4 per cent");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Federal Reserve");
}

TEST_CASE("a company right before a figure in a list that drops the verb holds that figure") {
    const std::string text =
        "The new levies differ by carmaker: Tesla faces an extra 9.5%, Volkswagen 14% and state-owned "
        "Renault 21.2%.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* v = claim_at(cs, text, "14%");
    REQUIRE(v);
    INFO(v->dump());
    CHECK(first_subject(*v) == "Volkswagen");
    const Json* r = claim_at(cs, text, "21.2%");
    REQUIRE(r);
    INFO(r->dump());
    CHECK(first_subject(*r) == "Renault");
}

TEST_CASE("a verb of the lexicon ends the subject phrase: 'The bank signalled ... that it would keep'") {
    const std::string text =
        "SEOUL, Sept 4 - The Bank of Korea held its policy rate at 2.5% on Thursday.\n\n"
        "The bank signalled in June that it would keep its growth forecast for this year at 1.8%.\n";
    auto cs = claims_of(text, "2026-09-04");
    const Json* c = claim_at(cs, text, "1.8%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "South Korea");
}

TEST_CASE("a list item with no holder of its own is the organisation whose list its introduction gives") {
    const std::string text =
        "Soy exports rose 4% in October, the trade ministry said.\n\n"
        "NAIROBI, Nov 3 (Wire) - Kenya's tea output fell 12% in October, the Tea Board of Kenya said in a "
        "statement. The board said its goals for next year were:\n\n"
        "- output of 610,000 tonnes;\n"
        "- tea exports worth $1.4 billion.\n";
    auto cs = claims_of(text, "2026-11-03");
    for (const char* f : {"610,000 tonnes", "$1.4 billion"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_subject(*c) == "Tea Board of Kenya");
    }
}
