// token_matcher — see token_matcher.h and rules/README.md, "A token matcher
// (session 12 prototype)".
#include "extractor/rules/token_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace claimex::rules::tokens {

namespace {

// Byte kinds for the tokeniser: 0 RE2 \s, 1 ASCII letter, 2 ASCII digit,
// 3 other ASCII, 4 a UTF-8 lead or continuation byte.
struct ByteKinds {
    uint8_t k[256];
    constexpr ByteKinds() : k() {
        for (int c = 0; c < 256; ++c) {
            uint8_t v = 3;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r') v = 0;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) v = 1;
            else if (c >= '0' && c <= '9') v = 2;
            else if (c >= 0x80) v = 4;
            k[c] = v;
        }
    }
};
constexpr ByteKinds kKinds;

inline bool is_w(unsigned char c) { return kKinds.k[c] == 1 || kKinds.k[c] == 2 || c == '_'; }

uint64_t punct_bits_of(uint32_t cp);

uint64_t punct_bits(uint32_t cp) {
    const uint64_t z = 0, x = cp == ':' || cp == '#' || cp == '/' || cp == '.' || cp == ',' || cp == '-' || cp == '_' ||
                               (cp < 0x80 ? cp == '$' : u_charType(static_cast<UChar32>(cp)) == U_CURRENCY_SYMBOL)
                           ? PREX
                           : z;
    return x | punct_bits_of(cp);
}

uint64_t punct_bits_of(uint32_t cp) {
    switch (cp) {
    case '_': return UNDERSCORE | WORDCHAR;
    case '.': return DOT | WORDCHAR;
    case ',': return COMMA;
    case '-': return HYPHEN | SIGN | DASH;
    case '+': return SIGN;
    case 0x2212: return SIGN;             // −
    case 0x2013: case 0x2014: return DASH;  // – —
    case '%': return PCTSIGN;
    case 0x00A0: case 0x2009: case 0x202F: return GROUPSP;
    case 0x017F: case 0x212A: return ODD;  // ſ, Kelvin sign
    default: return 0;
    }
}

inline uint64_t hash_bytes(const char* p, uint32_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (uint32_t k = 0; k < n; ++k) h = (h ^ static_cast<unsigned char>(p[k])) * 0x100000001B3ull;
    h ^= h >> 29;
    return h | 1;  // never 0 (empty slot)
}

}  // namespace

// ---- classes ----

TokenClasses::TokenClasses() : slots_(1 << 12) {}

uint64_t TokenClasses::alloc() {
    if (next_bit_ >= 64) throw std::logic_error("token_matcher: more than 64 predicate bits");
    return 1ull << next_bit_++;
}

uint64_t TokenClasses::word(std::string_view lower) {
    std::string w(lower);
    // A word's own bit is a class named after the word ("=w").
    const uint64_t b = class_bit("=" + w);
    vocab_[w] |= b;
    return b;
}

uint64_t TokenClasses::class_bit(std::string_view cls) {
    auto [it, fresh] = classes_.try_emplace(std::string(cls), 0);
    if (fresh) it->second = alloc();
    return it->second;
}

uint64_t TokenClasses::add_to_class(std::string_view cls, std::string_view lower) {
    const uint64_t b = class_bit(cls);
    vocab_[std::string(lower)] |= b;
    return b;
}

uint64_t TokenClasses::letters(const char* p, uint32_t n) {
    uint64_t bits = ALPHA | WORDCHAR | LOWER | PREX;
    std::string low(p, n);
    for (char& c : low)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32), bits &= ~LOWER;
    if (auto it = vocab_.find(low); it != vocab_.end()) bits |= it->second;
    return bits;
}

uint64_t TokenClasses::classify(const char* p, uint32_t n, const char* end) {
    // A short token (most): its bytes as two words, hashed with two multiplies, compared inline.
    uint64_t k0 = 0, k1 = 0, h;
    const bool small = n <= 16;
    if (small) {
        if (p + 16 <= end) {
            std::memcpy(&k0, p, 8);
            std::memcpy(&k1, p + 8, 8);
            if (n < 8) k0 &= (1ull << (8 * n)) - 1, k1 = 0;
            else if (n < 16) k1 &= (1ull << (8 * (n - 8))) - 1;
        } else {
            char buf[16] = {};
            std::memcpy(buf, p, n);
            std::memcpy(&k0, buf, 8);
            std::memcpy(&k1, buf + 8, 8);
        }
        h = (k0 * 0x9E3779B97F4A7C15ull) ^ (k1 * 0xC2B2AE3D27D4EB4Full) ^ n;
        h ^= h >> 31;
        h |= 1;
    } else {
        h = hash_bytes(p, n);
    }
    size_t mask = slots_.size() - 1;
    for (size_t k = (h >> 7) & mask;; k = (k + 1) & mask) {
        const Slot& s = slots_[k];
        if (s.hash == 0) break;
        if (s.hash != h || s.len != n) continue;
        if (small ? (s.k0 == k0 && s.k1 == k1) : std::memcmp(arena_.data() + s.off, p, n) == 0) return s.bits;
    }
    // A new string: classify it once and keep it.
    const uint64_t bits = letters(p, n);
    if ((used_ + 1) * 2 > slots_.size()) {
        std::vector<Slot> old(slots_.size() * 2);
        old.swap(slots_);
        mask = slots_.size() - 1;
        for (const Slot& s : old)
            if (s.hash) {
                size_t k = (s.hash >> 7) & mask;
                while (slots_[k].hash) k = (k + 1) & mask;
                slots_[k] = s;
            }
    }
    size_t k = (h >> 7) & mask;
    while (slots_[k].hash) k = (k + 1) & mask;
    slots_[k] = {h, k0, k1, static_cast<uint32_t>(arena_.size()), n, bits};
    if (!small) arena_.append(p, n);
    ++used_;
    return bits;
}

