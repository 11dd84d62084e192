// The rule engine: parses rule files (format: rules/README.md), expands
// macros and word lists, compiles one RE2::Set prefilter plus one RE2 per
// pattern rule and the same pattern for PCRE2-JIT (which finds the matches
// of the rules a set flags; RE2 where PCRE2 cannot), matches gazetteers by
// word-start lookup, and resolves
// overlapping matches per layer (longest, then priority, then rule order).
#include "extractor/rules/rules.h"
#include "extractor/rules/internal.h"
#include "extractor/rules/token_matcher.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fmt/format.h>
#include <fstream>
#include <mutex>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <re2/re2.h>
#include <re2/set.h>
#include <set>
#include <sstream>
#include <time.h>
#ifdef CLAIMEX_RULE_PROFILE
#include <x86intrin.h>
#endif
// -DCLAIMEX_CALLGRIND_SETS: a callgrind dump per set pass, named by the set
// (for its instructions and cache misses; rules/README.md, "What the set
// passes cost").
#ifdef CLAIMEX_CALLGRIND_SETS
#include <valgrind/callgrind.h>
#endif
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace claimex::rules {

namespace fs = std::filesystem;

int layer_of(std::string_view type) {
    if (type == "money" || type == "percent" || type == "quantity" || type == "date" || type == "ignore") return 0;
    if (type == "org" || type == "person" || type == "place" || type == "ignore_entity") return 1;
    if (type == "source") return 2;
    return 3;
}

std::optional<text::Span> RawMention::capture(std::string_view name) const {
    for (const Capture& c : captures)
        if (c.name == name) return c.span;
    return std::nullopt;
}

namespace {

const std::set<std::string, std::less<>> kKnownTypes = {"money", "percent", "quantity", "date",   "org",
                                                        "person", "place",  "source",   "ignore", "ignore_entity"};

std::string trim(std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r");
    if (b == std::string_view::npos) return "";
    size_t e = s.find_last_not_of(" \t\r");
    return std::string(s.substr(b, e - b + 1));
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The items of a '|'-separated value ("anchor: within said|{SAY_VERB}", "needs: said|told"),
// each trimmed; empty ones left out.
std::vector<std::string> bar_items(std::string_view spec) {
    std::vector<std::string> items;
    for (size_t from = 0; from <= spec.size();) {
        const size_t bar = spec.find('|', from);
        std::string item = trim(spec.substr(from, bar == std::string_view::npos ? std::string_view::npos : bar - from));
        from = bar == std::string_view::npos ? spec.size() + 1 : bar + 1;
        if (!item.empty()) items.push_back(std::move(item));
    }
    return items;
}

// A token byte: ASCII letter or digit, or any byte of a non-ASCII code point.
inline bool token_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// Every rule pattern, veto and set is compiled with these.
RE2::Options rule_options() {
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(64 << 20);
    return opt;
}

// RE2 that parses a pattern and stops: too little memory to compile it
// (it then reports ErrorPatternTooLarge; its other errors and its named
// groups are the pattern's).
RE2::Options parse_only_options() {
    RE2::Options opt = rule_options();
    opt.set_max_mem(3);
    return opt;
}

// A word's matching key: its code points case-folded (as RE2's (?i)
// matches them) and its runs of spaces as one (each is \s+ in the pattern).
std::string fold_key(const std::string& w) {
    std::string out;
    for (int32_t i = 0, n = static_cast<int32_t>(w.size()); i < n;) {
        UChar32 c;
        U8_NEXT(w.data(), i, n, c);
        if (c < 0) return w;  // not UTF-8: the word as it is
        if (c == ' ' && !out.empty() && out.back() == ' ') continue;
        c = u_foldCase(c, U_FOLD_CASE_DEFAULT);
        char buf[4];
        int32_t k = 0;
        U8_APPEND_UNSAFE(buf, k, c);
        out.append(buf, static_cast<size_t>(k));
    }
    return out;
}

// The order of a word list's alternation. Longer words must come first so
// "billion" beats "b"; RE2 tries alternatives in order. But only words that
// can match at the same place need an order, and those are the words whose
// key is a prefix of another's: so the words go in descending order of
// key, which keeps every such pair longer first and puts words with a
// common beginning next to each other, where RE2 factors the beginning out
// ("chief executive|chief financial" → "chief (?:executive|financial)"):
// a trie, not a flat list, so smaller automata and fewer threads for the
// capture pass. If a pair that can match at one place came out in another
// order than longest first (a folded letter of another length), the list
// keeps longest first.
std::vector<std::string> alternation_order(const std::vector<std::string>& words) {
    std::vector<std::string> by_len = words;
    std::stable_sort(by_len.begin(), by_len.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::vector<std::pair<std::string, size_t>> keyed;  // key, place in by_len
    std::unordered_map<std::string, size_t> first;      // key → its first place in by_len
    for (size_t i = 0; i < by_len.size(); ++i) {
        keyed.emplace_back(fold_key(by_len[i]), i);
        first.try_emplace(keyed.back().first, i);
    }
    for (const auto& [key, i] : keyed)
        for (int32_t k = 0, n = static_cast<int32_t>(key.size()); k < n;) {
            U8_FWD_1(key.data(), k, n);
            if (k == n) break;
            // A word whose key is a proper prefix of this one's must come after it.
            auto it = first.find(key.substr(0, static_cast<size_t>(k)));
            if (it != first.end() && it->second < i) return by_len;
        }
    std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<std::string> out;
    for (const auto& [key, i] : keyed) out.push_back(by_len[i]);
    return out;
}

// A word list's alternation as a tree for PCRE2, whose backtracking
// matcher tries alternatives one by one (RE2 builds the same tree itself):
// words in a row that begin with the same atom share it, recursively
// ("bank|banks|bond" in this order → "(?:bank(?:|s)|bond)"). Only neighbours
// are merged, so the alternatives keep their order and the tree matches
// exactly what the flat alternation does. Atoms are code points, quoted,
// and the \s+ a space stands for.
std::string alternation_tree(const std::vector<std::vector<std::string>>& words, size_t lo, size_t hi, size_t depth) {
    std::vector<std::string> alts;
    for (size_t i = lo; i < hi;) {
        if (words[i].size() == depth) {
            alts.emplace_back();
            ++i;
            continue;
        }
        size_t j = i + 1;
        while (j < hi && words[j].size() > depth && words[j][depth] == words[i][depth]) ++j;
        if (j - i == 1) {
            std::string rest;
            for (size_t k = depth; k < words[i].size(); ++k) rest += words[i][k];
            alts.push_back(std::move(rest));
        } else {
            alts.push_back(words[i][depth] + alternation_tree(words, i, j, depth + 1));
        }
        i = j;
    }
    if (alts.size() == 1) return alts[0];
    std::string out = "(?:";
    for (size_t k = 0; k < alts.size(); ++k) out += (k ? "|" : "") + alts[k];
    return out + ")";
}

struct Macro {
    std::string body;           // as written (lists: the alternation)
    std::string jit_body;       // lists: the same alternation as a tree, for PCRE2 (else "")
    Location where;
    bool used = false;
};

struct ListDef {
    std::vector<std::string> words;
    Location where;
    bool used = false;
};

struct GazAlias {
    std::string alias;
    const GazetteerEntry* entry;
    const Rule* rule;
};

}  // namespace

struct RuleSet::Impl {
    fs::path dir;
    std::vector<std::unique_ptr<Rule>> rules;
    std::vector<Example> examples;
    std::vector<RuleProblem> problems;
    std::map<std::string, Macro, std::less<>> macros;
    std::map<std::string, ListDef, std::less<>> lists;
    std::map<std::string, std::vector<std::vector<std::string>>, std::less<>> tables;
    std::vector<std::unique_ptr<GazetteerEntry>> entries;

    // A compiled regular expression with its named groups.
    struct Program {
        std::unique_ptr<RE2> re;
        std::vector<std::string> group_names;  // by group index (1-based; [0] unused), suffix-stripped
        std::vector<char> is_span;             // by group index: the group is a `span` group
    };
    // The same pattern as PCRE2 code, JIT-compiled: what the engine runs
    // to find a rule's matches (see jit_pattern, run_rule_jit).
    struct Jit {
        struct Free {
            void operator()(pcre2_code* c) const { pcre2_code_free(c); }
        };
        std::unique_ptr<pcre2_code, Free> code;
        // JIT-compiled (else the interpreter runs it): set by the rule's
        // first run (Compiled::jit_ready), not at load, so that a run
        // pays only for the rules its text wakes.
        mutable bool jit = false;
        std::vector<std::string> group_names;  // as in Program
        std::vector<char> is_span;
    };
    // Compiled pattern rules, in rule order.
    struct Compiled {
        const Rule* rule;
        // The rule's whole pattern: compiled at load when the engine runs
        // it as it is, else only when asked for (lint, the reference path).
        const Program& whole() const;
        mutable Program whole_;
        std::unique_ptr<std::once_flag> whole_once = std::make_unique<std::once_flag>();
        // A big pattern's top-level alternatives, each compiled apart (its
        // own smaller automaton; run_rule merges their matches into exactly
        // the whole pattern's), or none.
        std::vector<Program> alternatives;
        // What the engine runs: the alternatives, or the whole pattern.
        std::span<const Program> parts() const {
            re2_ready();
            return alternatives.empty() ? std::span<const Program>(&whole_, 1) : std::span<const Program>(alternatives);
        }
        // Builds the RE2 side above (alternatives or whole_); "" or RE2's
        // error. At load where RE2 runs the rule; where PCRE2 does, only
        // when RE2 is first needed (PCRE2 gave up on a paragraph, lint):
        // compiling every rule's RE2 at load was a third of a one-article
        // run's instructions, and PCRE2 runs them all.
        std::string build_re2();
        void re2_ready() const;
        bool re2_deferred = false;
        std::unique_ptr<std::once_flag> re2_once = std::make_unique<std::once_flag>();
        // What PCRE2 runs for the rule (the whole pattern, or its
        // alternatives), or none: the rule then runs with RE2.
        std::vector<Jit> jit;
        // JIT-compiles the parts of `jit` once, on the rule's first run:
        // machine code for every rule cost most of loading (0.4 G of the
        // 2.3 G instructions of a one-article run) and a run of a few
        // articles wakes only some of the rules.
        void jit_ready() const;
        std::unique_ptr<std::once_flag> jit_once = std::make_unique<std::once_flag>();
        bool has_span = false;                 // a group named "span" sets the mention's span
        std::unique_ptr<RE2> veto;             // `veto:` patterns, or null
        // `veto_needs: GATE` after a `veto:` line: that line can match only
        // in a paragraph where GATE matches. Where a gate fails, the veto
        // without its line (veto_subsets[mask of the gates that hold], in
        // line order; null: no line left) finds exactly the same matches,
        // as the line would match nowhere; a big veto line that seldom has
        // what it needs then costs a small gate. (The reference path runs
        // the whole veto, so tests compare the two.)
        // The gates and the veto without its gated lines (the common case)
        // run with RE2; a veto with a gated line runs with PCRE2-JIT (on the
        // few paragraphs that have what the line needs, RE2 would build
        // automaton states of the whole veto for little use; PCRE2 finds the
        // same matches, as it does a rule's).
        std::vector<std::unique_ptr<RE2>> veto_gates;
        std::unique_ptr<RE2> veto_ungated;     // veto_subsets[0] in RE2
        std::vector<Jit> veto_subsets;
        std::string prefilter;                 // what the RE2::Set tests instead of the pattern (`prefilter:`)
        // `anchor:` (rules/README.md, "Anchors"): the words every match
        // holds (within) or starts with (start). PCRE2 then tries match
        // starts only up to the paragraph's last such word, or only at
        // those words; null: every start.
        struct Anchor {
            bool start = false;  // every match starts at one of the words (else: holds one at or after its start)
            bool fold = false;   // case-insensitive rule: words and tokens compared in ASCII lower case
            std::vector<std::string> words;  // sorted
            uint64_t lengths = 0;    // bit per word length (< 64)
            // A bit per value of hash(word) % 4096: most tokens are no word
            // and fail here, without a search of the words.
            uint64_t filter[64] = {};
            static uint32_t hash(std::string_view t, bool fold) {
                uint32_t h = 2166136261u;
                for (char ch : t) {
                    unsigned char c = static_cast<unsigned char>(ch);
                    h = (h ^ (fold && c >= 'A' && c <= 'Z' ? c + 32 : c)) * 16777619u;
                }
                return (h ^ (h >> 15)) & 4095;
            }
            bool is(std::string_view token) const;
            // At p[i], a code point that (?i) folds to an ASCII letter: 'ſ'
            // (s) or the Kelvin sign (k). A fold anchor cuts no token there,
            // so a paragraph with one runs without the anchor.
            static bool odd_fold(std::string_view p, size_t i) {
                auto at = [&](size_t k) { return i + k < p.size() ? static_cast<unsigned char>(p[i + k]) : 0; };
                return (at(0) == 0xC5 && at(1) == 0xBF) || (at(0) == 0xE2 && at(1) == 0x84 && at(2) == 0xAA);
            }
            // `barrier:` strings no match holds between its start and its
            // anchor word (within only): PCRE2 then starts only after the
            // last barrier before each anchor word.
            std::vector<std::string> barriers;
            uint64_t barrier_first[4] = {};
            // The length of the barrier at p[i], or 0.
            size_t barrier_at(std::string_view p, size_t i) const {
                const unsigned char c = static_cast<unsigned char>(p[i]);
                if (!(barrier_first[c / 64] >> (c % 64) & 1)) return 0;
                for (const std::string& b : barriers)
                    if (p.compare(i, b.size(), b) == 0) return b.size();
                return 0;
            }
        };
        std::unique_ptr<Anchor> anchor;
        // `needs:` (rules/README.md, "Needed strings"): strings one of which
        // every match holds, byte for byte. A paragraph without any runs
        // nothing; PCRE2 tries starts only up to the last one's start. Empty:
        // no such claim.
        std::vector<std::string> needs;
        uint64_t need_first[4] = {};  // a bit per first byte of a needed string
        // The start of the last needed string in p, or npos.
        size_t last_need(std::string_view p) const {
            for (size_t i = p.size(); i-- > 0;) {
                const unsigned char ch = static_cast<unsigned char>(p[i]);
                if (!(need_first[ch / 64] >> (ch % 64) & 1)) continue;
                for (const std::string& n : needs)
                    if (n[0] == p[i] && p.compare(i, n.size(), n) == 0) return i;
            }
            return std::string_view::npos;
        }
    };
    std::vector<Compiled> compiled;
    // The rules that run on tokens (rules/README.md, "A token matcher"):
    // by compiled index, whether the rule runs there (it is in no set);
    // null when none does (CLAIMEX_TOKENS=off, or no rule translates).
    std::unique_ptr<tokens::TokenClasses> token_classes;
    std::unique_ptr<tokens::TokenRules> token_rules;
    std::vector<char> on_tokens;
    std::vector<size_t> token_index;  // the compiled indexes of the rules on tokens
    std::vector<std::string> token_why;  // by compiled index: why the rule stays on the regex engine ("" on tokens)
    // The sets that tell which rules can match a paragraph: one RE2::Set per
    // mention type (and per `scan:` name within it: entries that multiply
    // the others' DFA states scan apart, cheaper in time although each set
    // scans every byte), each with the `compiled` index of its patterns. Not one
    // set of all rules: its DFA is the product of every rule's automaton, so
    // text it has not seen before (which is all real news) keeps building
    // new states, about 2 µs a byte; per-type sets have small automata that
    // fill quickly (the sets alone: 9x cheaper on the held-out articles
    // after a warm-up on the corpus, the same on text seen before; see
    // build/bench_rules, its "unseen text" line).
    struct TypeSet {
        std::unique_ptr<RE2::Set> set;
        std::vector<int> rules;  // set index → compiled index
        std::string name;        // type, or type/scan name (profiles)
    };
    std::vector<TypeSet> sets;
    bool set_ok = false;
    std::unordered_map<const Rule*, size_t> order;  // rule file order, for the last tie-break
    mutable std::atomic<size_t> fallbacks{0};  // see pcre2_fallbacks()
    uint32_t jit_pairs = 1;  // the most capture pairs (whole match included) of any Jit
    mutable bool profiling = false;           // see RuleSet::profile_rules
    mutable std::vector<RuleSet::RuleCost> costs;  // by compiled index
    mutable std::vector<RuleSet::PassCost> pass_costs;  // sets in order, then gazetteers, resolution

    // Gazetteer: first token → aliases starting with it, longest first.
    // (Looked up by string_view: no string is built per word of the text.)
    struct ViewHash {
        using is_transparent = void;
        size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    std::unordered_map<std::string, std::vector<GazAlias>, ViewHash, std::equal_to<>> gaz;
    // A bit per value of gaz_bit(first token): most words of a text start no
    // alias, and one test in a 16 KB table rules them out before the map's
    // hash and bucket walk (run_gazetteers computes the bit while it scans
    // the token anyway).
    static constexpr uint32_t kGazBits = 1u << 17;
    std::vector<uint64_t> gaz_filter;
    static uint32_t gaz_bit(uint32_t h) { return (h ^ (h >> 15)) & (kGazBits - 1); }
    // The running hash gaz_bit takes, one byte at a time.
    static uint32_t gaz_step(uint32_t h, unsigned char c) { return (h ^ c) * 16777619u; }
    static constexpr uint32_t kGazSeed = 2166136261u;

    void problem(const Location& at, const std::string& rule, std::string msg, bool error = true) {
        problems.push_back({at, rule, std::move(msg), error});
    }

    // ---- parsing ----
    void parse_file(const fs::path& path);
    void parse_expectation(Example& ex, std::string_view line, const Location& at);
    void load_list(const std::string& name, const std::string& spec, const fs::path& base, const Location& at);
    void load_table(const std::string& name, const std::string& file, const fs::path& base, const Location& at);
    void load_gazetteer(Rule& rule, const fs::path& base);

    // ---- compiling ----
    // jit: lists as trees (Macro::jit_body), for PCRE2.
    std::optional<std::string> expand(const std::string& pattern, const Location& at, const std::string& rule_id,
                                      int depth = 0, bool jit = false);
    // A macro's expansion (the RE2 and the PCRE2 form), made once: the rules use the same
    // few macros hundreds of times (expanding them anew each time cost ~0.1 G instructions
    // of every load). With the depth its expansion reached below it, so that a use too deep
    // for the nesting limit still fails as it did.
    struct Expanded {
        std::string body;
        int height = 0;
    };
    std::unordered_map<std::string, Expanded> expanded_[2];
    int deepest_ = 0;  // the deepest expand() call of the expansion under way
    void compile();
    void compile_veto_gates(Compiled& c, const std::string& veto_source);
    std::unique_ptr<Compiled::Anchor> compile_anchor(const Rule& r, const std::string& spec, const std::string* barrier);

    std::string rel(const fs::path& p) const {
        std::error_code ec;
        fs::path r = fs::relative(p, dir.parent_path().empty() ? fs::current_path() : dir.parent_path(), ec);
        return ec || r.empty() ? p.string() : r.string();
    }
};

// ---------------------------------------------------------------- parsing

void RuleSet::Impl::load_list(const std::string& name, const std::string& spec, const fs::path& base,
                              const Location& at) {
    if (lists.count(name) || macros.count(name)) {
        problem(at, "", fmt::format("'{}' is defined twice", name));
        return;
    }
    ListDef def;
    def.where = at;
    // A list may join several sources with '+' and take words out with ' - ':
    // "icu:currency-codes - code_words.txt + extra.txt".
    auto read_source = [&](const std::string& src, std::vector<std::string>& into) {
        if (starts_with(src, "icu:")) {
            auto words = builtin_list(src);
            if (!words) {
                problem(at, "", fmt::format("unknown builtin list '{}'", src));
                return;
            }
            into.insert(into.end(), words->begin(), words->end());
            return;
        }
        std::ifstream in(base / src);
        if (!in) {
            problem(at, "", fmt::format("list '{}': cannot read {}", name, (base / src).string()));
            return;
        }
        std::string line;
        while (std::getline(in, line)) {
            if (auto h = line.find(" #"); h != std::string::npos) line.resize(h);
            // A table file can serve as a list: its first column is the word.
            if (auto tab = line.find('\t'); tab != std::string::npos) line.resize(tab);
            line = trim(line);
            if (line.empty() || line[0] == '#') continue;
            into.push_back(line);
        }
    };
    std::vector<std::string> minus;
    std::stringstream ss(spec);
    std::string part;
    while (std::getline(ss, part, '+')) {
        bool first = true;
        for (size_t from = 0; from <= part.size();) {
            size_t cut = part.find(" - ", from);
            std::string src = trim(part.substr(from, cut == std::string::npos ? std::string::npos : cut - from));
            if (!src.empty()) read_source(src, first ? def.words : minus);
            first = false;
            if (cut == std::string::npos) break;
            from = cut + 3;
        }
    }
    std::sort(def.words.begin(), def.words.end());
    def.words.erase(std::unique(def.words.begin(), def.words.end()), def.words.end());
    if (!minus.empty()) {
        std::sort(minus.begin(), minus.end());
        std::erase_if(def.words, [&](const std::string& w) { return std::binary_search(minus.begin(), minus.end(), w); });
    }
    std::string alt;
    std::vector<std::vector<std::string>> atoms;  // per word, for the tree
    for (const auto& w : alternation_order(def.words)) {
        std::vector<std::string>& wa = atoms.emplace_back();
        for (int32_t i = 0, n = static_cast<int32_t>(w.size()); i < n;) {
            int32_t from = i;
            U8_FWD_1(w.data(), i, n);
            std::string cp = w.substr(static_cast<size_t>(from), static_cast<size_t>(i - from));
            wa.push_back(cp == " " ? "\\s+" : RE2::QuoteMeta(cp));
        }
        if (!alt.empty()) alt += '|';
        std::string q = RE2::QuoteMeta(w);
        // "pounds sterling" matches "pounds  sterling" too.
        std::string spaced;
        for (size_t i = 0; i < q.size(); ++i) {
            if (q[i] == '\\' && i + 1 < q.size() && q[i + 1] == ' ') {
                spaced += "\\s+";
                ++i;
            } else {
                spaced += q[i];
            }
        }
        alt += spaced;
    }
    Macro m;
    m.body = alt.empty() ? "(?:$^)" : alt;  // an empty list matches nothing
    if (!atoms.empty()) m.jit_body = alternation_tree(atoms, 0, atoms.size(), 0);
    m.where = at;
    macros[name] = std::move(m);
    lists[name] = std::move(def);
}

void RuleSet::Impl::load_table(const std::string& name, const std::string& file, const fs::path& base,
                               const Location& at) {
    if (tables.count(name)) {
        problem(at, "", fmt::format("table '{}' is defined twice", name));
        return;
    }
    std::ifstream in(base / file);
    if (!in) {
        problem(at, "", fmt::format("table '{}': cannot read {}", name, (base / file).string()));
        return;
    }
    auto& rows = tables[name];
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (trim(line).empty() || trim(line)[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(trim(col));
        rows.push_back(std::move(cols));
    }
}

void RuleSet::Impl::load_gazetteer(Rule& rule, const fs::path& base) {
    fs::path path = base / rule.gazetteer_file;
    std::ifstream file;
    std::istringstream builtin;
    std::istream* inp = &file;
    if (starts_with(rule.gazetteer_file, "icu:")) {  // drawn from ICU data (builtin_places.cc)
        auto text = builtin_gazetteer(rule.gazetteer_file);
        if (!text) {
            problem(rule.where, rule.id, fmt::format("unknown builtin gazetteer '{}'", rule.gazetteer_file));
            return;
        }
        builtin.str(*text);
        inp = &builtin;
        path = rule.gazetteer_file;
    } else {
        file.open(path);
        if (!file) {
            problem(rule.where, rule.id, fmt::format("cannot read gazetteer {}", path.string()));
            return;
        }
    }
    std::istream& in = *inp;
    std::string line;
    int n = 0;
    std::string default_kind = rule.attrs.count("kind") ? rule.attrs.at("kind") : "";
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        std::vector<std::string> cols;
        std::stringstream ss(line);
        std::string col;
        while (std::getline(ss, col, '\t')) cols.push_back(trim(col));
        auto e = std::make_unique<GazetteerEntry>();
        e->name = cols[0];
        e->kind = cols.size() > 1 && !cols[1].empty() ? cols[1] : default_kind;
        e->where = {inp == &builtin ? path.string() : rel(path), n};
        if (e->name.empty()) {
            problem(e->where, rule.id, "gazetteer line has no name");
            continue;
        }
        e->aliases.push_back(e->name);
        if (cols.size() > 2) {
            std::stringstream as(cols[2]);
            std::string a;
            while (std::getline(as, a, '|')) {
                a = trim(a);
                if (!a.empty() && a != e->name) e->aliases.push_back(a);
            }
        }
        for (const auto& a : e->aliases) {
            size_t k = 0;
            while (k < a.size() && token_byte(static_cast<unsigned char>(a[k]))) ++k;
            if (k == 0) {
                problem(e->where, rule.id, fmt::format("alias '{}' must start with a letter or digit", a));
                continue;
            }
            gaz[a.substr(0, k)].push_back({a, e.get(), &rule});
        }
        entries.push_back(std::move(e));
    }
}

void RuleSet::Impl::parse_expectation(Example& ex, std::string_view line, const Location& at) {
    // => [!]type ["text"] key=value key="value with spaces"
    Expectation e;
    e.where = at;
    std::string_view s = line;
    auto skip_ws = [&] {
        while (!s.empty() && (s[0] == ' ' || s[0] == '\t')) s.remove_prefix(1);
    };
    auto quoted = [&](std::string& out) -> bool {
        // s starts at '"'; \" and \\ escape.
        s.remove_prefix(1);
        out.clear();
        while (!s.empty() && s[0] != '"') {
            if (s[0] == '\\' && s.size() > 1) s.remove_prefix(1);
            out += s[0];
            s.remove_prefix(1);
        }
        if (s.empty()) return false;
        s.remove_prefix(1);
        return true;
    };
    skip_ws();
    if (!s.empty() && s[0] == '!') {
        e.negated = true;
        s.remove_prefix(1);
    }
    size_t k = 0;
    while (k < s.size() && s[k] != ' ' && s[k] != '\t') ++k;
    e.type = std::string(s.substr(0, k));
    s.remove_prefix(k);
    if (!kKnownTypes.count(e.type) && e.type != "claim") {
        problem(at, ex.rule_id, fmt::format("expectation names unknown type '{}'", e.type));
        return;
    }
    skip_ws();
    if (!s.empty() && s[0] == '"') {
        std::string t;
        if (!quoted(t)) {
            problem(at, ex.rule_id, "unterminated quoted text in expectation");
            return;
        }
        e.text = t;
    }
    for (;;) {
        skip_ws();
        if (s.empty() || s[0] == '#') break;
        size_t eq = s.find('=');
        if (eq == std::string_view::npos || eq == 0) {
            problem(at, ex.rule_id, fmt::format("expected key=value in expectation, got '{}'", std::string(s)));
            return;
        }
        std::string key(s.substr(0, eq));
        s.remove_prefix(eq + 1);
        std::string val;
        if (!s.empty() && s[0] == '"') {
            if (!quoted(val)) {
                problem(at, ex.rule_id, "unterminated quoted value in expectation");
                return;
            }
        } else {
            size_t end = 0;
            while (end < s.size() && s[end] != ' ' && s[end] != '\t') ++end;
            val = std::string(s.substr(0, end));
            s.remove_prefix(end);
        }
        e.fields.emplace_back(std::move(key), std::move(val));
    }
    ex.expectations.push_back(std::move(e));
}

void RuleSet::Impl::parse_file(const fs::path& path) {
    std::ifstream in(path);
    std::string file = rel(path);
    if (!in) {
        problem({file, 0}, "", "cannot read rule file");
        return;
    }
    fs::path base = path.parent_path();
    std::string line;
    int n = 0;
    Rule* rule = nullptr;
    Example* example = nullptr;
    std::string published;
    std::set<std::string> ids;
    for (const auto& r : rules) ids.insert(r->id);
    auto finish_rule = [&] {
        if (rule && rule->pattern.empty() && rule->source_pattern.empty() && rule->gazetteer_file.empty())
            problem(rule->where, rule->id, "rule has neither pattern: nor gazetteer:");
        if (rule && rule->type.empty()) problem(rule->where, rule->id, "rule has no type:");
        rule = nullptr;
        example = nullptr;
    };
    while (std::getline(in, line)) {
        ++n;
        Location at{file, n};
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;

        if (starts_with(t, "=>")) {
            if (!example) {
                problem(at, rule ? rule->id : "", "expectation '=>' without an example: line before it");
                continue;
            }
            parse_expectation(*example, std::string_view(t).substr(2), at);
            continue;
        }
        if (t[0] == '@') {
            finish_rule();
            std::stringstream ss(t);
            std::string directive, name;
            ss >> directive >> name;
            std::string rest;
            std::getline(ss, rest);
            rest = trim(rest);
            if (directive == "@define") {
                if (name.empty() || rest.empty()) {
                    problem(at, "", "@define needs a NAME and a pattern");
                } else if (macros.count(name)) {
                    problem(at, "", fmt::format("'{}' is defined twice (first at {})", name,
                                                macros[name].where.str()));
                } else {
                    macros[name] = Macro{rest, "", at, false};
                }
            } else if (directive == "@list") {
                if (name.empty() || rest.empty())
                    problem(at, "", "@list needs a NAME and a file (or icu:NAME)");
                else
                    load_list(name, rest, base, at);
            } else if (directive == "@table") {
                if (name.empty() || rest.empty())
                    problem(at, "", "@table needs a NAME and a file");
                else
                    load_table(name, rest, base, at);
            } else if (directive == "@published") {
                published = name;
            } else {
                problem(at, "", fmt::format("unknown directive '{}'", directive));
            }
            continue;
        }
        if (starts_with(t, "rule ") || t == "rule") {
            finish_rule();
            std::string id = trim(t.substr(4));
            if (id.empty()) {
                problem(at, "", "rule needs an id");
                id = fmt::format("{}:{}", file, n);
            }
            if (ids.count(id)) problem(at, id, fmt::format("duplicate rule id '{}'", id));
            ids.insert(id);
            auto r = std::make_unique<Rule>();
            r->id = id;
            r->where = at;
            rule = r.get();
            rules.push_back(std::move(r));
            continue;
        }
        if (t == "examples") {
            finish_rule();
            continue;
        }
        size_t colon = t.find(':');
        if (colon == std::string::npos) {
            problem(at, rule ? rule->id : "", fmt::format("cannot read line: '{}'", t));
            continue;
        }
        std::string key = trim(t.substr(0, colon));
        std::string val = trim(t.substr(colon + 1));
        if (key == "example") {
            Example ex;
            ex.where = at;
            ex.rule_id = rule ? rule->id : "";
            ex.input = val;
            ex.published = published;
            examples.push_back(std::move(ex));
            example = &examples.back();
            continue;
        }
        if (!rule) {
            problem(at, "", fmt::format("'{}:' outside a rule", key));
            continue;
        }
        if (key == "type") {
            rule->type = val;
            if (!kKnownTypes.count(val)) problem(at, rule->id, fmt::format("unknown type '{}'", val));
        } else if (key == "priority") {
            try {
                rule->priority = std::stoi(val);
            } catch (...) {
                problem(at, rule->id, fmt::format("priority must be a whole number, got '{}'", val));
            }
        } else if (key == "pattern") {
            if (!rule->source_pattern.empty()) rule->source_pattern += "|";  // several pattern: lines = alternatives
            rule->source_pattern += rule->source_pattern.empty() ? val : "(?:" + val + ")";
        } else if (key == "set") {
            size_t eq = val.find('=');
            if (eq == std::string::npos)
                problem(at, rule->id, "set: needs key=value");
            else
                rule->attrs[trim(val.substr(0, eq))] = trim(val.substr(eq + 1));
        } else if (key == "veto") {
            if (!rule->veto.empty()) rule->veto += "|";
            rule->veto += "(?:" + val + ")";
            rule->attrs["veto_lines"] = std::to_string(std::atoi(rule->attrs["veto_lines"].c_str()) + 1);
        } else if (key == "veto_needs") {
            // Gates the `veto:` line above it (see Compiled::veto_gates).
            const int line = std::atoi(rule->attrs["veto_lines"].c_str());
            if (line == 0) problem(at, rule->id, "veto_needs: goes after the veto: line it gates");
            else rule->attrs["veto_needs " + std::to_string(line - 1)] = val;
        } else if (key == "kind") {
            rule->attrs["kind"] = val;
        } else if (key == "prefilter") {
            rule->attrs["prefilter"] = val;
        } else if (key == "token_prefilter") {
            if (val != "yes") problem(at, rule->id, "token_prefilter: is 'yes'");
            rule->attrs["token_prefilter"] = val;
        } else if (key == "anchor") {
            rule->attrs["anchor"] = val;
        } else if (key == "barrier") {
            rule->attrs["barrier"] = val;
        } else if (key == "needs") {
            rule->attrs["needs"] = val;
        } else if (key == "scan") {
            if (val.empty() || val.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string::npos)
                problem(at, rule->id, "scan: is a name of lower-case letters, digits and '_'");
            rule->attrs["scan"] = val;
        } else if (key == "engine") {
            if (val != "re2" && val != "pcre2") problem(at, rule->id, "engine: is 're2' or 'pcre2'");
            rule->attrs["engine"] = val;
        } else if (key == "case") {
            if (val == "insensitive")
                rule->case_insensitive = true;
            else if (val != "sensitive")
                problem(at, rule->id, "case: is 'insensitive' or 'sensitive'");
        } else if (key == "gazetteer") {
            rule->gazetteer_file = val;
            rule->attrs["gazetteer_dir"] = base.string();
        } else {
            problem(at, rule->id, fmt::format("unknown key '{}:'", key));
        }
    }
    finish_rule();
}

// --------------------------------------------------------------- compiling

namespace {

// RE2's reading of a pattern with atomic groups `(?>...)`: plain groups
// `(?:...)`. A rule writes an atomic group only where no backtracking into
// it can change a match (rules/README.md, "Atomic groups"), so PCRE2, which
// gives up the group's other ways, finds exactly the matches RE2 finds
// without them; RE2 (the sets, vetoes, the fallback and the reference
// path) has no atomic groups.
std::string without_atomic_groups(std::string re) {
    bool in_class = false;
    for (size_t i = 0; i < re.size(); ++i) {
        if (re[i] == '\\') {
            ++i;
            continue;
        }
        if (in_class) {
            if (re.compare(i, 2, "[:") == 0 && re.find(":]", i + 2) != std::string::npos) i = re.find(":]", i + 2) + 1;
            else if (re[i] == ']') in_class = false;
            continue;
        }
        if (re[i] == '[') {
            in_class = true;
            if (i + 1 < re.size() && re[i + 1] == '^') ++i;
            if (i + 1 < re.size() && re[i + 1] == ']') ++i;
            continue;
        }
        if (re.compare(i, 3, "(?>") == 0) re[i + 2] = ':';
    }
    return re;
}

}  // namespace

std::optional<std::string> RuleSet::Impl::expand(const std::string& pattern, const Location& at,
                                                 const std::string& rule_id, int depth, bool jit) {
    if (depth > 20) {
        problem(at, rule_id, "macros nest too deeply (a cycle?)");
        return std::nullopt;
    }
    deepest_ = std::max(deepest_, depth);
    std::string out;
    for (size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            out += c;
            out += pattern[++i];
            continue;
        }
        if (c == '{' && i + 1 < pattern.size() && (std::isupper(static_cast<unsigned char>(pattern[i + 1])) ||
                                                    pattern[i + 1] == '_')) {
            size_t close = pattern.find('}', i);
            std::string name = close == std::string::npos ? "" : pattern.substr(i + 1, close - i - 1);
            bool ident = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
                return std::isupper(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)) ||
                       ch == '_';
            });
            if (ident) {
                auto it = macros.find(name);
                if (it == macros.end()) {
                    problem(at, rule_id, fmt::format("undefined macro {{{}}}", name));
                    return std::nullopt;
                }
                it->second.used = true;
                if (auto l = lists.find(name); l != lists.end()) l->second.used = true;
                std::unordered_map<std::string, Expanded>& memo = expanded_[jit ? 1 : 0];
                if (auto e = memo.find(name); e != memo.end() && depth + 1 + e->second.height <= 20) {
                    deepest_ = std::max(deepest_, depth + 1 + e->second.height);
                    out += "(?:";
                    out += e->second.body;
                    out += ')';
                    i = close;
                    continue;
                }
                const Macro& m = it->second;
                const int outer = deepest_;
                deepest_ = depth + 1;
                auto body = expand(jit && !m.jit_body.empty() ? m.jit_body : m.body, at, rule_id, depth + 1, jit);
                const int height = deepest_ - (depth + 1);
                deepest_ = std::max(outer, deepest_);
                if (!body) return std::nullopt;
                memo.emplace(name, Expanded{*body, height});
                out += "(?:" + *body + ")";
                i = close;
                continue;
            }
        }
        out += c;
    }
    return depth == 0 && !jit ? without_atomic_groups(out) : out;
}

