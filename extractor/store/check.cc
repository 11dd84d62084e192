// claimex check: each claim of an article against the stored claims about
// the same subject and metric, with a verdict and the reason in words.
//
// A figure is an interval: its stated precision ("50 billion" is 49.5–50.5
// billion; "3.23 billion" is 3.225–3.235 billion), its range ("$5-6bn"), or
// open on one side for qualifiers ("more than $5bn"); "about" widens it to
// at least ±5%. Two figures agree when their intervals meet. Different
// currencies are compared through an equivalent stated in either article
// ("50 billion yuan (US$7 billion)"), else through the user's rates file,
// else not at all (and the reason says so).
#include "extractor/store/store.h"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <limits>
#include <sstream>

namespace claimex::store {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Interval {
    double lo = 0, hi = 0;
    bool meets(const Interval& o) const { return lo <= o.hi && o.lo <= hi; }
    Interval scaled(double f) const { return {lo * f, hi * f}; }
};

std::string jstr(const Json& j, const char* key) {
    if (!j.is_object() || !j.contains(key) || j[key].is_null()) return "";
    return j[key].is_string() ? j[key].get<std::string>() : j[key].dump();
}

std::string unit_of(const Json& v) {
    if (!v.is_object()) return "";
    if (v.contains("currency")) return jstr(v, "currency");
    if (jstr(v, "type") == "percent") return v.contains("unit") ? jstr(v, "unit") : "percent";
    return jstr(v, "unit");
}

// 5e10 → "5e10", 3230000000 → "3.23e9", 12.5 → "12.5"
std::string sci(double v) {
    if (std::fabs(v) < 1e6) return fmt::format("{:g}", v);
    std::string s = fmt::format("{:.6g}", v);
    auto e = s.find("e+");
    if (e != std::string::npos) {
        std::string exp = s.substr(e + 2);
        while (exp.size() > 1 && exp[0] == '0') exp.erase(0, 1);
        s = s.substr(0, e) + "e" + exp;
    }
    return s;
}

std::string show(const Json& v) {
    if (!v.is_object() || !v.contains("value")) return "?";
    std::string u = unit_of(v);
    std::string n = sci(v["value"].get<double>());
    if (u == "percent") return n + "%";
    return u.empty() ? n : n + " " + u;
}

Interval interval_of(const Json& v) {
    double x = v.value("value", 0.0);
    double tol = stated_tolerance(v);
    Interval iv{x - tol, x + tol};
    if (v.contains("min") && v.contains("max") && v["min"].is_number() && v["max"].is_number())
        iv = {v["min"].get<double>() - tol, v["max"].get<double>() + tol};
    std::string q = jstr(v, "qualifier");
    if (q == "approx") {
        double w = std::max(tol, 0.05 * std::fabs(x));
        iv = {std::min(iv.lo, x - w), std::max(iv.hi, x + w)};
    } else if (q == "more_than" || q == "at_least") {
        iv.hi = kInf;
    } else if (q == "less_than" || q == "up_to") {
        iv.lo = std::min(0.0, iv.lo);
    }
    return iv;
}

struct Period {
    std::string timex, from, to;
    bool present() const { return !timex.empty() || !from.empty(); }
};

Period period_of(const Json& p) {
    if (!p.is_object()) return {};
    return {jstr(p, "value"), jstr(p, "from"), jstr(p, "to")};
}

// same: the periods overlap (or neither claim states one); other: they don't;
// unknown: only one states a period.
enum class PeriodRelation { same, other, unknown };

PeriodRelation relate(const Period& a, const Period& b) {
    if (!a.present() && !b.present()) return PeriodRelation::same;
    if (!a.present() || !b.present()) return PeriodRelation::unknown;
    if (!a.from.empty() && !a.to.empty() && !b.from.empty() && !b.to.empty())
        return a.from <= b.to && b.from <= a.to ? PeriodRelation::same : PeriodRelation::other;
    return a.timex == b.timex ? PeriodRelation::same : PeriodRelation::other;
}

std::string period_words(const Period& p) { return p.present() ? (p.timex.empty() ? p.from + ".." + p.to : p.timex) : "no stated period"; }

// The figure a claim is about: its value, else the size of its change.
Json figure_of(const Json& c) {
    if (c.contains("value") && c["value"].is_object()) return c["value"];
    if (c.contains("change") && c["change"].is_object()) {
        const Json& ch = c["change"];
        if (ch.contains("amount")) return ch["amount"];
        if (ch.contains("percent")) return ch["percent"];
        if (ch.contains("factor"))
            return Json{{"type", "quantity"}, {"value", ch["factor"]}, {"unit", "factor"}, {"text", jstr(ch, "text")}};
    }
    return Json();
}

std::string date_for_rates(const Json& claim, const std::string& published) {
    Period p = period_of(claim.value("period", Json()));
    if (!p.from.empty()) return p.from;
    return published;
}

struct Comparison {
    bool comparable = false;
    bool agree = false;
    double difference = 0;      // relative, to the stored figure
    std::string how;            // how the figures were put in one unit
};

Comparison compare(const Json& in_claim, const std::string& in_published, const StoredClaim& st, const Rates& rates) {
    Comparison cmp;
    Json a = figure_of(in_claim), b = figure_of(st.claim);
    if (!a.is_object() || !b.is_object() || !a.contains("value") || !b.contains("value")) return cmp;
    std::string ua = unit_of(a), ub = unit_of(b);
    Interval ia = interval_of(a), ib = interval_of(b);
    double va = a["value"].get<double>(), vb = b["value"].get<double>();
    // Only money converts between units; a percentage and a count never compare.
    if (jstr(a, "type") != jstr(b, "type") || (ua != ub && jstr(a, "type") != "money")) {
        cmp.how = fmt::format("{} and {} cannot be compared", ua.empty() ? jstr(a, "type") : ua,
                              ub.empty() ? jstr(b, "type") : ub);
        return cmp;
    }
    if (ua != ub) {
        // Money in two currencies: an equivalent stated in either article first.
        bool done = false;
        for (const auto& e : in_claim.value("equivalents", Json::array()))
            if (unit_of(e) == ub && e.contains("value")) {
                ia = interval_of(e);
                va = e["value"].get<double>();
                cmp.how = fmt::format("using this article's equivalent {}", show(e));
                done = true;
                break;
            }
        if (!done)
            for (const auto& e : st.claim.value("equivalents", Json::array()))
                if (unit_of(e) == ua && e.contains("value")) {
                    ib = interval_of(e);
                    vb = e["value"].get<double>();
                    cmp.how = fmt::format("using the stored equivalent {}", show(e));
                    done = true;
                    break;
                }
        if (!done && !rates.empty()) {
            auto ra = rates.to_usd(ua, date_for_rates(in_claim, in_published));
            auto rb = rates.to_usd(ub, date_for_rates(st.claim, st.published));
            if (ra && rb) {
                ia = ia.scaled(*ra);
                ib = ib.scaled(*rb);
                va *= *ra;
                vb *= *rb;
                cmp.how = fmt::format("converted to USD with the rates file ({} {:g}, {} {:g})", ua, *ra, ub, *rb);
                done = true;
            }
        }
        if (!done) {
            cmp.how = fmt::format("{} and {}: no equivalent stated in either article and no rate given (--rates)", ua, ub);
            return cmp;
        }
    }
    cmp.comparable = true;
    cmp.agree = ia.meets(ib);
    cmp.difference = vb != 0 ? (va - vb) / std::fabs(vb) : (va == 0 ? 0 : kInf);
    return cmp;
}

std::string sources_words(const Json& claim) {
    std::string s;
    for (const auto& src : claim.value("sources", Json::array())) {
        if (!s.empty()) s += src.contains("cited_by") ? " citing " : ", ";
        s += jstr(src, "name");
    }
    return s;
}

std::vector<std::string> subjects_of(const Json& c) {
    std::vector<std::string> out;
    for (const auto& s : c.value("subject", Json::array()))
        if (s.is_string()) out.push_back(s.get<std::string>());
    return out;
}

}  // namespace

