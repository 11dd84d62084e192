// claims_oracle — runs the claims stage on the *gold* mentions of the corpus,
// so the claim scorer measures claim assembly alone (no rule or normaliser
// errors). Writes one `claimex extract`-like record per article:
//
//   build/claims_oracle [--rules rules] [--corpus corpus] > oracle.jsonl
//   tools/evaluate_claims.py --predictions oracle.jsonl --errors
#include "extractor/claimex.h"
#include "extractor/claims/claims.h"
#include "extractor/normalise/normalise.h"
#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using namespace claimex;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::optional<normalise::Type> type_of(const std::string& s) {
    static const std::map<std::string, normalise::Type> m = {
        {"money", normalise::Type::money}, {"percent", normalise::Type::percent},
        {"quantity", normalise::Type::quantity}, {"date", normalise::Type::date},
        {"org", normalise::Type::org}, {"person", normalise::Type::person},
        {"place", normalise::Type::place}, {"source", normalise::Type::source}};
    auto it = m.find(s);
    if (it == m.end()) return std::nullopt;
    return it->second;
}

std::string str(const nlohmann::json& j, const char* k) {
    return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
}
std::optional<double> num(const nlohmann::json& j, const char* k) {
    if (j.contains(k) && j[k].is_number()) return j[k].get<double>();
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    fs::path rules_dir = "rules", corpus = "corpus";
    for (int i = 1; i + 1 < argc; i += 2) {
        std::string a = argv[i];
        if (a == "--rules") rules_dir = argv[i + 1];
        else if (a == "--corpus") corpus = argv[i + 1];
        else {
            std::cerr << "usage: claims_oracle [--rules DIR] [--corpus DIR]\n";
            return 2;
        }
    }
    rules::RuleSet rs = rules::RuleSet::load(rules_dir);
    text::Segmenter seg = text::Segmenter::load(rules_dir / "text");
    claims::Assembler assembler(rs);
    std::vector<fs::path> golds;
    for (const auto& e : fs::directory_iterator(corpus / "gold"))
        if (e.path().extension() == ".json") golds.push_back(e.path());
    std::sort(golds.begin(), golds.end());
    for (const fs::path& gp : golds) {
        nlohmann::json g = nlohmann::json::parse(slurp(gp));
        std::string id = g["id"].get<std::string>();
        text::Text t = text::Text::prepare(slurp(corpus / "articles" / (id + ".txt")), seg);
        // code point → analysis byte (first analysis byte mapping to it)
        const std::string& a = t.analysis();
        std::vector<uint32_t> byte_of(t.codepoint_count() + 1, UINT32_MAX);
        for (uint32_t b = 0; b <= a.size(); ++b) {
            if (b < a.size() && (static_cast<unsigned char>(a[b]) & 0xC0) == 0x80) continue;
            uint32_t cp = t.codepoint(b);
            if (cp < byte_of.size() && byte_of[cp] == UINT32_MAX) byte_of[cp] = b;
        }
        std::vector<normalise::Mention> ms;
        for (const auto& m : g["mentions"]) {
            auto ty = type_of(str(m, "type"));
            if (!ty || !m.contains("start")) continue;
            uint32_t s = m["start"], e = m["end"];
            if (s >= byte_of.size() || e >= byte_of.size() || byte_of[s] == UINT32_MAX || byte_of[e] == UINT32_MAX)
                continue;
            normalise::Mention x;
            x.type = *ty;
            x.span = {byte_of[s], byte_of[e]};
            x.rule = "gold";
            if (*ty == normalise::Type::date) {
                x.timex = m.contains("value") && m["value"].is_string() ? m["value"].get<std::string>() : "";
            } else {
                x.value = num(m, "value");
            }
            x.min = num(m, "min");
            x.max = num(m, "max");
            x.currency = str(m, "currency");
            x.unit = str(m, "unit");
            if (*ty == normalise::Type::percent && x.unit.empty()) x.unit = "percent";
            x.qualifier = str(m, "qualifier");
            x.from = str(m, "from");
            x.to = str(m, "to");
            x.name = str(m, "name");
            x.kind = str(m, "kind");
            x.role = str(m, "role");
            x.affiliation = str(m, "affiliation");
            x.cue = str(m, "cue");
            x.cites = str(m, "cites");
            ms.push_back(std::move(x));
        }
        // Gold source mentions carry no kind: take the kind of the entity they name.
        std::map<std::string, std::string> kinds;
        for (const auto& x : ms)
            if (x.type != normalise::Type::source && !x.name.empty() && !x.kind.empty()) kinds.emplace(x.name, x.kind);
        for (auto& x : ms)
            if (x.type == normalise::Type::source && x.kind.empty() && kinds.count(x.name)) x.kind = kinds[x.name];
        std::sort(ms.begin(), ms.end(), [](const auto& l, const auto& r) {
            return l.span.begin != r.span.begin ? l.span.begin < r.span.begin : l.span.end > r.span.end;
        });
        nlohmann::ordered_json rec;
        rec["id"] = id;
        rec["claims"] = nlohmann::ordered_json::array();
        for (const claims::Claim& c : assembler.assemble(ms, t, {.id = id, .published = str(g, "published")}))
            rec["claims"].push_back(claim_json(c, ms, t));
        std::cout << rec.dump() << '\n';
    }
    return 0;
}
