// token_matcher — a rule matcher over tokens instead of bytes (session 12
// prototype; session 13: a translator from the rules' RE2 syntax and the
// engine's use of it; session 14: one pass for all rules, on by default).
// RuleSet runs every pattern rule whose pattern lines and vetoes translate
// (translate()) on tokens (TokenRules), and the others on RE2::Set + PCRE2;
// with CLAIMEX_TOKENS=off every rule runs on the regex engine. The design,
// the translator's subset and the figures are in rules/README.md, "A token
// matcher".
//
// Parts:
// - TokenIndex: a paragraph cut once into tokens — runs of ASCII letters,
//   runs of ASCII digits, and every other code point but RE2's \s
//   ([\t\n\f\r ]) alone — each with a bitset of predicates. White space is
//   no token: a pattern reads it as the gap between two tokens.
// - TokenClasses: the predicates. A letter or digit token's bits are looked
//   up once per distinct string (a hash cache of the token's bytes): word
//   sets (a fragment of a pattern that matches a finite set of letter
//   strings: a word, a list, `cents?`), in any case or as written, and
//   regular predicates (`\d{1,3}`, `1[0-8]\d\d|...`: RE2 on the token, once
//   per distinct string). A character token's bits come from its code point.
// - TokenProgram: a compiled token pattern, run by a backtracking VM with
//   the leftmost-first semantics of RE2 and PCRE2 (alternatives in order,
//   greedy repeats), named captures at token boundaries, \b, ^, $, {PRE}'s
//   one-character look-behind. A step consumes one token whose bits hold
//   a mask and whose gap from the previous token lies in the range the
//   pattern's white space allows (\s? is 0..1 bytes, \s+ 1..∞, a literal
//   ' ' exactly one space).
// - translate(): an expanded rule pattern (RE2 syntax) to a TokenProgram,
//   or the reason it stays on the regex engine.
// - TokenRules: the converted rules of a rule set, matched per paragraph as
//   the engine matches them (each rule resuming after its last match; a
//   match that starts inside a veto match dropped), all in one pass over the
//   paragraph's tokens: a token's kind (its bits and word ids, interned once
//   per distinct token) says which rules' TOKs can take it — as a first,
//   any or last token — so a backward pass of rule masks finds where each
//   rule can match, and a rule's program runs only there.
// - PercentMatcher: the percent family alone (the prototype's interface,
//   for tests/token_matcher_test.cc and tools/bench_tokens.cc).
#pragma once

#include "extractor/rules/rules.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimex::rules::tokens {

// A set of W * 64 bits: a token's predicates (Bits), a set of rules of a TokenRules (bit k: its
// rule k) or of their needs (RuleMask, NeedMask).
template <int W>
struct Mask {
    uint64_t w[W] = {};
    constexpr Mask() = default;
    constexpr Mask(uint64_t low) { w[0] = low; }  // NOLINT: the fixed bits
    static Mask bit(int k) {
        Mask b;
        b.set(static_cast<size_t>(k));
        return b;
    }
    void set(size_t k) { w[k / 64] |= 1ull << (k % 64); }
    bool has(size_t k) const { return (w[k / 64] >> (k % 64)) & 1; }
    friend Mask operator&(const Mask& a, const Mask& b) {
        Mask r;
        for (int k = 0; k < W; ++k) r.w[k] = a.w[k] & b.w[k];
        return r;
    }
    friend Mask operator|(const Mask& a, const Mask& b) {
        Mask r;
        for (int k = 0; k < W; ++k) r.w[k] = a.w[k] | b.w[k];
        return r;
    }
    Mask operator~() const {
        Mask r;
        for (int k = 0; k < W; ++k) r.w[k] = ~w[k];
        return r;
    }
    Mask& operator&=(const Mask& b) { return *this = *this & b; }
    Mask& operator|=(const Mask& b) { return *this = *this | b; }
    friend bool operator==(const Mask& a, const Mask& b) {
        for (int k = 0; k < W; ++k)
            if (a.w[k] != b.w[k]) return false;
        return true;
    }
    friend bool operator!=(const Mask& a, const Mask& b) { return !(a == b); }
    friend bool operator<(const Mask& a, const Mask& b) {
        for (int k = 0; k < W; ++k)
            if (a.w[k] != b.w[k]) return a.w[k] < b.w[k];
        return false;
    }
    explicit operator bool() const {
        uint64_t o = 0;
        for (int k = 0; k < W; ++k) o |= w[k];
        return o != 0;
    }
    // Whether every bit of m is here / some bit of m is.
    bool all_of(const Mask& m) const {
        for (int k = 0; k < W; ++k)
            if ((w[k] & m.w[k]) != m.w[k]) return false;
        return true;
    }
    bool any_of(const Mask& m) const {
        uint64_t o = 0;
        for (int k = 0; k < W; ++k) o |= w[k] & m.w[k];
        return o != 0;
    }
};