// ---- the index ----

void TokenIndex::index(const std::string& a, text::Span pr) {
    text = &a;
    para = pr;
    toks.clear();
    toks.reserve(pr.size() / 2 + 1);
    any = 0;
    const char* s = a.data();
    for (uint32_t i = pr.begin; i < pr.end;) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const uint8_t kind = kKinds.k[c];
        if (kind == 0) {
            ++i;
            continue;
        }
        Token t;
        t.b = i;
        if (kind == 1) {
            do ++i;
            while (i < pr.end && kKinds.k[static_cast<unsigned char>(s[i])] == 1);
            t.bits = cls_.classify(s + t.b, i - t.b, s + a.size());
        } else if (kind == 2) {
            do ++i;
            while (i < pr.end && kKinds.k[static_cast<unsigned char>(s[i])] == 2);
            const uint32_t n = i - t.b;
            const uint64_t z = 0;
            t.bits = DIGIT | WORDCHAR | PREX | (n <= 2 ? D1_2 : z) | (n <= 3 ? D1_3 : z) | (n == 2 ? D2 : z) |
                     (n == 3 ? D3 : z);
            if (n == 4 && ((s[t.b] == '1' && s[t.b + 1] == '9') || (s[t.b] == '2' && s[t.b + 1] == '0')))
                t.bits |= YEAR;
        } else if (kind == 3) {
            t.bits = punct_bits(c);
            ++i;
        } else {
            int32_t k = static_cast<int32_t>(i);
            UChar32 cp;
            U8_NEXT(s, k, static_cast<int32_t>(pr.end), cp);
            i = static_cast<uint32_t>(k);
            t.bits = cp < 0 ? 0 : punct_bits(static_cast<uint32_t>(cp));
        }
        t.e = i;
        // Context bits: \b and {PRE} at the token's start, \b at the previous one's end.
        constexpr uint64_t W = ALPHA | DIGIT | UNDERSCORE;
        const bool glued = !toks.empty() && toks.back().e == t.b;
        const bool left_w = glued && (toks.back().bits & W);
        if (left_w != ((t.bits & W) != 0)) t.bits |= WB_BEFORE;
        if (t.b > pr.begin && (!glued || !(toks.back().bits & PREX))) t.bits |= PRE_OK;
        if (!toks.empty() && ((toks.back().bits & W) != 0) != (glued && (t.bits & W))) toks.back().bits |= WB_AFTER;
        any |= t.bits;
        toks.push_back(t);
    }
    if (!toks.empty() && (toks.back().bits & (ALPHA | DIGIT | UNDERSCORE))) toks.back().bits |= WB_AFTER;
    if (!toks.empty()) any |= toks.back().bits;
}

// ---- programs ----

enum Op : uint8_t { TOK, GAP, SPLIT, JMP, SAVE_B, SAVE_E, WB_B, WB_A, BOL, PRE, PEEK, MATCH };

struct Inst {
    Op op = MATCH;
    bool sp = false;       // GAP: spaces only (a literal ' ')
    uint32_t x = 0, y = 0;  // SPLIT: preferred, other; JMP: x; SAVE: slot
    uint64_t all = 0, any = 0;  // TOK: bits & all == all, and (any == 0 or bits & any);
                                // SPLIT, PEEK: any != 0: the next token must have one of these bits
                                // to take x (SPLIT: else y, nothing pushed; PEEK: else fail)
    uint32_t gmin = 0, gmax = 0;  // GAP: bytes of white space this adds to the gap before the next token
    uint64_t any2 = 0;  // SPLIT, PEEK: != 0: the token after the next must have one of these bits too
};