namespace {

// Patterns of at least this many RE2 instructions with top-level
// alternatives run as one RE2 per alternative. On new text RE2's lazily
// built DFA spends most of its time building states, and a state of the
// whole pattern holds every alternative's threads at once; apart, the
// alternatives build fewer and smaller states, and their capture passes run
// over smaller programs. The big name and holder patterns scan a third
// cheaper cold; the smallest pay more for scanning once per alternative.
// (callgrind, 1 MB of new text, whole process, before word lists were put
// in key order: threshold 0, 200, 400, 1200,
// 2500 → 5.227, 5.226, 5.223, 5.262, 5.273 G instructions; 5.60 G before
// the split.)
constexpr int kSplitProgramSize = 400;

// The top-level alternatives of an expanded pattern ("a|(?:b|c)|d" → a,
// (?:b|c), d), or the pattern alone when it has none or when it sets flags
// at the top level ("a(?i)b|c": the flag reaches c). A cut inside a
// construct this does not know would leave a part that does not compile,
// and the caller then keeps the whole pattern.
std::vector<std::string> top_level_alternatives(const std::string& pattern) {
    std::vector<std::string> out;
    size_t from = 0;
    int depth = 0;
    bool in_class = false;
    for (size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\') {
            if (i + 1 < pattern.size() && pattern[i + 1] == 'Q') return {pattern};  // \Q...\E: quoted text
            ++i;
        } else if (in_class) {
            if (c == '[' && i + 1 < pattern.size() && pattern[i + 1] == ':') {  // [:alpha:]
                size_t close = pattern.find(":]", i + 2);
                if (close == std::string::npos) return {pattern};
                i = close + 1;
            } else if (c == ']') {
                in_class = false;
            }
        } else if (c == '[') {
            in_class = true;
            if (i + 1 < pattern.size() && pattern[i + 1] == '^') ++i;
            if (i + 1 < pattern.size() && pattern[i + 1] == ']') ++i;  // "[]a]": the ] is a member
        } else if (c == '(') {
            // "(?i)" at the top level sets a flag for the alternatives after it.
            if (depth == 0 && i + 1 < pattern.size() && pattern[i + 1] == '?') {
                size_t k = i + 2;
                while (k < pattern.size() && (std::isalpha(static_cast<unsigned char>(pattern[k])) || pattern[k] == '-'))
                    ++k;
                if (k < pattern.size() && pattern[k] == ')' && k > i + 2) return {pattern};
            }
            ++depth;
        } else if (c == ')') {
            --depth;
        } else if (c == '|' && depth == 0) {
            out.push_back(pattern.substr(from, i - from));
            from = i + 1;
        }
    }
    out.push_back(pattern.substr(from));
    return out;
}