// A token's predicates: kWords * 64 bits (the fixed ones below, then a bit
// per word set, regular predicate and character set the translated rules use).
constexpr int kWords = 6;
using Bits = Mask<kWords>;

// Fixed predicate bits (shapes and characters); the others are allocated from kFirstWordBit.
enum : uint64_t {
    ALPHA = 1ull << 0,       // a run of ASCII letters
    LOWER = 1ull << 1,       // ... with no capital
    DIGIT = 1ull << 2,       // a run of ASCII digits
    D1_2 = 1ull << 3,        // ... of 1-2 digits
    D1_3 = 1ull << 4,        // ... of 1-3 digits
    D2 = 1ull << 5,          // ... of exactly 2
    D3 = 1ull << 6,          // ... of exactly 3
    YEAR = 1ull << 7,        // 19dd or 20dd
    UNDERSCORE = 1ull << 8,  // '_'
    DOT = 1ull << 9,         // '.'
    COMMA = 1ull << 10,      // ','
    HYPHEN = 1ull << 11,     // '-'
    SIGN = 1ull << 12,       // [-−+]
    DASH = 1ull << 13,       // [-–—]
    PCTSIGN = 1ull << 14,    // '%'
    GROUPSP = 1ull << 15,    // no-break, thin, narrow no-break space (a digit group separator)
    ODD = 1ull << 16,        // 'ſ' or the Kelvin sign: (?i) folds them to ASCII letters
    WORDCHAR = 1ull << 17,   // RE2's \w or '.': ALPHA, DIGIT, '_', '.' ([\w.])
    // Context, set by the index so that the VM reads no text bytes:
    PREX = 1ull << 18,       // the token's code point cannot be {PRE}'s: [\w.,:#/\-\p{Sc}]
    PRE_OK = 1ull << 19,     // the code point before the token can be {PRE}'s (white space, or a glued token without PREX)
    WB_BEFORE = 1ull << 20,  // \b at the token's start
    WB_AFTER = 1ull << 21,   // \b at its end
    D1 = 1ull << 22,         // a run of 1 digit
    D4 = 1ull << 23,         // ... of exactly 4
    OTHER = 1ull << 24,      // a code point's token (no letter or digit run)
    CURSIGN = 1ull << 25,    // ... of a currency symbol (\p{Sc})
    XLETTER = 1ull << 26,    // ... of a code point in U+00C0-U+04FF (Latin, Greek, Cyrillic letters beyond ASCII)
    kFirstWordBit = 27,
};
// XLETTER's code points: a class's code points in this range are dropped by the translator, and a
// paragraph holding one runs the rules whose classes lost some on the regex engine (rules/README.md,
// "Session 18 (matcher18)").
constexpr uint32_t kXFirst = 0xC0, kXLast = 0x4FF;
// Bits 64-127 hash the ids of single words and code points (a word's exact
// test compares the token's id; its bit is the guard the program analyses
// read); the predicate bits go on from 128.
constexpr int kHashWord = 1;
constexpr int kBits = 64 * kWords;

