// Internal to claims: word-level views of a sentence and phrase lexicons
// (metrics, change verbs, cues) matched on lower-case tokens.
#pragma once

#include "extractor/rules/rules.h"
#include "extractor/text/str.h"
#include "extractor/text/text.h"

#include <cctype>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace claimex::claims {

// A token's lower-case text: a string_view whose test against a string literal (`low == "the"`,
// asked hundreds of times per sentence) is a length test and a compare of a known size, which
// the compiler inlines, instead of a call to memcmp through string_view::compare.
struct Word : std::string_view {
    Word() = default;
    explicit constexpr Word(std::string_view s) : std::string_view(s) {}
    template <size_t N>
    friend bool operator==(const Word& w, const char (&lit)[N]) {
        return w.size() == N - 1 && __builtin_memcmp(w.data(), lit, N - 1) == 0;
    }
};

// Str (extractor/text/str.h): lexicon columns and change words, tested against literals.

// A word of the analysis text: [begin, end) bytes and its lower-case form
// (a view into a lower-cased copy of the text, so tokens allocate nothing).
// Punctuation marks that matter for structure ( ( ) , ; : ' ) are tokens of
// their own, and so are dashes ("—", "–", "--", all as "—": a dateline's
// end); other punctuation is skipped.
struct Token {
    uint32_t begin = 0, end = 0;
    Word low;
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
// The same when `low` is already the whole text's lower case (lower_into): nothing is written.
void tokenize_lowered(std::string_view text, const std::string& low, text::Span span, std::vector<Token>& out);

// Whether s holds " that " (read_sentence's gate; SSE2, not memmem's general search).
bool contains_that(std::string_view s);

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

// Words → V for the per-token lookups (word classes, a lexicon's first words, word lists): open
// addressing on word_hash, probed with the token's hash already taken, the full hash compared
// before any byte (std::unordered_map took a division per probe and compared strings on every
// node of a bucket). Entries in insertion order; a V found stays put while no word is added.
// K is std::string (the table owns its words) or std::string_view (the words are views of text
// that outlives the table: a document's mention names, NameCounts).
template <class V, class K = std::string>
class WordTable {
public:
    using Item = std::pair<K, V>;
    // The (word, value) item of w, or nullptr.
    const Item* find_item(std::string_view w, uint64_t h) const {
        if (slots_.empty()) return nullptr;
        for (size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (!s.index) return nullptr;
            if (s.hash == h && same(items_[s.index - 1].first, w)) return &items_[s.index - 1];
        }
    }
    const V* find(std::string_view w, uint64_t h) const {
        const Item* it = find_item(w, h);
        return it ? &it->second : nullptr;
    }
    const V* find(std::string_view w) const { return find(w, word_hash(w)); }
    const V* find(const HashedWord& w) const { return find(w.s, w.hash); }
    // The value of w, made (V{}) when w is new.
    V& operator[](std::string_view w) {
        const uint64_t h = word_hash(w);
        if (const V* v = find(w, h)) return const_cast<V&>(*v);
        if ((items_.size() + 1) * 2 > slots_.size()) grow();
        items_.emplace_back(K(w), V{});
        place(h, static_cast<uint32_t>(items_.size()));
        return items_.back().second;
    }
    size_t size() const { return items_.size(); }
    typename std::vector<Item>::const_iterator begin() const { return items_.begin(); }
    typename std::vector<Item>::const_iterator end() const { return items_.end(); }

private:
    // (words are short: a byte loop, not a call to memcmp, once the hashes agree)
    static bool same(std::string_view x, std::string_view y) {
        if (x.size() != y.size()) return false;
        for (size_t i = 0; i < y.size(); ++i)
            if (x[i] != y[i]) return false;
        return true;
    }
    struct Slot {
        uint64_t hash = 0;
        uint32_t index = 0;  // 1 + the item's index; 0: empty
    };
    void place(uint64_t h, uint32_t index) {
        for (size_t i = h & mask_;; i = (i + 1) & mask_)
            if (!slots_[i].index) {
                slots_[i] = {h, index};
                return;
            }
    }
    void grow() {
        const size_t n = slots_.empty() ? 16 : slots_.size() * 2;
        slots_.assign(n, Slot{});
        mask_ = n - 1;
        for (size_t k = 0; k < items_.size(); ++k) place(word_hash(items_[k].first), static_cast<uint32_t>(k + 1));
    }
    std::vector<Item> items_;
    std::vector<Slot> slots_;  // a power of two, at most half full
    size_t mask_ = 0;
};

// Strings → V probed by name per claim (a metric key's scope and forms, a unit's metric, an
// authority's area) and per document (an organisation's kind, its releases): the open-addressed
// WordTable behind the few std::unordered_map calls the steps make (find/end, count, operator[],
// at). find gives the (key, value) item, end() the null pointer; an item found stays put while
// nothing is added. K std::string_view: the keys are views of text that outlives the map (a
// document's mention names). (std::unordered_map took a division, a walk of the bucket's nodes and
// a memcmp call per probe, and a node per name: ~2% of the claims stage in time.)
template <class V, class K = std::string>
class StringMap {
public:
    using Item = typename WordTable<V, K>::Item;
    const Item* find(std::string_view k) const { return table_.find_item(k, word_hash(k)); }
    const Item* end() const { return nullptr; }
    size_t count(std::string_view k) const { return find(k) != nullptr; }
    const V& at(std::string_view k) const {
        const Item* it = find(k);
        if (!it) throw std::out_of_range("StringMap::at");
        return it->second;
    }
    // The value of k, made (V{}) when k is new.
    V& operator[](std::string_view k) { return table_[k]; }
    size_t size() const { return table_.size(); }

private:
    WordTable<V, K> table_;
};

// Strings probed by name per claim (the metric sets of metric_scopes.tsv, areas, central banks)
// and a few word lists: the open-addressed WordTable, as WordList. (It was a std::unordered_set:
// a division and a walk of the bucket's nodes per probe, ~1.6% of the claims stage.)
struct StringSet {
    struct None {};
    WordTable<None> words;
    StringSet() = default;
    StringSet(std::initializer_list<std::string_view> ws) {
        for (std::string_view w : ws) words[w];
    }
    size_t count(std::string_view w) const { return words.find(w) != nullptr; }
    void insert(std::string_view w) { words[w]; }
};

// A set of lower-case words with a bit of its own: a token's `bits`, looked
// up once per token, answer membership with no lookup per probe.
struct WordSet {
    struct None {};
    uint64_t bit = 0;
    // Hashed: words are probed by string in the assembly's hot loops (a
    // tree of strings cost a handful of compares a probe).
    WordTable<None> words;
    WordSet() = default;
    WordSet(int b, std::initializer_list<const char*> ws) : bit(uint64_t{1} << b) {
        for (const char* w : ws) words[w];
    }
    size_t count(std::string_view w) const { return words.find(w) != nullptr; }
    size_t count(const Token& t) const { return (t.bits & bit) != 0; }
    void insert(std::string_view w) { words[w]; }
};

// A few words a step tests tokens against by text ("static const WordList copula = {...}"): a
// hash and a probe, not a tree of string compares (std::set) per test. (No token class bit: a
// Token is tested by its text, `count(tok.low)`.)
struct WordList {
    WordTable<WordSet::None> words;
    WordList(std::initializer_list<const char*> ws) {
        for (const char* w : ws) words[w];
    }
    size_t count(std::string_view w) const { return words.find(w) != nullptr; }
};

// A phrase lexicon: lower-case phrases (one or more words) → a value and an
// optional extra column, matched at a token, longest phrase first.

class Lexicon {
public:
    struct Entry {
        std::vector<std::string> words;
        std::vector<uint64_t> hashes;  // word_hash of each word: a token is compared by its hash first
        Str value;
        Str extra;
        Str extra2;  // a fourth column, when the table has one
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
        for (const auto& [w, group] : by_first_) {
            bool single = false;
            for (const Entry& e : group.entries) single |= e.words.size() == 1;
            fn(w, single);
        }
    }

private:
    void add(const std::string& phrase, std::string value, std::string extra, std::string extra2 = {});
    const Entry* match_at(const std::vector<Token>& tokens, size_t size, size_t i, size_t* n) const;
    // The entries of one first word, longest first, and beside them what rules most of them
    // out without touching an entry: its length in words and its second word's hash.
    struct Group {
        std::vector<Entry> entries;
        struct Key {
            size_t n;
            uint64_t second;  // word_hash of the second word (0: an entry of one word)
        };
        std::vector<Key> keys;
        // What a token after the first word must be for a longer entry to match, as one bit of
        // each second word's hash (bit hash & 63): a next token whose bit is not set matches
        // only an entry of one word, `single` (the index of the first, keys.size() if none).
        uint64_t seconds = 0;
        size_t single = 0;
    };
    WordTable<Group> by_first_;
};

}  // namespace claimex::claims