// The groups of a compiled pattern, by index.
RuleSet::Impl::Program program(std::unique_ptr<RE2> re) {
    RuleSet::Impl::Program p;
    p.group_names.resize(static_cast<size_t>(re->NumberOfCapturingGroups()) + 1);
    p.is_span.assign(p.group_names.size(), 0);
    for (const auto& [name, idx] : re->NamedCapturingGroups()) {
        std::string base = name;
        if (auto k = base.find("__"); k != std::string::npos) base.resize(k);
        p.group_names[static_cast<size_t>(idx)] = base;
        if (base == "span") p.is_span[static_cast<size_t>(idx)] = 1;
    }
    p.re = std::move(re);
    return p;
}

// An RE2 pattern in PCRE2's syntax, or nullopt where a construct is read
// differently and this does not translate it (the rule then runs with
// RE2). The two agree on what our patterns use — leftmost-first
// alternation, greedy and lazy repeats, ASCII \d \w \b (PCRE2 without
// UCP), Unicode case folding under (?i) in UTF mode, (?P<name>), \p{..} —
// except: RE2's \s is [\t\n\f\r ] where PCRE2's adds \v (written out
// here; RE2's \S is PCRE2's plus \v), RE2's \v is the one character
// U+000B where PCRE2's is a class, and `$` (made end-only by
// PCRE2_DOLLAR_ENDONLY at compile time).
std::optional<std::string> jit_pattern(const std::string& re) {
    static const std::string kSpace = "\\t\\n\\f\\r\\x20";
    std::string out;
    bool in_class = false;
    for (size_t i = 0; i < re.size(); ++i) {
        char c = re[i];
        if (c == '\\' && i + 1 < re.size()) {
            char d = re[++i];
            if (d == 's' || d == 'S') {
                if (!in_class) {
                    out += d == 's' ? "[" + kSpace + "]" : "[\\S\\x{0B}]";
                    continue;
                }
                // In a class: \s written out, \S as PCRE2's \S plus \v. A
                // '-' before it is a range RE2 refuses or a literal; one
                // after it is a literal in RE2 and must stay one.
                if (out.size() >= 2 && out.back() == '-' && out[out.size() - 2] != '\\' && out[out.size() - 2] != '[' &&
                    !out.ends_with("[^-"))
                    return std::nullopt;
                out += d == 's' ? kSpace : "\\S\\x{0B}";
                if (i + 2 < re.size() && re[i + 1] == '-' && re[i + 2] != ']') {
                    out += "\\-";
                    ++i;
                }
                continue;
            }
            if (d == 'v') {
                out += "\\x{0B}";
                continue;
            }
            // Constructs one of the two reads otherwise or RE2 does not have.
            if (std::string_view("QEChHVRNKXgkG").find(d) != std::string_view::npos) return std::nullopt;
            out += c;
            out += d;
            continue;
        }
        if (in_class) {
            if (c == '[' && i + 1 < re.size() && re[i + 1] == ':') {  // [:alpha:]
                size_t close = re.find(":]", i + 2);
                if (close == std::string::npos) return std::nullopt;
                out.append(re, i, close + 2 - i);
                i = close + 1;
                continue;
            }
            if (c == ']') in_class = false;
            out += c;
            continue;
        }
        if (c == '[') {
            in_class = true;
            out += c;
            if (i + 1 < re.size() && re[i + 1] == '^') out += re[++i];
            if (i + 1 < re.size() && re[i + 1] == ']') out += re[++i];  // "[]a]": the ] is a member
            continue;
        }
        out += c;
    }
    return out;
}

