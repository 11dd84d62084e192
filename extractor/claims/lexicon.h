// Internal to claims: word-level views of a sentence and phrase lexicons
// (metrics, change verbs, cues) matched on lower-case tokens.
#pragma once

#include "extractor/rules/rules.h"
#include "extractor/text/text.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace claimex::claims {

// A word of the analysis text: [begin, end) bytes and its lower-case form
// (a view into a lower-cased copy of the text, so tokens allocate nothing).
// Punctuation marks that matter for structure ( ( ) , ; : ' ) are tokens of
// their own, and so are dashes ("—", "–", "--", all as "—": a dateline's
// end); other punctuation is skipped.
struct Token {
    uint32_t begin = 0, end = 0;
    std::string_view low;
    uint64_t bits = 0;  // the word classes it belongs to (WordSet bits), when looked up
    uint64_t hash = 0;  // word_hash(low), taken once by the tokenizer (word lookups reuse it)
    bool is_word() const {
        return !low.empty() && low != "—" &&
               (std::isalnum(static_cast<unsigned char>(low[0])) || static_cast<unsigned char>(low[0]) >= 0x80);
    }
};

// Byte-wise ASCII lower case (same length: offsets stay valid).
void lower_into(std::string_view s, std::string& out);

// Appends the tokens of text[span] to `out`. `low` is a buffer as long as
// the text: the tokenizer writes the lower case of each token's bytes there
// (at the same offsets) and the tokens' views point into it, so it must
// outlive them.
void tokenize(std::string_view text, std::string& low, text::Span span, std::vector<Token>& out);

// The hash of the word tables (not FNV-1a, whose values are output: this one is
// internal): a few loads and multiplies for a word of any length up to 16 bytes,
// not a multiply and a branch per byte. Tokens carry it (Token::hash).
inline uint64_t word_hash(std::string_view s) noexcept {
    const char* p = s.data();
    const size_t n = s.size();
    auto load64 = [](const char* q) { uint64_t v; std::memcpy(&v, q, 8); return v; };
    auto load32 = [](const char* q) { uint32_t v; std::memcpy(&v, q, 4); return uint64_t{v}; };
    auto mix = [](uint64_t x, uint64_t y) {
        const unsigned __int128 r = static_cast<unsigned __int128>(x) * y;
        return static_cast<uint64_t>(r) ^ static_cast<uint64_t>(r >> 64);
    };
    constexpr uint64_t k1 = 0xa0761d6478bd642fULL, k2 = 0xe7037ed1a0b428dbULL;
    uint64_t a = 0, b = 0, h = n;
    if (n >= 8) {
        // 16-byte blocks, then the last 16 bytes (overlapping: every byte is read)
        size_t i = 0;
        for (; i + 16 < n; i += 16) h = mix(load64(p + i) ^ k1, load64(p + i + 8) ^ h);
        a = load64(p + (n >= 16 ? n - 16 : 0));
        b = load64(p + n - 8);
    } else if (n >= 4) {
        a = load32(p);
        b = load32(p + n - 4);
    } else if (n > 0) {
        a = (uint64_t{static_cast<unsigned char>(p[0])} << 16) | (uint64_t{static_cast<unsigned char>(p[n >> 1])} << 8) |
            static_cast<unsigned char>(p[n - 1]);
    }
    return mix(a ^ k1 ^ h, b ^ k2);
}

// A word and its hash already taken (a token's): a probe that hashes nothing.
struct HashedWord {
    std::string_view s;
    uint64_t hash;
    explicit HashedWord(const Token& t) : s(t.low), hash(t.hash) {}
};
inline bool operator==(const std::string& a, const HashedWord& b) { return a == b.s; }
inline bool operator==(const HashedWord& a, const std::string& b) { return a.s == b; }

// Transparent hashing, so string_view probes build no std::string.
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const noexcept { return static_cast<size_t>(word_hash(s)); }
    size_t operator()(const HashedWord& w) const noexcept { return static_cast<size_t>(w.hash); }
};
template <class V>
using StringMap = std::unordered_map<std::string, V, StringHash, std::equal_to<>>;
// (sets probed by name per claim: a hash, not a tree's handful of string compares)
using StringSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// A phrase lexicon: lower-case phrases (one or more words) → a value and an
// optional extra column, matched at a token, longest phrase first.
// A set of lower-case words with a bit of its own: a token's `bits`, looked
// up once per token, answer membership with no lookup per probe.
struct WordSet {
    uint64_t bit = 0;
    // Hashed: words are probed by string in the assembly's hot loops (a
    // tree of strings cost a handful of compares a probe).
    StringSet words;
    WordSet() = default;
    WordSet(int b, std::initializer_list<const char*> ws) : bit(uint64_t{1} << b) {
        for (const char* w : ws) words.insert(w);
    }
    size_t count(std::string_view w) const { return words.count(w); }
    size_t count(const Token& t) const { return (t.bits & bit) != 0; }
    void insert(std::string w) { words.insert(std::move(w)); }
};

class Lexicon {
public:
    struct Entry {
        std::vector<std::string> words;
        std::vector<uint64_t> hashes;  // word_hash of each word: a token is compared by its hash first
        std::string value;
        std::string extra;
        std::string extra2;  // a fourth column, when the table has one
    };
    Lexicon() = default;
    // From a rule-set table (columns: phrase, value, extra); a missing table
    // gives an empty lexicon.
    Lexicon(const rules::RuleSet& rules, std::string_view table);
    // From a rule-set list: every entry maps to itself.
    static Lexicon from_list(const rules::RuleSet& rules, std::string_view list);

    // The longest entry starting at tokens[i], or nullptr. *n gets its length in tokens.
    const Entry* match(const std::vector<Token>& tokens, size_t i, size_t* n) const;
    // The same among tokens[i, end) only.
    const Entry* match(const std::vector<Token>& tokens, size_t i, size_t end, size_t* n) const;
    bool contains_word(std::string_view w) const;
    // The entry that is exactly these words ("home", "price"), or nullptr.
    const Entry* find(std::initializer_list<std::string_view> words) const;
    // Every first word of an entry, and whether an entry is that word alone.
    template <class Fn>
    void each_first(Fn fn) const {
        for (const auto& [w, entries] : by_first_) {
            bool single = false;
            for (const Entry& e : entries) single |= e.words.size() == 1;
            fn(w, single);
        }
    }

private:
    void add(const std::string& phrase, std::string value, std::string extra, std::string extra2 = {});
    const Entry* match_at(const std::vector<Token>& tokens, size_t size, size_t i, size_t* n) const;
    StringMap<std::vector<Entry>> by_first_;
};

}  // namespace claimex::claims