struct Token {
    uint32_t b = 0, e = 0;  // byte span in the text
    uint32_t id = 0, lid = 0;  // a single word's id (as written, in lower case), a code point's; 0: none
    uint32_t kind = 0;  // its bits before the context bits, interned (TokenClasses::kind_bits); 0: none
    Bits bits = 0;
};
// (kMaxNeeds: the rules on tokens had 262 needs in session 24, and one past the limit
// gets no need bit, so runs its VM where a need would have ruled it out.)
constexpr int kMaxTokenRules = 128, kMaxNeeds = 320;
using RuleMask = Mask<kMaxTokenRules / 64>;
using NeedMask = Mask<kMaxNeeds / 64>;

class TokenClasses {
public:
    TokenClasses();
    ~TokenClasses();
    TokenClasses(const TokenClasses&);  // (a thread's copy: the same predicates, its own cache)
    TokenClasses& operator=(const TokenClasses&) = delete;
    // Takes another's predicates and cache (a trial copy's, after a rule translated on it);
    // this object keeps its instance.
    TokenClasses& operator=(TokenClasses&&) = default;
    // A trial: what the predicates become while a rule is translated on this object, undone by
    // rollback() when the rule does not convert (so that it takes no bit) or kept by commit() —
    // instead of a copy of the classes per rule tried (a copy of every word table: 0.15 G
    // instructions of loading, session 17). One trial at a time; the cache is flushed by either.
    void begin_trial();
    void commit();
    void rollback();
    uint64_t serial() const { return serial_; }  // the same for a copy
    uint64_t instance() const { return instance_.v; }  // this object's own (a copy's differs)
    // The bit of a set of letter strings: in any case (`fold`: the strings in
    // lower case) or as written. The same set twice is the same bit.
    Bits words(const std::vector<std::string>& ws, bool fold);
    // The bit of a regular predicate on whole letter (letters) or digit
    // tokens (RE2 syntax, matched in full once per distinct string).
    Bits regular(const std::string& re, bool letters);
    // The bit of a set of code points (character tokens).
    Bits chars(const std::vector<uint32_t>& cps);
    // The id of one word (as written, or in any case) or code point, and its hash bit.
    uint32_t word_id(const std::string& w, bool fold);
    static uint32_t cp_id(uint32_t cp) { return cp | 0x80000000u; }
    static Bits hash_bit(uint32_t id) {
        Bits b;
        b.w[kHashWord] = 1ull << (id % 64);
        return b;
    }
    // The prototype's: the bit of a lower-case word in any case, and a class of them.
    Bits word(std::string_view lower);
    Bits add_to_class(std::string_view cls, std::string_view lower);
    // A token's bits: a letter or digit run (cached per distinct string;
    // the bytes up to `end` may be read past the token: a short token is
    // loaded as two 8-byte words) or a code point.
    void classify(const char* p, uint32_t n, const char* end, Token& t);
    Bits code_point(uint32_t cp) const;
    // A code point's token: its bits and kind (cached).
    void code_point(uint32_t cp, Token& t);
    // The kinds: each distinct token before its context bits — its bits and word ids
    // (an id from 1; the same token, the same id in this object).
    struct Kind {
        Bits bits = 0;
        uint32_t id = 0, lid = 0;
        friend bool operator==(const Kind&, const Kind&) = default;
    };
    uint32_t kind_of(const Kind& k);
    const Kind& kind(uint32_t kind) const { return kinds_[kind]; }
    size_t kinds() const { return kinds_.size(); }
    size_t distinct() const { return used_; }
    int bits_used() const { return next_bit_; }

private:
    Bits alloc();
    Bits class_bit(const std::string& key, bool* fresh = nullptr);
    Bits run_bits(const char* p, uint32_t n, uint32_t& id, uint32_t& lid);
    std::unordered_map<std::string, uint32_t> ids_;  // "s:" word or "i:" lower-case word → its id
    void flush();  // the cache is dropped when a predicate is added
    std::unordered_map<std::string, Bits> fold_;   // lower-case string → its bits (words in any case)
    std::unordered_map<std::string, Bits> exact_;  // string → its bits (words as written)
    std::unordered_map<std::string, Bits> classes_;  // a predicate's key → its bit
    struct Regular;
    std::vector<std::shared_ptr<const Regular>> regular_;
    uint64_t serial_ = 0;
    struct Instance {
        uint64_t v;
        Instance();
        Instance(const Instance&) : Instance() {}
        Instance& operator=(const Instance&) = delete;
        Instance& operator=(Instance&&) noexcept { return *this; }  // (keeps its own)
    } instance_;
    std::unordered_map<uint32_t, Bits> cps_;   // code point → its character-set bits
    Bits ascii_[128] = {};
    struct KindHash {
        size_t operator()(const Kind& k) const {
            uint64_t h = k.id * 0xC2B2AE3D27D4EB4Full ^ k.lid;
            for (uint64_t w : k.bits.w) h = (h ^ w) * 0x9E3779B97F4A7C15ull;
            return h ^ (h >> 29);
        }
    };
    std::unordered_map<Kind, uint32_t, KindHash> kind_ids_;
    std::vector<Kind> kinds_{Kind{}};  // by kind (0: none)
    uint32_t ascii_kind_[128] = {};     // a code point's kind (0: not yet; cleared with the cache)
    std::unordered_map<uint32_t, uint32_t> cp_kinds_;  // other code points'
    // The trial's undo log (begin_trial): the keys it added, the values it changed (as they were).
    struct Journal {
        bool on = false;
        int next_bit = 0;
        size_t regular = 0;
        std::vector<std::string> classes, ids;
        std::vector<std::pair<std::string, std::optional<Bits>>> fold, exact;
        std::vector<std::pair<uint32_t, std::optional<Bits>>> cps;
        std::vector<std::pair<uint32_t, Bits>> ascii;
    } journal_;
    void note(std::unordered_map<std::string, Bits>& m, std::vector<std::pair<std::string, std::optional<Bits>>>& log,
              const std::string& k);
    int next_bit_ = kFirstWordBit;
    // The cache: open addressing on the token's bytes.
    struct Slot {
        uint64_t hash = 0;  // 0: empty
        uint64_t k0 = 0, k1 = 0;  // a token of up to 16 bytes, zero-padded (else its bytes are in arena_)
        uint32_t off = 0, len = 0;
        uint32_t id = 0, lid = 0, kind = 0;
        Bits bits = 0;
    };
    std::vector<Slot> slots_;  // (allocated at the first token: a copy made before holds none)
    std::string arena_;
    size_t used_ = 0;
};