// An RE2 pattern compiled with PCRE2 and JIT-compiled, or an empty Jit when
// PCRE2 refuses it (its syntax, its size) or numbers its groups otherwise.
RuleSet::Impl::Jit jit_program(const std::string& pattern, const RE2* same, uint32_t options = 0) {
    RuleSet::Impl::Jit j;
    auto text = jit_pattern(pattern);
    if (!text) return j;
    pcre2_compile_context* cc = pcre2_compile_context_create(nullptr);
    pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
    int err = 0;
    PCRE2_SIZE off = 0;
    j.code.reset(pcre2_compile(reinterpret_cast<PCRE2_SPTR>(text->data()), text->size(),
                               PCRE2_UTF | PCRE2_DOLLAR_ENDONLY | PCRE2_NEVER_BACKSLASH_C | options, &err, &off, cc));
    pcre2_compile_context_free(cc);
    if (!j.code) return j;
    uint32_t groups = 0, count = 0, entry = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(j.code.get(), PCRE2_INFO_CAPTURECOUNT, &groups);
    pcre2_pattern_info(j.code.get(), PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(j.code.get(), PCRE2_INFO_NAMEENTRYSIZE, &entry);
    pcre2_pattern_info(j.code.get(), PCRE2_INFO_NAMETABLE, &table);
    j.group_names.resize(groups + 1);
    j.is_span.assign(groups + 1, 0);
    for (uint32_t k = 0; k < count; ++k) {
        const unsigned char* e = table + k * entry;
        size_t idx = (static_cast<size_t>(e[0]) << 8) | e[1];
        std::string name(reinterpret_cast<const char*>(e + 2));
        // RE2 must number the groups the same way (it does: by their '(').
        if (same) {
            auto it = same->NamedCapturingGroups().find(name);
            if (it == same->NamedCapturingGroups().end() || static_cast<size_t>(it->second) != idx) {
                j.code.reset();
                return j;
            }
        }
        if (auto cut = name.find("__"); cut != std::string::npos) name.resize(cut);
        if (idx < j.group_names.size()) j.group_names[idx] = name;
        if (name == "span") j.is_span[idx] = 1;
    }
    // (A parse-only RE2 has no group count: -1.)
    if (same && same->NumberOfCapturingGroups() >= 0 && static_cast<uint32_t>(same->NumberOfCapturingGroups()) != groups)
        j.code.reset();
    return j;
}

// An engine switch for measuring: on unless the environment variable says "off".
bool switched_on(const char* var) {
    const char* v = std::getenv(var);
    return !(v && std::string_view(v) == "off");
}

// PCRE2 finds the rules' matches unless CLAIMEX_PCRE2=off (RE2 then does,
// as before: for measuring one against the other).
bool jit_wanted() { return switched_on("CLAIMEX_PCRE2"); }

// `anchor:` keys are used unless CLAIMEX_ANCHORS=off (every start tried,
// as before: for measuring the two against each other).
bool anchors_wanted() { return switched_on("CLAIMEX_ANCHORS"); }

}  // namespace

// Rules whose patterns translate run on tokens by default (session 14: the
// one-pass token matcher's rule stage is cheaper than the regex engine's, 1.28 s
// against 1.35 s on 5 MB; rules/README.md, "A token matcher"); with
// CLAIMEX_TOKENS=off every rule runs on the regex engine, as before.
bool tokens_wanted() { return switched_on("CLAIMEX_TOKENS"); }

// Rules on tokens with `token_prefilter: yes` are gated by their `prefilter:` unless
// CLAIMEX_TOKEN_PREFILTERS=off (every paragraph runs them, as before session 19: for
// measuring, and for tests/token_engine_test.cc, which checks the prefilters that way).
static bool prefilters_on_tokens() { return switched_on("CLAIMEX_TOKEN_PREFILTERS"); }

const RuleSet::Impl::Program& RuleSet::Impl::Compiled::whole() const {
    re2_ready();
    std::call_once(*whole_once, [this] {
        if (!whole_.re) whole_ = program(std::make_unique<RE2>(rule->pattern, rule_options()));
    });
    return whole_;
}

void RuleSet::Impl::Compiled::jit_ready() const {
    std::call_once(*jit_once, [this] {
        for (const Jit& j : jit) j.jit = pcre2_jit_compile(j.code.get(), PCRE2_JIT_COMPLETE) == 0;
        for (const Jit& j : veto_subsets)
            if (j.code) j.jit = pcre2_jit_compile(j.code.get(), PCRE2_JIT_COMPLETE) == 0;
    });
}

std::string RuleSet::Impl::Compiled::build_re2() {
    const RE2::Options opt = rule_options();
    const Rule* r = rule;
    const std::string expanded = r->case_insensitive ? r->pattern.substr(4) : r->pattern;
    // A big pattern with top-level alternatives runs them apart (see
    // kSplitProgramSize); a cut that does not compile, or alternatives
    // that name a group twice (the whole pattern is then bad), keep the
    // whole pattern.
    if (std::vector<std::string> alts = top_level_alternatives(expanded); alts.size() > 1) {
        std::set<std::string> names;
        int size = 0;
        for (const std::string& alt : alts) {
            auto part = std::make_unique<RE2>((r->case_insensitive ? "(?i)" : "") + alt, opt);
            bool clean = part->ok();
            for (const auto& [name, idx] : part->NamedCapturingGroups()) clean = clean && names.insert(name).second;
            if (!clean) {
                alternatives.clear();
                break;
            }
            size += part->ProgramSize();
            alternatives.push_back(program(std::move(part)));
        }
        if (size < kSplitProgramSize) alternatives.clear();
    }
    if (alternatives.empty()) {
        auto re = std::make_unique<RE2>(r->pattern, opt);
        std::string err = re->ok() ? "" : re->error();
        whole_ = program(std::move(re));
        return err;
    }
    return "";
}

void RuleSet::Impl::Compiled::re2_ready() const {
    std::call_once(*re2_once, [this] {
        // Built late, an RE2 that fails (too big for its memory budget)
        // matches nothing; lint reports it.
        if (re2_deferred) const_cast<Compiled*>(this)->build_re2();
    });
}

