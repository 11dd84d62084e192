// Unit tests of the number parser (digits, separators, spelled-out numbers,
// scale words), currency resolution and qualifiers behind the money,
// percent and quantity normaliser, plus a few end-to-end readings through
// the shipped rules.
#include "extractor/claimex.h"
#include "extractor/normalise/numbers_parse.h"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

using namespace claimex::normalise::numbers;

namespace {

double dec(std::string_view s, int exp = 0) {
    auto d = parse_decimal(s);
    REQUIRE(d);
    return to_double(*d, exp);
}

Lexicon<NumberWord> english_words() {
    Lexicon<NumberWord> w;
    const char* units[] = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
    for (int i = 0; i < 10; ++i) w.add(units[i], {double(i), NumberWord::unit});
    const char* teens[] = {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                           "eighteen", "nineteen"};
    for (int i = 0; i < 10; ++i) w.add(teens[i], {double(10 + i), NumberWord::teen});
    const char* tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
    for (int i = 0; i < 8; ++i) w.add(tens[i], {double(20 + 10 * i), NumberWord::tens});
    w.add("hundred", {100, NumberWord::hundred});
    w.add("a", {1, NumberWord::article});
    w.add("an", {1, NumberWord::article});
    w.add("half", {0.5, NumberWord::fraction});
    w.add("quarter", {0.25, NumberWord::fraction});
    w.add("quarters", {0.25, NumberWord::fraction});
    w.add("third", {1.0 / 3, NumberWord::fraction});
    w.add("thirds", {1.0 / 3, NumberWord::fraction});
    return w;
}

Lexicon<Multiplier> scales() {
    Lexicon<Multiplier> s;
    s.add("hundred", *Multiplier::parse("1e2"));
    s.add("thousand", *Multiplier::parse("1e3"));
    s.add("million", *Multiplier::parse("1e6"));
    s.add("bn", *Multiplier::parse("1e9"));
    s.add("lakh", *Multiplier::parse("1e5"));
    s.add("crore", *Multiplier::parse("1e7"));
    return s;
}

}  // namespace

TEST_CASE("decimals with separators", "[numbers]") {
    CHECK(dec("1200") == 1200);
    CHECK(dec("1,200") == 1200);
    CHECK(dec("12,500.75") == 12500.75);
    CHECK(dec("1,20,000") == 120000);       // Indian grouping
    CHECK(dec("1 200") == 1200);
    CHECK(dec("1\u202f200") == 1200);       // narrow no-break space
    CHECK(dec("1\u00a0200\u00a0000") == 1200000);
    CHECK(dec("0.5") == 0.5);
    CHECK(dec(".75") == 0.75);
    CHECK(dec("0") == 0);
    CHECK(dec("007") == 7);
    CHECK_FALSE(parse_decimal(""));
    CHECK_FALSE(parse_decimal("1,2a"));
    CHECK_FALSE(parse_decimal(",200"));
    CHECK_FALSE(parse_decimal("1..2"));
    CHECK_FALSE(parse_decimal("1.2.3"));
    CHECK_FALSE(parse_decimal("12345678901234567890123456789012345678901"));
}

TEST_CASE("scales stay exact", "[numbers]") {
    CHECK(dec("3.2", 9) == 3200000000.0);
    CHECK(dec("3.23", 9) == 3230000000.0);
    CHECK(dec("1.1", 9) == 1100000000.0);
    CHECK(dec("45,000", 7) == 450000000000.0);  // ₹45,000 crore
    CHECK(dec("30", -2) == 0.3);                 // 30p
    CHECK(dec("99", -2) == 0.99);
    CHECK(dec("25", -2) == 0.25);                // 25 basis points
}

TEST_CASE("multipliers", "[numbers]") {
    auto m = Multiplier::parse("1e9");
    REQUIRE(m);
    CHECK(m->exp10 == 9);
    CHECK(m->mul == 1);
    CHECK(Multiplier::parse("0.01")->exp10 == -2);
    CHECK(Multiplier::parse("1000")->exp10 == 3);
    CHECK(Multiplier::parse("")->exp10 == 0);
    auto twelve = Multiplier::parse("12");
    REQUIRE(twelve);
    CHECK(twelve->exp10 == 0);
    CHECK(twelve->mul == 12);
    CHECK_FALSE(Multiplier::parse("abc"));
    CHECK_FALSE(Multiplier::parse("0"));
    CHECK_FALSE(Multiplier::parse("-5"));
}

