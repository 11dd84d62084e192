// Which attribution governs a figure whose own sentence names none, from fresh stories written
// for session 9 (sources12): a list under "X said:", a holder after a wire dateline revising its
// forecast, a firm's economists who forecast (a view, not the firm's release). What a one-line
// rule example cannot show.
#include "tests/claims_support.h"

using namespace claims_support;

TEST_CASE("every item of a list under an introduction that names its source and ends with a colon is that source's") {
    const std::string text =
        "Central bank sets out its outlook\n\n"
        "The Central Bank of Kenya said its forecasts for next year were:\n"
        "- economic growth of 5.4%, up from 5.1% this year;\n"
        "- a current account deficit of 4.2% of GDP;\n"
        "- private sector credit growth of 6%.\n\n"
        "Kenya's shilling was steady at 129.2 per dollar.\n";
    auto cs = claims_of(text, "2026-12-03");
    for (const char* f : {"5.4%", "4.2%", "6%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_source(*c) == "Central Bank of Kenya");
    }
    // (not a list item: the paragraph after the list is the market's)
    const Json* fx = claim_at(cs, text, "129.2");
    REQUIRE(fx);
    CHECK((*fx)["sources"].empty());
}

TEST_CASE("a bulleted list under a colon takes its introduction's source; without the colon an item inherits as before") {
    const std::string text =
        "Safaricom results\n\n"
        "Safaricom said in its results statement that its key figures for the half year were:\n\n"
        "\xe2\x80\xa2 M-Pesa revenue of 88.1 billion shillings;\n\n"
        "\xe2\x80\xa2 a net profit of 42.6 billion shillings.\n\n"
        "Analysts at Kestrel Capital said the shares were cheap.\n\n"
        "- an interim dividend of 0.55 shillings a share.\n";
    auto cs = claims_of(text, "2026-11-12");
    for (const char* f : {"88.1 billion shillings", "42.6 billion shillings"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK(first_source(*c) == "Safaricom");
    }
    // (the analysts' paragraph ends with no colon: the company's release still governs)
    const Json* div = claim_at(cs, text, "0.55 shillings");
    REQUIRE(div);
    INFO(div->dump());
    CHECK(first_source(*div) != "Kestrel Capital");
}

TEST_CASE("a holder after a wire dateline heads its sentence: its revised forecast is its own") {
    const std::string text =
        "Africa business briefs\n\n"
        "ACCRA, March 12 - Ghana's annual inflation rate fell to 22.4% in February, the Ghana Statistical "
        "Service said.\n\n"
        "JOHANNESBURG, March 12 - Sasol cut its annual production forecast to 7.0 million tonnes, citing weak "
        "demand.\n";
    auto cs = claims_of(text, "2026-03-12");
    const Json* sasol = claim_at(cs, text, "7.0 million tonnes");
    REQUIRE(sasol);
    INFO(sasol->dump());
    CHECK(first_source(*sasol) == "Sasol");
}

TEST_CASE("a firm's economists forecasting are no release of the firm: a later paragraph's figure is not theirs") {
    const std::string text =
        "Polish inflation eases\n\n"
        "WARSAW, Nov 14 - The National Bank of Poland kept its reference rate at 4.25% last week. Economists at "
        "Pekao expect the rate to fall to 3.75% by mid-2027.\n\n"
        "Wages in the corporate sector grew 6.6% in October, data showed separately.\n";
    auto cs = claims_of(text, "2026-11-14");
    const Json* wages = claim_at(cs, text, "6.6%");
    REQUIRE(wages);
    INFO(wages->dump());
    CHECK((*wages)["sources"].empty());
}

TEST_CASE("a public body's release closing a later sentence of the paragraph speaks for the economy's figures before it") {
    const std::string text =
        "Andean mining round-up\n\n"
        "SANTIAGO, Nov 28 - Chile's copper production fell 3.1% in October from a year earlier, the national "
        "statistics institute INE said on Friday.\n\n"
        "Colombia's coal exports fell 8% in the third quarter. Shipments to Europe halved, the National Mining "
        "Agency said.\n\n"
        "The peso weakened 0.4% against the dollar. Colombia's inflation rate eased to 5.1%, the central bank "
        "said.\n";
    auto cs = claims_of(text, "2026-11-28");
    const Json* coal = claim_at(cs, text, "8%");
    REQUIRE(coal);
    INFO(coal->dump());
    CHECK(first_source(*coal) == "National Mining Agency");
    // (not a market move: the peso's is the market's)
    const Json* peso = claim_at(cs, text, "0.4%");
    REQUIRE(peso);
    INFO(peso->dump());
    CHECK((*peso)["sources"].empty());
}

TEST_CASE("a price of goods dated by the release's month is the statistics release's; a market quote is not") {
    const std::string text =
        "Inflation in Turkey slows for fifth month\n\n"
        "ISTANBUL, Dec 3 - Turkey's annual consumer price inflation eased to 31.1% in November, the Turkish "
        "Statistical Institute said on Wednesday.\n\n"
        "Monthly inflation was 1.6%. Rents rose 4.1% in the month, and food prices climbed 2.2% in November.\n\n"
        "The lira was little changed at 42.5 per dollar. Gold has gained 30% so far this year.\n";
    auto cs = claims_of(text, "2026-12-03");
    const Json* food = claim_at(cs, text, "2.2%");
    REQUIRE(food);
    INFO(food->dump());
    CHECK(first_source(*food) == "Turkish Statistical Institute");
    for (const char* f : {"42.5", "30%"}) {
        const Json* c = claim_at(cs, text, f);
        REQUIRE(c);
        INFO(c->dump());
        CHECK((*c)["sources"].empty());
    }
}
