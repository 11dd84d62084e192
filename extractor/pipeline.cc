// The pipeline (text → rules → normalise → claims) and the JSON record.
#include "extractor/claimex.h"

#include <cmath>
#include <cstdlib>
#include <fmt/format.h>

namespace claimex {

namespace fs = std::filesystem;

fs::path default_rules_dir() {
    if (const char* env = std::getenv("CLAIMEX_RULES"); env && *env) return env;
    std::error_code ec;
    if (fs::is_directory("rules", ec) && fs::exists("rules/README.md", ec)) return "rules";
    return CLAIMEX_DEFAULT_RULES_DIR;
}

std::string iso_date_part(std::string_view s) {
    auto digits = [&](size_t from, size_t n) {
        if (s.size() < from + n) return false;
        for (size_t i = from; i < from + n; ++i)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (!digits(0, 4) || s.size() < 10 || s[4] != '-' || !digits(5, 2) || s[7] != '-' || !digits(8, 2))
        return "";
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return "";
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return "";
    return std::string(s.substr(0, 10));
}

std::string content_id(std::string_view text) {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a 64
    for (unsigned char c : text) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    return fmt::format("doc-{:016x}", h);
}

Extractor::Extractor(const fs::path& rules_dir)
    : rules_(rules::RuleSet::load(rules_dir)),
      normaliser_(rules_),
      assembler_(rules_),
      segmenter_(text::Segmenter::load(rules_dir / "text")) {}
Extractor::~Extractor() = default;

Record Extractor::extract(document::Document doc, const std::string& default_published) const {
    Record r;
    if (!doc.published.empty()) {
        r.published = iso_date_part(doc.published);
        if (r.published.empty())
            throw InputError(fmt::format("\"published\" is not an ISO 8601 date: \"{}\"", doc.published));
    } else {
        r.published = default_published;
    }
    if (doc.id.empty()) doc.id = !doc.url.empty() ? doc.url : content_id(doc.text);
    try {
        r.text = text::Text::prepare(doc.text, segmenter_);
    } catch (const text::TextError& e) {
        throw InputError(e.what());
    }
    r.doc = std::move(doc);
    r.mentions = normaliser_.normalise(rules_.match(r.text), r.text, {.published = r.published});
    r.claims = assembler_.assemble(r.mentions, r.text, {.id = r.doc.id, .published = r.published});
    return r;
}

namespace {
void put_number(nlohmann::ordered_json& j, const char* key, const std::optional<double>& v) {
    if (!v) return;
    double x = *v;
    // Integers print as integers (7000000000, not 7e9) while they are exact.
    if (std::fabs(x) < 9.0e15 && x == std::floor(x))
        j[key] = static_cast<int64_t>(x);
    else
        j[key] = x;
}
void put_string(nlohmann::ordered_json& j, const char* key, const std::string& v) {
    if (!v.empty()) j[key] = v;
}
}  // namespace

nlohmann::ordered_json mention_json(const normalise::Mention& m, const text::Text& t) {
    using normalise::Type;
    nlohmann::ordered_json j;
    j["type"] = normalise::type_name(m.type);
    j["text"] = std::string(t.original_slice(m.span));
    j["start"] = t.codepoint(m.span.begin);
    j["end"] = t.codepoint(m.span.end);
    switch (m.type) {
        case Type::money:
        case Type::percent:
        case Type::quantity:
            put_number(j, "value", m.value);
            put_string(j, "currency", m.currency);
            put_number(j, "min", m.min);
            put_number(j, "max", m.max);
            put_string(j, "unit", m.unit);
            put_string(j, "qualifier", m.qualifier);
            break;
        case Type::date:
            j["value"] = m.timex.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(m.timex);
            put_string(j, "from", m.from);
            put_string(j, "to", m.to);
            put_string(j, "note", m.note);
            if (m.relative) j["relative"] = true;
            break;
        case Type::org:
        case Type::person:
        case Type::place:
            j["name"] = m.name;
            put_string(j, "kind", m.kind);
            put_string(j, "role", m.role);
            put_string(j, "affiliation", m.affiliation);
            break;
        case Type::source:
            j["name"] = m.name;
            put_string(j, "kind", m.kind);
            put_string(j, "cue", m.cue);
            put_string(j, "role", m.role);
            put_string(j, "affiliation", m.affiliation);
            put_string(j, "cites", m.cites);
            break;
    }
    j["rule"] = m.rule;
    return j;
}

nlohmann::ordered_json to_json(const Record& r, bool with_text) {
    nlohmann::ordered_json j;
    j["id"] = r.doc.id;
    j["url"] = r.doc.url.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.doc.url);
    j["title"] = r.doc.title.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.doc.title);
    j["published"] = r.published.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.published);
    j["publisher"] = r.doc.publisher.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.doc.publisher);
    if (r.published.empty()) j["note"] = "no publication date: relative dates are not resolved";
    nlohmann::ordered_json ms = nlohmann::ordered_json::array();
    for (const auto& m : r.mentions) ms.push_back(mention_json(m, r.text));
    j["mentions"] = std::move(ms);
    nlohmann::ordered_json cs = nlohmann::ordered_json::array();
    for (const auto& c : r.claims) cs.push_back(c.record);
    j["claims"] = std::move(cs);
    if (with_text) j["text"] = r.doc.text;
    return j;
}

}  // namespace claimex
