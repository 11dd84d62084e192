// A bulleted list's items are read as the paragraph that introduces them ("The programme
// includes:" then "- £2.1bn for ...;"): an item with no metric of its own continues the
// metric the story stated before the list (claims metrics.cc list_intro).
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("list items continue the metric stated before their introduction") {
    const std::string text =
        "Harwick Water to invest GBP 9bn\n\n"
        "Harwick Water said on Tuesday it would raise capital expenditure to GBP 9bn over the next five years, "
        "the most in its history, to cut leaks and sewage spills.\n\n"
        "The programme includes:\n\n"
        "- GBP 3.2bn for new sewage treatment works;\n"
        "- GBP 1.4bn to replace old mains in the Midlands;\n"
        "- GBP 800m for smart meters.\n";
    auto cs = claims_of(text, "2026-05-12");
    for (const char* f : {"GBP 3.2bn", "GBP 1.4bn", "GBP 800m"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->at("metric") == "capital_expenditure");
        CHECK(first_subject(*c) == "Harwick Water");
    }
}

TEST_CASE("a list with no introduction ending in a colon continues nothing from before it") {
    const std::string text =
        "Harwick Water to invest GBP 9bn\n\n"
        "Harwick Water said on Tuesday it would raise capital expenditure to GBP 9bn over the next five years, "
        "the most in its history, to cut leaks and sewage spills.\n\n"
        "Other news in brief.\n\n"
        "Notes.\n\n"
        "- GBP 3.2bn was paid in fines by the industry last year.\n";
    auto cs = claims_of(text, "2026-05-12");
    const Json* c = claim_at(cs, text, "GBP 3.2bn");
    if (c) CHECK(c->at("metric") != "capital_expenditure");
}

TEST_CASE("list items with no date of their own take the window of the whole they are parts of") {
    const std::string text =
        "Harwick Water sets out its investment plan\n\n"
        "Harwick Water said on Tuesday it would raise capital expenditure to GBP 9bn over the next five years, "
        "the most in its history, to cut leaks and sewage spills.\n\n"
        "The programme includes:\n\n"
        "- GBP 3.2bn for new sewage treatment works;\n"
        "- GBP 1.4bn to replace old mains in the Midlands.\n\n"
        "Harwick Water employs 4,100 people.\n";
    auto cs = claims_of(text, "2026-05-12");
    const Json* whole = claim_at(cs, text, "GBP 9bn");
    REQUIRE(whole);
    REQUIRE(whole->at("period").is_object());
    const std::string window = whole->at("period").at("value");
    for (const char* f : {"GBP 3.2bn", "GBP 1.4bn"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        REQUIRE(c->at("period").is_object());
        CHECK(c->at("period").at("value") == window);
    }
    // (a sentence after the list is no item: the plan's window is not its period)
    const Json* staff = claim_at(cs, text, "4,100 people");
    REQUIRE(staff);
    INFO(staff->dump());
    CHECK(!(staff->at("period").is_object() && staff->at("period").at("value") == window));
}

TEST_CASE("list items continue the metric in the form the whole took, per figure type") {
    // "invest ... in its" is capital expenditure (metric_forms.tsv own_object); the items take
    // that form, and a money item after a capacity item is still the money's
    const std::string text =
        "Harwick Water plc sets out its plan\n\n"
        "Harwick Water plc will invest GBP 9bn in its pipes and works over the next five years.\n\n"
        "The programme includes:\n\n"
        "- GBP 3.2bn to connect 2 gigawatts of new solar capacity;\n"
        "- GBP 1.4bn to replace old mains in the Midlands.\n";
    auto cs = claims_of(text, "2026-05-12");
    for (const char* f : {"GBP 9bn", "GBP 3.2bn", "GBP 1.4bn"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->at("metric") == "capital_expenditure");
    }
}
