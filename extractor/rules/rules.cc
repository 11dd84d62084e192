// The rule engine: parses rule files (format: rules/README.md), expands
// macros and word lists, compiles one RE2 per pattern rule, matches
// gazetteers by word-start lookup, and resolves overlapping matches per layer
// (longest, then priority, then rule order).
//
// Matching must give what the plain way gives (match_all_reference, kept
// for tests): per paragraph, every rule that the RE2::Set says matches is
// searched left to right, each search going on from the end of the last
// match. match_all gets the same faster, paragraph by paragraph:
//  1. Start conditions read from each pattern (start.cc) say where a match
//     can start: its first two bytes, given the byte before, and a hashed
//     set of the (up to) three bytes at offset 0 or 1. A quick pass over
//     the paragraph finds the rules that may start somewhere.
//  2. For the groups (dimensions) with such rules, a set says which rules
//     match at all: Latin-1 twins of the patterns for pure-ASCII paragraphs
//     (much smaller programs than UTF-8 ones with \pL; the same matches on
//     ASCII text), the one UTF-8 set otherwise.
//  3. Each of those rules is tested where it can start, left to right, by
//     an anchored DFA run; where it matches, no match starts between the
//     end of its last match and here, so this is the match the plain search
//     finds. Captures come from the Latin-1 twin when the span is ASCII. A
//     rule with too many places to test is searched the plain way instead.
// Rules whose pattern start.cc cannot read are searched the plain way.
#include "extractor/rules/rules.h"
#include "extractor/rules/internal.h"

#include <algorithm>
#include <bit>
#include <fmt/format.h>
#include <fstream>
#include <re2/re2.h>
#include <re2/set.h>
#include <set>
#include <sstream>

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

