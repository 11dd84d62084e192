// Claim assembly on hand-made mentions: the claims stage is tested apart
// from the rules and normalisers that feed it, so a failure here is a claims
// bug. (test_seed_claims.py checks the whole pipeline end to end.)
#include "extractor/claimex.h"
#include "extractor/claims/claims.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

using namespace claimex;
using normalise::Mention;
using normalise::Type;
using Json = nlohmann::ordered_json;

namespace {

std::string read(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

const rules::RuleSet& rule_set() {
    static rules::RuleSet rs = rules::RuleSet::load(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    return rs;
}

// Builds mentions by finding their text in the analysis text.
struct Builder {
    const text::Text& t;
    std::vector<Mention> ms;
    Mention& add(Type type, const std::string& s, int occurrence = 1) {
        size_t pos = std::string::npos, from = 0;
        for (int i = 0; i < occurrence; ++i) {
            pos = t.analysis().find(s, from);
            REQUIRE(pos != std::string::npos);
            from = pos + 1;
        }
        Mention m;
        m.type = type;
        m.span = {static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + s.size())};
        ms.push_back(m);
        return ms.back();
    }
    Mention& money(const std::string& s, double v, const std::string& cur, int occ = 1) {
        Mention& m = add(Type::money, s, occ);
        m.value = v;
        m.currency = cur;
        return m;
    }
    Mention& date(const std::string& s, const std::string& timex, int occ = 1) {
        Mention& m = add(Type::date, s, occ);
        m.timex = timex;
        return m;
    }
    Mention& ent(Type type, const std::string& s, const std::string& name, const std::string& kind, int occ = 1) {
        Mention& m = add(type, s, occ);
        m.name = name;
        m.kind = kind;
        return m;
    }
    Mention& source(const std::string& s, const std::string& name, const std::string& cue, const std::string& kind = "",
                    int occ = 1) {
        Mention& m = add(Type::source, s, occ);
        m.name = name;
        m.cue = cue;
        m.kind = kind;
        return m;
    }
    Mention& factor(const std::string& s, double v, const std::string& qual = "", int occ = 1) {
        Mention& m = add(Type::quantity, s, occ);
        m.value = v;
        m.unit = "factor";
        m.qualifier = qual;
        return m;
    }
    std::vector<Mention> sorted() {
        auto v = ms;
        std::stable_sort(v.begin(), v.end(), [](const Mention& a, const Mention& b) {
            return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
        });
        return v;
    }
};

std::vector<std::string> names(const Json& arr) {
    std::vector<std::string> out;
    for (const auto& x : arr) out.push_back(x.is_string() ? x.get<std::string>() : x["name"].get<std::string>());
    return out;
}

// Claims with their output objects (claim_json: the figures are indices into the mentions).
struct Assembled {
    std::vector<Mention> ms;
    std::vector<claims::Claim> cs;
    std::vector<Json> rs;
};
Assembled assemble(const claims::Assembler& a, std::vector<Mention> ms, const text::Text& t,
                   const claims::DocumentInfo& doc) {
    Assembled r{std::move(ms), {}, {}};
    r.cs = a.assemble(r.ms, t, doc);
    for (const auto& c : r.cs) r.rs.push_back(claim_json(c, r.ms, t));
    return r;
}

const Json* find_claim(const Assembled& as, const std::string& kind, double value) {
    for (size_t i = 0; i < as.cs.size(); ++i)
        if (as.cs[i].kind == kind && !as.rs[i]["value"].is_null() && as.rs[i]["value"]["value"].get<double>() == value)
            return &as.rs[i];
    return nullptr;
}

}  // namespace

TEST_CASE("seed article claims from hand-made mentions") {
    text::Text t = text::Text::prepare(read(std::string(CLAIMEX_SOURCE_DIR) + "/tests/data/seed.txt"));
    Builder b{t, {}};
    b.factor("doubled", 2, "", 1);
    b.factor("doubled", 2, "", 2);
    b.ent(Type::place, "China", "China", "country", 3);
    b.ent(Type::place, "US", "United States", "country", 1);
    b.source("the Financial Times (FT) newspaper reported", "Financial Times", "reported", "media");
    b.ent(Type::org, "Financial Times", "Financial Times", "media");
    b.ent(Type::org, "Alibaba", "Alibaba", "company", 1);
    b.ent(Type::org, "Tencent", "Tencent", "company");
    b.ent(Type::org, "Baidu", "Baidu", "company");
    b.date("the first half of the year", "2024-H1", 1);
    b.money("50 billion yuan", 5e10, "CNY");
    b.money("US$7 billion", 7e9, "USD");
    b.money("23 billion yuan", 2.3e10, "CNY");
    b.money("US$3.23 billion", 3.23e9, "USD");
    b.date("the same period in 2023", "2023-H1");
    b.source("the publication notes", "Financial Times", "notes", "media");
    b.factor("more than double", 2, "more_than");
    b.date("2023", "2023", 2);
    b.source("according to Alibaba", "Alibaba", "according to", "company");
    b.ent(Type::org, "Alibaba", "Alibaba", "company", 2);
    b.source("Alibaba CEO Eddie Wu previously told investors", "Eddie Wu", "told");
    b.ent(Type::person, "Eddie Wu", "Eddie Wu", "");
    b.source("as the FT notes", "Financial Times", "notes", "media");
    b.ent(Type::org, "Alphabet", "Alphabet", "company");
    b.ent(Type::org, "Amazon", "Amazon", "company");
    b.ent(Type::org, "Meta", "Meta", "company");
    b.ent(Type::place, "Russian Federation", "Russia", "country");
    b.ent(Type::org, "Microsoft", "Microsoft", "company");
    b.money("$106 billion", 1.06e11, "USD");
    b.date("the first half of the year", "2024-H1", 2);
    b.date("October 2022", "2022-10");
    b.source("According to Bloomberg", "Bloomberg", "according to", "media").cites = "Federal Reserve Bank of New York";
    b.ent(Type::org, "Bloomberg", "Bloomberg", "media");
    b.source("cited a report by the New York Federal Reserve", "Federal Reserve Bank of New York", "cited",
             "central_bank");
    b.ent(Type::org, "New York Federal Reserve", "Federal Reserve Bank of New York", "central_bank");
    b.ent(Type::place, "Washington", "Washington", "city");
    b.money("$130 billion", 1.3e11, "USD");
    b.source("According to Chen Wenling", "Chen Wenling", "according to");
    b.ent(Type::person, "Chen Wenling", "Chen Wenling", "");

    claims::Assembler a(rule_set());
    Assembled as = assemble(a, b.sorted(), t, {.id = "seed", .published = "2024-08-26"});
    const auto& cs = as.cs;
    INFO(([&] {
        std::string s;
        for (auto& r : as.rs) s += r.dump() + "\n";
        return s;
    })());

    SECTION("capex amount with equivalent, period, baseline and inherited source") {
        const Json* c = find_claim(as, "amount", 5e10);
        REQUIRE(c);
        CHECK(names((*c)["subject"]) == std::vector<std::string>{"Alibaba", "Tencent", "Baidu"});
        CHECK((*c)["combined"] == true);
        CHECK((*c)["metric"] == "capital_expenditure");
        REQUIRE((*c)["equivalents"].size() == 1);
        CHECK((*c)["equivalents"][0]["value"] == 7e9);
        CHECK((*c)["period"]["value"] == "2024-H1");
        REQUIRE(!(*c)["baseline"].is_null());
        CHECK((*c)["baseline"]["value"]["value"] == 2.3e10);
        CHECK((*c)["baseline"]["equivalents"][0]["value"] == 3.23e9);
        CHECK((*c)["baseline"]["period"]["value"] == "2023-H1");
        REQUIRE(!(*c)["sources"].empty());
        CHECK((*c)["sources"][0]["name"] == "Financial Times");
        CHECK((*c)["sources"][0]["inherited"] == true);
        // the baseline and the equivalents make no claims of their own
        CHECK(!find_claim(as, "amount", 2.3e10));
        CHECK(!find_claim(as, "amount", 7e9));
    }
    SECTION("Alphabet, Amazon, Meta and Microsoft spent $106 billion") {
        const Json* c = find_claim(as, "amount", 1.06e11);
        REQUIRE(c);
        CHECK(names((*c)["subject"]) == std::vector<std::string>{"Alphabet", "Amazon", "Meta", "Microsoft"});
        CHECK((*c)["metric"] == "capital_expenditure");  // what companies spend (metric_forms.tsv)
        CHECK((*c)["period"]["value"] == "2024-H1");
        CHECK(names((*c)["sources"]) == std::vector<std::string>{"Financial Times"});
        CHECK((*c)["sources"][0]["inherited"] == true);  // "as the FT notes" is the sentence before
    }
    SECTION("changes") {
        const Json* doubled = nullptr;
        const Json* more_than_double = nullptr;
        const Json* reduced = nullptr;
        for (size_t i = 0; i < cs.size(); ++i) {
            if (cs[i].kind != "change") continue;
            const Json& rec = as.rs[i];
            const Json& ch = rec["change"];
            if (ch.contains("qualifier") && ch["qualifier"] == "more_than") more_than_double = &rec;
            else if (ch.contains("factor") && ch["factor"] == 2 && rec["subject"][0] != "Big Chinese tech companies")
                doubled = &rec;
            if (ch.contains("amount")) reduced = &rec;
        }
        REQUIRE(doubled);
        CHECK((*doubled)["subject"][0] == "Big tech companies in China");
        CHECK((*doubled)["metric"] == "spending");
        CHECK((*doubled)["change"]["direction"] == "up");
        CHECK(names((*doubled)["sources"]) == std::vector<std::string>{"Financial Times"});
        REQUIRE(more_than_double);
        CHECK((*more_than_double)["metric"] == "revenue");
        CHECK((*more_than_double)["period"]["value"] == "2023");
        CHECK(names((*more_than_double)["subject"]) == std::vector<std::string>{"Alibaba"});
        CHECK(names((*more_than_double)["sources"]) == std::vector<std::string>{"Alibaba"});
        REQUIRE(reduced);
        CHECK((*reduced)["change"]["direction"] == "down");
        CHECK((*reduced)["change"]["amount"]["value"] == 1.3e11);
        CHECK((*reduced)["metric"] == "market_value");
        CHECK((*reduced)["subject"][0] == "American companies");
        CHECK(names((*reduced)["sources"]) ==
              std::vector<std::string>{"Bloomberg", "Federal Reserve Bank of New York"});
        CHECK((*reduced)["sources"][1]["cited_by"] == "Bloomberg");
    }
    SECTION("statements") {
        const Json* chen = nullptr;
        const Json* wu = nullptr;
        for (size_t i = 0; i < cs.size(); ++i) {
            if (cs[i].kind != "statement") continue;
            const Json& rec = as.rs[i];
            if (rec["sources"][0]["name"] == "Chen Wenling") chen = &rec;
            if (rec["sources"][0]["name"] == "Eddie Wu") wu = &rec;
        }
        REQUIRE(chen);
        std::string text = (*chen)["statement"]["text"];
        CHECK(text.rfind("restrictive measures by the US authorities", 0) == 0);
        CHECK(text.find("hurt the economy of USA") != std::string::npos);
        REQUIRE(wu);
        CHECK(std::string((*wu)["statement"]["text"]).rfind("the company will", 0) == 0);
        CHECK(names((*wu)["subject"]) == std::vector<std::string>{"Alibaba"});
    }
    SECTION("the claim's JSON text and its object are the same") {
        for (size_t i = 0; i < cs.size(); ++i) {
            std::string text;
            append_claim_json(text, cs[i], as.ms, t);
            CHECK(text == as.rs[i].dump(-1, ' ', false, Json::error_handler_t::replace));
        }
        CHECK(!cs.empty());
    }
    SECTION("ids are stable and unique") {
        auto again = a.assemble(b.sorted(), t, {.id = "seed", .published = "2024-08-26"});
        REQUIRE(again.size() == cs.size());
        std::set<std::string> ids;
        for (size_t i = 0; i < cs.size(); ++i) {
            CHECK(cs[i].id == again[i].id);
            ids.insert(cs[i].id);
        }
        CHECK(ids.size() == cs.size());
        auto other = a.assemble(b.sorted(), t, {.id = "another-doc", .published = "2024-08-26"});
        CHECK(other[0].id != cs[0].id);
    }
}

TEST_CASE("change with level, percent and baseline") {
    text::Text t = text::Text::prepare("Acme's revenue rose 12% to $3.2bn in the third quarter from $2.9bn a year earlier, the company said.\n");
    Builder b{t, {}};
    b.ent(Type::org, "Acme", "Acme", "company");
    Mention& p = b.add(Type::percent, "12%");
    p.value = 12;
    p.unit = "percent";
    b.money("$3.2bn", 3.2e9, "USD");
    b.date("the third quarter", "2024-Q3");
    b.money("$2.9bn", 2.9e9, "USD");
    b.date("a year earlier", "2023-Q3");
    b.source("the company said", "Acme", "said", "company");
    claims::Assembler a(rule_set());
    Assembled as = assemble(a, b.sorted(), t, {.id = "d", .published = "2024-10-30"});
    INFO((as.rs.empty() ? std::string() : as.rs[0].dump()));
    REQUIRE(as.cs.size() == 1);
    const Json& c = as.rs[0];
    CHECK(c["kind"] == "change");
    CHECK(c["subject"][0] == "Acme");
    CHECK(c["metric"] == "revenue");
    CHECK(c["value"]["value"] == 3.2e9);
    CHECK(c["change"]["direction"] == "up");
    CHECK(c["change"]["percent"]["value"] == 12);
    CHECK(c["period"]["value"] == "2024-Q3");
    CHECK(c["baseline"]["value"]["value"] == 2.9e9);
    CHECK(c["baseline"]["period"]["value"] == "2023-Q3");
    CHECK(c["sources"][0]["name"] == "Acme");
}

TEST_CASE("the company resolves to the last company named") {
    text::Text t = text::Text::prepare("Toyota reported strong sales. The company spent ¥3 trillion on plants last year.\n");
    Builder b{t, {}};
    b.ent(Type::org, "Toyota", "Toyota", "company");
    b.money("¥3 trillion", 3e12, "JPY");
    b.date("last year", "2023");
    claims::Assembler a(rule_set());
    Assembled as = assemble(a, b.sorted(), t, {.id = "d", .published = "2024-05-01"});
    REQUIRE(as.cs.size() == 1);
    CHECK(as.rs[0]["subject"][0] == "Toyota");
    CHECK(as.rs[0]["metric"] == "capital_expenditure");  // a company's spending (metric_forms.tsv)
    CHECK(as.rs[0]["period"]["value"] == "2023");
    CHECK(as.rs[0]["sources"].empty());
}
