// Helpers for rule-engine tests: raw matches written out one per line, sorted,
// so that two engines' (or two rule sets') matches compare as strings.
// (Header-only; each test file gets its own copy.)
#pragma once

#include "extractor/rules/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace rules_support {

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

}  // namespace rules_support
