// Tokens and phrase lexicons for claim assembly.
#include "extractor/claims/lexicon.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <emmintrin.h>

namespace claimex::claims {

namespace {
// Byte classes of the tokenizer (ASCII; UTF-8 lead and continuation bytes
// count as word bytes, as the C locale's ctype would leave them).
enum : uint8_t { kStart = 1, kWord = 2, kMark = 4 };
constexpr auto kClass = [] {
    std::array<uint8_t, 256> t{};
    for (int c = 0; c < 256; ++c) {
        bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (alnum || c >= 0x80) t[c] |= kStart | kWord;
        if (c == '-' || c == '.' || c == '$' || c == '%') t[c] |= kWord;
        if (c == '(' || c == ')' || c == ',' || c == ';' || c == ':' || c == '\'' || c == '"') t[c] |= kMark;
    }
    return t;
}();
inline uint8_t cls(char c) { return kClass[static_cast<unsigned char>(c)]; }
inline char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }
}  // namespace

void lower_into(std::string_view s, std::string& out) {
    out.resize(s.size());
    // (raw pointers: a loop the compiler vectorises)
    const char* const in = s.data();
    char* const o = out.data();
    const size_t n = s.size();
    for (size_t i = 0; i < n; ++i) o[i] = ascii_lower(in[i]);
}

namespace {
// kStore: write the lower case of each token's bytes into `low` (else it holds it already).
template <bool kStore>
void tokenize_impl(std::string_view text, char* const lw, text::Span span, std::vector<Token>& out) {
    static constexpr std::string_view dash = "—";
    static const uint64_t dash_hash = word_hash(dash);
    // Raw pointers in locals: a store through a char* may alias anything, so
    // members read through references would be reloaded at every byte.
    const char* const a = text.data();
    const uint32_t end = span.end;
    uint32_t i = span.begin;
    while (i < end) {
        const char ch = a[i];
        unsigned char c = static_cast<unsigned char>(ch);
        // em and en dashes (E2 80 94 / E2 80 93) and "--"
        if (c == 0xE2 && i + 2 < end && static_cast<unsigned char>(a[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(a[i + 2]) == 0x94 || static_cast<unsigned char>(a[i + 2]) == 0x93)) {
            out.push_back({i, i + 3, Word(dash), 0, dash_hash});
            i += 3;
            continue;
        }
        if (c == '-' && i + 1 < end && a[i + 1] == '-') {
            out.push_back({i, i + 2, Word(dash), 0, dash_hash});
            i += 2;
            continue;
        }
        const uint8_t f = cls(ch);
        if (f & kStart) {
            uint32_t k = i;
            while (k < end && (cls(a[k]) & kWord)) {
                if constexpr (kStore) lw[k] = ascii_lower(a[k]);
                ++k;
            }
            // A trailing '.' or '-' belongs to the sentence, not the word: "U.S." and an initial
            // ("J.") keep their dots, "the DAX." and "to the US." end a sentence.
            while (k > i + 1 && (a[k - 1] == '.' || a[k - 1] == '-') &&
                   !(k >= i + 2 && a[k - 1] == '.' && (a[k - 2] >= 'A' && a[k - 2] <= 'Z') && k - i <= 4 &&
                     (k == i + 2 || std::memchr(a + i, '.', k - 1 - i))))
                --k;
            // (hashed once here: the word's lookups reuse it)
            const std::string_view w(lw + i, k - i);
            out.push_back({i, k, Word(w), 0, word_hash(w)});
            i = k;
        } else if (f & kMark) {
            if constexpr (kStore) lw[i] = ch;
            const std::string_view w(lw + i, 1);
            out.push_back({i, i + 1, Word(w), 0, word_hash(w)});
            ++i;
        } else {
            ++i;
        }
    }
}
}  // namespace

bool contains_that(std::string_view s) {
    const char* const p = s.data();
    const size_t n = s.size();
    auto at = [&](size_t i) { return std::memcmp(p + i, " that ", 6) == 0; };
    if (n < 21) {
        for (size_t i = 0; i + 6 <= n; ++i)
            if (at(i)) return true;
        return false;
    }
    // (16 starts a step: a bit where ' ', 't' and ' ' stand 0, 1 and 5 bytes on, each checked
    // in full; the last block overlaps the one before so that no load leaves the view)
    auto block = [&](size_t i) {
        auto eq = [&](size_t off, char c) {
            return _mm_cmpeq_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + off)), _mm_set1_epi8(c));
        };
        uint32_t m = static_cast<uint32_t>(_mm_movemask_epi8(_mm_and_si128(_mm_and_si128(eq(0, ' '), eq(1, 't')), eq(5, ' '))));
        for (; m; m &= m - 1)
            if (at(i + static_cast<size_t>(__builtin_ctz(m)))) return true;
        return false;
    };
    size_t i = 0;
    for (; i + 21 <= n; i += 16)
        if (block(i)) return true;
    return i < n - 5 && block(n - 21);
}