double stated_tolerance(const Json& v) {
    if (!v.is_object() || !v.contains("value") || !v["value"].is_number()) return 0;
    double value = std::fabs(v["value"].get<double>());
    std::string text = jstr(v, "text");
    // The first number written in the mention's text ("US$3.23 billion" → 3.23).
    size_t i = 0;
    while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
    if (i == text.size()) return 0.05 * value;  // spelled out ("two billion"): ±5%
    std::string digits;
    int decimals = -1;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            digits += c;
            if (decimals >= 0) ++decimals;
        } else if (c == '.' && decimals < 0 && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            digits += c;
            decimals = 0;
        } else if (c == ',' && i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) {
            continue;  // thousands separator
        } else {
            break;
        }
    }
    double literal = std::strtod(digits.c_str(), nullptr);
    if (literal <= 0) return 0;
    double scale = value / literal;  // "50 billion" → 1e9; "30p" → 0.01
    return 0.5 * std::pow(10.0, -std::max(decimals, 0)) * scale;
}

Rates Rates::load(const std::filesystem::path& csv) {
    std::ifstream in(csv);
    if (!in) throw StoreError(fmt::format("{}: cannot read the rates file", csv.string()));
    Rates r;
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::stringstream ss(line);
        std::string date, cur, rate;
        std::getline(ss, date, ',');
        std::getline(ss, cur, ',');
        std::getline(ss, rate, ',');
        if (n == 1 && (date == "date" || cur == "currency")) continue;  // header
        char* end = nullptr;
        double v = std::strtod(rate.c_str(), &end);
        if (date.size() < 4 || cur.size() != 3 || end == rate.c_str() || v <= 0)
            throw StoreError(fmt::format("{}:{}: expected date,currency,rate_to_usd (e.g. 2024-06-30,CNY,0.1376), got \"{}\"",
                                         csv.string(), n, line));
        r.rates_[cur][date] = v;
    }
    if (r.rates_.empty()) throw StoreError(fmt::format("{}: no rates in the file", csv.string()));
    r.rates_["USD"]["0000-00-00"] = 1.0;
    return r;
}