// One paragraph's tokens and the OR of their bits.
class TokenIndex {
public:
    explicit TokenIndex(TokenClasses& cls) : cls_(cls) {}
    void index(const std::string& text, text::Span para);
    const std::string* text = nullptr;
    text::Span para;
    std::vector<Token> toks;
    Bits any = 0;  // OR of every token's bits
    const TokenClasses& classes() const { return cls_; }

private:
    TokenClasses& cls_;
};

// A compiled token pattern (translate()).
struct Inst;
struct CharTest;
struct Join;
struct TokenProgram {
    std::vector<Inst> code;
    std::vector<CharTest> chars;     // CHR's tests (a one-character look-ahead at the match's end)
    std::vector<std::shared_ptr<const Join>> joins;  // TOK's captures inside one token (a joined word)
    std::vector<std::string> names;  // capture k (slots 2k, 2k+1; k = 0 is the whole match), `__` suffixes dropped
    std::vector<char> is_span;       // by capture: a `span` capture
    bool has_span = false;
    bool fold = false;               // reads a letter in any case ('ſ' and the Kelvin sign would fold to one)
    bool xletters = false;           // a class lost its code points in U+00C0-U+04FF (XLETTER): the program is
                                     // the pattern's only on a paragraph without them
    Bits start = 0;                  // bits one of which a first token has
    Bits path = 0;                   // bits one of which every token of a match has
    Bits last = 0;                   // bits one of which a match's last token has
    std::vector<Bits> needs;         // for each, every match has a token with one of its bits
    TokenProgram();
    ~TokenProgram();
    TokenProgram(TokenProgram&&) noexcept;
    TokenProgram& operator=(TokenProgram&&) noexcept;
};