void tokenize(std::string_view text, std::string& low, text::Span span, std::vector<Token>& out) {
    tokenize_impl<true>(text, low.data(), span, out);
}

void tokenize_lowered(std::string_view text, const std::string& low, text::Span span, std::vector<Token>& out) {
    // (the views are read-only: the buffer is written only by tokenize_impl<true>)
    tokenize_impl<false>(text, const_cast<char*>(low.data()), span, out);
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
    std::string low(phrase.size(), '\0');
    std::vector<Token> toks;
    tokenize(phrase, low, {0, static_cast<uint32_t>(phrase.size())}, toks);
    Entry e;
    for (auto& t : toks) e.words.emplace_back(t.low), e.hashes.push_back(t.hash);
    if (e.words.empty()) return;
    e.value = std::move(value);
    e.extra = std::move(extra);
    e.extra2 = std::move(extra2);
    Group& g = by_first_[e.words[0]];
    auto& v = g.entries;
    v.push_back(std::move(e));
    std::stable_sort(v.begin(), v.end(), [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
    g.keys.clear();
    g.seconds = 0;
    g.single = v.size();
    for (const Entry& x : v) {
        if (x.words.size() > 1) g.seconds |= uint64_t{1} << (x.hashes[1] & 63);
        else if (g.single == v.size()) g.single = g.keys.size();
        g.keys.push_back({x.words.size(), x.words.size() > 1 ? x.hashes[1] : 0});
    }
}

const Lexicon::Entry* Lexicon::match_at(const std::vector<Token>& tokens, size_t size, size_t i, size_t* n) const {
    if (i >= size) return nullptr;
    const Group* g = by_first_.find(HashedWord(tokens[i]));  // (the token's hash: no second pass over its bytes)
    if (!g) return nullptr;
    // (no longer entry can match when the next token's bit is not among the second words': only
    // the first entry of one word, as the loop below would find it after the longer ones)
    if (i + 1 >= size || !((g->seconds >> (tokens[i + 1].hash & 63)) & 1)) {
        if (g->single == g->keys.size()) return nullptr;
        if (n) *n = 1;
        return &g->entries[g->single];
    }
    for (size_t x = 0; x < g->keys.size(); ++x) {
        const Group::Key key = g->keys[x];
        if (i + key.n > size || (key.n > 1 && tokens[i + 1].hash != key.second)) continue;
        const Entry& e = g->entries[x];
        bool ok = true;
        for (size_t k = 1; k < e.words.size() && ok; ++k)
            ok = tokens[i + k].hash == e.hashes[k] && tokens[i + k].low == e.words[k];
        if (ok) {
            if (n) *n = e.words.size();
            return &e;
        }
    }
    return nullptr;
}

const Lexicon::Entry* Lexicon::match(const std::vector<Token>& tokens, size_t i, size_t* n) const {
    return match_at(tokens, tokens.size(), i, n);
}

const Lexicon::Entry* Lexicon::match(const std::vector<Token>& tokens, size_t i, size_t end, size_t* n) const {
    return match_at(tokens, std::min(end, tokens.size()), i, n);
}

const Lexicon::Entry* Lexicon::find(std::initializer_list<std::string_view> words) const {
    if (words.size() == 0) return nullptr;
    const Group* g = by_first_.find(*words.begin());
    if (!g) return nullptr;
    for (const Entry& e : g->entries)
        if (e.words.size() == words.size() && std::equal(e.words.begin(), e.words.end(), words.begin()))
            return &e;
    return nullptr;
}

bool Lexicon::contains_word(std::string_view w) const {
    const Group* g = by_first_.find(w);
    if (!g) return false;
    for (const Entry& e : g->entries)
        if (e.words.size() == 1) return true;
    return false;
}

}  // namespace claimex::claims