namespace {

// Pattern trees, compiled to Inst (a backtracking program: SPLIT tries x first).
struct Node;
using N = std::shared_ptr<const Node>;
struct Node {
    enum K { Tok, Gap, Seq, Alt, Opt, Star, Cap, WbB, WbA, Bol, Pre } k;
    uint64_t all = 0, any = 0;
    uint32_t gmin = 0, gmax = 0;
    bool sp = false;
    int cap = -1;
    std::vector<N> kids;
};
constexpr uint32_t kInf = 1u << 30;

N mk(Node n) { return std::make_shared<const Node>(std::move(n)); }
N tok_all(uint64_t all) { return mk({Node::Tok, all, 0, 0, 0, false, -1, {}}); }
N gap(uint32_t lo, uint32_t hi, bool sp = false) { return mk({Node::Gap, 0, 0, lo, hi, sp, -1, {}}); }
N seq(std::vector<N> v) { return mk({Node::Seq, 0, 0, 0, 0, false, -1, std::move(v)}); }
N alt(std::vector<N> v) { return mk({Node::Alt, 0, 0, 0, 0, false, -1, std::move(v)}); }
N opt(N x) { return mk({Node::Opt, 0, 0, 0, 0, false, -1, {std::move(x)}}); }
N star(N x) { return mk({Node::Star, 0, 0, 0, 0, false, -1, {std::move(x)}}); }
N plus(N x) { return seq({x, star(x)}); }
N wb_before() { return mk({Node::WbB, 0, 0, 0, 0, false, -1, {}}); }
N wb_after() { return mk({Node::WbA, 0, 0, 0, 0, false, -1, {}}); }
N pre() { return alt({mk({Node::Bol, 0, 0, 0, 0, false, -1, {}}), mk({Node::Pre, 0, 0, 0, 0, false, -1, {}})}); }  // {PRE}: (?:^|[^\w.,:#/\-\p{Sc}])
// White space as the patterns write it.
N s_opt() { return gap(0, 1); }      // \s?
N s_plus() { return gap(1, kInf); }  // \s+
N s_star() { return gap(0, kInf); }  // \s*
N space1() { return gap(1, 1, true); }  // a literal ' '

struct Builder {
    TokenProgram& p;
    std::vector<uint64_t> alt_guards;  // each alternation's first-token bits (candidates for needs)
    int cap(const std::string& name) {
        for (size_t k = 0; k < p.names.size(); ++k)
            if (p.names[k] == name) return static_cast<int>(k);
        p.names.push_back(name);
        return static_cast<int>(p.names.size() - 1);
    }
    uint32_t emit(Inst in) {
        p.code.push_back(in);
        return static_cast<uint32_t>(p.code.size() - 1);
    }
    uint32_t here() const { return static_cast<uint32_t>(p.code.size()); }
    // The bits one of which the first token a node consumes has, and whether it can consume none.
    static std::pair<uint64_t, bool> first(const N& n) {
        switch (n->k) {
        case Node::Tok: return {n->any ? n->any : (n->all & ~LOWER), false};
        case Node::Seq: {
            uint64_t m = 0;
            for (const N& k : n->kids) {
                auto [km, nl] = first(k);
                m |= km;
                if (!nl) return {m, false};
            }
            return {m, true};
        }
        case Node::Alt: {
            uint64_t m = 0;
            bool nl = false;
            for (const N& k : n->kids) {
                auto [km, knl] = first(k);
                m |= km, nl = nl || knl;
            }
            return {m, nl};
        }
        case Node::Opt:
        case Node::Star: return {first(n->kids[0]).first, true};
        case Node::Cap: return first(n->kids[0]);
        default: return {0, true};
        }
    }
    // A guard for a branch: the bits its first token needs, or 0 (none: it can consume nothing).
    static uint64_t guard(const N& n) {
        auto [m, nl] = first(n);
        return nl ? 0 : m;
    }
    void compile(const N& n) {
        switch (n->k) {
        case Node::Tok: emit({TOK, false, 0, 0, n->all, n->any}); break;
        case Node::Gap: emit({GAP, n->sp, 0, 0, 0, 0, n->gmin, n->gmax}); break;
        case Node::Seq:
            for (const N& k : n->kids) compile(k);
            break;
        case Node::Alt: {
            if (auto [m, nl] = first(n); !nl) alt_guards.push_back(m);
            std::vector<uint32_t> jumps;
            for (size_t k = 0; k + 1 < n->kids.size(); ++k) {
                const uint32_t s = emit({SPLIT, false, 0, 0, 0, guard(n->kids[k])});
                p.code[s].x = here();
                compile(n->kids[k]);
                jumps.push_back(emit({JMP}));
                p.code[s].y = here();
            }
            if (uint64_t g = guard(n->kids.back())) emit({PEEK, false, 0, 0, 0, g});
            compile(n->kids.back());
            for (uint32_t j : jumps) p.code[j].x = here();
            break;
        }
        case Node::Opt: {
            const uint32_t s = emit({SPLIT, false, 0, 0, 0, guard(n->kids[0])});
            p.code[s].x = here();
            compile(n->kids[0]);
            p.code[s].y = here();
            break;
        }
        case Node::Star: {
            const uint32_t s = emit({SPLIT, false, 0, 0, 0, guard(n->kids[0])});
            p.code[s].x = here();
            compile(n->kids[0]);
            emit({JMP, false, s});
            p.code[s].y = here();
            break;
        }
        case Node::Cap:
            emit({SAVE_B, false, static_cast<uint32_t>(2 * n->cap)});
            compile(n->kids[0]);
            emit({SAVE_E, false, static_cast<uint32_t>(2 * n->cap + 1)});
            break;
        case Node::WbB: emit({WB_B}); break;
        case Node::WbA: emit({WB_A}); break;
        case Node::Bol: emit({BOL}); break;
        case Node::Pre: emit({PRE}); break;
        }
    }
    N capture(const std::string& name, N x) {
        return mk({Node::Cap, 0, 0, 0, 0, false, cap(name), {std::move(x)}});
    }
};

uint64_t guard_bits(const Inst& in) { return in.any ? in.any : (in.all & ~LOWER); }

// What a visit of walk() says at a TOK or MATCH: stop this path, go on past the TOK, or stop
// the whole walk.
enum class Walk { stop, next, done };

// Visits once each TOK and MATCH reachable from `from` through SPLITs, JMPs and the zero-width
// instructions (the program analyses below differ only in what they do there).
template <class Visit>
void walk(const TokenProgram& p, uint32_t from, Visit visit) {
    std::vector<char> seen(p.code.size(), 0);
    std::vector<uint32_t> todo{from};
    while (!todo.empty()) {
        const uint32_t pc = todo.back();
        todo.pop_back();
        if (pc >= p.code.size() || seen[pc]) continue;
        seen[pc] = 1;
        const Inst& in = p.code[pc];
        switch (in.op) {
        case TOK:
        case MATCH: {
            const Walk w = visit(pc, in);
            if (w == Walk::done) return;
            if (w == Walk::next) todo.push_back(pc + 1);
            break;
        }
        case SPLIT: todo.push_back(in.x), todo.push_back(in.y); break;
        case JMP: todo.push_back(in.x); break;
        default: todo.push_back(pc + 1);
        }
    }
}

// The first tokens a program can consume: a token without one of these bits starts no match.
uint64_t start_bits(const TokenProgram& p) {
    uint64_t out = 0;
    walk(p, 0, [&](uint32_t, const Inst& in) {
        if (in.op == MATCH) {
            out = ~0ull;
            return Walk::done;
        }
        out |= guard_bits(in);
        return Walk::stop;
    });
    return out;
}

// The TOKs reachable from pc without consuming a token (and whether MATCH is).
void firsts(const TokenProgram& p, uint32_t from, std::vector<uint32_t>& toks, bool& match) {
    walk(p, from, [&](uint32_t pc, const Inst& in) {
        if (in.op == MATCH) match = true;
        else toks.push_back(pc);
        return Walk::stop;
    });
}

// Two-token guards: a SPLIT's preferred branch (a PEEK's continuation) is entered only when
// the next token can be its first and the one after can be its second (through the rest of
// the program: a necessary condition, as every path from there consumes them).
void second_guards(TokenProgram& p) {
    for (uint32_t pc = 0; pc < p.code.size(); ++pc) {
        Inst& in = p.code[pc];
        if (!(in.op == SPLIT || in.op == PEEK) || !in.any) continue;
        std::vector<uint32_t> f1, f2;
        bool m = false;
        firsts(p, in.op == SPLIT ? in.x : pc + 1, f1, m);
        if (m) continue;
        for (uint32_t t : f1) firsts(p, t + 1, f2, m);
        if (m) continue;
        uint64_t any2 = 0;
        for (uint32_t t : f2) any2 |= guard_bits(p.code[t]);
        in.any2 = any2;
    }
}

// Every token a match consumes matches one TOK: it has one of these bits.
uint64_t path_bits(const TokenProgram& p) {
    uint64_t out = 0;
    for (const Inst& in : p.code)
        if (in.op == TOK) out |= guard_bits(in);
    return out;
}

// The TOKs after which the program can reach MATCH without consuming: a match's last token has one of their bits.
uint64_t last_bits(const TokenProgram& p) {
    uint64_t out = 0;
    for (uint32_t t = 0; t < p.code.size(); ++t) {
        if (p.code[t].op != TOK) continue;
        bool last = false;
        walk(p, t + 1, [&](uint32_t, const Inst& in) {
            if (in.op != MATCH) return Walk::stop;
            last = true;
            return Walk::done;
        });
        if (last) out |= guard_bits(p.code[t]);
    }
    return out;
}

// Whether MATCH can be reached with the TOKs whose guard lies within `off` taken out.
bool reachable_without(const TokenProgram& p, uint64_t off) {
    bool match = false;
    walk(p, 0, [&](uint32_t, const Inst& in) {
        if (in.op == MATCH) {
            match = true;
            return Walk::done;
        }
        return (guard_bits(in) & ~off) != 0 ? Walk::next : Walk::stop;
    });
    return match;
}

// What every match needs (a token with one of a set's bits), tried for each TOK's
// guard and each alternation's (kept: the sets without which MATCH is out of reach).
std::vector<uint64_t> needs(const TokenProgram& p, const std::vector<uint64_t>& alt_guards) {
    std::vector<uint64_t> cand = alt_guards, out;
    for (const Inst& in : p.code)
        if (in.op == TOK) cand.push_back(guard_bits(in));
    std::sort(cand.begin(), cand.end());
    cand.erase(std::unique(cand.begin(), cand.end()), cand.end());
    for (uint64_t c : cand)
        if (c && !reachable_without(p, c)) out.push_back(c);
    return out;
}

}  // namespace