void RuleSet::Impl::compile() {
    const RE2::Options opt = rule_options();
    const bool use_jit = jit_wanted();
    std::vector<std::unique_ptr<Rule>>& rs = rules;
    for (auto& r : rs) {
        if (!r->gazetteer_file.empty()) {
            if (r->attrs.count("scan")) problem(r->where, r->id, "scan: is for pattern rules (a gazetteer is in no set)");
            load_gazetteer(*r, r->attrs["gazetteer_dir"]);
            r->attrs.erase("gazetteer_dir");
            continue;
        }
        if (r->source_pattern.empty() || r->type.empty() || !kKnownTypes.count(r->type)) continue;
        auto expanded = expand(r->source_pattern, r->where, r->id);
        if (!expanded) continue;
        r->pattern = (r->case_insensitive ? "(?i)" : "") + *expanded;
        Compiled c;
        c.rule = r.get();
        const std::string flags = r->case_insensitive ? "(?i)" : "";
        // `engine: re2`: the rule finds its matches with RE2 (measured faster
        // for it: a pattern that can start almost anywhere and seldom
        // matches where its prefilter lets it run; rules/README.md).
        auto engine = r->attrs.find("engine");
        const bool pcre2 = use_jit && (engine == r->attrs.end() || engine->second != "re2");
        std::optional<std::string> jx = pcre2 ? expand(r->source_pattern, r->where, r->id, 0, true) : std::nullopt;
        // (An anchored rule's PCRE2 code takes an offset limit: the last start to try.)
        if (auto an = r->attrs.find("anchor"); an != r->attrs.end() && anchors_wanted()) {
            auto br = r->attrs.find("barrier");
            c.anchor = compile_anchor(*r, an->second, br == r->attrs.end() ? nullptr : &br->second);
        } else if (r->attrs.count("barrier") && !r->attrs.count("anchor")) {
            problem(r->where, r->id, "barrier: goes with anchor: within");
        }
        if (auto nd = r->attrs.find("needs"); nd != r->attrs.end() && anchors_wanted()) {
            // Strings separated by '|', each byte for byte as the pattern
            // holds it (no list, no case folding: a case-insensitive rule
            // takes none).
            c.needs = bar_items(nd->second);
            if (r->case_insensitive) problem(r->where, r->id, "needs: compares bytes as written: not with case: insensitive");
            if (c.needs.empty()) problem(r->where, r->id, "needs: names no string");
            if (r->case_insensitive) c.needs.clear();
            // A string that holds another is implied by it: the shorter one stays.
            std::sort(c.needs.begin(), c.needs.end(),
                      [](const auto& x, const auto& y) { return x.size() < y.size() || (x.size() == y.size() && x < y); });
            std::vector<std::string> kept;
            for (const std::string& n : c.needs)
                if (std::none_of(kept.begin(), kept.end(), [&](const std::string& k) { return n.find(k) != std::string::npos; }))
                    kept.push_back(n);
            c.needs = std::move(kept);
            for (const std::string& n : c.needs) {
                const unsigned char ch = static_cast<unsigned char>(n[0]);
                c.need_first[ch / 64] |= uint64_t{1} << (ch % 64);
            }
        }
        const uint32_t jit_options = c.anchor || !c.needs.empty() ? PCRE2_USE_OFFSET_LIMIT : 0;
        if (jx) {
            // RE2 only parses the pattern here (a memory budget too small
            // to compile it): its errors and its group names, for PCRE2's
            // to be checked against.
            RE2 parsed(r->pattern, parse_only_options());
            if (!parsed.ok() && parsed.error_code() != RE2::ErrorPatternTooLarge) {
                problem(r->where, r->id, fmt::format("bad pattern: {}", parsed.error()));
                r->pattern.clear();
                continue;
            }
            if (Jit j = jit_program(flags + *jx, &parsed, jit_options); j.code) {
                c.jit.push_back(std::move(j));
                c.re2_deferred = true;
            }
        }
        if (!c.re2_deferred) {
            if (std::string err = c.build_re2(); !err.empty()) {
                problem(r->where, r->id, fmt::format("bad pattern: {}", err));
                r->pattern.clear();
                continue;
            }
        }
        for (const Program& part : c.re2_deferred ? std::span<const Program>() : c.parts())
            for (char sp : part.is_span) c.has_span = c.has_span || sp;
        for (const Jit& j : c.re2_deferred ? std::span<const Jit>(c.jit) : std::span<const Jit>())
            for (char sp : j.is_span) c.has_span = c.has_span || sp;
        // PCRE2 runs the rule where it takes the whole pattern, or else
        // every one of its alternatives (its compiled size is limited);
        // else RE2 does. Word lists go in as trees (alternation_tree).
        // One pass of the whole pattern is cheaper than the alternatives
        // apart for PCRE2 (no automaton to build: 9% less time in the rule
        // runs on 10 MB of new text).
        if (jx && !c.re2_deferred) {
            if (Jit j = jit_program(flags + *jx, c.alternatives.empty() ? c.whole_.re.get() : nullptr, jit_options); j.code)
                c.jit.push_back(std::move(j));
            std::vector<std::string> jalts = top_level_alternatives(*jx);
            if (c.jit.empty() && !c.alternatives.empty() && jalts.size() == c.alternatives.size()) {
                for (size_t k = 0; k < c.alternatives.size(); ++k) {
                    Jit j = jit_program(flags + jalts[k], c.alternatives[k].re.get(), jit_options);
                    if (!j.code) {
                        c.jit.clear();
                        break;
                    }
                    c.jit.push_back(std::move(j));
                }
            }
            if (c.jit.empty()) problem(r->where, r->id, "PCRE2 does not take this pattern: it runs with RE2 (slower)", false);
        }
        for (const Jit& j : c.jit) jit_pairs = std::max(jit_pairs, static_cast<uint32_t>(j.group_names.size()));
        // A prefilter stands in for the pattern in the RE2::Set: a cheap test
        // (a few words) that holds wherever the pattern can match, so that a
        // pattern that can start at any word does not make the set slow.
        // (Compiled in the set only: lint checks it on the examples.)
        if (auto f = r->attrs.find("prefilter"); f != r->attrs.end())
            if (auto pre = expand(f->second, r->where, r->id)) c.prefilter = (r->case_insensitive ? "(?i)" : "") + *pre;
        if (r->attrs.count("token_prefilter") && !r->attrs.count("prefilter"))
            problem(r->where, r->id, "token_prefilter: goes with prefilter:");
        if (!r->veto.empty()) {
            const std::string veto_source = r->veto;
            auto v = expand(r->veto, r->where, r->id);
            if (!v) continue;
            r->veto = (r->case_insensitive ? "(?i)" : "") + *v;
            auto vre = std::make_unique<RE2>(r->veto, opt);
            if (!vre->ok()) {
                problem(r->where, r->id, fmt::format("bad veto: {}", vre->error()));
                continue;
            }
            c.veto = std::move(vre);
            if (!c.jit.empty()) compile_veto_gates(c, veto_source);  // (PCRE2 runs the rule)
        }
        compiled.push_back(std::move(c));
    }
    // Longest alias first; of two equal aliases the higher priority's (a
    // hand-written city over ICU's country: "Hong Kong"), as in resolve().
    gaz_filter.assign(kGazBits / 64, 0);
    for (const auto& entry : gaz) {
        uint32_t h = kGazSeed;
        for (unsigned char ch : entry.first) h = gaz_step(h, ch);
        gaz_filter[gaz_bit(h) / 64] |= uint64_t{1} << (gaz_bit(h) % 64);
    }
    for (auto& [name, list] : gaz)
        std::stable_sort(list.begin(), list.end(), [](const GazAlias& a, const GazAlias& b) {
            if (a.alias.size() != b.alias.size()) return a.alias.size() > b.alias.size();
            return a.rule->priority > b.rule->priority;
        });

    // Rules on tokens: every pattern line and veto translates (else the rule stays on the
    // regex engine; token_why says why).
    on_tokens.assign(compiled.size(), 0);
    if (tokens_wanted()) {
        token_classes = std::make_unique<tokens::TokenClasses>();
        token_rules = std::make_unique<tokens::TokenRules>(*token_classes);
        // The families in order of what their rules cost on the regex engine (the
        // predicate bits are few: the dearest get them first); a rule is translated in a
        // trial of the classes, kept when it converts and undone when not, so one that does
        // not takes no bit. The word-shaped families last, and only with CLAIMEX_TOKENS=all
        // (session 18: 3 of their 72 rules convert, no cheaper than on the regex engine, and
        // translating the others costs every process 0.35 G instructions of loading;
        // rules/README.md, "Session 18 (matcher18)").
        static const char* const kOrder[] = {"money",  "quantity", "date",   "percent", "ignore",
                                             "source", "org",      "person", "place",   "ignore_entity"};
        const char* tv = std::getenv("CLAIMEX_TOKENS");
        const size_t families = tv && std::string_view(tv) == "all" ? std::size(kOrder) : 5;
        std::vector<size_t> tried;
        for (size_t f = 0; f < families; ++f)
            for (size_t i = 0; i < compiled.size(); ++i)
                if (compiled[i].rule->type == kOrder[f]) tried.push_back(i);
        token_why.assign(compiled.size(), "not tried (type)");
        for (size_t i : tried) {
            const Rule& r = *compiled[i].rule;
            const std::string veto = compiled[i].veto ? r.veto : std::string();
            std::string why;
            token_classes->begin_trial();
            std::optional<tokens::TokenRules::Translated> t =
                tokens::TokenRules::translate(r.pattern, veto, *token_classes, &why);
            if (t && token_rules->add(r, std::move(*t), &why)) {
                token_classes->commit();
                on_tokens[i] = 1;
                token_why[i].clear();
                token_index.push_back(i);
            } else {
                token_classes->rollback();
                token_why[i] = why;
            }
        }
        // `token_prefilter: yes`: the rule's prefilter gates its VM runs by paragraph, as it
        // gates the rule in its set on the regex engine (rules/README.md, "Session 19").
        if (prefilters_on_tokens())
            for (size_t k = 0; k < token_index.size(); ++k)
                if (const Compiled& c = compiled[token_index[k]]; !c.prefilter.empty() && c.rule->attrs.count("token_prefilter"))
                    token_rules->set_prefilter(k, c.prefilter);
        if (token_rules->size() == 0) token_rules.reset(), token_classes.reset();
    }
    const RE2::Options& sopt = opt;
    // type (and `scan:` name) → index in sets, in the order first met
    std::map<std::string, size_t, std::less<>> by_type;
    set_ok = true;
    for (size_t i = 0; i < compiled.size(); ++i) {
        Compiled& c = compiled[i];
        if (on_tokens[i]) continue;  // (on tokens: in no set)
        // `scan: NAME`: the rule's entry goes in a set of its own with the
        // type's other rules of that name (rules/README.md, "Matching").
        std::string key = c.rule->type;
        if (auto sc = c.rule->attrs.find("scan"); sc != c.rule->attrs.end()) key += "/" + sc->second;
        auto [it, fresh] = by_type.try_emplace(key, sets.size());
        if (fresh) sets.push_back({std::make_unique<RE2::Set>(sopt, RE2::UNANCHORED), {}, key});
        TypeSet& ts = sets[it->second];
        std::string err;
        if (!c.prefilter.empty() && ts.set->Add(c.prefilter, &err) < 0) {
            problem(c.rule->where, c.rule->id, fmt::format("bad prefilter: {}", err));
            c.prefilter.clear();
        }
        if (c.prefilter.empty() && ts.set->Add(c.rule->pattern, &err) < 0) {
            problem(c.rule->where, c.rule->id, "cannot add to the prefilter set: " + err, false);
            set_ok = false;
        }
        ts.rules.push_back(static_cast<int>(i));
    }
    for (TypeSet& ts : sets) set_ok = set_ok && ts.set->Compile();
    for (size_t i = 0; i < rules.size(); ++i) order[rules[i].get()] = i;
    // (the macro memo serves loading only: nothing expands a pattern after this)
    for (auto& memo : expanded_) std::unordered_map<std::string, Expanded>().swap(memo);
}

namespace {

// An anchor token: a run of ASCII letters and digits (what `\b` bounds
// in either engine: \w without '_', which only makes more runs).
inline bool anchor_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline unsigned char ascii_lower(unsigned char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

}  // namespace

bool RuleSet::Impl::Compiled::Anchor::is(std::string_view t) const {
    if (t.size() >= 64 || !(lengths >> t.size() & 1)) return false;
    const uint32_t h = hash(t, fold);
    if (!(filter[h / 64] >> (h % 64) & 1)) return false;
    char low[64];
    if (fold) {
        for (size_t i = 0; i < t.size(); ++i) low[i] = static_cast<char>(ascii_lower(static_cast<unsigned char>(t[i])));
        t = std::string_view(low, t.size());
    }
    return std::binary_search(words.begin(), words.end(), t, std::less<>());
}

// `anchor: within|start WORD|{LIST}|...`: each entry (a word list's
// entries, or a phrase as written) stands for one of its tokens: the first
// where matches start at the entry, else its longest (the rarest, most
// likely: any token of the entry is in the match).
std::unique_ptr<RuleSet::Impl::Compiled::Anchor> RuleSet::Impl::compile_anchor(const Rule& r, const std::string& spec,
                                                                              const std::string* barrier) {
    auto a = std::make_unique<Compiled::Anchor>();
    a->fold = r.case_insensitive;
    std::string_view rest = spec;
    if (rest.starts_with("start ")) a->start = true, rest.remove_prefix(6);
    else if (rest.starts_with("within ")) rest.remove_prefix(7);
    else {
        problem(r.where, r.id, "anchor: is 'within' or 'start', 'fold' or not, and then words or {LISTS} separated by '|'");
        return nullptr;
    }
    if (rest.starts_with("fold ")) a->fold = true, rest.remove_prefix(5);
    std::vector<std::string> entries;
    for (const std::string& item : bar_items(rest)) {
        if (item.size() > 2 && item.front() == '{' && item.back() == '}') {
            auto l = lists.find(item.substr(1, item.size() - 2));
            if (l == lists.end()) {
                problem(r.where, r.id, fmt::format("anchor: {} is no @list", item));
                return nullptr;
            }
            l->second.used = true;
            entries.insert(entries.end(), l->second.words.begin(), l->second.words.end());
        } else {
            entries.push_back(item);
        }
    }
    for (const std::string& e : entries) {
        // Its tokens as the text's are cut: runs of ASCII letters and digits.
        std::vector<std::string> tokens(1);
        for (unsigned char ch : e) {
            if (anchor_byte(ch)) tokens.back() += static_cast<char>(a->fold ? ascii_lower(ch) : ch);
            else tokens.emplace_back();
        }
        std::erase(tokens, std::string());
        if (tokens.empty()) {  // (a match holding only this entry would hold no word)
            problem(r.where, r.id, fmt::format("anchor: '{}' holds no ASCII letter or digit", e));
            return nullptr;
        }
        std::string t = tokens[0];
        if (!a->start)
            for (const std::string& k : tokens) t = k.size() > t.size() ? k : t;
        if (t.size() >= 64) {
            problem(r.where, r.id, fmt::format("anchor: '{}' is too long a word", t));
            return nullptr;
        }
        a->lengths |= uint64_t{1} << t.size();
        const uint32_t h = Compiled::Anchor::hash(t, false);  // (t is folded already)
        a->filter[h / 64] |= uint64_t{1} << (h % 64);
        a->words.push_back(t);
    }
    std::sort(a->words.begin(), a->words.end());
    if (a->words.empty()) {
        problem(r.where, r.id, "anchor: names no word");
        return nullptr;
    }
    if (barrier) {
        std::stringstream ss(*barrier);
        for (std::string b; ss >> b;) {
            if (std::any_of(b.begin(), b.end(), [](char ch) { return anchor_byte(static_cast<unsigned char>(ch)); }) ||
                a->start) {
                problem(r.where, r.id, "barrier: goes with anchor: within, and its strings hold no letter or digit");
                return nullptr;
            }
            a->barrier_first[static_cast<unsigned char>(b[0]) / 64] |= uint64_t{1} << (static_cast<unsigned char>(b[0]) % 64);
            a->barriers.push_back(b);
        }
    }
    return a;
}

void RuleSet::Impl::compile_veto_gates(Compiled& c, const std::string& veto_source) {
    Rule& r = const_cast<Rule&>(*c.rule);
    const int lines = std::atoi(r.attrs["veto_lines"].c_str());
    std::vector<int> gated;  // veto line of each gate
    for (int k = 0; k < lines; ++k)
        if (auto g = r.attrs.find("veto_needs " + std::to_string(k)); g != r.attrs.end()) {
            auto gx = expand(g->second, r.where, r.id);
            if (!gx) return;
            auto re = std::make_unique<RE2>((r.case_insensitive ? "(?i)" : "") + *gx, rule_options());
            if (!re->ok()) {
                problem(r.where, r.id, fmt::format("bad veto_needs: {}", re->error()));
                c.veto_gates.clear();
                return;
            }
            c.veto_gates.push_back(std::move(re));
            gated.push_back(k);
        }
    if (gated.empty()) return;
    if (gated.size() > 4) {
        problem(r.where, r.id, "at most 4 veto_needs: lines");
        c.veto_gates.clear();
        return;
    }
    // The veto's lines as written: each `veto:` line is one top-level
    // alternative "(?:line)" of the expanded veto, in order.
    std::vector<std::string> alts = top_level_alternatives(r.veto.substr(r.case_insensitive ? 4 : 0));
    std::optional<std::string> source = expand(veto_source, r.where, r.id, 0, true);
    std::vector<std::string> jalts = source ? top_level_alternatives(*source) : std::vector<std::string>();
    if (static_cast<int>(alts.size()) != lines || static_cast<int>(jalts.size()) != lines) {
        problem(r.where, r.id, "veto_needs: the veto's lines cannot be told apart");
        c.veto_gates.clear();
        return;
    }
    const std::string flags = r.case_insensitive ? "(?i)" : "";
    for (size_t mask = 0; mask < (size_t{1} << gated.size()); ++mask) {
        std::string sub, jsub;
        for (int k = 0; k < lines; ++k) {
            auto g = std::find(gated.begin(), gated.end(), k);
            if (g != gated.end() && !(mask >> (g - gated.begin()) & 1)) continue;
            sub += (sub.empty() ? "" : "|") + alts[static_cast<size_t>(k)];
            jsub += (jsub.empty() ? "" : "|") + jalts[static_cast<size_t>(k)];
        }
        if (mask == 0 && !sub.empty()) c.veto_ungated = std::make_unique<RE2>(flags + sub, rule_options());
        c.veto_subsets.push_back(jsub.empty() || mask == 0 ? Jit() : jit_program(flags + jsub, nullptr));
        if (mask != 0 && !c.veto_subsets.back().code) {
            problem(r.where, r.id, "veto_needs: PCRE2 does not take the veto");
            c.veto_gates.clear();
            return;
        }
    }
}

// ---------------------------------------------------------------- RuleSet

RuleSet::RuleSet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RuleSet::RuleSet(RuleSet&&) noexcept = default;
RuleSet& RuleSet::operator=(RuleSet&&) noexcept = default;
RuleSet::~RuleSet() = default;

RuleSet RuleSet::load(const fs::path& dir, bool strict) {
    auto impl = std::make_unique<Impl>();
    impl->dir = dir;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) throw RuleError(fmt::format("{}: not a rules folder", dir.string()));
    std::vector<fs::path> files;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec))
        if (it->is_regular_file() && it->path().extension() == ".rules") files.push_back(it->path());
    if (ec) throw RuleError(fmt::format("{}: {}", dir.string(), ec.message()));
    if (files.empty()) throw RuleError(fmt::format("{}: no .rules files in this folder", dir.string()));
    std::sort(files.begin(), files.end());
    for (const auto& f : files) impl->parse_file(f);
    impl->compile();
    if (strict)
        for (const auto& p : impl->problems)
            if (p.error) throw RuleError(fmt::format("{}: {}", p.where.str(), p.message));
    return RuleSet(std::move(impl));
}