TEST_CASE("scale words multiply", "[numbers]") {
    auto s = scales();
    CHECK(parse_scale("bn", s)->exp10 == 9);
    CHECK(parse_scale("BN", s)->exp10 == 9);  // case-insensitive lookup
    CHECK(parse_scale("lakh crore", s)->exp10 == 12);
    CHECK(parse_scale("hundred  million", s)->exp10 == 8);
    CHECK(parse_scale("hundred-thousand", s)->exp10 == 5);
    CHECK_FALSE(parse_scale("gazillion", s));
    CHECK_FALSE(parse_scale("", s));
}

TEST_CASE("spelled-out numbers", "[numbers]") {
    auto w = english_words();
    auto v = [&](std::string_view s) { return parse_number_words(s, w); };
    CHECK(*v("two") == 2);
    CHECK(*v("Twenty-five") == 25);
    CHECK(*v("twenty five") == 25);
    CHECK(*v("nineteen") == 19);
    CHECK(*v("one hundred and twenty") == 120);
    CHECK(*v("a hundred") == 100);
    CHECK(*v("three hundred forty-two") == 342);
    CHECK(*v("a") == 1);
    CHECK(*v("half a") == 0.5);
    CHECK(*v("a half") == 0.5);
    CHECK(*v("a quarter of a") == 0.25);
    CHECK(*v("three quarters of a") == 0.75);
    CHECK(*v("three-quarter") == 0.75);
    CHECK(*v("one and a half") == 1.5);
    CHECK(*v("two and three quarters") == 2.75);
    CHECK(*v("two thirds of a") == Approx(2.0 / 3));
    CHECK(*v("zero") == 0);
    CHECK_FALSE(v("few"));
    CHECK_FALSE(v("several hundred"));
    CHECK_FALSE(v(""));
}

TEST_CASE("lexicon folds case and spaces", "[numbers]") {
    Lexicon<int> l;
    l.add("Pounds  Sterling", 1);
    l.add("US dollars", 2);
    l.add("US dollars", 3);
    CHECK(*l.first("pounds sterling") == 1);
    CHECK(*l.first(" POUNDS\tsterling ") == 1);
    REQUIRE(l.find("us Dollars"));
    CHECK(l.find("us Dollars")->size() == 2);
    CHECK_FALSE(l.find("dollars"));
    CHECK_FALSE(l.find(""));
    char buf[4];
    CHECK(fold_key("too long for it", buf, sizeof buf) == 0);
}

TEST_CASE("currency readings by context", "[numbers][currency]") {
    std::vector<CurrencyReading> yen = {{"CNY", {}, {"yuan", "RMB"}}, {"JPY", {}, {}}};
    CHECK(pick_currency(yen, "¥", "Toyota earned ¥3 trillion.")->code == "JPY");
    CHECK(pick_currency(yen, "¥", "The yuan fell; ¥5bn was lent.")->code == "CNY");
    std::vector<CurrencyReading> kr = {{"SEK", {}, {"Swed"}}, {"NOK", {}, {"Norw"}}};
    CHECK(pick_currency(kr, "kr", "a Swedish bank lent kr 5bn")->code == "SEK");
    CHECK(pick_currency(kr, "kr", "Norway's fund")->code == "NOK");
    CHECK(pick_currency(kr, "kr", "no country here") == nullptr);
}

TEST_CASE("a reading's further conditions: also groups and unless terms", "[numbers][currency]") {
    // The context column "Ontario&per cent|per-cent&!C$": Ontario picks the reading, "per cent"
    // must also occur nearby, "C$" must not.
    CurrencyReading cad{"CAD", {}, {"Ontario"}, true};
    cad.also = {{"per cent", "per-cent"}};
    cad.unless = {"C$"};
    std::vector<CurrencyReading> dollar = {cad, {"USD", {}, {}}};
    CHECK(pick_currency(dollar, "$", "Ontario will spend $2 billion.", "Ontario will spend $2 billion, up 3 per cent.")
              ->code == "CAD");
    CHECK(pick_currency(dollar, "$", "Ontario will spend $2 billion.", "Ontario will spend $2 billion, up 3%.")->code ==
          "USD");
    CHECK(pick_currency(dollar, "$", "Ontario paid C$2.8 billion ($2 billion).",
                        "Ontario paid C$2.8 billion ($2 billion), 4 per cent more.")
              ->code == "USD");
}

