// Helpers for rule-engine tests: raw matches written out one per line, sorted,
// so that two engines' (or two rule sets') matches compare as strings.
// (Header-only; each test file gets its own copy.)
#pragma once

#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <random>
#include <string>
#include <vector>

namespace rules_support {

// The source tree's sentence segmenter and rule set, loaded once per test binary.
inline const claimex::text::Segmenter& segmenter() {
    static claimex::text::Segmenter seg = claimex::text::Segmenter::load(std::string(CLAIMEX_SOURCE_DIR) + "/rules/text");
    return seg;
}
inline const claimex::rules::RuleSet& project_rules() {
    static claimex::rules::RuleSet rs = claimex::rules::RuleSet::load(std::string(CLAIMEX_SOURCE_DIR) + "/rules");
    return rs;
}

// Rule, span, context, text and every capture of each match (of rule `only`, when given).
inline std::string describe(const std::vector<claimex::rules::RawMention>& ms, const std::string& a,
                            const std::string& only = "") {
    std::vector<std::string> v;
    for (const auto& m : ms) {
        if (!only.empty() && m.rule->id != only) continue;
        std::string s = fmt::format("{} [{},{}) ctx [{},{}) \"{}\"", m.rule->id, m.span.begin, m.span.end,
                                    m.context.begin, m.context.end, a.substr(m.span.begin, m.span.size()));
        for (const auto& c : m.captures) s += fmt::format(" {}=[{},{})", c.name, c.span.begin, c.span.end);
        v.push_back(s);
    }
    std::sort(v.begin(), v.end());
    std::string out;
    for (const auto& s : v) out += s + "\n";
    return out;
}

// A random text spliced from pieces: whole or cut pieces, changed case, odd (non-ASCII) characters
// inside, each piece followed by one of `seps` (which may hold line breaks).
inline std::string random_text(std::mt19937& rng, const std::vector<std::string>& pieces,
                               const std::vector<std::string>& seps, const std::vector<std::string>& odd) {
    auto pick = [&](size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); };
    auto cp_start = [](const std::string& p, size_t i) {
        while (i < p.size() && (static_cast<unsigned char>(p[i]) & 0xc0) == 0x80) ++i;
        return i;
    };
    std::string out;
    for (size_t k = 0, parts = 1 + pick(8); k < parts; ++k) {
        std::string p = pieces[pick(pieces.size())];
        switch (pick(6)) {
            case 0:  // a cut piece
                if (!p.empty()) {
                    size_t b = cp_start(p, pick(p.size()));
                    size_t e = cp_start(p, b + pick(p.size() - b + 1));
                    p = p.substr(b, e > b ? e - b : 0);
                }
                break;
            case 1:  // changed case
                for (char& c : p)
                    if (std::isalpha(static_cast<unsigned char>(c)) && pick(3) == 0)
                        c = static_cast<char>(std::isupper(static_cast<unsigned char>(c)) ? std::tolower(c)
                                                                                           : std::toupper(c));
                break;
            case 2:  // an odd character inside
                if (!p.empty()) p.insert(cp_start(p, pick(p.size())), odd[pick(odd.size())]);
                break;
            default:
                break;
        }
        out += p;
        out += seps[pick(seps.size())];
    }
    return out;
}

}  // namespace rules_support
