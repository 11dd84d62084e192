// Runs the examples written in rule files through the whole pipeline, so a
// rule and the proof that it works sit together (claimex rules test).
#include "extractor/claimex.h"

#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace claimex {

namespace {

// Does a JSON field hold the value an expectation wrote as text?
bool field_matches(const nlohmann::ordered_json& got, const std::string& want) {
    if (got.is_number()) {
        char* end = nullptr;
        double w = std::strtod(want.c_str(), &end);
        if (end == want.c_str() || *end) return false;
        double g = got.get<double>();
        return std::fabs(g - w) <= 1e-9 * std::max(1.0, std::fabs(w));
    }
    if (got.is_null()) return want == "null";
    if (got.is_boolean()) return want == (got.get<bool>() ? "true" : "false");
    if (got.is_string()) return got.get<std::string>() == want;
    if (got.is_array()) {
        std::string joined;
        for (const auto& e : got) {
            if (!joined.empty()) joined += '|';
            joined += e.is_string() ? e.get<std::string>() : e.dump();
        }
        return joined == want;
    }
    return got.dump() == want;
}

bool mention_matches(const nlohmann::ordered_json& m, const rules::Expectation& e, bool check_fields) {
    if (m["type"] != e.type) return false;
    if (e.text && (!m.contains("text") || m["text"] != *e.text)) return false;
    if (!check_fields) return true;
    for (const auto& [k, v] : e.fields) {
        if (!m.contains(k)) {
            if (v == "null" || v.empty()) continue;
            return false;
        }
        if (!field_matches(m[k], v)) return false;
    }
    return true;
}

// A claim flattened to the field names claim expectations use:
//   => claim kind=amount subject="Alibaba|Tencent|Baidu" metric=capital_expenditure value=5e10
//      currency=CNY period=2024-H1 baseline=2.3e10 baseline_period=2023-H1 change=up factor=2
//      amount=1.3e11 percent=5 sources="Financial Times" equivalent=7e9 combined=true
nlohmann::ordered_json flatten_claim(const nlohmann::ordered_json& c) {
    nlohmann::ordered_json f;
    f["type"] = "claim";
    f["kind"] = c["kind"];
    std::string subject, sources;
    for (const auto& s : c["subject"]) subject += (subject.empty() ? "" : "|") + s.get<std::string>();
    for (const auto& s : c["sources"]) sources += (sources.empty() ? "" : "|") + s["name"].get<std::string>();
    f["subject"] = subject;
    f["sources"] = sources;
    f["combined"] = c.value("combined", false);
    f["metric"] = c["metric"];
    if (!c["value"].is_null()) {
        f["value"] = c["value"]["value"];
        if (c["value"].contains("currency")) f["currency"] = c["value"]["currency"];
        if (c["value"].contains("unit")) f["unit"] = c["value"]["unit"];
    }
    if (!c["equivalents"].empty()) f["equivalent"] = c["equivalents"][0]["value"];
    if (!c["period"].is_null()) f["period"] = c["period"]["value"];
    if (!c["baseline"].is_null()) {
        f["baseline"] = c["baseline"]["value"]["value"];
        if (!c["baseline"]["period"].is_null()) f["baseline_period"] = c["baseline"]["period"]["value"];
    }
    if (!c["change"].is_null()) {
        const auto& ch = c["change"];
        f["change"] = ch["direction"];
        if (ch.contains("factor")) f["factor"] = ch["factor"];
        if (ch.contains("amount")) f["amount"] = ch["amount"]["value"];
        if (ch.contains("percent")) f["percent"] = ch["percent"]["value"];
    }
    if (c.contains("statement")) f["statement"] = c["statement"]["text"];
    return f;
}

std::string describe(const nlohmann::ordered_json& mentions, const std::string& type) {
    std::string s;
    for (const auto& m : mentions) {
        if (!type.empty() && m["type"] != type) continue;
        nlohmann::ordered_json shown = m;
        shown.erase("start");
        shown.erase("end");
        s += "\n      got " + shown.dump();
    }
    return s.empty() ? "\n      got no " + type + " mention" : s;
}

}  // namespace

ExampleReport run_examples(const Extractor& extractor) {
    ExampleReport report;
    for (const rules::Example& ex : extractor.rules().examples()) {
        ++report.examples;
        document::Document doc;
        doc.text = ex.input;
        doc.id = "example";
        Record rec;
        try {
            rec = extractor.extract(std::move(doc), ex.published);
        } catch (const std::exception& e) {
            report.failures.push_back({ex.where, fmt::format("example failed to run: {}", e.what())});
            continue;
        }
        for (const auto& raw : extractor.rules().match_all(rec.text)) ++report.raw_hits[raw.rule->id];
        nlohmann::ordered_json mentions = nlohmann::ordered_json::array();
        for (const auto& m : rec.mentions) {
            mentions.push_back(mention_json(m, rec.text));
            ++report.rule_hits[m.rule];
        }
        for (const auto& c : rec.claims) mentions.push_back(flatten_claim(claim_json(c, rec)));
        for (const rules::Expectation& e : ex.expectations) {
            ++report.expectations;
            bool found = false;
            for (const auto& m : mentions)
                if (mention_matches(m, e, true)) { found = true; break; }
            std::string want = e.type + (e.text ? " \"" + *e.text + "\"" : std::string());
            for (const auto& [k, v] : e.fields) want += " " + k + "=" + v;
            if (e.negated && found)
                report.failures.push_back({e.where, fmt::format("\"{}\": expected no {}{}", ex.input, want,
                                                                describe(mentions, e.type))});
            else if (!e.negated && !found)
                report.failures.push_back({e.where, fmt::format("\"{}\": expected {}{}", ex.input, want,
                                                                describe(mentions, e.type))});
        }
    }
    return report;
}

}  // namespace claimex