// An expanded rule pattern (RE2 syntax, as Rule::pattern and Rule::veto
// hold it) as a token program, or nullopt with the reason in *why: a
// construct outside the translator's subset, or one whose token reading
// could differ from the regex's (rules/README.md, "A token matcher").
std::optional<TokenProgram> translate(const std::string& pattern, TokenClasses& cls, std::string* why);

// A match: slots[2k], slots[2k+1] = capture k's byte span (UINT32_MAX: unset).
struct TokenMatch {
    std::vector<uint32_t> slots;
};

// The VM: the leftmost-first match of prog starting with token i (its
// context — \b, {PRE} — may lie before), not using bytes before resume.
class TokenVM {
public:
    bool run(const TokenProgram& prog, const TokenIndex& ix, size_t i, uint32_t resume, std::vector<uint32_t>& slots);
    size_t runs = 0, matches = 0;  // (for the benchmark)
#ifdef CLAIMEX_RULE_PROFILE
    size_t steps = 0;  // instructions dispatched (a bench build's; RuleSet::RuleCost)
#endif

private:
    struct Entry {
        uint32_t pc, i, gmin, gmax;  // a branch to try; pc = UINT32_MAX: restore slot gmin to gmax;
                                     // UINT32_MAX - 1: restore the pending capture end (run()) to i, gmin, gmax
        bool sp;
    };
    std::vector<Entry> stack_;
};

// The rules of a rule set that run on tokens.
class TokenRules {
public:
    explicit TokenRules(TokenClasses& cls) : cls_(cls) {}
    // Converts a rule (its expanded pattern and veto, "" for none): false
    // with the reason in *why when either does not translate.
    bool add(const Rule& rule, const std::string& pattern, const std::string& veto, std::string* why);
    // add() in two steps, so that a caller can translate on a trial copy of the classes and keep
    // it when the rule converts (each rule translated once): translate() the pattern and veto
    // on `cls` (nullopt with the reason in *why when either does not, as add()), then add them
    // (false when there are kMaxTokenRules); the caller then makes this object's classes what
    // `cls` became (`classes = std::move(trial)`: the programs' bits and word ids are its).
    struct Translated {
        TokenProgram prog;
        std::optional<TokenProgram> veto;
    };
    static std::optional<Translated> translate(const std::string& pattern, const std::string& veto, TokenClasses& cls,
                                               std::string* why);
    bool add(const Rule& rule, Translated&& t, std::string* why);
    size_t size() const { return rules_.size(); }
    bool fold() const { return fold_; }  // a rule reads letters in any case
    // Every converted rule's matches in the indexed paragraph, as match_all
    // gives them (before overlap resolution), appended to out rule by rule.
    // A paragraph holding 'ſ' or the Kelvin sign is the caller's to run on
    // the regex engine when fold() (TokenIndex::any & ODD).
    struct Scratch {  // a thread's
        TokenVM vm;
        std::vector<uint32_t> slots;
        std::vector<text::Span> vetoes;
        // By token kind, for the rules (generation gen) and classes (instance cls) it was made for:
        // the rules a token of the kind can start, lie in and end (their programs' start, path
        // and last bits), and the needs it holds and lies in the path of (in need order).
        struct KindMasks {
            bool done = false;
            RuleMask start, path, last;
            NeedMask need, need_path;
        };
        std::vector<KindMasks> kinds;
        uint64_t gen = 0, cls = 0;
        std::vector<RuleMask> ahead;  // by token (backward pass); see match()
        std::vector<NeedMask> needs;
        uint32_t resume[kMaxTokenRules] = {};
        std::vector<RawMention> found;  // a paragraph's matches as found (all rules in text order)
        std::vector<uint32_t> found_rule, order;
        uint8_t prefiltered[kMaxTokenRules] = {};  // by rule, this paragraph: 0 not tested, 1 holds, 2 fails
    };
    void match(const TokenIndex& ix, std::vector<RawMention>& out, Scratch& s) const;
    Bits gate() const { return gate_; }
    // Whether rule k (in add() order) is the regex engine's on a paragraph holding an XLETTER
    // token (its program or veto has TokenProgram::xletters; match() skips it there).
    bool xletters(size_t k) const { return xrules_.has(k); }
    bool any_xletters() const { return bool(xrules_); }