// ---- the VM ----

bool TokenVM::run(const TokenProgram& prog, const TokenIndex& ix, size_t start, uint32_t resume,
                  std::vector<uint32_t>& slots) {
    const Token* toks = ix.toks.data();
    const uint32_t n = static_cast<uint32_t>(ix.toks.size());
    const char* s = ix.text->data();
    const uint32_t pb = ix.para.begin, pe = ix.para.end;
    auto wb = [&](uint32_t x) {  // RE2's \b at byte x of the paragraph (ASCII \w)
        const bool l = x > pb && is_w(static_cast<unsigned char>(s[x - 1]));
        const bool r = x < pe && is_w(static_cast<unsigned char>(s[x]));
        return l != r;
    };
    ++runs;
    slots.assign(2 * prog.names.size(), UINT32_MAX);
    stack_.clear();
    stack_.push_back({0, static_cast<uint32_t>(start), 0, 0, false});
    const Inst* code = prog.code.data();
    while (!stack_.empty()) {
        const Entry e = stack_.back();
        stack_.pop_back();
        if (e.pc == UINT32_MAX) {
            slots[e.gmin] = e.gmax;
            continue;
        }
        uint32_t pc = e.pc, i = e.i, gmin = e.gmin, gmax = e.gmax;
        bool sp = e.sp;
        for (;;) {
            const Inst& in = code[pc];
            switch (in.op) {
            case TOK: {
                if (i >= n) goto fail;
                const Token& t = toks[i];
                if ((t.bits & in.all) != in.all || (in.any && !(t.bits & in.any))) goto fail;
                if (i > start) {
                    const uint32_t g = t.b - toks[i - 1].e;
                    if (g < gmin || g > gmax) goto fail;
                    if (sp)
                        for (uint32_t k = toks[i - 1].e; k < t.b; ++k)
                            if (s[k] != ' ') goto fail;
                }
                gmin = gmax = 0;
                sp = false;
                ++i, ++pc;
                break;
            }
            case GAP:
                gmin += in.gmin;
                gmax = std::min(kInf, gmax + in.gmax);
                sp = sp || in.sp;
                ++pc;
                break;
            case SPLIT:
                if (in.any && (!(i < n && (toks[i].bits & in.any)) ||
                               (in.any2 && !(i + 1 < n && (toks[i + 1].bits & in.any2))))) {
                    pc = in.y;  // the preferred branch cannot start here
                    break;
                }
                stack_.push_back({in.y, i, gmin, gmax, sp});
                pc = in.x;
                break;
            case PEEK:
                if (!(i < n && (toks[i].bits & in.any)) || (in.any2 && !(i + 1 < n && (toks[i + 1].bits & in.any2))))
                    goto fail;
                ++pc;
                break;
            case JMP: pc = in.x; break;
            case SAVE_B:
                stack_.push_back({UINT32_MAX, 0, in.x, slots[in.x], false});
                slots[in.x] = i < n ? toks[i].b : pe;
                ++pc;
                break;
            case SAVE_E:
                stack_.push_back({UINT32_MAX, 0, in.x, slots[in.x], false});
                slots[in.x] = i > start ? toks[i - 1].e : (i < n ? toks[i].b : pe);
                ++pc;
                break;
            case WB_B:
                if (i < n ? !(toks[i].bits & WB_BEFORE) : !wb(pe)) goto fail;
                ++pc;
                break;
            case WB_A:
                if (i > start ? !(toks[i - 1].bits & WB_AFTER) : !wb(i < n ? toks[i].b : pe)) goto fail;
                ++pc;
                break;
            case BOL:  // ^: the match starts the paragraph, and the search does
                if (i != start || i >= n || toks[i].b != pb || resume != pb) goto fail;
                stack_.push_back({UINT32_MAX, 0, 0, slots[0], false});
                slots[0] = pb;
                ++pc;
                break;
            case PRE: {  // one code point before the token, at or after resume, not [\w.,:#/\-\p{Sc}]
                if (i != start || i >= n || !(toks[i].bits & PRE_OK)) goto fail;
                // (white space before it, or a glued token of one code point: PRE_OK says no PREX)
                const uint32_t q = i > 0 && toks[i - 1].e == toks[i].b ? toks[i - 1].b : toks[i].b - 1;
                if (q < resume) goto fail;
                stack_.push_back({UINT32_MAX, 0, 0, slots[0], false});
                slots[0] = q;
                ++pc;
                break;
            }
            case MATCH:
                ++matches;
                slots[1] = toks[i - 1].e;
                return true;
            }
        }
    fail:;
    }
    return false;
}