// A token byte: ASCII letter or digit, or any byte of a non-ASCII code point.
inline bool token_byte(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

// RE2's word byte (for \b): ASCII letter, digit or underscore.
inline bool ascii_word(unsigned char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// Lets the gazetteer map be searched with a string_view (no copy per word).
struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

// A pattern for RE2's Latin-1 mode that matches pure-ASCII text exactly as
// the UTF-8 pattern does: every non-ASCII character, written as itself or
// as \x{...}, becomes \x{FF} (one character that ASCII text never has, like
// the original; as a range end it keeps the range's ASCII part). "" when
// the pattern has \Q...\E (not rewritten).
std::string latin1_pattern(std::string_view p) {
    std::string out;
    for (size_t i = 0; i < p.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(p[i]);
        if (c >= 0x80) {  // a UTF-8 sequence: skip its continuation bytes
            while (i + 1 < p.size() && (static_cast<unsigned char>(p[i + 1]) & 0xc0) == 0x80) ++i;
            out += "\\x{FF}";
            continue;
        }
        if (c != '\\' || i + 1 >= p.size()) {
            out += p[i];
            continue;
        }
        char e = p[i + 1];
        if (e == 'Q') return "";
        if (static_cast<unsigned char>(e) >= 0x80) continue;  // escaped non-ASCII: as above, next round
        if (e == 'x' && i + 2 < p.size() && p[i + 2] == '{') {
            size_t close = p.find('}', i + 3);
            if (close != std::string_view::npos) {
                std::string hex(p.substr(i + 3, close - i - 3));
                char* endp = nullptr;
                unsigned long v = std::strtoul(hex.c_str(), &endp, 16);
                if (!hex.empty() && endp && *endp == 0 && v > 0xff) {
                    out += "\\x{FF}";
                    i = close;
                    continue;
                }
            }
        }
        out += p[i];
        out += p[++i];
    }
    return out;
}

// Byte-string filters: a hashed bit set per rule of the strings of one to
// three bytes its matches have at an offset, 8 bits per string (at least
// 2^9, at most 2^15 bits), so that they stay in cache.
inline uint32_t bytes_hash(unsigned len, unsigned a, unsigned b, unsigned c, int bits) {
    return ((len << 24 | a << 16 | b << 8 | c) * 2654435761u) >> (32 - bits);
}

bool vetoed(const RawMention& m, const std::vector<text::Span>& vetoes) {
    for (const text::Span& s : vetoes)
        if (m.span.begin >= s.begin && m.span.begin < s.end) return true;
    return false;
}

bool all_ascii(const unsigned char* s, size_t n) {
    for (size_t i = 0; i < n; ++i)
        if (s[i] >= 0x80) return false;
    return true;
}

struct Macro {
    std::string body;           // as written (lists: the alternation)
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

    // Compiled pattern rules: index i of `compiled` is a pattern rule; the
    // RE2::Set uses the same indices.
    struct Compiled {
        const Rule* rule;
        std::unique_ptr<RE2> re;
        std::vector<std::string> group_names;  // by group index (1-based; [0] unused), suffix-stripped
        int ngroups = 1;                       // groups to ask RE2 for: up to the last named one
        StartInfo start;
        // The same pattern compiled for Latin-1 (null if it does not
        // compile so): on pure-ASCII text it finds the same matches and
        // captures, with a far smaller program where the pattern has
        // Unicode classes (\pL), so captures cost a fraction.
        std::unique_ptr<RE2> latin;
        // The bytes from offset tri_off of every match (three, or as many
        // as it has: lengths in tri_lens) are in this hashed set (tri_off
        // -1: no such filter for this rule).
        int tri_off = -1;
        int tri_bits = 0;
        unsigned tri_lens = 0;
        std::vector<uint64_t> tri;
        // Can a match start here? b: the bytes at the offset, `left` of them.
        bool tri_has(const unsigned char* b, size_t left) const {
            for (unsigned len = 3; len >= 1; --len) {
                if (!(tri_lens >> len & 1) || left < len) continue;
                uint32_t h = bytes_hash(len, b[0], len > 1 ? b[1] : 0, len > 2 ? b[2] : 0, tri_bits);
                if (tri[h / 64] >> (h % 64) & 1) return true;
            }
            return false;
        }
        bool has_span = false;                 // a group named "span" sets the mention's span
        std::unique_ptr<RE2> veto;             // `veto:` patterns, or null
        std::string prefilter;                 // what the RE2::Set tests instead of the pattern (`prefilter:`)
        std::unique_ptr<RE2> pre;
    };
    std::vector<Compiled> compiled;
    std::unique_ptr<RE2::Set> set;  // the reference path's prefilter
    bool set_ok = false;

    // The fast path's prefilter for pure-ASCII paragraphs: one set per
    // dimension (rule id up to the first '.') of the Latin-1 twins, as one
    // DFA over every pattern grows huge and slow (null where a rule of the
    // group has no twin). Other paragraphs use `set`.
    struct Group {
        std::vector<size_t> rules;  // set index → compiled index
        std::unique_ptr<RE2::Set> latin;
    };
    std::vector<Group> groups;

    // Start tables over compiled indices, `words` 64-bit words per mask:
    // start_mask[(c * 256 + byte) * words] has the rules that can start at
    // `byte` after context c (0 paragraph start, 1 word byte, 2 other);
    // next_mask[(byte or 256 at the paragraph end) * words] the rules that
    // allow that byte second. Opaque rules (no start info) are in neither
    // and are searched the plain way.
    size_t words = 0;
    std::vector<uint64_t> start_mask, next_mask;
    std::vector<size_t> opaque;
    std::unordered_map<const Rule*, size_t> order;  // rule file order, for tie-breaks

    void build_start_tables();
    void build_groups(const RE2::Options& opt);
    bool emit(const Compiled& c, re2::StringPiece p, uint32_t base, const re2::StringPiece* groups,
              std::vector<RawMention>& out) const;
    void veto_spans(const Compiled& c, re2::StringPiece p, uint32_t base, std::vector<text::Span>& out) const;

    // Gazetteer: first token → aliases starting with it, longest first.
    // (Looked up by string_view: no string is built per word of the text.)
    std::unordered_map<std::string, std::vector<GazAlias>, StringHash, std::equal_to<>> gaz;
    std::vector<uint64_t> gaz_filter;  // see match_gazetteers

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
    std::optional<std::string> expand(const std::string& pattern, const Location& at, const std::string& rule_id,
                                      int depth = 0);
    void compile();

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
    // The alternation tries longer words first so "billion" beats "b".
    std::vector<std::string> by_len = def.words;
    std::stable_sort(by_len.begin(), by_len.end(),
                     [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
    std::string alt;
    for (const auto& w : by_len) {
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
                    macros[name] = Macro{rest, at, false};
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
        } else if (key == "kind") {
            rule->attrs["kind"] = val;
        } else if (key == "prefilter") {
            rule->attrs["prefilter"] = val;
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

std::optional<std::string> RuleSet::Impl::expand(const std::string& pattern, const Location& at,
                                                 const std::string& rule_id, int depth) {
    if (depth > 20) {
        problem(at, rule_id, "macros nest too deeply (a cycle?)");
        return std::nullopt;
    }
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
                auto body = expand(it->second.body, at, rule_id, depth + 1);
                if (!body) return std::nullopt;
                out += "(?:" + *body + ")";
                i = close;
                continue;
            }
        }
        out += c;
    }
    return out;
}

void RuleSet::Impl::compile() {
    RE2::Options opt;
    opt.set_log_errors(false);
    opt.set_max_mem(64 << 20);
    std::vector<std::unique_ptr<Rule>>& rs = rules;
    for (auto& r : rs) {
        if (!r->gazetteer_file.empty()) {
            load_gazetteer(*r, r->attrs["gazetteer_dir"]);
            r->attrs.erase("gazetteer_dir");
            continue;
        }
        if (r->source_pattern.empty() || r->type.empty() || !kKnownTypes.count(r->type)) continue;
        auto expanded = expand(r->source_pattern, r->where, r->id);
        if (!expanded) continue;
        r->pattern = (r->case_insensitive ? "(?i)" : "") + *expanded;
        auto re = std::make_unique<RE2>(r->pattern, opt);
        if (!re->ok()) {
            problem(r->where, r->id, fmt::format("bad pattern: {}", re->error()));
            r->pattern.clear();
            continue;
        }
        Compiled c;
        c.rule = r.get();
        c.group_names.resize(re->NumberOfCapturingGroups() + 1);
        for (const auto& [name, idx] : re->NamedCapturingGroups()) {
            std::string base = name;
            if (auto p = base.find("__"); p != std::string::npos) base.resize(p);
            c.group_names[idx] = base;
            c.ngroups = std::max(c.ngroups, idx + 1);
            if (base == "span") c.has_span = true;
        }
        // A prefilter stands in for the pattern in the RE2::Set: a cheap test
        // (a few words) that holds wherever the pattern can match, so that a
        // pattern that can start at any word does not make the set slow.
        if (auto f = r->attrs.find("prefilter"); f != r->attrs.end()) {
            if (auto pre = expand(f->second, r->where, r->id)) {
                c.prefilter = (r->case_insensitive ? "(?i)" : "") + *pre;
                c.pre = std::make_unique<RE2>(c.prefilter, opt);
                if (!c.pre->ok()) {
                    problem(r->where, r->id, fmt::format("bad prefilter: {}", c.pre->error()));
                    c.prefilter.clear();
                    c.pre.reset();
                }
            }
        }
        c.start = analyse_start(r->pattern);
        c.re = std::move(re);
        RE2::Options lopt = opt;
        lopt.set_encoding(RE2::Options::EncodingLatin1);
        std::string lp = latin1_pattern(r->pattern);
        if (!lp.empty()) c.latin = std::make_unique<RE2>(lp, lopt);
        if (c.latin && (!c.latin->ok() || c.latin->NumberOfCapturingGroups() != c.re->NumberOfCapturingGroups())) c.latin.reset();
        if (!r->veto.empty()) {
            auto v = expand(r->veto, r->where, r->id);
            if (!v) continue;
            r->veto = (r->case_insensitive ? "(?i)" : "") + *v;
            auto vre = std::make_unique<RE2>(r->veto, opt);
            if (!vre->ok()) {
                problem(r->where, r->id, fmt::format("bad veto: {}", vre->error()));
                continue;
            }
            c.veto = std::move(vre);
        }
        compiled.push_back(std::move(c));
    }
    for (auto& [name, list] : gaz)
        std::stable_sort(list.begin(), list.end(),
                         [](const GazAlias& a, const GazAlias& b) { return a.alias.size() > b.alias.size(); });
    if (!gaz.empty()) {
        gaz_filter.assign(1024, 0);  // 2^16 bits
        for (const auto& [word, list] : gaz) {
            size_t h = StringHash{}(word) % (gaz_filter.size() * 64);
            gaz_filter[h / 64] |= uint64_t{1} << (h % 64);
        }
    }

    RE2::Options sopt = opt;
    sopt.set_max_mem(256 << 20);
    set = std::make_unique<RE2::Set>(sopt, RE2::UNANCHORED);
    set_ok = true;
    for (auto& c : compiled) {
        std::string err;
        if (set->Add(c.prefilter.empty() ? c.rule->pattern : c.prefilter, &err) < 0) {
            problem(c.rule->where, c.rule->id, "cannot add to the prefilter set: " + err, false);
            set_ok = false;
        }
    }
    set_ok = set_ok && set->Compile();
    build_start_tables();
    build_groups(opt);
    for (size_t i = 0; i < rules.size(); ++i) order[rules[i].get()] = i;
}

void RuleSet::Impl::build_groups(const RE2::Options& opt) {
    groups.clear();
    std::map<std::string, size_t> by_dim;
    for (size_t r = 0; r < compiled.size(); ++r) {
        const std::string& id = compiled[r].rule->id;
        auto [it, fresh] = by_dim.emplace(id.substr(0, id.find('.')), groups.size());
        if (fresh) groups.emplace_back();
        groups[it->second].rules.push_back(r);
    }
    RE2::Options lopt = opt;
    lopt.set_max_mem(256 << 20);
    lopt.set_encoding(RE2::Options::EncodingLatin1);
    for (Group& g : groups) {
        g.latin = std::make_unique<RE2::Set>(lopt, RE2::UNANCHORED);
        bool ok = true;
        // A rule's `prefilter:` stands in for it here too, as in `set`.
        for (size_t r : g.rules) {
            const Compiled& c = compiled[r];
            std::string lp = latin1_pattern(c.prefilter.empty() ? c.rule->pattern : c.prefilter);
            ok = ok && c.latin && !lp.empty() && g.latin->Add(lp, nullptr) >= 0;
        }
        if (!ok || !g.latin->Compile()) g.latin.reset();
    }
}

void RuleSet::Impl::build_start_tables() {
    // Byte-string filters from the prefix strings: the (up to) three bytes
    // at offset 0, or 1 when the first byte is loose (a context byte such as
    // (?:^|[^\w])), whichever spells fewer strings. A prefix shorter than
    // that (a short match, or a prefix cut short) puts its one or two bytes
    // in, tagged with their length.
    for (Compiled& c : compiled) {
        c.tri_off = -1;
        c.tri_lens = 0;
        const auto& pre = c.start.prefixes;
        if (!c.start.ok || pre.empty()) continue;
        size_t best = 0;
        for (int o = 0; o < 2; ++o) {
            size_t count = 0;
            bool fits = true;
            for (const auto& p : pre) {
                if (p.size() <= static_cast<size_t>(o)) {
                    fits = false;  // nothing at the offset to test
                    break;
                }
                size_t k = 1;
                for (size_t i = o; i < std::min(p.size(), static_cast<size_t>(o) + 3); ++i) k *= p[i].count();
                count += k;
            }
            if (fits && count <= 50000 && (c.tri_off < 0 || count < best)) {
                c.tri_off = o;
                best = count;
            }
        }
        if (c.tri_off < 0) continue;
        size_t o = static_cast<size_t>(c.tri_off);
        c.tri_bits = 9;
        while (c.tri_bits < 15 && (size_t{1} << c.tri_bits) < 8 * best) ++c.tri_bits;
        c.tri.assign((size_t{1} << c.tri_bits) / 64, 0);
        for (const auto& p : pre) {
            size_t len = std::min(p.size(), o + 3) - o;
            c.tri_lens |= 1u << len;
            const std::bitset<256> any = std::bitset<256>().set();
            const std::bitset<256>& x = p[o];
            const std::bitset<256>& y = len > 1 ? p[o + 1] : any;
            const std::bitset<256>& z = len > 2 ? p[o + 2] : any;
            for (unsigned i = 0; i < 256; ++i) {
                if (!x.test(i)) continue;
                for (unsigned j = 0; j < (len > 1 ? 256u : 1u); ++j) {
                    if (len > 1 && !y.test(j)) continue;
                    for (unsigned k = 0; k < (len > 2 ? 256u : 1u); ++k) {
                        if (len > 2 && !z.test(k)) continue;
                        uint32_t h = bytes_hash(static_cast<unsigned>(len), i, j, k, c.tri_bits);
                        c.tri[h / 64] |= uint64_t{1} << (h % 64);
                    }
                }
            }
        }
    }
    words = (compiled.size() + 63) / 64;
    start_mask.assign(3 * 256 * words, 0);
    next_mask.assign(257 * words, 0);
    opaque.clear();
    for (size_t r = 0; r < compiled.size(); ++r) {
        const StartInfo& st = compiled[r].start;
        if (!st.ok) {
            opaque.push_back(r);
            continue;
        }
        uint64_t bit = uint64_t{1} << (r % 64);
        for (int c = 0; c < 3; ++c)
            for (unsigned b = 0; b < 256; ++b)
                if (st.first[c].test(b)) start_mask[(c * 256 + b) * words + r / 64] |= bit;
        for (unsigned b = 0; b < 257; ++b)
            if (st.one || (b < 256 && st.second.test(b))) next_mask[b * words + r / 64] |= bit;
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

// One match of a pattern rule as a raw mention: groups[0] is the match,
// groups[1..] its captures, all inside paragraph p that starts at `base`.
// Returns whether it yielded a mention.
bool RuleSet::Impl::emit(const Compiled& c, re2::StringPiece p, uint32_t base, const re2::StringPiece* groups,
                         std::vector<RawMention>& out) const {
    size_t b = groups[0].data() - p.data();
    size_t e = b + groups[0].size();
    RawMention m;
    m.rule = c.rule;
    m.type = c.rule->type;
    m.span = {static_cast<uint32_t>(base + b), static_cast<uint32_t>(base + e)};
    m.context = m.span;
    bool has_span = false;
    for (int g = 1; g < c.ngroups; ++g) {
        if (c.group_names[g].empty() || groups[g].data() == nullptr) continue;
        uint32_t gb = static_cast<uint32_t>(base + (groups[g].data() - p.data()));
        text::Span gs{gb, gb + static_cast<uint32_t>(groups[g].size())};
        if (c.group_names[g] == "span") {
            if (!has_span) m.span = gs;
            has_span = true;
            continue;
        }
        m.captures.push_back({c.group_names[g], gs});
    }
    // With a `span` group the match's context stays outside the mention; a
    // match that leaves `span` unset (or empty) is a veto: it yields and
    // claims nothing.
    if (c.has_span && (!has_span || m.span.empty())) return false;
    out.push_back(std::move(m));
    return true;
}

// The matches of rule c's `veto:` patterns in paragraph p (at `base`). Vetoes
// run only where the rule matched: a match that starts inside a veto match
// ("from $5bn to" for the range "$5bn to $6bn") is dropped, and other rules
// still see the text.
void RuleSet::Impl::veto_spans(const Compiled& c, re2::StringPiece p, uint32_t base,
                               std::vector<text::Span>& out) const {
    out.clear();
    re2::StringPiece v;
    for (size_t vp = 0; vp <= p.size() && c.veto->Match(p, vp, p.size(), RE2::UNANCHORED, &v, 1);) {
        size_t vb = v.data() - p.data();
        out.push_back({static_cast<uint32_t>(base + vb), static_cast<uint32_t>(base + vb + v.size())});
        vp = v.empty() ? vb + 1 : vb + v.size();
    }
}

namespace {

// Gazetteer hits of one paragraph: at each word start, the longest alias that fits.
// `filter`: a bit per hash of every first word of an alias (empty: none),
// so that most words are passed over without a lookup in the map.
template <class Gaz>
void match_gazetteers(const Gaz& gaz, const std::vector<uint64_t>& filter, const std::string& a,
                      const text::Span& para, std::vector<RawMention>& out) {
    if (gaz.empty()) return;
    // Gazetteers: at each word start, the longest alias that fits.
    for (uint32_t i = para.begin; i < para.end;) {
        unsigned char c = static_cast<unsigned char>(a[i]);
        if (!token_byte(c)) {
            ++i;
            continue;
        }
        uint32_t k = i;
        while (k < para.end && token_byte(static_cast<unsigned char>(a[k]))) ++k;
        std::string_view word = std::string_view(a).substr(i, k - i);
        if (!filter.empty()) {
            size_t h = StringHash{}(word) % (filter.size() * 64);
            if (!(filter[h / 64] >> (h % 64) & 1)) {
                i = k;
                continue;
            }
        }
        auto it = gaz.find(word);
        if (it != gaz.end()) {
            for (const GazAlias& g : it->second) {
                uint32_t end = i + static_cast<uint32_t>(g.alias.size());
                if (end > para.end || a.compare(i, g.alias.size(), g.alias) != 0) continue;
                // The alias must end at a word boundary ("Meta" not "Metal").
                if (end < para.end && token_byte(static_cast<unsigned char>(a[end])) &&
                    token_byte(static_cast<unsigned char>(a[end - 1])))
                    continue;
                RawMention m;
                m.rule = g.rule;
                m.type = g.rule->type;
                m.span = {i, end};
                m.context = m.span;
                m.entry = g.entry;
                out.push_back(std::move(m));
                break;
            }
        }
        i = k;
    }
}

// A rule is tested at its candidate positions (an anchored DFA run each)
// until it has used kMinTests + paragraph bytes / kBytesPerTest tests; past
// that one unanchored search over the rest of the paragraph is cheaper.
// (Measured on whole runs, where RE2's DFA states come from memory rather
// than cache.)
constexpr size_t kMinTests = 4;
constexpr size_t kBytesPerTest = 2;

}  // namespace

std::vector<RawMention> RuleSet::match_all_reference(const text::Text& t) const {
    const std::string& a = t.analysis();
    std::vector<RawMention> out;
    std::vector<int> hits;
    std::vector<re2::StringPiece> groups;
    std::vector<text::Span> vetoes;
    for (const text::Span& para : t.paragraphs()) {
        re2::StringPiece p(a.data() + para.begin, para.size());
        // Pattern rules: the set says which rules can match this paragraph.
        hits.clear();
        if (impl_->set_ok) {
            impl_->set->Match(p, &hits);
        } else {
            for (size_t i = 0; i < impl_->compiled.size(); ++i) hits.push_back(static_cast<int>(i));
        }
        std::sort(hits.begin(), hits.end());
        for (int h : hits) {
            const Impl::Compiled& c = impl_->compiled[h];
            size_t ng = c.group_names.size();
            groups.assign(ng, re2::StringPiece());
            size_t pos = 0;
            const size_t first = out.size();
            while (pos <= p.size() && c.re->Match(p, pos, p.size(), RE2::UNANCHORED, groups.data(), ng)) {
                size_t b = groups[0].data() - p.data();
                size_t e = b + groups[0].size();
                if (e == b) {  // empty match: step one byte and go on
                    pos = b + 1;
                    continue;
                }
                impl_->emit(c, p, para.begin, groups.data(), out);
                pos = e;
            }
            if (c.veto && out.size() > first) {
                impl_->veto_spans(c, p, para.begin, vetoes);
                out.erase(std::remove_if(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                                         [&](const RawMention& m) { return vetoed(m, vetoes); }),
                          out.end());
            }
        }
        match_gazetteers(impl_->gaz, {}, a, para, out);
    }
    return out;
}

std::vector<RawMention> RuleSet::match_all(const text::Text& t) const {
    const Impl& I = *impl_;
    const std::string& a = t.analysis();
    const size_t W = I.words;
    const size_t R = I.compiled.size();
    std::vector<RawMention> out;
    std::vector<RawMention> found;                 // this paragraph's pattern matches, as found
    std::vector<std::pair<size_t, size_t>> order;  // (rule, index in found), sorted into rule order
    std::vector<uint64_t> any(W), active(W);       // rules that may start somewhere; rules tried
    std::vector<uint32_t> next(R);                 // per rule: no match starts before this
    std::vector<uint32_t> budget(R);               // per rule: anchored tests left
    std::vector<int> hits, group_hits;
    std::vector<re2::StringPiece> groups;
    std::vector<text::Span> vetoes;
    auto set_bit = [](std::vector<uint64_t>& v, size_t r) { v[r / 64] |= uint64_t{1} << (r % 64); };
    auto has_bit = [](const std::vector<uint64_t>& v, size_t r) { return v[r / 64] >> (r % 64) & 1; };
    // Rule r's matches from `from` on, the plain way: unanchored search,
    // then on from the end of each match (with the Latin-1 twin if the
    // paragraph is ASCII).
    auto plain = [&](size_t r, re2::StringPiece p, uint32_t base, size_t from, bool ascii) {
        const Impl::Compiled& c = I.compiled[r];
        const RE2& re = ascii && c.latin ? *c.latin : *c.re;
        groups.assign(c.ngroups, re2::StringPiece());
        size_t pos = from;
        while (pos <= p.size() && re.Match(p, pos, p.size(), RE2::UNANCHORED, groups.data(), c.ngroups)) {
            size_t b = groups[0].data() - p.data();
            size_t e = b + groups[0].size();
            if (e == b) {
                pos = b + 1;
                continue;
            }
            if (I.emit(c, p, base, groups.data(), found)) order.emplace_back(r, found.size() - 1);
            pos = e;
        }
    };
    for (const text::Span& para : t.paragraphs()) {
        re2::StringPiece p(a.data() + para.begin, para.size());
        const unsigned char* s = reinterpret_cast<const unsigned char*>(p.data());
        const size_t n = p.size();
        const bool ascii = all_ascii(s, n);
        found.clear();
        order.clear();
        // 1. The rules that may start somewhere in the paragraph, by their
        // first two bytes (and the byte before).
        std::fill(any.begin(), any.end(), 0);
        for (size_t q = 0; q < n; ++q) {
            int ctx = q == 0 ? 0 : ascii_word(s[q - 1]) ? 1 : 2;
            const uint64_t* sm = &I.start_mask[(ctx * 256 + s[q]) * W];
            const uint64_t* nm = &I.next_mask[(q + 1 < n ? s[q + 1] : 256) * W];
            for (size_t w = 0; w < W; ++w) any[w] |= sm[w] & nm[w];
        }
        // 2. Of those, the rules that match somewhere: a group's set (one
        // DFA pass) says which (the reference path trusts the set the same
        // way, and needs it for rules without start conditions).
        std::fill(active.begin(), active.end(), 0);
        bool all_set_run = false;  // `set` (every rule, UTF-8) over the paragraph
        std::vector<int>& all_hits = hits;
        for (const Impl::Group& g : I.groups) {
            bool need = false;
            for (size_t r : g.rules) need = need || has_bit(any, r) || !I.compiled[r].start.ok;
            if (!need) continue;  // no rule of the group can match here
            if (ascii && g.latin) {
                group_hits.clear();
                g.latin->Match(p, &group_hits);
                for (int h : group_hits) set_bit(active, g.rules[static_cast<size_t>(h)]);
            } else if (I.set_ok) {
                if (!all_set_run) {
                    all_hits.clear();
                    I.set->Match(p, &all_hits);
                    all_set_run = true;
                }
                for (int h : all_hits)
                    if (std::find(g.rules.begin(), g.rules.end(), static_cast<size_t>(h)) != g.rules.end())
                        set_bit(active, static_cast<size_t>(h));
            } else {
                for (size_t r : g.rules) set_bit(active, r);
            }
        }
        for (size_t r = 0; r < R; ++r) {
            if (!has_bit(active, r)) continue;
            if (!I.compiled[r].start.ok) {  // no start conditions: the plain way
                plain(r, p, para.begin, 0, ascii);
                active[r / 64] &= ~(uint64_t{1} << (r % 64));
                continue;
            }
            next[r] = 0;
            budget[r] = static_cast<uint32_t>(kMinTests + n / kBytesPerTest);
        }
        // 3. Each of them tested where it can start, left to right.
        for (size_t q = 0; q < n; ++q) {
            int ctx = q == 0 ? 0 : ascii_word(s[q - 1]) ? 1 : 2;
            const uint64_t* sm = &I.start_mask[(ctx * 256 + s[q]) * W];
            const uint64_t* nm = &I.next_mask[(q + 1 < n ? s[q + 1] : 256) * W];
            for (size_t w = 0; w < W; ++w) {
                uint64_t m = sm[w] & nm[w] & active[w];
                while (m) {
                    size_t r = w * 64 + static_cast<size_t>(std::countr_zero(m));
                    m &= m - 1;
                    if (next[r] > q) continue;  // inside this rule's last match
                    const Impl::Compiled& c = I.compiled[r];
                    if (c.tri_off >= 0) {
                        size_t o = q + static_cast<size_t>(c.tri_off);
                        if (o >= n || !c.tri_has(s + o, n - o)) continue;
                    }
                    if (budget[r] == 0) {
                        // Too many places to test: one plain search from
                        // here (no match of r starts in [next[r], q)).
                        active[w] &= ~(uint64_t{1} << (r % 64));
                        plain(r, p, para.begin, q, ascii);
                        continue;
                    }
                    --budget[r];
                    const RE2& re = ascii && c.latin ? *c.latin : *c.re;
                    // A DFA run anchored here: does a match start here, and
                    // where does it end?
                    groups.assign(c.ngroups, re2::StringPiece());
                    if (!re.Match(p, q, n, RE2::ANCHOR_START, groups.data(), 1)) continue;
                    // No match starts between next[r] and here, so this is
                    // the match the plain search from next[r] finds; its
                    // captures are those of the best way to match exactly
                    // this span (what RE2 computes after its DFA has found
                    // the span), which the Latin-1 twin finds as well when
                    // the span is ASCII.
                    size_t e = q + groups[0].size();
                    if (c.ngroups > 1) {
                        // RE2 reads one byte around a span at most (\b, ^, $),
                        // so the span with one byte of context each side is
                        // text enough; a short text lets RE2 skip its DFA test.
                        size_t wb = q > 0 ? q - 1 : 0, we = e < n ? e + 1 : n;
                        re2::StringPiece win(p.data() + wb, we - wb);
                        const RE2& cre = c.latin && all_ascii(s + q, e - q) ? *c.latin : *c.re;
                        if (!cre.Match(win, q - wb, e - wb, RE2::ANCHOR_BOTH, groups.data(), c.ngroups)) continue;
                    }
                    if (I.emit(c, p, para.begin, groups.data(), found)) order.emplace_back(r, found.size() - 1);
                    next[r] = static_cast<uint32_t>(groups[0].data() - p.data() + groups[0].size());
                }
            }
        }
        // The plain way yields rule by rule, each rule's matches left to
        // right, less those that start inside a match of the rule's veto.
        std::stable_sort(order.begin(), order.end(),
                         [](const auto& x, const auto& y) { return x.first < y.first; });
        size_t veto_rule = R;
        for (const auto& [r, i] : order) {
            const Impl::Compiled& c = I.compiled[r];
            if (c.veto) {
                if (veto_rule != r) I.veto_spans(c, p, para.begin, vetoes);
                veto_rule = r;
                if (vetoed(found[i], vetoes)) continue;
            }
            out.push_back(std::move(found[i]));
        }
        match_gazetteers(I.gaz, I.gaz_filter, a, para, out);
    }
    return out;
}

std::vector<RawMention> RuleSet::match(const text::Text& t) const {
    std::vector<RawMention> all = match_all(t);
    const auto& order = impl_->order;  // rule order, for the last tie-break
    std::vector<size_t> idx(all.size());
    for (size_t i = 0; i < idx.size(); ++i) idx[i] = i;
    std::sort(idx.begin(), idx.end(), [&](size_t x, size_t y) {
        const RawMention& a = all[x];
        const RawMention& b = all[y];
        if (a.span.size() != b.span.size()) return a.span.size() > b.span.size();
        if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
        size_t oa = order.at(a.rule), ob = order.at(b.rule);
        if (oa != ob) return oa < ob;
        return a.span.begin < b.span.begin;
    });
    // Accepted spans per layer, keyed by begin, for overlap checks.
    std::map<uint32_t, uint32_t> taken[4];
    std::vector<bool> keep(all.size(), false);
    for (size_t i : idx) {
        const RawMention& m = all[i];
        auto& tk = taken[layer_of(m.type)];
        auto it = tk.lower_bound(m.span.end);  // first accepted that begins at/after our end
        bool clash = false;
        if (it != tk.begin()) {
            auto prev = std::prev(it);
            if (prev->second > m.span.begin) clash = true;
        }
        if (clash) continue;
        tk[m.span.begin] = m.span.end;
        keep[i] = true;
    }
    std::vector<RawMention> out;
    for (size_t i = 0; i < all.size(); ++i)
        if (keep[i] && all[i].type != "ignore" && all[i].type != "ignore_entity") out.push_back(std::move(all[i]));
    std::sort(out.begin(), out.end(), [](const RawMention& a, const RawMention& b) {
        return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
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
    // A prefilter must hold wherever its pattern matches: checked on every
    // example input.
    for (const auto& c : impl_->compiled) {
        if (!c.pre) continue;
        for (const auto& e : impl_->examples)
            if (RE2::PartialMatch(e.input, *c.re) && !RE2::PartialMatch(e.input, *c.pre))
                out.push_back({c.rule->where, c.rule->id,
                               fmt::format("prefilter misses a match of the pattern in the example at {}", e.where.str()),
                               true});
    }
    return out;
}

}  // namespace claimex::rules
