// Session 13 (names13): names and sources that blind text broke — unsuffixed company names
// cut at an industry word, a place word heading a name, a state's treasury read as the
// nation's, and source shapes (a described holder, a relative clause that reports, a counted
// group cited). Each proved here with sentences of our own (no held-out text).
#include "tests/claims_support.h"

using namespace claims_support;

namespace {

std::vector<std::string> source_chain(const Json& c) {
    std::vector<std::string> r;
    for (const Json& s : c["sources"]) r.push_back(s["name"].get<std::string>());
    return r;
}

}  // namespace

TEST_CASE("an unsuffixed name in an apposition is whole, not cut at its industry word") {
    const std::string text =
        "SHANGHAI, May 4 - Qinglan Power Storage, a maker of batteries for power grids, raised 6 billion yuan "
        "in a share sale, the filing showed. Qinglan employs about 6,000 people.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* a = claim_at(cs, text, "6 billion yuan");
    REQUIRE(a);
    INFO(a->dump());
    CHECK(first_subject(*a) == "Qinglan Power Storage");
    const Json* b = claim_at(cs, text, "6,000 people");
    REQUIRE(b);
    INFO(b->dump());
    CHECK(first_subject(*b) == "Qinglan Power Storage");
}

TEST_CASE("'X Iron & Steel, one of the region's largest steelmakers, said' names the company") {
    const std::string text =
        "Separately, Marrick Coal & Steel, one of the region's largest steelmakers, said it would cut crude "
        "steel output by 2 million tonnes next year.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "2 million tonnes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Marrick Coal & Steel");
    CHECK(first_source(*c) == "Marrick Coal & Steel");
}

TEST_CASE("a place word heading a name that ends with an industry word is no place") {
    const std::string text =
        "Anchor investors, including state fund Pacific Harbour Investment, agreed to buy shares worth "
        "$300 million.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "$300 million");
    REQUIRE(c);
    INFO(c->dump());
    for (const Json& s : (*c)["subject"]) CHECK(s != "Pacific");
}

TEST_CASE("the Treasury of a story about a state is the state's") {
    const std::string text =
        "NSW budget returns to surplus\n\n"
        "SYDNEY, June 10 - New South Wales will post a surplus of A$900 million next year, Treasurer Ana "
        "Reyes told parliament in Sydney on Tuesday.\n\n"
        "The state's economy is forecast to grow 1.9% in 2026-27, according to Treasury forecasts.\n";
    auto cs = claims_of(text, "2026-06-10");
    const Json* c = claim_at(cs, text, "1.9%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "NSW Treasury");
}

TEST_CASE("'the Leeds-based housebuilder said' is the company named before") {
    const std::string text =
        "Kenmore Developments cut its forecast for the year. The Leeds-based housebuilder said in a trading "
        "update that it now expected to complete 9,000 homes this year.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "9,000 homes");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_source(*c) == "Kenmore Developments");
}

TEST_CASE("'X, which reported sales of ...' is the source of the figure its clause reports") {
    const std::string text =
        "Dunmore Pharmaceuticals agreed to license a diabetes drug on Monday. Dunmore, which reported sales of "
        "$12 billion last year, has bought three smaller rivals since March.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "$12 billion");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(first_subject(*c) == "Dunmore Pharmaceuticals");
    CHECK(first_source(*c) == "Dunmore Pharmaceuticals");
}

TEST_CASE("a counted group cited is the cited source ('citing two energy ministry officials')") {
    const std::string text =
        "The government is considering cutting the fuel levy to 5% from 8%, the Harbour Post reported, citing "
        "two energy ministry officials.\n";
    auto cs = claims_of(text, "2026-05-04");
    const Json* c = claim_at(cs, text, "5%");
    REQUIRE(c);
    INFO(c->dump());
    CHECK(source_chain(*c) == std::vector<std::string>{"Harbour Post", "energy ministry officials"});
}