// ---- the percent family ----

namespace {

std::string lower(std::string w) {
    for (char& c : w)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return w;
}

// A word list's entry as tokens: letter runs (case-sensitive: the word's
// bit and LOWER, so the lists' entries must be lower case; or any case: the
// word's bit alone), a run of spaces (\s+), '%' and '-'.
N entry(TokenClasses& cls, const std::string& w, bool fold) {
    std::vector<N> v;
    for (size_t i = 0; i < w.size();) {
        const char c = w[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
            size_t j = i;
            while (j < w.size() && ((w[j] >= 'a' && w[j] <= 'z') || (w[j] >= 'A' && w[j] <= 'Z'))) ++j;
            const std::string run = w.substr(i, j - i);
            if (!fold && lower(run) != run) throw std::logic_error("token_matcher: a case-sensitive word with capitals: " + w);
            const uint64_t b = cls.word(lower(run));
            v.push_back(tok_all(fold ? b : (b | LOWER)));
            i = j;
        } else if (c == ' ') {
            while (i < w.size() && w[i] == ' ') ++i;
            v.push_back(s_plus());
        } else if (c == '%') {
            v.push_back(tok_all(PCTSIGN)), ++i;
        } else if (c == '-') {
            v.push_back(tok_all(HYPHEN)), ++i;
        } else {
            throw std::logic_error("token_matcher: a list entry it cannot read: " + w);
        }
    }
    return seq(std::move(v));
}

// A @list as the engine orders it (descending case-folded text: of two
// entries that can match at one place the longer comes first).
N list(TokenClasses& cls, const RuleSet& rs, const std::string& name, bool fold) {
    const std::vector<std::string>* words = rs.list(name);
    if (!words) throw std::logic_error("token_matcher: no list " + name);
    std::vector<std::string> ws = *words;
    std::stable_sort(ws.begin(), ws.end(), [](const std::string& a, const std::string& b) { return lower(a) > lower(b); });
    // Any case and every entry one word: one class bit (one token, so the order is moot).
    if (fold && std::all_of(ws.begin(), ws.end(), [](const std::string& w) {
            return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
                return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            });
        })) {
        uint64_t b = 0;
        for (const std::string& w : ws) b = cls.add_to_class(name, lower(w));
        return tok_all(b);
    }
    std::vector<N> alts;
    for (const std::string& w : ws) alts.push_back(entry(cls, w, fold));
    return alt(std::move(alts));
}

}  // namespace

