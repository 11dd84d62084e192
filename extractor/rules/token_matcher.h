// token_matcher — a prototype (session 12) of a rule matcher over tokens
// instead of bytes, for one rule family: the percent rules
// (rules/percent/en.rules with the number macros of rules/numbers/numbers.rules).
// Not wired into the extractor: tests/token_matcher_test.cc checks it finds
// exactly the engine's percent matches and tools/bench_tokens.cc measures it.
// The design and the figures are in rules/README.md, "A token matcher
// (session 12 prototype)".
//
// Three parts:
// - TokenIndex: a paragraph cut once into tokens — runs of ASCII letters,
//   runs of ASCII digits, and every other code point but RE2's \s
//   ([\t\n\f\r ]) alone — each with a bitset of predicates. White space is
//   no token: a pattern reads it as the gap between two tokens.
// - TokenClasses: the predicates. A letter token's bits are looked up once
//   per distinct string (a hash cache of the token's bytes) in a vocabulary
//   of lower-case words, each with its own bit or a class bit (W_UNIT,
//   CHANGE...), and LOWER when the token has no capital (a case-sensitive
//   word is its bit and LOWER). Digit and other tokens get their bits from
//   their length and code point.
// - TokenProgram: a compiled token pattern, run by a backtracking VM with
//   the leftmost-first semantics of RE2 and PCRE2 (alternatives in order,
//   greedy repeats), named captures at token boundaries, \b, {PRE}'s
//   one-character look-behind. A step consumes one token whose bits hold
//   a mask and whose gap from the previous token lies in the range the
//   pattern's white space allows (\s? is 0..1 bytes, \s+ 1..∞, a literal
//   ' ' exactly one space).
//
// - PercentMatcher: the five percent rules and the range vetoes as
//   programs. What to try is derived from each program: a paragraph without
//   a token that can end a match is skipped; a rule tries starts only in a
//   run of tokens its program can consume that holds such a token and what
//   every match needs; a branch is entered only where the next two tokens
//   can begin it.
//
//   TokenClasses cls;  PercentMatcher pm(rs, cls);  TokenIndex ix(cls);
//   for (auto& para : text.paragraphs()) { ix.index(a, para); pm.match(ix, out); }
#pragma once

#include "extractor/rules/rules.h"

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace claimex::rules::tokens {

// Fixed predicate bits (shapes and characters); words get the bits above.
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
    kFirstWordBit = 22,
};

struct Token {
    uint32_t b = 0, e = 0;  // byte span in the text
    uint64_t bits = 0;
};

class TokenClasses {
public:
    TokenClasses();
    // The bit of a lower-case word (allocated on first use); add_to_class
    // puts a word in the class of that name and returns the class's bit
    // (a word may have its own bit and several classes').
    uint64_t word(std::string_view lower);
    uint64_t add_to_class(std::string_view cls, std::string_view lower);
    uint64_t class_bit(std::string_view cls);
    // A token's bits (cached per distinct letter string).
    // (The bytes up to `end` may be read past the token: a short token is
    // loaded as two 8-byte words.)
    uint64_t classify(const char* p, uint32_t n, const char* end);
    size_t distinct() const { return used_; }

private:
    uint64_t alloc();
    uint64_t letters(const char* p, uint32_t n);
    std::unordered_map<std::string, uint64_t> vocab_;    // lower-case word → its bits
    std::unordered_map<std::string, uint64_t> classes_;  // class name → bit
    int next_bit_ = kFirstWordBit;
    // The cache: open addressing on the token's bytes.
    struct Slot {
        uint64_t hash = 0;  // 0: empty
        uint64_t k0 = 0, k1 = 0;  // a token of up to 16 bytes, zero-padded (else its bytes are in arena_)
        uint32_t off = 0, len = 0;
        uint64_t bits = 0;
    };
    std::vector<Slot> slots_;
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
    uint64_t any = 0;  // OR of every token's bits

private:
    TokenClasses& cls_;
};

// A compiled token pattern (see PercentMatcher for how one is written).
struct Inst;
struct TokenProgram {
    std::vector<Inst> code;
    std::vector<std::string> names;  // capture k (slots 2k, 2k+1; k = 0 is the whole match)
    uint64_t start = 0;              // bits one of which a first token has
    uint64_t path = 0;               // bits one of which every token of a match has
    uint64_t last = 0;               // bits one of which a match's last token has
    std::vector<uint64_t> needs;     // for each, every match has a token with one of its bits
};

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

private:
    struct Entry {
        uint32_t pc, i, gmin, gmax;  // a branch to try; pc = UINT32_MAX: restore slot gmin to gmax
        bool sp;
    };
    std::vector<Entry> stack_;
};

// The percent family as token programs, built from the rule set's lists
// (PCT_UNIT, PP_UNIT, CHANGE_WORD) and hand-translated macros.
class PercentMatcher {
public:
    PercentMatcher(const RuleSet& rs, TokenClasses& cls);
    ~PercentMatcher();
    // Every percent-rule match in the indexed paragraph, as match_all gives
    // them (before overlap resolution), appended to out. False (nothing
    // appended) for a paragraph the prototype leaves to the engine: one
    // holding 'ſ' or the Kelvin sign.
    bool match(const TokenIndex& ix, std::vector<RawMention>& out);
    uint64_t gate() const { return gate_; }
    const TokenVM& vm() const { return vm_; }

    struct RuleProg {
        const Rule* rule = nullptr;
        TokenProgram prog;
        TokenProgram veto;  // empty code: none
    };

private:
    std::vector<RuleProg> rules_;
    uint64_t gate_ = 0;  // a paragraph needs one of these bits (a last token: a unit) for any rule to match
    TokenVM vm_;
    std::vector<uint32_t> ends_;  // the paragraph's tokens with a gate bit
    std::vector<uint32_t> slots_;
    std::vector<text::Span> vetoes_;
};

}  // namespace claimex::rules::tokens
