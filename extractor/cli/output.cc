// Output formats of `claimex extract` (see output.h).
#include "extractor/cli/output.h"

#include <cmath>
#include <fmt/format.h>
#include <ostream>

namespace claimex::cli {

using Json = nlohmann::ordered_json;

namespace {

std::string str(const Json& j) {
    if (j.is_null()) return "";
    if (j.is_string()) return j.get<std::string>();
    if (j.is_number_float()) {
        double v = j.get<double>();
        if (std::fabs(v) < 9e15 && v == std::floor(v)) return fmt::format("{}", static_cast<long long>(v));
        return fmt::format("{}", v);
    }
    return j.dump();
}

// 50000000000 → "50,000,000,000"; 3.23 → "3.23"
std::string grouped(double v) {
    if (std::fabs(v) >= 1e18 || v != std::floor(v)) return fmt::format("{}", v);
    std::string digits = fmt::format("{}", static_cast<long long>(std::fabs(v)));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return (v < 0 ? "-" : "") + out;
}

std::string amount(const Json& v) {
    if (v.is_null() || !v.contains("value")) return "";
    std::string unit = v.contains("currency") ? v["currency"].get<std::string>()
                       : v.value("type", "") == "percent" ? (v.value("unit", "percent") == "pp" ? "pp" : "%")
                                                          : v.value("unit", "");
    std::string q;
    if (v.contains("qualifier")) {
        std::string ql = v["qualifier"];
        q = ql == "approx" ? "~" : ql == "more_than" ? ">" : ql == "less_than" ? "<" : ql == "up_to" ? "≤" : ql == "at_least" ? "≥" : "";
    }
    std::string n = grouped(v["value"].get<double>());
    // a range shows both ends ("12.4–35.1%", "5,000,000,000–6,000,000,000 USD")
    if (v.contains("min") && v.contains("max") && v["min"].is_number() && v["max"].is_number())
        n = grouped(v["min"].get<double>()) + "–" + grouped(v["max"].get<double>());
    if (unit == "%") return q + n + "%";
    return q + n + (unit.empty() ? "" : " " + unit);
}

std::string join(const Json& arr, const char* sep, const char* key = nullptr) {
    std::string s;
    for (const auto& x : arr) {
        if (!s.empty()) s += sep;
        s += key && x.is_object() ? str(x[key]) : str(x);
    }
    return s;
}

std::string csv_cell(const std::string& s) {
    if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
    std::string o = "\"";
    for (char c : s) {
        if (c == '"') o += '"';
        o += c;
    }
    return o + "\"";
}

const std::vector<std::string>& csv_columns() {
    static const std::vector<std::string> cols = {
        "document_id",     "url",           "title",          "published",      "claim_id",
        "kind",            "subject",       "combined",       "metric",         "metric_text",
        "value",           "unit",          "value_type",     "qualifier",      "min",
        "max",             "value_text",    "equivalents",    "change_direction", "change_factor",
        "change_amount",   "change_amount_unit", "change_percent", "period",     "period_from",
        "period_to",       "baseline_value", "baseline_unit", "baseline_period", "sources",
        "statement",       "confidence",    "sentence_start", "sentence_end"};
    return cols;
}

std::vector<std::string> csv_row(const Json& f) {
    auto unit_of = [](const Json& v) -> std::string {
        if (v.is_null()) return "";
        if (v.contains("currency")) return v["currency"];
        if (v.value("type", "") == "percent") return v.value("unit", "percent");
        return v.value("unit", "");
    };
    const Json& v = f["value"];
    const Json& ch = f["change"];
    const Json& per = f["period"];
    const Json& base = f["baseline"];
    std::string eq;
    for (const auto& e : f["equivalents"]) eq += (eq.empty() ? "" : "; ") + amount(e);
    std::string sources;
    for (const auto& s : f["sources"]) {
        if (!sources.empty()) sources += "; ";
        sources += str(s["name"]);
        if (s.contains("cue")) sources += " (" + str(s["cue"]) + ")";
        if (s.contains("cited_by")) sources += " cited by " + str(s["cited_by"]);
        if (s.value("inherited", false)) sources += " [inherited]";
    }
    return {str(f["document_id"]),
            str(f["url"]),
            str(f["title"]),
            str(f["published"]),
            str(f["id"]),
            str(f["kind"]),
            join(f["subject"], "; "),
            f.value("combined", false) ? "yes" : "",
            str(f["metric"]),
            f.contains("metric_text") ? str(f["metric_text"]) : "",
            v.is_null() ? "" : str(v["value"]),
            unit_of(v),
            v.is_null() ? "" : str(v["type"]),
            v.is_null() || !v.contains("qualifier") ? "" : str(v["qualifier"]),
            v.is_null() || !v.contains("min") ? "" : str(v["min"]),
            v.is_null() || !v.contains("max") ? "" : str(v["max"]),
            v.is_null() ? "" : str(v["text"]),
            eq,
            ch.is_null() ? "" : str(ch["direction"]),
            ch.is_null() || !ch.contains("factor") ? "" : str(ch["factor"]),
            ch.is_null() || !ch.contains("amount") ? "" : str(ch["amount"]["value"]),
            ch.is_null() || !ch.contains("amount") ? "" : unit_of(ch["amount"]),
            ch.is_null() || !ch.contains("percent") ? "" : str(ch["percent"]["value"]),
            per.is_null() ? "" : str(per["value"]),
            per.is_null() || !per.contains("from") ? "" : str(per["from"]),
            per.is_null() || !per.contains("to") ? "" : str(per["to"]),
            base.is_null() ? "" : str(base["value"]["value"]),
            base.is_null() ? "" : unit_of(base["value"]),
            base.is_null() || base["period"].is_null() ? "" : str(base["period"]["value"]),
            sources,
            f.contains("statement") ? str(f["statement"]["text"]) : "",
            str(f["confidence"]),
            str(f["sentence"]["start"]),
            str(f["sentence"]["end"])};
}

}  // namespace

std::string csv_header_line() {
    std::string h;
    for (const auto& c : csv_columns()) h += (h.empty() ? "" : ",") + c;
    return h + "\r\n";
}

std::string csv_line(const Json& flat) {
    std::string line;
    bool first = true;
    for (const auto& cell : csv_row(flat)) {
        if (!first) line += ',';
        line += csv_cell(cell);
        first = false;
    }
    return line + "\r\n";
}

Json flat_claim(const Json& claim, const std::string& document_id, const std::string& url, const std::string& title,
                const std::string& published) {
    Json f;
    f["document_id"] = document_id;
    f["url"] = url.empty() ? Json(nullptr) : Json(url);
    f["title"] = title.empty() ? Json(nullptr) : Json(title);
    f["published"] = published.empty() ? Json(nullptr) : Json(published);
    for (auto& [k, v] : claim.items()) f[k] = v;
    return f;
}

Json flat_claim(const Json& claim, const Record& r) {
    return flat_claim(claim, r.doc.id, r.doc.url, r.doc.title, r.published);
}

std::string claim_line(const Json& c) {
    std::vector<std::string> parts;
    std::string subject;
    for (const auto& s : c["subject"]) subject += (subject.empty() ? "" : "+") + str(s);
    if (c.value("combined", false)) subject += " (combined)";
    parts.push_back(subject.empty() ? "?" : subject);
    if (c["kind"] == "statement") {
        // (a denial is told apart: "Halvorsen denied that it was in talks" does not say it was)
        bool denied = false;
        for (const auto& src : c["sources"]) denied |= src.value("cue", "") == "denied";
        parts.push_back(std::string(denied ? "denies" : "says") + ": \"" + str(c["statement"]["text"]) + "\"");
    } else {
        parts.push_back(c["metric"].is_null() ? "?" : str(c["metric"]));
        std::string val = amount(c["value"]);
        std::string eq;
        for (const auto& e : c["equivalents"]) eq += (eq.empty() ? "" : ", ") + ("≈ " + amount(e));
        if (!eq.empty()) val += (val.empty() ? "" : " ") + ("(" + eq + ")");
        if (!c["change"].is_null()) {
            const Json& ch = c["change"];
            std::string d = str(ch["direction"]) == "up" ? "↑" : "↓";
            if (ch.contains("factor"))
                d += (ch.contains("qualifier") && ch["qualifier"] == "more_than" ? " more than ×" : " ×") + str(ch["factor"]);
            if (ch.contains("amount")) d += " by " + amount(ch["amount"]);
            if (ch.contains("percent")) d += " " + amount(ch["percent"]);
            val = val.empty() ? d : d + " to " + val;
        }
        parts.push_back(val.empty() ? "?" : val);
    }
    if (!c["period"].is_null()) parts.push_back(str(c["period"]["value"]));
    if (!c["baseline"].is_null()) {
        const Json& b = c["baseline"];
        std::string s = "vs " + amount(b["value"]);
        if (!b["period"].is_null()) s += " in " + str(b["period"]["value"]);
        parts.push_back(s);
    }
    if (!c["sources"].empty()) {
        std::string s = "per ";
        bool first = true;
        for (const auto& src : c["sources"]) {
            if (!first) s += src.contains("cited_by") ? " citing " : ", ";
            s += str(src["name"]);
            first = false;
        }
        if (c["sources"][0].value("inherited", false)) s += " (inherited)";
        parts.push_back(s);
    }
    std::string line;
    for (const auto& p : parts) line += (line.empty() ? "" : " · ") + p;
    return line + fmt::format("  [{} {:.2f}]", str(c["kind"]), c["confidence"].get<double>());
}

RecordWriter::RecordWriter(std::ostream& out, std::string format, bool with_text, bool claims_only)
    : out_(out), format_(std::move(format)), with_text_(with_text), claims_only_(claims_only) {}

void RecordWriter::write(const Record& r, const std::string& where) {
    if (format_ == "pretty") {
        pretty(r, where);
        return;
    }
    line_.clear();
    if (format_ == "csv") {
        if (!header_written_) {
            line_ += csv_header_line();
            header_written_ = true;
        }
        for (const auto& c : r.claims) line_ += csv_line(flat_claim(claim_json(c, r), r));
    } else if (claims_only_) {
        for (const auto& c : r.claims) {
            append_flat_claim(line_, c, r);
            line_ += '\n';
        }
    } else {
        append_json(line_, r, with_text_);
        line_ += '\n';
    }
    // No flush per record: the stream's buffer goes out when it is full,
    // before an error message (report_failure) and when the reader waits for
    // more input (extract.cc).
    out_.write(line_.data(), static_cast<std::streamsize>(line_.size()));
}

// The document fields that open a flat claim line ({"document_id", "url",
// "title", "published"), without the closing brace.
static void append_flat_head(std::string& out, const Record& r) {
    auto field = [&](const char* key, const std::string& v, bool first) {
        out += first ? "{\"" : ",\"";
        out += key;
        out += "\":";
        if (v.empty() && !first)
            out += "null";
        else
            append_json_string(out, v);
    };
    field("document_id", r.doc.id, true);
    field("url", r.doc.url, false);
    field("title", r.doc.title, false);
    field("published", r.published, false);
}

void append_flat_claim(std::string& out, const Json& claim, const Record& r) {
    // The fields flat_claim puts first; a claim that has one of them itself
    // (it would take that place) goes the slow way.
    static constexpr const char* kHead[] = {"document_id", "url", "title", "published"};
    bool clash = !claim.is_object();
    for (const char* k : kHead) clash = clash || claim.contains(k);
    if (clash) {
        append_json_value(out, flat_claim(claim, r));
        return;
    }
    append_flat_head(out, r);
    for (const auto& [k, v] : claim.get_ref<const Json::object_t&>()) {
        out += ',';
        append_json_string(out, k);
        out += ':';
        append_json_value(out, v);
    }
    out += '}';
}

void append_flat_claim(std::string& out, const claims::Claim& claim, const Record& r) {
    append_flat_head(out, r);
    // The claim's own fields follow: its object with the opening brace made a comma.
    const size_t brace = out.size();
    append_claim_json(out, claim, r.mentions, r.text);
    out[brace] = ',';
}

void RecordWriter::pretty(const Record& r, const std::string& where) {
    out_ << fmt::format("{}  ({}; published {})\n", r.doc.title.empty() ? where : r.doc.title, r.doc.id,
                        r.published.empty() ? "unknown" : r.published);
    size_t wt = 4, wx = 4;
    std::vector<std::array<std::string, 4>> rows;
    for (const auto& m : r.mentions) {
        Json j = mention_json(m, r.text);
        std::string text = j["text"].get<std::string>();
        std::string value, detail;
        for (auto& [k, v] : j.items()) {
            if (k == "type" || k == "text" || k == "start" || k == "end" || k == "rule") continue;
            std::string s = v.is_string() ? v.get<std::string>() : v.dump();
            if (k == "value" || k == "name")
                value = s;
            else
                detail += (detail.empty() ? "" : "  ") + k + "=" + s;
        }
        rows.push_back({j["type"].get<std::string>(), text, value, detail});
        wt = std::max(wt, rows.back()[0].size());
        wx = std::max(wx, std::min<size_t>(text::count_codepoints(text), 48));
    }
    out_ << fmt::format("{:<{}}  {:<{}}  {}\n", "type", wt, "text", wx, "value  details");
    for (auto& row : rows) {
        size_t cps = text::count_codepoints(row[1]);
        std::string pad = cps < wx ? std::string(wx - cps, ' ') : "";
        out_ << fmt::format("{:<{}}  {}{}  {}{}{}\n", row[0], wt, row[1], pad, row[2], row[3].empty() ? "" : "  ",
                            row[3]);
    }
    if (!r.claims.empty()) {
        out_ << "\nclaims\n";
        for (const auto& c : r.claims) out_ << "  " << claim_line(claim_json(c, r)) << '\n';
    }
    out_ << fmt::format("{} mentions, {} claims\n\n", r.mentions.size(), r.claims.size());
}

}  // namespace claimex::cli