PercentMatcher::~PercentMatcher() = default;

PercentMatcher::PercentMatcher(const RuleSet& rs, TokenClasses& cls) {
    rules_.reserve(8);  // (captures name the programs' strings)
    auto CS = [&](const char* w) { return tok_all(cls.word(w) | LOWER); };  // the word as written
    auto CI = [&](const char* w) { return tok_all(cls.word(w)); };
    auto cls_words = [&](const char* name, std::initializer_list<const char*> ws) {
        uint64_t b = 0;
        for (const char* w : ws) b = cls.add_to_class(name, w);
        return b;
    };

    // ---- numbers.rules ----
    // NUM_GROUPED: 1,200 / 12,500.75 / 1,20,000 / 1 200 (the separator one ' ' or a no-break/thin space)
    const N frac = opt(seq({tok_all(DOT), tok_all(DIGIT)}));  // (?:\.\d+)?
    const N group_sep = alt({space1(), tok_all(GROUPSP)});
    const N num_grouped = alt({
        seq({tok_all(D1_3), plus(seq({tok_all(COMMA), tok_all(D3)})), frac}),
        seq({tok_all(D1_2), plus(seq({tok_all(COMMA), tok_all(D2)})), tok_all(COMMA), tok_all(D3), frac}),
        seq({tok_all(D1_3), plus(seq({group_sep, tok_all(D3)})), frac}),
    });
    // NUM: {NUM_GROUPED}|\d+(?:\.\d+)?|\.\d+
    const N num = alt({num_grouped, seq({tok_all(DIGIT), frac}), seq({tok_all(DOT), tok_all(DIGIT)})});
    const N sign = tok_all(SIGN);
    // Spelled-out numbers (all (?i:...): the words' bits without LOWER).
    const uint64_t w_unit = cls_words("W_UNIT", {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"});
    const uint64_t w_teen = cls_words("W_TEEN", {"ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                                                 "seventeen", "eighteen", "nineteen"});
    const uint64_t w_tens =
        cls_words("W_TENS", {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"});
    const uint64_t a_an = cls_words("A_AN", {"a", "an"});
    const N an = tok_all(a_an);                     // an?
    const N dash_or_space = alt({tok_all(HYPHEN), space1()});  // [- ]
    const N w_small = alt({seq({tok_all(w_tens), opt(seq({dash_or_space, tok_all(w_unit)}))}), tok_all(w_teen),
                           tok_all(w_unit)});
    const N w_int = alt({seq({alt({w_small, an}), s_plus(), CI("hundred"),
                              opt(seq({s_plus(), opt(seq({CI("and"), s_plus()})), w_small}))}),
                         w_small});
    const N numw = seq({w_int, opt(seq({s_plus(), CI("and"), s_plus(),
                                        alt({seq({an, s_plus(), CI("half")}), seq({an, s_plus(), CI("quarter")}),
                                             seq({CI("three"), dash_or_space, CI("quarters")})})}))});
    const N of_an = seq({s_plus(), CI("of"), s_plus(), an});
    const N numw_a = alt({
        seq({an, s_plus(), CI("quarter"), of_an}),
        seq({CI("three"), dash_or_space, CI("quarters"), of_an}),
        seq({CI("two"), dash_or_space, CI("thirds"), of_an}),
        seq({an, s_plus(), CI("third"), of_an}),
        seq({CI("half"), s_plus(), an}),
        seq({an, s_plus(), CI("half")}),
        an,
    });
    // DASH: \s*[-–—]\s*   TO: \s+to\s+
    const N dash = seq({s_star(), tok_all(DASH), s_star()});
    const N to = seq({s_plus(), CS("to"), s_plus()});

    // ---- percent/en.rules ----
    // PCT: %|(?:{PCT_UNIT})\b   PP: (?:{PP_UNIT})\b
    const N pct = alt({tok_all(PCTSIGN), seq({list(cls, rs, "PCT_UNIT", false), wb_after()})});
    const N pp = seq({list(cls, rs, "PP_UNIT", false), wb_after()});

    auto add = [&](const char* id, auto make, auto make_veto) {
        RuleProg r;
        r.rule = rs.rule(id);
        if (!r.rule) throw std::logic_error(std::string("token_matcher: no rule ") + id);
        Builder b{r.prog, {}};
        b.cap("");  // capture 0: the whole match
        b.compile(make(b));
        b.emit({MATCH});
        second_guards(r.prog);
        r.prog.start = start_bits(r.prog);
        r.prog.path = path_bits(r.prog);
        r.prog.last = last_bits(r.prog);
        r.prog.needs = needs(r.prog, b.alt_guards);
        gate_ |= r.prog.last;
        if (N v = make_veto(); v) {
            Builder bv{r.veto, {}};
            bv.cap("");
            bv.compile(seq({mk({Node::Cap, 0, 0, 0, 0, false, 0, {v}})}));
            // (capture 0's SAVE_B/SAVE_E give the veto match's span)
            bv.emit({MATCH});
            second_guards(r.veto);
            r.veto.start = start_bits(r.veto);
        }
        rules_.push_back(std::move(r));
    };
    auto no_veto = [] { return N(); };
    // A pattern that starts with \b (no look-behind): the match starts at its first token.
    auto at_token = [](Builder& b, N x) { return b.capture("", x); };

    // percent.figure: {PRE}(?P<span>(?P<sign>{SIGN})?(?P<num>{NUM})\s?(?P<unit>{PCT}|{PP}))
    add("percent.figure", [&](Builder& b) {
        return seq({pre(), b.capture("span", seq({opt(b.capture("sign", sign)), b.capture("num", num), s_opt(),
                                                  b.capture("unit", alt({pct, pp}))}))});
    }, no_veto);
    // percent.words: \b(?P<span>(?P<num>{NUMW})\s+(?P<unit>{PCT}|{PP}))
    //              | \b(?P<span__b>(?P<num__b>{NUMW_A})\s+(?P<unit__b>{PP}))
    add("percent.words", [&](Builder& b) {
        return at_token(b, alt({
            seq({wb_before(), b.capture("span", seq({b.capture("num", numw), s_plus(), b.capture("unit", alt({pct, pp}))}))}),
            seq({wb_before(), b.capture("span", seq({b.capture("num", numw_a), s_plus(), b.capture("unit", pp)}))}),
        }));
    }, no_veto);
    // percent.point_fraction: \b(?P<span>(?P<num>(?i:quarter|half|three-quarter|three quarter))[- ](?i:percentage[- ])?point)\b
    add("percent.point_fraction", [&](Builder& b) {
        const N n = alt({CI("quarter"), CI("half"), seq({CI("three"), tok_all(HYPHEN), CI("quarter")}),
                         seq({CI("three"), space1(), CI("quarter")})});
        return at_token(b, seq({wb_before(),
                                b.capture("span", seq({b.capture("num", n), dash_or_space,
                                                       opt(seq({CI("percentage"), dash_or_space})), CS("point")})),
                                wb_after()}));
    }, no_veto);
    // percent.range, its two vetoes:
    //   \b(?i:{CHANGE_WORD})\s+(?:[\w.]+\s+)?{SIGN}?(?:{NUM})\s?(?:{PCT}|{PP})?\s+to\b
    //   \b(?i:in|for|of|by|since|until|through|during)\s+(?:19|20)\d\d\s+to\b
    const N change = list(cls, rs, "CHANGE_WORD", true);
    const uint64_t prep = cls_words("VETO_PREP", {"in", "for", "of", "by", "since", "until", "through", "during"});
    auto range_veto = [&] {
        return alt({
            seq({wb_before(), change, s_plus(), opt(seq({plus(tok_all(WORDCHAR)), s_plus()})), opt(sign), num, s_opt(),
                 opt(alt({pct, pp})), s_plus(), CS("to"), wb_after()}),
            seq({wb_before(), tok_all(prep), s_plus(), tok_all(YEAR), s_plus(), CS("to"), wb_after()}),
        });
    };
    // {PRE}(?P<span__a>(?P<sign__a>{SIGN})?(?P<num__a>{NUM})\s?(?:{PCT})?(?:{DASH}|{TO})(?P<sign2__a>{SIGN})?(?P<num2__a>{NUM})\s?(?P<unit__a>{PCT}))
    // {PRE}(?P<span__b>(?P<num__b>{NUM})\s?(?:{PP})?(?:{DASH}|{TO})(?P<num2__b>{NUM})\s?(?P<unit__b>{PP}))
    add("percent.range", [&](Builder& b) {
        return alt({
            seq({pre(), b.capture("span", seq({opt(b.capture("sign", sign)), b.capture("num", num), s_opt(), opt(pct),
                                               alt({dash, to}), opt(b.capture("sign2", sign)), b.capture("num2", num),
                                               s_opt(), b.capture("unit", pct)}))}),
            seq({pre(), b.capture("span", seq({b.capture("num", num), s_opt(), opt(pp), alt({dash, to}),
                                               b.capture("num2", num), s_opt(), b.capture("unit", pp)}))}),
        });
    }, range_veto);
    // percent.between:
    //   \b(?i:between)\s+(?P<span>(?P<sign>{SIGN})?(?P<num>{NUM})\s?(?:{PCT})?\s+and\s+(?P<sign2>{SIGN})?(?P<num2>{NUM})\s?(?P<unit>{PCT}))
    //   \b(?i:between)\s+(?P<span__b>(?P<num__b>{NUM})\s?(?:{PP})?\s+and\s+(?P<num2__b>{NUM})\s?(?P<unit__b>{PP}))
    add("percent.between", [&](Builder& b) {
        const N between = seq({wb_before(), CI("between"), s_plus()});
        return at_token(b, alt({
            seq({between, b.capture("span", seq({opt(b.capture("sign", sign)), b.capture("num", num), s_opt(), opt(pct),
                                                 s_plus(), CS("and"), s_plus(), opt(b.capture("sign2", sign)),
                                                 b.capture("num2", num), s_opt(), b.capture("unit", pct)}))}),
            seq({between, b.capture("span", seq({b.capture("num", num), s_opt(), opt(pp), s_plus(), CS("and"), s_plus(),
                                                 b.capture("num2", num), s_opt(), b.capture("unit", pp)}))}),
        }));
    }, no_veto);
    // (gate_, the OR of the rules' last bits: a unit word, '%', "point".)
}

bool PercentMatcher::match(const TokenIndex& ix, std::vector<RawMention>& out) {
    if (ix.any & ODD) return false;      // (?i) would fold 'ſ' or 'K' to an ASCII letter: the engine's paragraph
    if (!(ix.any & gate_)) return true;  // no unit: no percent match
    const size_t n = ix.toks.size();
    const Token* toks = ix.toks.data();
    ends_.clear();
    for (uint32_t i = 0; i < n; ++i)
        if (toks[i].bits & gate_) ends_.push_back(i);
    for (const RuleProg& r : rules_) {
        const size_t first = out.size();
        uint32_t resume = ix.para.begin;
        // Every token of a match has path bits, and its last one last bits: a match lies in
        // a run of path tokens that holds a last token (and what the rule needs). Each such
        // run, found from its last tokens, is tried once: its starts up to its last last token.
        uint32_t done = 0;  // tokens before this are tried
        for (uint32_t j : ends_) {
            if (!(toks[j].bits & r.prog.last) || j < done) continue;
            uint32_t lo = j, hi = j + 1, end = j;
            uint64_t seen = toks[j].bits;
            while (lo > done && (toks[lo - 1].bits & r.prog.path)) seen |= toks[--lo].bits;
            for (; hi < n && (toks[hi].bits & r.prog.path); ++hi) {
                seen |= toks[hi].bits;
                if (toks[hi].bits & r.prog.last) end = hi;
            }
            done = hi;
            bool can = true;
            for (uint64_t need : r.prog.needs) can = can && (seen & need);
            if (!can) continue;
        for (uint32_t i = lo; i <= end; ++i) {
            const Token& t = toks[i];
            if (!(t.bits & r.prog.start) || t.b < resume) continue;
            if (!vm_.run(r.prog, ix, i, resume, slots_)) continue;
            // As emit_match: the span capture, the whole match as context, the other captures.
            RawMention& m = out.emplace_back();
            m.rule = r.rule;
            m.type = r.rule->type;
            m.context = {slots_[0], slots_[1]};
            m.span = m.context;
            for (size_t k = 1; k < r.prog.names.size(); ++k) {
                if (slots_[2 * k] == UINT32_MAX || slots_[2 * k + 1] == UINT32_MAX) continue;
                const text::Span sp{slots_[2 * k], slots_[2 * k + 1]};
                if (r.prog.names[k] == "span") m.span = sp;
                else m.captures.push_back({r.prog.names[k], sp});
            }
            resume = slots_[1];
        }
        }
        if (r.veto.code.empty() || out.size() == first) continue;
        // The veto's matches, leftmost-first and not overlapping, as apply_veto finds them.
        vetoes_.clear();
        uint32_t vres = ix.para.begin;
        for (size_t i = 0; i < n; ++i) {
            const Token& t = ix.toks[i];
            if (!(t.bits & r.veto.start) || t.b < vres) continue;
            if (!vm_.run(r.veto, ix, i, vres, slots_)) continue;
            vetoes_.push_back({slots_[0], slots_[1]});
            vres = slots_[1];
        }
        auto vetoed = [&](const RawMention& m) {
            for (const text::Span& sp : vetoes_)
                if (m.span.begin >= sp.begin && m.span.begin < sp.end) return true;
            return false;
        };
        out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), vetoed), out.end());
    }
    return true;
}

}  // namespace claimex::rules::tokens