TEST_CASE("a special sign reads only as written", "[numbers][currency]") {
    // "p" is pence after a small number; "P" (the key folds case) is the
    // Philippine peso only in a Philippine story, and nothing elsewhere.
    CurrencyReading pence{"GBP", {}, {}};
    pence.exact = "p";
    std::vector<CurrencyReading> p = {{"PHP", {}, {"Manila"}}, pence};
    REQUIRE(pick_currency(p, "p", "Shares rose 30p."));
    CHECK(pick_currency(p, "p", "Shares rose 30p.")->code == "GBP");
    REQUIRE(pick_currency(p, "P", "Manila Water will spend P120 billion"));
    CHECK(pick_currency(p, "P", "Manila Water will spend P120 billion")->code == "PHP");
    CHECK(pick_currency(p, "P", "He filed a P45.") == nullptr);
}

TEST_CASE("ICU currency data", "[numbers][currency]") {
    Lexicon<CurrencyReading> c;
    c.add("$", {"USD", {}, {}});  // a hand row wins over ICU
    add_icu_currencies(c);
    auto code = [&](std::string_view s) -> std::string {
        const auto* r = c.first(s);
        return r ? r->code : "";
    };
    CHECK(code("$") == "USD");
    CHECK(code("USD") == "USD");
    CHECK(code("eur") == "EUR");
    CHECK(code("£") == "GBP");
    CHECK(code("€") == "EUR");
    CHECK(code("¥") == "JPY");
    CHECK(code("CN¥") == "CNY");
    CHECK(code("A$") == "AUD");
    CHECK(code("HK$") == "HKD");
    CHECK(code("₹") == "INR");
    CHECK(code("₩") == "KRW");
    CHECK(code("R$") == "BRL");
    CHECK(code("zł") == "PLN");          // a narrow symbol one currency has
    CHECK(code("US dollars") == "USD");
    CHECK(code("Swiss francs") == "CHF");
    CHECK(code("euros") == "EUR");
    CHECK(code("Chinese yuan") == "CNY");
    CHECK(code("Indian rupees") == "INR");
    CHECK(code("kr") == "");             // shared by four currencies: needs context
    CHECK(code("dollars") == "");        // bare words are the hand table's
}

TEST_CASE("qualifiers before a figure", "[numbers]") {
    std::vector<QualifierPhrase> q = {{"no more than", "up_to"}, {"more than", "more_than"}, {"about", "approx"},
                                      {"over", "more_than"},     {"up to", "up_to"},         {"~", "approx"}};
    std::stable_sort(q.begin(), q.end(), [](auto& a, auto& b) { return a.phrase.size() > b.phrase.size(); });
    CHECK(find_qualifier("spent more than ", q) == "more_than");
    CHECK(find_qualifier("spent no more than ", q) == "up_to");
    CHECK(find_qualifier("spent About ", q) == "approx");
    CHECK(find_qualifier("up to", q) == "up_to");
    CHECK(find_qualifier("rose ~", q) == "approx");
    CHECK(find_qualifier("moreover ", q) == "");
    CHECK(find_qualifier("spent ", q) == "");
    CHECK(find_qualifier("", q) == "");
}

namespace {
std::vector<claimex::normalise::Mention> extract(const claimex::Extractor& ex, const std::string& text) {
    claimex::document::Document doc;
    doc.text = text;
    return ex.extract(doc, "2024-08-26").mentions;
}
}  // namespace