const std::vector<std::unique_ptr<Rule>>& RuleSet::rules() const { return impl_->rules; }
std::vector<std::pair<const Rule*, std::string>> RuleSet::token_report() const {
    std::vector<std::pair<const Rule*, std::string>> out;
    for (size_t i = 0; i < impl_->token_why.size(); ++i) out.emplace_back(impl_->compiled[i].rule, impl_->token_why[i]);
    return out;
}
std::vector<RuleSet::SetEntries> RuleSet::set_entries() const {
    std::vector<SetEntries> out;
    for (const Impl::TypeSet& ts : impl_->sets) {
        SetEntries& e = out.emplace_back();
        e.name = ts.name;
        for (int i : ts.rules) {
            const auto& c = impl_->compiled[static_cast<size_t>(i)];
            e.entries.emplace_back(c.rule, c.prefilter.empty() ? c.rule->pattern : c.prefilter);
        }
    }
    return out;
}
size_t RuleSet::pcre2_fallbacks() const { return impl_->fallbacks.load(std::memory_order_relaxed); }
void RuleSet::profile_rules(bool on) const {
    impl_->profiling = on;
#ifdef CLAIMEX_RULE_PROFILE
    if (impl_->token_rules && on) impl_->token_rules->stats.clear();
#endif
    impl_->costs.assign(impl_->compiled.size(), {});
    for (size_t i = 0; i < impl_->compiled.size(); ++i) impl_->costs[i].rule = impl_->compiled[i].rule;
    impl_->pass_costs.clear();
    for (const Impl::TypeSet& ts : impl_->sets) impl_->pass_costs.push_back({"set " + ts.name});
    impl_->pass_costs.push_back({"gazetteers"});
    if (impl_->token_rules) impl_->pass_costs.push_back({"tokens"});  // (the rules on tokens; none with CLAIMEX_TOKENS=off)
    impl_->pass_costs.push_back({"resolution"});
}
std::vector<RuleSet::RuleCost> RuleSet::rule_costs() const {
    std::vector<RuleCost> out = impl_->costs;
    for (size_t k = 0; k < impl_->token_index.size(); ++k) out[impl_->token_index[k]].tokens = true;
#ifdef CLAIMEX_RULE_PROFILE
    // The rules on tokens: their VM runs (counted since load), cycles as seconds.
    if (impl_->token_rules && !impl_->token_rules->stats.empty()) {
        auto now = [] {
            timespec ts{};
            clock_gettime(CLOCK_MONOTONIC, &ts);
            return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
        };
        const double t0 = now();
        const uint64_t c0 = __rdtsc();
        while (now() - t0 < 0.05) {
        }
        const double hz = static_cast<double>(__rdtsc() - c0) / (now() - t0);
        for (size_t k = 0; k < impl_->token_index.size() && k < impl_->token_rules->stats.size(); ++k) {
            const tokens::TokenRules::Stat& st = impl_->token_rules->stats[k];
            RuleCost& c = out[impl_->token_index[k]];
            c.runs = st.runs, c.hits = st.matches, c.steps = st.steps, c.seconds = static_cast<double>(st.cycles) / hz;
        }
    }
#endif
    return out;
}
std::vector<RuleSet::PassCost> RuleSet::pass_costs() const { return impl_->pass_costs; }
const std::vector<Example>& RuleSet::examples() const { return impl_->examples; }
const std::vector<RuleProblem>& RuleSet::problems() const { return impl_->problems; }
const fs::path& RuleSet::dir() const { return impl_->dir; }

const Rule* RuleSet::rule(std::string_view id) const {
    for (const auto& r : impl_->rules)
        if (r->id == id) return r.get();
    return nullptr;
}

const std::vector<std::string>* RuleSet::list(std::string_view name) const {
    auto it = impl_->lists.find(name);
    return it == impl_->lists.end() ? nullptr : &it->second.words;
}

const std::vector<std::vector<std::string>>* RuleSet::table(std::string_view name) const {
    auto it = impl_->tables.find(name);
    return it == impl_->tables.end() ? nullptr : &it->second;
}

std::vector<const GazetteerEntry*> RuleSet::gazetteer_entries() const {
    std::vector<const GazetteerEntry*> out;
    for (const auto& e : impl_->entries) out.push_back(e.get());
    return out;
}

namespace {

// Per-call scratch of match_all: reused across the paragraphs of a batch.
struct Scratch {
    std::vector<int> hits;                               // one type set's matches (its own indices)
    std::vector<std::vector<re2::StringPiece>> groups;   // per part of the running rule: its next match
    std::vector<size_t> next;                            // per part: where its next match starts
    std::vector<int> rc;                                 // per part (PCRE2): its match's group count
    std::vector<text::Span> vetoes;
    std::vector<size_t> anchors;                         // `anchor: start`: where the running rule may start
    std::vector<std::pair<size_t, size_t>> windows;      // `barrier:`: first and last start to try before each anchor word
    bool reference = false;  // match_all_reference: every veto whole, no gates
    pcre2_match_data* veto_data = pcre2_match_data_create(1, nullptr);  // veto_jit's matches
    Scratch() = default;
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    ~Scratch() { pcre2_match_data_free(veto_data); }
};

}  // namespace

static void apply_veto(const RuleSet::Impl::Compiled& c, re2::StringPiece p, const text::Span& para,
                       std::vector<RawMention>& out, size_t first, Scratch& s);

// One match of a compiled rule appended to out as a RawMention: [b, e) and the groups are
// byte offsets into the paragraph, group(g) gives {begin, end} of group g or nothing when it
// did not take part. Shared by the RE2 and the PCRE2 loops. With a `span` group the match's
// context stays outside the mention; a match that leaves `span` unset (or empty) is a veto:
// it yields and claims nothing.
template <class Group>
static void emit_match(const RuleSet::Impl::Compiled& c, const std::vector<std::string>& group_names,
                       const std::vector<char>& is_span, size_t ng, const text::Span& para, size_t b, size_t e,
                       Group group, std::vector<RawMention>& out) {
    auto at = [&](size_t x) { return static_cast<uint32_t>(para.begin + x); };
    text::Span span{at(b), at(e)};
    const text::Span ctx = span;
    bool has_span = false;
    size_t named = 0;
    for (size_t g = 1; g < ng; ++g) {
        if (group_names[g].empty()) continue;
        std::optional<std::pair<size_t, size_t>> r = group(g);
        if (!r) continue;
        if (is_span[g]) {
            if (!has_span) span = {at(r->first), at(r->second)};
            has_span = true;
            continue;
        }
        ++named;
    }
    if (c.has_span && (!has_span || span.empty())) return;
    RawMention& m = out.emplace_back();
    m.rule = c.rule;
    m.type = c.rule->type;
    m.span = span;
    m.context = ctx;
    m.captures.reserve(named);
    for (size_t g = 1; g < ng; ++g) {
        if (group_names[g].empty() || is_span[g]) continue;
        if (std::optional<std::pair<size_t, size_t>> r = group(g))
            m.captures.push_back({group_names[g], {at(r->first), at(r->second)}});
    }
}

// A rule's matches from its np parts (the whole pattern, or its top-level
// alternatives) as the whole pattern gives them, for either engine. Both
// take the leftmost match and, at that start, the first alternative that
// matches there; so with several parts the rule's next match is the part
// match that starts first, the earlier part on a tie. A part's next match
// stays valid while it starts at or after where the search goes on (the
// search from there would find it again); only the parts left behind
// search again. search(k, pos): where part k's next match at or after pos
// starts, kNoMatch, or kGaveUp (the engine gave up: false). take(k): part
// k's match is the rule's next one; returns where the search goes on.
constexpr size_t kNoMatch = SIZE_MAX, kUnsearched = SIZE_MAX - 1, kGaveUp = SIZE_MAX - 2;
template <class Search, class Take>
static bool merge_parts(size_t np, size_t size, std::vector<size_t>& next, Search search, Take take) {
    next.assign(np, kUnsearched);
    for (size_t pos = 0;;) {
        size_t best = np;
        for (size_t k = 0; k < np; ++k) {
            if (next[k] == kNoMatch) continue;
            if (next[k] == kUnsearched || next[k] < pos) {
                next[k] = pos > size ? kNoMatch : search(k, pos);
                if (next[k] == kGaveUp) return false;
                if (next[k] == kNoMatch) continue;
            }
            if (best == np || next[k] < next[best]) best = k;
        }
        if (best == np) return true;
        pos = take(best);
    }
}

// Every match of one pattern rule in one paragraph with RE2, appended to
// out (merge_parts says how the parts' matches make the rule's).
static void run_rule(const RuleSet::Impl::Compiled& c, std::span<const RuleSet::Impl::Program> parts,
                     const std::string& a, const text::Span& para, std::vector<RawMention>& out, Scratch& s) {
    re2::StringPiece p(a.data() + para.begin, para.size());
    if (s.groups.size() < parts.size()) s.groups.resize(parts.size());
    const size_t first = out.size();
    auto search = [&](size_t k, size_t pos) -> size_t {
        std::vector<re2::StringPiece>& g = s.groups[k];
        g.assign(parts[k].group_names.size(), re2::StringPiece());
        if (!parts[k].re->Match(p, pos, p.size(), RE2::UNANCHORED, g.data(), static_cast<int>(g.size())))
            return kNoMatch;
        return static_cast<size_t>(g[0].data() - p.data());
    };
    auto take = [&](size_t k) -> size_t {
        const std::vector<re2::StringPiece>& groups = s.groups[k];
        const size_t b = static_cast<size_t>(groups[0].data() - p.data()), e = b + groups[0].size();
        if (e == b) return b + 1;  // empty match: step one byte and go on
        emit_match(c, parts[k].group_names, parts[k].is_span, groups.size(), para, b, e,
                   [&](size_t g) -> std::optional<std::pair<size_t, size_t>> {
                       if (groups[g].data() == nullptr) return std::nullopt;
                       size_t gb = static_cast<size_t>(groups[g].data() - p.data());
                       return std::pair{gb, gb + groups[g].size()};
                   },
                   out);
        return e;
    };
    merge_parts(parts.size(), p.size(), s.next, search, take);
    apply_veto(c, p, para, out, first, s);
}

// apply_veto's work with a veto on PCRE2 (veto_needs: a gated line kept):
// the same veto matches as RE2's, the same mentions dropped. False when
// PCRE2 gives up (nothing dropped yet).
static bool veto_jit(const RuleSet::Impl::Jit& j, re2::StringPiece p, const text::Span& para,
                     std::vector<RawMention>& out, size_t first, Scratch& s) {
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(p.data());
    std::vector<text::Span>& vetoes = s.vetoes;
    vetoes.clear();
    for (size_t vp = 0; vp <= p.size();) {
        int rc = j.jit ? pcre2_jit_match(j.code.get(), subject, p.size(), vp, 0, s.veto_data, nullptr)
                       : pcre2_match(j.code.get(), subject, p.size(), vp, PCRE2_NO_UTF_CHECK, s.veto_data, nullptr);
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc <= 0) return false;
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(s.veto_data);
        vetoes.push_back({static_cast<uint32_t>(para.begin + ov[0]), static_cast<uint32_t>(para.begin + ov[1])});
        vp = ov[1] > ov[0] ? ov[1] : ov[0] + 1;  // (as apply_veto steps)
    }
    auto vetoed = [&](const RawMention& m) {
        for (const text::Span& sp : vetoes)
            if (m.span.begin >= sp.begin && m.span.begin < sp.end) return true;
        return false;
    };
    out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), vetoed), out.end());
    return true;
}