std::optional<double> Rates::to_usd(const std::string& currency, const std::string& date) const {
    if (currency == "USD") return 1.0;
    auto it = rates_.find(currency);
    if (it == rates_.end() || it->second.empty()) return std::nullopt;
    // The rate on the date, else the nearest one before it, else the first after it.
    auto d = it->second.upper_bound(date);
    if (d != it->second.begin()) return std::prev(d)->second;
    return it->second.begin()->second;
}

std::vector<Verdict> check_record(const Store& store, const Json& record, const Rates& rates) {
    std::vector<Verdict> out;
    std::string doc_key = jstr(record, "id");
    std::string published = jstr(record, "published");
    for (const auto& c : record.value("claims", Json::array())) {
        Verdict v;
        v.claim = c;
        std::vector<std::string> subjects = subjects_of(c);
        std::string metric = jstr(c, "metric");
        std::string kind = jstr(c, "kind");
        std::string who = subjects.empty() ? "an unnamed subject" : fmt::format("{}", fmt::join(subjects, "+"));

        if (kind == "statement") {
            // Claim ids hash the document, so the same statement elsewhere has another id:
            // it is found by its first source and its words (case and spacing folded).
            auto words = [](const Json& claim) {
                std::string t = claim.contains("statement") ? jstr(claim["statement"], "text") : "", o;
                for (char ch : t) {
                    if (std::isspace(static_cast<unsigned char>(ch))) {
                        if (!o.empty() && o.back() != ' ') o += ' ';
                    } else {
                        o += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                    }
                }
                return o;
            };
            std::string source = c.contains("sources") && !c["sources"].empty() ? jstr(c["sources"][0], "name") : "";
            v.verdict = "new";
            v.reason = source.empty() ? "a statement with no source to look up"
                                      : "no stored statement with the same source and words";
            store::QueryFilter by_source;
            by_source.source = source;
            if (!source.empty())
                for (const auto& st : store.query(by_source)) {
                    if (st.doc_key == doc_key || st.claim.value("kind", "") != "statement" ||
                        words(st.claim) != words(c))
                        continue;
                    v.verdict = "consistent";
                    v.reason = fmt::format("the same statement by {} is stored from {}", source,
                                           st.url.empty() ? st.doc_key : st.url);
                    v.matches.push_back({{"claim_id", st.claim_id}, {"document", st.doc_key}, {"url", st.url}});
                }
            out.push_back(std::move(v));
            continue;
        }
        if (subjects.empty() || metric.empty()) {
            v.verdict = "new";
            v.reason = subjects.empty() ? "the claim names no subject to look up" : "the claim has no metric to look up";
            out.push_back(std::move(v));
            continue;
        }
        std::vector<StoredClaim> cands;
        for (auto& st : store.candidates(subjects, metric))
            if (st.doc_key != doc_key) cands.push_back(std::move(st));
        if (cands.empty()) {
            v.verdict = "new";
            v.reason = fmt::format("nothing stored about {}'s {}", who, metric);
            out.push_back(std::move(v));
            continue;
        }
        Period mine = period_of(c.value("period", Json()));
        Json fig = figure_of(c);
        std::vector<std::string> agree, disagree, other_period, not_comparable;
        for (const auto& st : cands) {
            Period theirs = period_of(st.claim.value("period", Json()));
            PeriodRelation rel = relate(mine, theirs);
            Json m;
            m["claim_id"] = st.claim_id;
            m["document"] = {{"id", st.doc_key}, {"url", st.url.empty() ? Json(nullptr) : Json(st.url)},
                             {"title", st.title.empty() ? Json(nullptr) : Json(st.title)},
                             {"publisher", st.publisher.empty() ? Json(nullptr) : Json(st.publisher)},
                             {"published", st.published.empty() ? Json(nullptr) : Json(st.published)}};
            m["kind"] = st.claim.value("kind", "");
            m["value"] = figure_of(st.claim);
            m["period"] = st.claim.value("period", Json());
            m["sources"] = st.claim.value("sources", Json::array());
            Json sfig = figure_of(st.claim);
            std::string per = sources_words(st.claim);
            std::string stored_words = fmt::format("stored {} for {}{}", show(sfig), period_words(theirs),
                                                   per.empty() ? "" : " per " + per);
            if (rel != PeriodRelation::same) {
                m["relation"] = rel == PeriodRelation::other ? "other period" : "period not comparable";
                other_period.push_back(stored_words);
                v.matches.push_back(std::move(m));
                continue;
            }
            m["relation"] = "same period";
            // A change up against a change down is a conflict whatever the sizes.
            std::string d1 = c.contains("change") && c["change"].is_object() ? jstr(c["change"], "direction") : "";
            std::string d2 = st.claim.contains("change") && st.claim["change"].is_object()
                                 ? jstr(st.claim["change"], "direction") : "";
            if (!d1.empty() && !d2.empty() && d1 != d2) {
                m["comparison"] = "conflicting";
                disagree.push_back(fmt::format("{} ({}); this article says it went {}", stored_words,
                                               d2 == "up" ? "a rise" : "a fall", d1));
                v.matches.push_back(std::move(m));
                continue;
            }
            Comparison cmp = compare(c, published, st, rates);
            if (!cmp.how.empty()) m["conversion"] = cmp.how;
            if (!cmp.comparable) {
                m["comparison"] = "not comparable";
                not_comparable.push_back(fmt::format("{}; {}", stored_words, cmp.how));
            } else {
                m["comparison"] = cmp.agree ? "consistent" : "conflicting";
                m["difference"] = std::isfinite(cmp.difference) ? Json(std::round(cmp.difference * 10000) / 10000) : Json(nullptr);
                std::string diff = std::isfinite(cmp.difference)
                                       ? fmt::format("differs by {:.3g}%", std::fabs(cmp.difference) * 100)
                                       : "differs";
                std::string rounding = fmt::format("the rounding of '{}'", jstr(fig, "text"));
                std::string words = fmt::format("{}; this article says {}{}", stored_words, show(fig),
                                                cmp.how.empty() ? "" : " (" + cmp.how + ")");
                if (cmp.agree)
                    agree.push_back(cmp.difference == 0 ? words + ": the same figure"
                                                        : fmt::format("{}; {}, within {}", words, diff, rounding));
                else
                    disagree.push_back(fmt::format("{}; {}, beyond {}", words, diff, rounding));
            }
            v.matches.push_back(std::move(m));
        }
        auto join = [](const std::vector<std::string>& xs) {
            std::string s;
            for (const auto& x : xs) s += (s.empty() ? "" : "; and ") + x;
            return s;
        };
        if (!disagree.empty()) {
            v.verdict = "conflicting";
            v.reason = join(disagree);
            if (!agree.empty()) v.reason += fmt::format(" (but {} stored claim(s) agree)", agree.size());
        } else if (!agree.empty()) {
            v.verdict = "consistent";
            v.reason = join(agree);
        } else if (!not_comparable.empty()) {
            v.verdict = "related";
            v.reason = "same subject, metric and period, but the comparison was not possible: " + join(not_comparable);
        } else {
            v.verdict = "related";
            v.reason = fmt::format("same subject and metric for other periods: {}", join(other_period));
        }
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace claimex::store