TEST_CASE("money, percent and quantity through the shipped rules", "[numbers][e2e]") {
    claimex::Extractor ex(CLAIMEX_SOURCE_DIR "/rules");
    using claimex::normalise::Type;
    auto one = [&](const std::string& text, Type type) {
        claimex::normalise::Mention found;
        int n = 0;
        for (auto& m : extract(ex, text))
            if (m.type == type) {
                found = m;
                ++n;
            }
        REQUIRE(n == 1);
        return found;
    };
    auto m = one("Capex hit Rs 1,200 crore.", Type::money);
    CHECK(*m.value == 12000000000.0);
    CHECK(m.currency == "INR");
    m = one("The yuan slid as ¥5bn left China.", Type::money);
    CHECK(m.currency == "CNY");
    m = one("It may cost between $5bn and $6bn.", Type::money);
    CHECK(*m.min == 5e9);
    CHECK(*m.max == 6e9);
    CHECK(*m.value == 5e9);
    m = one("Sales of nearly 5,000 units.", Type::quantity);
    CHECK(m.unit == "unit");
    CHECK(m.qualifier == "approx");
    m = one("Yields fell 25 basis points.", Type::percent);
    CHECK(*m.value == Approx(0.25));
    CHECK(m.unit == "pp");
    for (auto& x : extract(ex, "Aug 26, 2024 13:21 414 views"))
        CHECK((x.type != Type::money && x.type != Type::percent && x.type != Type::quantity));
    // Cents take a dollar sign in their own paragraph over a euro word further away
    // (currency_names.tsv: the "$" row reads the paragraph only).
    int cents = 0;
    for (auto& x : extract(ex, "The European Sugar Association said beet output fell.\n\n"
                               "Arabica fell to $3.86 per lb, while raw sugar rose to 19.2 cents per lb."))
        if (x.type == Type::money && x.value && *x.value == Approx(0.192)) {
            CHECK(x.currency == "USD");
            ++cents;
        }
    CHECK(cents == 1);
    for (auto& x : extract(ex, "The euro fell 2 cents against the franc."))
        if (x.type == Type::money) CHECK(x.currency == "EUR");
}

TEST_CASE("rules engine: span capture, veto, list subtraction, table as list", "[numbers][rules]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / "claimex_numbers_engine_test";
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        std::ofstream(dir / "units.tsv") << "# unit\tlemma\njobs\tjob\nseats\tseat\n";
        std::ofstream(dir / "drop.txt") << "seats\n";
        std::ofstream(dir / "t.rules") << "@list UNIT units.tsv - drop.txt\n"
                                          "rule t.count\n"
                                          "  type: quantity\n"
                                          "  pattern: \\bfrom\\s+\\d+\\s+to\n"
                                          "  pattern: (?:^|[^\\w-])(?P<span__b>\\d+ (?:{UNIT}))\\b\n"
                                          "  example: x\n"
                                          "    => !quantity\n"
                                          "rule t.range\n"
                                          "  type: percent\n"
                                          "  priority: 1\n"
                                          "  pattern: \\d+% to \\d+%\n"
                                          "  veto: \\brose \\d+% to\n"
                                          "  example: x\n"
                                          "    => !percent\n";
    }
    auto rs = claimex::rules::RuleSet::load(dir);
    REQUIRE(rs.problems().empty());
    REQUIRE(rs.list("UNIT"));
    CHECK(*rs.list("UNIT") == std::vector<std::string>{"jobs"});
    auto spans = [&](const std::string& s) {
        auto t = claimex::text::Text::prepare(s);
        std::vector<std::string> out;
        for (const auto& m : rs.match(t)) out.emplace_back(t.analysis_slice(m.span));
        return out;
    };
    CHECK(spans("cut 500 jobs") == std::vector<std::string>{"500 jobs"});
    CHECK(spans("Covid-19 jobs").empty());
    CHECK(spans("500 seats").empty());
    // The veto alternative has no span: it yields nothing, and "6 jobs" is
    // still found after it.
    CHECK(spans("from 5 to 6 jobs") == std::vector<std::string>{"6 jobs"});
    // A `veto:` match drops the rule's matches that start inside it.
    CHECK(spans("a range of 5% to 6%") == std::vector<std::string>{"5% to 6%"});
    CHECK(spans("it rose 5% to 6%").empty());
    fs::remove_all(dir);
}