    // Rule k's `prefilter:` (RE2 syntax, expanded; a test that matches wherever its pattern
    // can, which the regex engine's set reads instead of the pattern): a paragraph where it
    // does not match runs no VM for the rule. Compiled on first use (one failing to compile
    // gates nothing). For the rules whose VM fails at most starts ({0,6} words between a
    // unit and a comparison word): quantity.elided_comparison was 27% of the VM's steps on
    // 4 MB of news (session 19).
    void set_prefilter(size_t k, const std::string& pattern);

    struct Prefilter;
    struct RuleProg {
        const Rule* rule = nullptr;
        TokenProgram prog;
        std::optional<TokenProgram> veto;
        NeedMask needs;  // its needs (prog.needs, as far as they got a need bit)
        std::shared_ptr<Prefilter> prefilter;  // or null (set_prefilter)
    };
    const std::vector<RuleProg>& rules() const { return rules_; }
#ifdef CLAIMEX_RULE_PROFILE
    // By rule (add() order), a bench build's (RuleSet::RuleCost): VM runs of the pattern and
    // its veto, their matches, instructions and time-stamp-counter cycles.
    struct Stat {
        size_t runs = 0, matches = 0, steps = 0;
        uint64_t cycles = 0;
    };
    mutable std::vector<Stat> stats;
#endif

private:
    const Scratch::KindMasks& masks(Scratch& s, const TokenClasses& cls, uint32_t kind) const;
    TokenClasses& cls_;
    std::vector<RuleProg> rules_;
    std::vector<std::pair<uint32_t, Bits>> needs_;  // by need bit: its rule, its bits
    // The TOKs of the programs (each distinct test once), with the rules whose first (start),
    // any (path) or last token (last) one of them can take: a word by its id, others by bits.
    struct TokTest {
        Bits all = 0, any = 0, none = 0;
        RuleMask start, path, last;
    };
    std::vector<TokTest> tests_;
    std::unordered_map<uint64_t, TokTest> word_tests_;  // key: word id << 1 | any case
    bool fold_ = false;
    RuleMask xrules_;  // the rules with xletters
    std::vector<uint32_t> prefiltered_;  // the rules with a prefilter
    Bits gate_ = 0;
    uint64_t gen_ = 0;  // changes with every rule added (a scratch's masks are for one)
};

// The percent family alone (rules of type percent), as the prototype had it.
class PercentMatcher {
public:
    PercentMatcher(const RuleSet& rs, TokenClasses& cls);
    // Every percent-rule match in the indexed paragraph, as match_all gives
    // them (before overlap resolution), appended to out. False (nothing
    // appended) for a paragraph left to the engine: one holding 'ſ' or the
    // Kelvin sign.
    bool match(const TokenIndex& ix, std::vector<RawMention>& out);
    Bits gate_bits() const { return rules_.gate(); }
    const TokenVM& vm() const { return scratch_.vm; }

private:
    TokenRules rules_;
    TokenRules::Scratch scratch_;
};

}  // namespace claimex::rules::tokens