// Vetoes run only where the rule matched: a match that starts inside a veto
// match ("from $5bn to" for the range "$5bn to $6bn") is dropped, and other
// rules still see the text.
static void apply_veto(const RuleSet::Impl::Compiled& c, re2::StringPiece p, const text::Span& para,
                       std::vector<RawMention>& out, size_t first, Scratch& s) {
    if (c.veto && out.size() > first) {
        const RE2* veto = c.veto.get();
        if (!c.veto_gates.empty() && !s.reference) {
            size_t mask = 0;
            for (size_t g = 0; g < c.veto_gates.size(); ++g)
                if (c.veto_gates[g]->Match(p, 0, p.size(), RE2::UNANCHORED, nullptr, 0)) mask |= size_t{1} << g;
            if (mask == 0) {
                veto = c.veto_ungated.get();
                if (!veto) return;
            } else if (veto_jit(c.veto_subsets[mask], p, para, out, first, s)) {
                return;
            }  // (PCRE2 gave up: the whole veto with RE2)
        }
        std::vector<text::Span>& vetoes = s.vetoes;
        vetoes.clear();
        re2::StringPiece v;
        for (size_t vp = 0; vp <= p.size() && veto->Match(p, vp, p.size(), RE2::UNANCHORED, &v, 1);) {
            size_t vb = v.data() - p.data();
            vetoes.push_back({static_cast<uint32_t>(para.begin + vb), static_cast<uint32_t>(para.begin + vb + v.size())});
            vp = v.empty() ? vb + 1 : vb + v.size();
        }
        auto vetoed = [&](const RawMention& m) {
            for (const text::Span& sp : vetoes)
                if (m.span.begin >= sp.begin && m.span.begin < sp.end) return true;
            return false;
        };
        out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(), vetoed), out.end());
    }
}

namespace {

// PCRE2's per-thread state: a JIT stack, a match context that holds it and
// the match limit, and one match data per part of the running rule.
// (`claimex run` matches on several threads at once.)
struct JitThread {
    pcre2_match_context* context = nullptr;
    pcre2_jit_stack* stack = nullptr;
    std::vector<pcre2_match_data*> data;
    JitThread() {
        context = pcre2_match_context_create(nullptr);
        stack = pcre2_jit_stack_create(32 << 10, 4 << 20, nullptr);
        pcre2_jit_stack_assign(context, nullptr, stack);
        // A pattern that backtracks this much on a paragraph runs with RE2
        // there instead (no news paragraph comes near it; see run_rule_jit).
        pcre2_set_match_limit(context, 1000000);
    }
    ~JitThread() {
        for (pcre2_match_data* d : data) pcre2_match_data_free(d);
        pcre2_jit_stack_free(stack);
        pcre2_match_context_free(context);
    }
    pcre2_match_data* get(size_t k, uint32_t pairs) {
        if (data.size() <= k) data.resize(k + 1, nullptr);
        if (!data[k] || pcre2_get_ovector_count(data[k]) < pairs) {
            if (data[k]) pcre2_match_data_free(data[k]);
            data[k] = pcre2_match_data_create(pairs, nullptr);
        }
        return data[k];
    }
};

JitThread& jit_thread() {
    thread_local JitThread t;
    return t;
}

}  // namespace

// run_rule with PCRE2: the same matches from the rule's Jit parts, merged
// the same way. False when PCRE2 gives up on the paragraph (its match
// limit, its stack): the caller then runs the rule with RE2 there.
static bool run_rule_jit(const RuleSet::Impl& im, const RuleSet::Impl::Compiled& c, const std::string& a,
                         const text::Span& para, std::vector<RawMention>& out, Scratch& s) {
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(a.data() + para.begin);
    const size_t size = para.size();
    const std::vector<RuleSet::Impl::Jit>& parts = c.jit;
    c.jit_ready();
    JitThread& th = jit_thread();
    if (s.rc.size() < parts.size()) s.rc.resize(parts.size());
    const size_t first = out.size();
    // `anchor:`: the last start PCRE2 may try (within), or the only ones (start).
    const RuleSet::Impl::Compiled::Anchor* anchor = c.anchor.get();
    size_t limit = PCRE2_UNSET;
    // `needs:`: every match holds one of the strings, so none starts after
    // the last one's start; a paragraph without one has no match.
    size_t need_limit = PCRE2_UNSET;
    if (!c.needs.empty()) {
        const size_t at = c.last_need(std::string_view(a.data() + para.begin, size));
        if (at == std::string_view::npos) return true;
        need_limit = at;
    }
    if (anchor) {
        using Anchor = RuleSet::Impl::Compiled::Anchor;
        const std::string_view p(a.data() + para.begin, size);
        bool odd = false;  // (see Anchor::odd_fold)
        if (!anchor->start && anchor->barriers.empty()) {
            for (size_t e = size; e > 0 && limit == PCRE2_UNSET && !odd;) {
                if (!anchor_byte(static_cast<unsigned char>(p[e - 1]))) {
                    odd = anchor->fold && Anchor::odd_fold(p, e - 1);
                    --e;
                    continue;
                }
                size_t i = e;
                while (i > 0 && anchor_byte(static_cast<unsigned char>(p[i - 1]))) --i;
                if (anchor->is(p.substr(i, e - i))) limit = i;
                e = i;
            }
            if (limit == PCRE2_UNSET && !odd) return true;
        } else {
            s.windows.clear();
            s.anchors.clear();
            size_t from = 0;  // after the last barrier
            for (size_t i = 0; i < size && !odd;) {
                if (size_t n = anchor->barrier_at(p, i)) {
                    from = i + n;  // (a start inside a barrier's bytes is no start)
                    i += n;
                    continue;
                }
                if (!anchor_byte(static_cast<unsigned char>(p[i]))) {
                    odd = anchor->fold && Anchor::odd_fold(p, i);
                    ++i;
                    continue;
                }
                size_t e = i;
                while (e < size && anchor_byte(static_cast<unsigned char>(p[e]))) ++e;
                if (anchor->is(p.substr(i, e - i))) {
                    s.windows.emplace_back(from, i);
                    s.anchors.push_back(i);
                }
                i = e;
            }
            if (s.anchors.empty() && !odd) return true;
        }
        if (odd) anchor = nullptr, limit = PCRE2_UNSET;  // every start, as without the anchor
    }
    if (need_limit != PCRE2_UNSET && (!anchor || (!anchor->start && anchor->barriers.empty())))
        limit = std::min(limit, need_limit);  // (PCRE2_UNSET is the largest size_t)
    // (The thread's match context serves every rule: its limit goes when this run ends.)
    struct Unlimit {
        pcre2_match_context* mc;
        bool on;
        ~Unlimit() {
            if (on) pcre2_set_offset_limit(mc, PCRE2_UNSET);
        }
    } unlimit{th.context, anchor != nullptr || limit != PCRE2_UNSET};
    auto search_from = [&](size_t k, size_t pos) -> size_t {
        pcre2_match_data* md = th.get(k, im.jit_pairs);
        const RuleSet::Impl::Jit& j = parts[k];
#ifdef CLAIMEX_RULE_PROFILE
        if (im.profiling) ++im.costs[static_cast<size_t>(&c - im.compiled.data())].calls;
#endif
        int rc = j.jit ? pcre2_jit_match(j.code.get(), subject, size, pos, 0, md, th.context)
                       : pcre2_match(j.code.get(), subject, size, pos, PCRE2_NO_UTF_CHECK, md, th.context);
        if (rc == PCRE2_ERROR_NOMATCH) return kNoMatch;
        if (rc <= 0) return kGaveUp;
        s.rc[k] = rc;
        return pcre2_get_ovector_pointer(md)[0];
    };
    auto search = [&](size_t k, size_t pos) -> size_t {
        if (!anchor || (!anchor->start && anchor->barriers.empty())) {
            if (limit == PCRE2_UNSET) return search_from(k, pos);
            if (pos > limit) return kNoMatch;
            pcre2_set_offset_limit(th.context, limit);
            return search_from(k, pos);
        }
        if (!anchor->barriers.empty()) {
            // The windows in order, each start tried once: the first match is the leftmost.
            size_t done = pos;
            for (const auto& [w, last] : s.windows) {
                if (last < done) continue;
                if (std::max(done, w) > need_limit) break;
                pcre2_set_offset_limit(th.context, std::min(last, need_limit));
                if (size_t m = search_from(k, std::max(done, w)); m != kNoMatch) return m;
                done = last + 1;
            }
            return kNoMatch;
        }
        // Only at the anchors: each a search whose last start is its first.
        for (auto it = std::lower_bound(s.anchors.begin(), s.anchors.end(), pos); it != s.anchors.end(); ++it) {
            if (*it > need_limit) break;
            pcre2_set_offset_limit(th.context, *it);
            if (size_t m = search_from(k, *it); m != kNoMatch) return m;
        }
        return kNoMatch;
    };
    auto take = [&](size_t k) -> size_t {
        const RuleSet::Impl::Jit& prog = parts[k];
        const PCRE2_SIZE* ov = pcre2_get_ovector_pointer(th.data[k]);
        const size_t b = ov[0], e = ov[1];
        if (e == b) {  // empty match: step one character and go on (a match never starts inside one)
            size_t pos = b + 1;
            while (pos < size && (subject[pos] & 0xc0) == 0x80) ++pos;
            return pos;
        }
        emit_match(c, prog.group_names, prog.is_span, std::min(prog.group_names.size(), static_cast<size_t>(s.rc[k])),
                   para, b, e,
                   [&](size_t g) -> std::optional<std::pair<size_t, size_t>> {
                       if (ov[2 * g] == PCRE2_UNSET) return std::nullopt;
                       return std::pair{static_cast<size_t>(ov[2 * g]), static_cast<size_t>(ov[2 * g + 1])};
                   },
                   out);
        return e;
    };
    if (!merge_parts(parts.size(), size, s.next, search, take)) {
        out.resize(first);
        return false;
    }
    apply_veto(c, re2::StringPiece(a.data() + para.begin, size), para, out, first, s);
    return true;
}

// Thread CPU time (profiles).
static double thread_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// Gazetteers: at each word start of the paragraph, the longest alias that fits.
static void run_gazetteers(const RuleSet::Impl& impl, const std::string& a, const text::Span& para,
                           std::vector<RawMention>& out) {
    if (impl.gaz.empty()) return;
    for (uint32_t i = para.begin; i < para.end;) {
        unsigned char c = static_cast<unsigned char>(a[i]);
        if (!token_byte(c)) {
            ++i;
            continue;
        }
        uint32_t k = i;
        uint32_t h = RuleSet::Impl::kGazSeed;
        for (unsigned char ch; k < para.end && token_byte(ch = static_cast<unsigned char>(a[k])); ++k)
            h = RuleSet::Impl::gaz_step(h, ch);
        const uint32_t bit = RuleSet::Impl::gaz_bit(h);
        if (!(impl.gaz_filter[bit / 64] >> (bit % 64) & 1)) {
            i = k;
            continue;
        }
        auto it = impl.gaz.find(std::string_view(a).substr(i, k - i));
        if (it != impl.gaz.end()) {
            for (const GazAlias& g : it->second) {
                uint32_t end = i + static_cast<uint32_t>(g.alias.size());
                if (end > para.end || a.compare(i, g.alias.size(), g.alias) != 0) continue;
                // The alias must end at a word boundary ("Meta" not "Metal").
                if (end < para.end && token_byte(static_cast<unsigned char>(a[end])) &&
                    token_byte(static_cast<unsigned char>(a[end - 1])))
                    continue;
                RawMention& m = out.emplace_back();
                m.rule = g.rule;
                m.type = g.rule->type;
                m.span = {i, end};
                m.context = m.span;
                m.entry = g.entry;
                break;
            }
        }
        i = k;
    }
}

std::vector<RawMention> RuleSet::match_all(const text::Text& t) const {
    const text::Text* one[] = {&t};
    return std::move(match_all(std::span<const text::Text* const>(one))[0]);
}

