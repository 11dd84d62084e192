// Amount metrics on text written blind (session 10, metric10): the general causes behind the
// metric errors on dev articles 111-118 and 125-129.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("a date between a metric phrase and its count does not make the phrase too far for the count") {
    const std::string text =
        "Corvale Mining kept its shipment guidance for the year to June 30 at 61 million tonnes.\n\n"
        "Corvale Mining kept its shipment guidance at 61 million tonnes on Monday.\n\n"
        "Corvale Mining said the new port at Harlow Point will be able to handle 40 million tonnes.\n";
    auto cs = claims_of(text, "2026-11-05");
    for (const char* before : {"June 30 at ", "guidance at "}) {
        const Json* c = claim_at(cs, text, "61 million tonnes", before);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(c->value("metric", std::string()) == "shipments");
    }
    // (many plain words between still leave the count to its unit)
    const Json* far = claim_at(cs, text, "40 million tonnes");
    if (far) {
        INFO(far->dump());
        CHECK(far->value("metric", std::string()) != "shipments");
    }
}
