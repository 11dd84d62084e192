// Tokens and phrase lexicons for claim assembly.
#include "extractor/claims/lexicon.h"

#include <algorithm>

namespace claimex::claims {

namespace {
inline bool word_byte(unsigned char c) {
    return std::isalnum(c) || c >= 0x80 || c == '-' || c == '.' || c == '$' || c == '%';
}
}  // namespace

std::vector<Token> tokenize(std::string_view a, text::Span span) {
    std::vector<Token> out;
    uint32_t i = span.begin;
    while (i < span.end) {
        unsigned char c = static_cast<unsigned char>(a[i]);
        // em and en dashes (E2 80 94 / E2 80 93) and "--"
        if (c == 0xE2 && i + 2 < span.end && static_cast<unsigned char>(a[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(a[i + 2]) == 0x94 || static_cast<unsigned char>(a[i + 2]) == 0x93)) {
            out.push_back({i, i + 3, "—"});
            i += 3;
            continue;
        }
        if (c == '-' && i + 1 < span.end && a[i + 1] == '-') {
            out.push_back({i, i + 2, "—"});
            i += 2;
            continue;
        }
        if (std::isalnum(c) || c >= 0x80) {
            uint32_t k = i;
            while (k < span.end && word_byte(static_cast<unsigned char>(a[k]))) ++k;
            // A trailing '.' or '-' belongs to the sentence, not the word ("U.S." keeps its dots).
            while (k > i + 1 && (a[k - 1] == '.' || a[k - 1] == '-') &&
                   !(k >= i + 2 && a[k - 1] == '.' && std::isupper(static_cast<unsigned char>(a[k - 2])) &&
                     k - i <= 4))
                --k;
            Token t{i, k, std::string(a.substr(i, k - i))};
            for (char& ch : t.low) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
            out.push_back(std::move(t));
            i = k;
        } else if (c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '\'' || c == '"') {
            out.push_back({i, i + 1, std::string(1, static_cast<char>(c))});
            ++i;
        } else {
            ++i;
        }
    }
    return out;
}

Lexicon::Lexicon(const rules::RuleSet& rules, std::string_view table) {
    const auto* rows = rules.table(table);
    if (!rows) return;
    for (const auto& row : *rows) {
        if (row.empty() || row[0].empty()) continue;
        add(row[0], row.size() > 1 ? row[1] : row[0], row.size() > 2 ? row[2] : "", row.size() > 3 ? row[3] : "");
    }
}

Lexicon Lexicon::from_list(const rules::RuleSet& rules, std::string_view list) {
    Lexicon lx;
    if (const auto* words = rules.list(list))
        for (const auto& w : *words) lx.add(w, w, "");
    return lx;
}

void Lexicon::add(const std::string& phrase, std::string value, std::string extra, std::string extra2) {
    std::vector<Token> toks = tokenize(phrase, {0, static_cast<uint32_t>(phrase.size())});
    Entry e;
    for (auto& t : toks) e.words.push_back(t.low);
    if (e.words.empty()) return;
    e.value = std::move(value);
    e.extra = std::move(extra);
    e.extra2 = std::move(extra2);
    auto& v = by_first_[e.words[0]];
    v.push_back(std::move(e));
    std::stable_sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

const Lexicon::Entry* Lexicon::match(const std::vector<Token>& tokens, size_t i, size_t* n) const {
    if (i >= tokens.size()) return nullptr;
    auto it = by_first_.find(tokens[i].low);
    if (it == by_first_.end()) return nullptr;
    for (const Entry& e : it->second) {
        if (i + e.words.size() > tokens.size()) continue;
        bool ok = true;
        for (size_t k = 1; k < e.words.size() && ok; ++k) ok = tokens[i + k].low == e.words[k];
        if (ok) {
            if (n) *n = e.words.size();
            return &e;
        }
    }
    return nullptr;
}

bool Lexicon::contains_word(std::string_view w) const {
    auto it = by_first_.find(std::string(w));
    if (it == by_first_.end()) return false;
    for (const Entry& e : it->second)
        if (e.words.size() == 1) return true;
    return false;
}

}  // namespace claimex::claims