std::vector<std::vector<RawMention>> RuleSet::match_all(std::span<const text::Text* const> texts) const {
    const Impl& im = *impl_;
    std::vector<std::vector<RawMention>> out(texts.size());
    // Every paragraph of the batch, then, per compiled rule, the paragraphs
    // its type's set says it can match. Sets first, then rules, each over
    // the whole batch before the next (see match(texts)).
    struct Para {
        uint32_t text;
        text::Span span;
    };
    std::vector<Para> paras;
    for (uint32_t ti = 0; ti < texts.size(); ++ti)
        for (const text::Span& p : texts[ti]->paragraphs()) paras.push_back({ti, p});
    std::vector<std::vector<uint32_t>> todo(im.compiled.size());
    Scratch s;
    if (im.set_ok) {
        for (size_t si = 0; si < im.sets.size(); ++si) {
            const Impl::TypeSet& ts = im.sets[si];
#ifdef CLAIMEX_CALLGRIND_SETS
            CALLGRIND_DUMP_STATS_AT("other");
#endif
            const double t0 = im.profiling ? thread_seconds() : 0;
            size_t flagged = 0;
            for (uint32_t pi = 0; pi < paras.size(); ++pi) {
                const Para& para = paras[pi];
                re2::StringPiece p(texts[para.text]->analysis().data() + para.span.begin, para.span.size());
                RE2::Set::ErrorInfo err{};
                if (!ts.set->Match(p, &s.hits, &err) && err.kind != RE2::Set::kNoError) {
                    // The set's DFA ran out of memory: every rule of the
                    // type runs (slower, never a missed mention).
                    for (int r : ts.rules) todo[static_cast<size_t>(r)].push_back(pi);
                    continue;
                }
                for (int h : s.hits) todo[static_cast<size_t>(ts.rules[static_cast<size_t>(h)])].push_back(pi);
                flagged += !s.hits.empty();
            }
            if (im.profiling) {
                im.pass_costs[si].runs += paras.size();
                im.pass_costs[si].hits += flagged;
                im.pass_costs[si].seconds += thread_seconds() - t0;
            }
#ifdef CLAIMEX_CALLGRIND_SETS
            CALLGRIND_DUMP_STATS_AT(ts.name.c_str());
#endif
        }
    } else {
        for (auto& v : todo)
            for (uint32_t pi = 0; pi < paras.size(); ++pi) v.push_back(pi);
    }
    // The rules on tokens: one index per paragraph, shared by all of them. A paragraph
    // holding 'ſ' or the Kelvin sign, which (?i) folds to an ASCII letter, runs them on
    // the regex engine (in the rule loop below); one holding a code point in U+00C0-U+04FF
    // (XLETTER) runs there the rules whose classes lost such code points (TokenProgram::xletters).
    const bool on_tokens = im.token_rules && im.set_ok;
    if (on_tokens) {
        const double t0 = im.profiling ? thread_seconds() : 0;
        // A thread's copy of the classes (their cache fills as it reads), index and scratch.
        struct TokenThread {
            std::unique_ptr<tokens::TokenClasses> cls;
            std::unique_ptr<tokens::TokenIndex> ix;
            tokens::TokenRules::Scratch scratch;
        };
        thread_local TokenThread tt;
        if (!tt.cls || tt.cls->serial() != im.token_classes->serial()) {
            tt.ix.reset();
            tt.cls = std::make_unique<tokens::TokenClasses>(*im.token_classes);
            tt.ix = std::make_unique<tokens::TokenIndex>(*tt.cls);
        }
        tokens::TokenIndex* tix = tt.ix.get();
        for (uint32_t pi = 0; pi < paras.size(); ++pi) {
            const std::string& a = texts[paras[pi].text]->analysis();
            tix->index(a, paras[pi].span);
            if ((tix->any & tokens::ODD) && im.token_rules->fold()) {
                for (size_t r : im.token_index) todo[r].push_back(pi);
                continue;
            }
            im.token_rules->match(*tix, out[paras[pi].text], tt.scratch);
            if ((tix->any & tokens::XLETTER) && im.token_rules->any_xletters())
                for (size_t k = 0; k < im.token_index.size(); ++k)
                    if (im.token_rules->xletters(k)) todo[im.token_index[k]].push_back(pi);
        }
        if (im.profiling) {
            PassCost& g = im.pass_costs[im.sets.size() + 1];
            g.runs += paras.size();
            g.seconds += thread_seconds() - t0;
        }
    }
    for (size_t r = 0; r < todo.size(); ++r) {
        const Impl::Compiled& c = im.compiled[r];
        const double t0 = im.profiling && !todo[r].empty() ? thread_seconds() : 0;
        for (uint32_t pi : todo[r]) {
            const std::string& a = texts[paras[pi].text]->analysis();
            std::vector<RawMention>& o = out[paras[pi].text];
            const size_t before = o.size();
            if (c.jit.empty()) {
                run_rule(c, c.parts(), a, paras[pi].span, o, s);
            } else if (!run_rule_jit(im, c, a, paras[pi].span, o, s)) {
                im.fallbacks.fetch_add(1, std::memory_order_relaxed);
                run_rule(c, c.parts(), a, paras[pi].span, o, s);
            }
            if (im.profiling) im.costs[r].hits += o.size() > before, im.costs[r].bytes += paras[pi].span.size();
        }
        if (im.profiling && !todo[r].empty()) {
            im.costs[r].runs += todo[r].size();
            im.costs[r].seconds += thread_seconds() - t0;
        }
    }
    const double g0 = im.profiling ? thread_seconds() : 0;
    for (const Para& para : paras) run_gazetteers(im, texts[para.text]->analysis(), para.span, out[para.text]);
    if (im.profiling) {
        PassCost& g = im.pass_costs[im.sets.size()];
        g.runs += paras.size();
        g.seconds += thread_seconds() - g0;
    }
    // In the engine's order (rule by rule, each in text order; gazetteer hits last, as found).
    // (Each mention's key looked up once, the indexes sorted, the mentions
    // moved once: the same order as a stable sort of the mentions by rule
    // order, then start, gazetteer hits last as found.)
    if (on_tokens) {
        std::vector<std::pair<size_t, uint32_t>> key;
        std::vector<uint32_t> idx;
        std::vector<RawMention> sorted;
        for (std::vector<RawMention>& o : out) {
            key.resize(o.size());
            bool in_order = true;
            for (size_t i = 0; i < o.size(); ++i) {
                const size_t k = o[i].entry ? SIZE_MAX : im.order.at(o[i].rule);
                key[i] = {k, k == SIZE_MAX ? 0 : o[i].span.begin};
                in_order = in_order && (i == 0 || !(key[i] < key[i - 1]));
            }
            if (in_order) continue;
            idx.resize(o.size());
            for (uint32_t i = 0; i < idx.size(); ++i) idx[i] = i;
            std::stable_sort(idx.begin(), idx.end(), [&](uint32_t x, uint32_t y) { return key[x] < key[y]; });
            sorted.clear();
            sorted.reserve(o.size());
            for (uint32_t i : idx) sorted.push_back(std::move(o[i]));
            o.swap(sorted);
        }
    }
    return out;
}

std::vector<RawMention> RuleSet::match_all_reference(const text::Text& t) const {
    const Impl& im = *impl_;
    const std::string& a = t.analysis();
    std::vector<RawMention> out;
    Scratch s;
    s.reference = true;
    for (const text::Span& para : t.paragraphs()) {
        for (const Impl::Compiled& c : im.compiled) run_rule(c, std::span(&c.whole(), 1), a, para, out, s);
        run_gazetteers(im, a, para, out);
    }
    return out;
}

std::vector<RawMention> RuleSet::match(const text::Text& t) const {
    const text::Text* one[] = {&t};
    return std::move(match(std::span<const text::Text* const>(one))[0]);
}

std::vector<std::vector<RawMention>> RuleSet::match(std::span<const text::Text* const> texts) const {
    std::vector<std::vector<RawMention>> out = match_all(texts);
    const double t0 = impl_->profiling ? thread_seconds() : 0;
    for (std::vector<RawMention>& all : out) all = resolve(std::move(all));
    if (impl_->profiling) {
        PassCost& r = impl_->pass_costs.back();
        r.runs += out.size();
        r.seconds += thread_seconds() - t0;
    }
    return out;
}

std::vector<RawMention> RuleSet::resolve(std::vector<RawMention> all) const {
    // Rule order, for the last tie-break: looked up once per mention (the
    // map is built once, at load).
    std::vector<size_t> rank(all.size());
    for (size_t i = 0; i < all.size(); ++i) rank[i] = impl_->order.at(all[i].rule);
    std::vector<size_t> idx(all.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
        const RawMention& a = all[x];
        const RawMention& b = all[y];
        if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
        if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
        if (rank[x] != rank[y]) return rank[x] < rank[y];
        return a.span.begin < b.span.begin;
    });
    // Accepted spans per layer, sorted by begin (they do not overlap), for
    // overlap checks: a sorted vector, a few hundred entries at most.
    std::vector<text::Span> taken[4];
    std::vector<bool> keep(all.size(), false);
    for (size_t i : idx) {
        const RawMention& m = all[i];
        auto& tk = taken[layer_of(m.type)];
        // First accepted span that begins at/after our end; the one before it
        // is the only one that can overlap us.
        auto it = std::lower_bound(tk.begin(), tk.end(), m.span.end,
                                   [](const text::Span& s, uint32_t end) { return s.begin < end; });
        if (it != tk.begin() && std::prev(it)->end > m.span.begin) continue;
        tk.insert(it, m.span);
        keep[i] = true;
    }
    std::vector<RawMention> out;
    out.reserve(all.size());
    for (size_t i = 0; i < all.size(); ++i)
        if (keep[i] && all[i].type != "ignore" && all[i].type != "ignore_entity") out.push_back(std::move(all[i]));
    // Same span (mentions of different layers): rule order, so the result
    // does not depend on the order the rules ran in.
    std::sort(out.begin(), out.end(), [&](const RawMention& a, const RawMention& b) {
        if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
        if (a.span.end != b.span.end) return a.span.end > b.span.end;
        return impl_->order.at(a.rule) < impl_->order.at(b.rule);
    });
    return out;
}

std::vector<RuleProblem> RuleSet::lint() const {
    std::vector<RuleProblem> out = impl_->problems;
    std::set<std::string> with_examples;
    for (const auto& e : impl_->examples) with_examples.insert(e.rule_id);
    for (const auto& r : impl_->rules)
        if (!with_examples.count(r->id) && r->gazetteer_file.empty())
            out.push_back({r->where, r->id, "rule has no example", false});
    for (const auto& [name, m] : impl_->macros)
        if (!m.used && !impl_->lists.count(name)) out.push_back({m.where, "", fmt::format("{{{}}} is defined but never used", name), false});
    for (const auto& e : impl_->examples)
        if (e.expectations.empty()) out.push_back({e.where, e.rule_id, "example has no '=>' expectation", true});
    // Patterns whose RE2 is built on first need (see build_re2) are built
    // here: one too big for RE2's memory budget would match nothing there.
    for (const auto& c : impl_->compiled)
        for (const auto& part : c.parts())
            if (!part.re->ok()) out.push_back({c.rule->where, c.rule->id, fmt::format("bad pattern: {}", part.re->error()), true});
    // An anchor must hold for every match of its pattern (the word in the
    // match, or at its start): checked on every example input.
    for (const auto& c : impl_->compiled) {
        if (!c.anchor) continue;
        const RE2& re = *c.whole().re;
        for (const auto& e : impl_->examples) {
            re2::StringPiece in(e.input), m;
            for (size_t pos = 0; pos <= in.size() && re.Match(in, pos, in.size(), RE2::UNANCHORED, &m, 1);) {
                const size_t b = static_cast<size_t>(m.data() - in.data()), end = b + m.size();
                bool held = false;
                for (size_t i = b; i < end && !held;) {
                    if (size_t n = c.anchor->barrier_at(std::string_view(in.data(), in.size()), i)) {
                        // (only a word before the first barrier counts)
                        if (!c.anchor->start) break;
                        i += n;
                        continue;
                    }
                    const bool word_start = anchor_byte(static_cast<unsigned char>(in[i])) &&
                                            (i == 0 || !anchor_byte(static_cast<unsigned char>(in[i - 1])));
                    size_t k = i;
                    while (word_start && k < in.size() && anchor_byte(static_cast<unsigned char>(in[k]))) ++k;
                    held = word_start && c.anchor->is(std::string_view(in.data() + i, k - i));
                    if (c.anchor->start) break;  // only a word the match starts with counts
                    i = word_start ? k : i + 1;
                }
                if (!held)
                    out.push_back({c.rule->where, c.rule->id,
                                   fmt::format("anchor: the match \"{}\" of the example at {} {} none of its words",
                                               std::string(m), e.where.str(),
                                               c.anchor->start ? "starts with" : "holds"),
                                   true});
                pos = m.empty() ? b + 1 : end;
            }
        }
    }
    // `needs:` must hold for every match of its pattern (one of the strings
    // in the match): checked on every example input.
    for (const auto& c : impl_->compiled) {
        if (c.needs.empty()) continue;
        const RE2& re = *c.whole().re;
        for (const auto& e : impl_->examples) {
            re2::StringPiece in(e.input), m;
            for (size_t pos = 0; pos <= in.size() && re.Match(in, pos, in.size(), RE2::UNANCHORED, &m, 1);) {
                const size_t b = static_cast<size_t>(m.data() - in.data()), end = b + m.size();
                const std::string_view mv(m.data(), m.size());
                if (std::none_of(c.needs.begin(), c.needs.end(), [&](const std::string& n) { return mv.find(n) != std::string_view::npos; }))
                    out.push_back({c.rule->where, c.rule->id,
                                   fmt::format("needs: the match \"{}\" of the example at {} holds none of its strings",
                                               std::string(m), e.where.str()),
                                   true});
                pos = m.empty() ? b + 1 : end;
            }
        }
    }
    // A prefilter must hold wherever its pattern matches: checked on every
    // example input.
    for (const auto& c : impl_->compiled) {
        if (c.prefilter.empty()) continue;
        RE2 pre(c.prefilter, rule_options());
        for (const auto& e : impl_->examples)
            if (RE2::PartialMatch(e.input, *c.whole().re) && !RE2::PartialMatch(e.input, pre))
                out.push_back({c.rule->where, c.rule->id,
                               fmt::format("prefilter misses a match of the pattern in the example at {}", e.where.str()),
                               true});
    }
    return out;
}

}  // namespace claimex::rules
