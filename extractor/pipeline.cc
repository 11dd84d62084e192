// The pipeline (text → rules → normalise → claims) and the JSON record.
#include "extractor/claimex.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <ctime>
#include <iterator>
#include <cstdlib>
#include <cstring>
#include <fmt/format.h>

namespace claimex {

namespace fs = std::filesystem;

fs::path default_rules_dir() {
    if (const char* env = std::getenv("CLAIMEX_RULES"); env && *env) return env;
    std::error_code ec;
    if (fs::is_directory("rules", ec) && fs::exists("rules/README.md", ec)) return "rules";
    return CLAIMEX_DEFAULT_RULES_DIR;
}

std::string iso_date_part(std::string_view s) {
    auto digits = [&](size_t from, size_t n) {
        if (s.size() < from + n) return false;
        for (size_t i = from; i < from + n; ++i)
            if (s[i] < '0' || s[i] > '9') return false;
        return true;
    };
    if (!digits(0, 4) || s.size() < 10 || s[4] != '-' || !digits(5, 2) || s[7] != '-' || !digits(8, 2))
        return "";
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return "";
    int month = (s[5] - '0') * 10 + (s[6] - '0');
    int day = (s[8] - '0') * 10 + (s[9] - '0');
    if (month < 1 || month > 12 || day < 1 || day > 31) return "";
    return std::string(s.substr(0, 10));
}

std::string content_id(std::string_view text) {
    return fmt::format("doc-{:016x}", text::fnv1a(text));
}

Extractor::Extractor(const fs::path& rules_dir)
    : rules_(rules::RuleSet::load(rules_dir)),
      normaliser_(rules_),
      assembler_(rules_),
      segmenter_(text::Segmenter::load(rules_dir / "text")) {}
Extractor::~Extractor() = default;

double thread_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

Record Extractor::extract(document::Document doc, const std::string& default_published) const {
    return extract(std::move(doc), default_published, nullptr);
}

// Each lap adds the time since the last one to a stage (no clock reads when
// nobody asked for the times).
namespace {
struct Laps {
    StageTimes* times;
    double t0 = times ? thread_cpu_seconds() : 0;
    void operator()(double StageTimes::*stage) {
        if (!times) return;
        double t = thread_cpu_seconds();
        times->*stage += t - t0;
        t0 = t;
    }
};
}  // namespace

// Title as headline. The claims stage reads a story's company, country and period from its
// headline (story.cc, periods.cc, sources.cc), and a fetched page's body or a feed item's text
// has none: the document stage drops the page's headline from the body, since it is the title.
// So a title that the text does not repeat near its start goes before the text as a paragraph
// of its own for the rules, the normaliser and the claims stage; drop_headline then removes
// what lies in it (its mentions, claims, and a period or source a body claim took from it) and
// moves every offset back onto the text, which is what the output shows and counts in.
namespace {

// s with each run of white space as one space, ASCII letters in lower case, trimmed.
// (Written through a pointer into a buffer of s's size: `out += c` checked the capacity at
// every byte, and this runs over the first 2,000 bytes of every document with a title, ~1%
// of a whole run's instructions.)
std::string squashed(std::string_view s) {
    std::string out(s.size(), '\0');
    char* const base = out.data();
    char* o = base;
    for (char c : s) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            if (o != base && o[-1] != ' ') *o++ = ' ';
        } else {
            *o++ = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    if (o != base && o[-1] == ' ') --o;
    out.resize(static_cast<size_t>(o - base));
    return out;
}

// The title when it should head the text, else "": one line of a headline's length that the
// text's first 2,000 bytes do not hold (a corpus article's headline line, a page body that kept
// its <h1>).
std::string headline_from_title(const document::Document& doc) {
    std::string title = squashed(doc.title);
    if (title.size() < 8 || title.size() > 400) return {};
    if (squashed(std::string_view(doc.text).substr(0, 2000)).find(title) != std::string::npos) return {};
    // (the title as given, on one line)
    std::string line;
    for (char c : doc.title) line += (c == '\n' || c == '\r') ? ' ' : c;
    return line;
}

}  // namespace

Record Extractor::prepare(document::Document doc, const std::string& default_published) const {
    Record r;
    if (!doc.published.empty()) {
        r.published = iso_date_part(doc.published);
        if (r.published.empty())
            throw InputError(fmt::format("\"published\" is not an ISO 8601 date: \"{}\"", doc.published));
    } else {
        r.published = default_published;
    }
    if (doc.id.empty()) doc.id = !doc.url.empty() ? doc.url : content_id(doc.text);
    try {
        std::string headline = headline_from_title(doc);
        r.title_as_headline = !headline.empty();
        r.text = text::Text::prepare(r.title_as_headline ? headline + "\n\n" + doc.text : doc.text, segmenter_);
    } catch (const text::TextError& e) {
        throw InputError(e.what());
    }
    r.doc = std::move(doc);
    return r;
}

void Extractor::drop_headline(Record& r) const {
    if (!r.title_as_headline) return;
    using claims::kNoMention;
    text::Text body = text::Text::prepare(r.doc.text, segmenter_);
    // (the title and its paragraph break, in analysis bytes: the body's analysis form is the
    // end of the whole one, NFC and the foldings being local)
    const uint32_t cut = static_cast<uint32_t>(r.text.analysis().size() - body.analysis().size());
    auto back = [cut](text::Span& s) { s.begin = s.begin > cut ? s.begin - cut : 0, s.end = s.end > cut ? s.end - cut : 0; };
    std::vector<uint32_t> to(r.mentions.size(), kNoMention);
    std::vector<normalise::Mention> kept;
    kept.reserve(r.mentions.size());
    for (size_t i = 0; i < r.mentions.size(); ++i) {
        normalise::Mention& m = r.mentions[i];
        if (m.span.begin < cut) continue;
        back(m.span);
        if (m.holder) back(*m.holder);
        if (!m.context.empty()) back(m.context);
        to[i] = static_cast<uint32_t>(kept.size());
        kept.push_back(std::move(m));
    }
    // (a mention of the title becomes kNoMention; what pointed at one goes: a figure of it, a
    // period or source a body claim took from it)
    auto unset_period = [](claims::Period& p) {
        if (!p) p = claims::Period{};
    };
    std::vector<claims::Claim> claims;
    for (claims::Claim& c : r.claims) {
        if (c.sentence.begin < cut) continue;  // the title's own claims
        claims::for_each_mention_index(c, [&](uint32_t& i) {
            if (i != kNoMention) i = to[i];
        });
        std::erase(c.equivalents, kNoMention);
        unset_period(c.period);
        if (c.baseline) {
            std::erase(c.baseline->equivalents, kNoMention);
            unset_period(c.baseline->period);
            if (c.baseline->value == kNoMention) c.baseline.reset();
        }
        std::erase_if(c.sources, [](const claims::Source& src) { return src.mention == kNoMention; });
        back(c.sentence);
        if (c.statement) back(*c.statement);
        claims.push_back(std::move(c));
    }
    r.mentions = std::move(kept);
    r.claims = std::move(claims);
    r.text = std::move(body);
}

void Extractor::finish(Record& r, const std::vector<rules::RawMention>& raw) const {
    r.mentions = normaliser_.normalise(raw, r.text, {.published = r.published});
}

Record Extractor::extract(document::Document doc, const std::string& default_published, StageTimes* times) const {
    Laps lap{times};
    Record r = prepare(std::move(doc), default_published);
    lap(&StageTimes::text);
    std::vector<rules::RawMention> raw = rules_.match(r.text);
    lap(&StageTimes::rules);
    finish(r, raw);
    raw.clear();
    lap(&StageTimes::normalise);
    r.claims = assembler_.assemble(r.mentions, r.text, {.id = r.doc.id, .published = r.published});
    drop_headline(r);
    lap(&StageTimes::claims);
    return r;
}

std::vector<Extractor::Outcome> Extractor::extract(std::vector<document::Document> docs,
                                                   const std::string& default_published, StageTimes* times) const {
    Laps lap{times};
    std::vector<Outcome> out(docs.size());
    std::vector<const text::Text*> texts;
    std::vector<size_t> of_text;  // texts[i] is out[of_text[i]]'s
    for (size_t i = 0; i < docs.size(); ++i) {
        try {
            out[i].record = prepare(std::move(docs[i]), default_published);
            texts.push_back(&out[i].record->text);
            of_text.push_back(i);
        } catch (const std::exception& e) {
            out[i].error = e.what();
        }
    }
    lap(&StageTimes::text);
    std::vector<std::vector<rules::RawMention>> raw = rules_.match(texts);
    lap(&StageTimes::rules);
    // (stage by stage over the batch, as the rules run: the normaliser's and the claims stage's
    // code, large and run a little per mention or figure, stays in the caches from one document
    // to the next; run per document, each evicted the other's)
    for (size_t k = 0; k < texts.size(); ++k) {
        Outcome& o = out[of_text[k]];
        try {
            finish(*o.record, raw[k]);
        } catch (const std::exception& e) {
            o.record.reset();
            o.error = e.what();
        }
        raw[k] = {};
    }
    lap(&StageTimes::normalise);
    for (size_t k = 0; k < texts.size(); ++k) {
        Outcome& o = out[of_text[k]];
        if (!o.record) continue;
        try {
            Record& r = *o.record;
            r.claims = assembler_.assemble(r.mentions, r.text, {.id = r.doc.id, .published = r.published});
            drop_headline(r);
        } catch (const std::exception& e) {
            o.record.reset();
            o.error = e.what();
        }
    }
    lap(&StageTimes::claims);
    return out;
}

namespace {

using Json = nlohmann::ordered_json;

// The fields of a record are written once, by the functions below, through
// one of two field sinks: ObjectFields builds an ordered_json (for callers
// that want an object: check, the store, rule examples), TextFields appends
// JSON text straight to a string (the extract output, where building
// objects would cost more than the extraction itself). Both give the same
// text (tests/pipeline_test.cc holds them to it).
struct ObjectFields {
    Json& j;
    void str(std::string_view k, std::string_view v) { j[std::string(k)] = std::string(v); }
    void integer(std::string_view k, int64_t v) { j[std::string(k)] = v; }
    void real(std::string_view k, double v) { j[std::string(k)] = v; }
    void boolean(std::string_view k, bool v) { j[std::string(k)] = v; }
    void null(std::string_view k) { j[std::string(k)] = nullptr; }
    void raw(std::string_view k, const Json& v) { j[std::string(k)] = v; }
    template <class G>
    void object(std::string_view k, G fill);
    template <class G>
    void array(std::string_view k, G fill);
};

// The items of an array, for ObjectFields.
struct ObjectItems {
    Json& a;
    void str(std::string_view v) { a.push_back(std::string(v)); }
    template <class G>
    void object(G fill) {
        Json c = Json::object();
        ObjectFields f{c};
        fill(f);
        a.push_back(std::move(c));
    }
};

template <class G>
void ObjectFields::object(std::string_view k, G fill) {
    Json c = Json::object();
    ObjectFields f{c};
    fill(f);
    j[std::string(k)] = std::move(c);
}
template <class G>
void ObjectFields::array(std::string_view k, G fill) {
    Json a = Json::array();
    ObjectItems items{a};
    fill(items);
    j[std::string(k)] = std::move(a);
}

// The JSON text being written into a string: a pointer past what is written and the end of the
// room grown ahead, so a piece (a key, a comma, a number, a short string) is a bounds test and a
// copy the compiler inlines. (std::string::append cost a call, a capacity test and a memcpy call
// a piece, ~15 pieces a mention.) The room is the string's own bytes: resize grows it (zeroing
// only the new part; the string's capacity is reused from one record to the next); the
// destructor cuts the string to what was written.
class JsonOut {
public:
    explicit JsonOut(std::string& s) : s_(s), used_(s.size()) { sync(); }
    ~JsonOut() { s_.resize(static_cast<size_t>(p_ - s_.data())); }
    JsonOut(const JsonOut&) = delete;
    JsonOut& operator=(const JsonOut&) = delete;

    // Room for n bytes at the returned pointer; commit() says where the writing stopped.
    char* room(size_t n) {
        if (static_cast<size_t>(end_ - p_) < n) grow(n);
        return p_;
    }
    void commit(char* q) { p_ = q; }
    void put(char c) { *room(1) = c, ++p_; }
    void put(const char* d, size_t n) {
        std::memcpy(room(n), d, n);
        p_ += n;
    }
    void put(std::string_view v) { put(v.data(), v.size()); }
    template <size_t N>
    void lit(const char (&t)[N]) {
        put(t, N - 1);
    }
    size_t mark() const { return static_cast<size_t>(p_ - s_.data()); }
    void back_to(size_t m) { p_ = s_.data() + m; }

private:
    void sync() {
        p_ = s_.data() + used_;
        end_ = s_.data() + s_.size();
    }
    // (a chunk at a time, not the whole capacity: resize zeroes what it adds, and the reused
    // string's capacity is that of the largest record so far, 30k instructions a record zeroed
    // whole; the string reallocates, doubling, when a chunk outgrows it)
    void grow(size_t n) {
        used_ = mark();
        s_.resize(used_ + std::max<size_t>(n, 4096));
        sync();
    }
    std::string& s_;
    size_t used_;
    char* p_ = nullptr;
    char* end_ = nullptr;
};

// The length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong
// forms, no surrogates, at most U+10FFFF; what nlohmann's lexer and
// serializer accept), or 0.
size_t utf8_sequence(const unsigned char* p, size_t avail) {
    unsigned char c = p[0];
    if (c < 0x80) return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;  // the allowed range of the second byte
    if (c >= 0xC2 && c <= 0xDF) len = 2;
    else if (c == 0xE0) len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC) len = 3;
    else if (c == 0xED) len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF) len = 3;
    else if (c == 0xF0) len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3) len = 4;
    else if (c == 0xF4) len = 4, hi = 0x8F;
    else return 0;
    if (avail < len || p[1] < lo || p[1] > hi) return 0;
    for (size_t k = 2; k < len; ++k)
        if ((p[k] & 0xC0) != 0x80) return 0;
    return len;
}

// Does any of the 8 bytes at p need a look (a control byte, '"', '\\', or
// a byte of a multi-byte UTF-8 sequence)? Bit tricks on one 64-bit word.
bool word_needs_look(const char* p) {
    constexpr uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
    uint64_t x;
    std::memcpy(&x, p, 8);
    auto has_zero = [&](uint64_t v) { return (v - ones) & ~v & high; };
    uint64_t below_space = (x - 0x20 * ones) & ~x & high;  // a byte < 0x20 (or >= 0x80, caught anyway)
    return ((x & high) | below_space | has_zero(x ^ ('"' * ones)) | has_zero(x ^ ('\\' * ones))) != 0;
}

// A JSON string as nlohmann's dump(-1, ' ', false, replace) writes it: UTF-8
// as is, the short escapes, \u00XX for other control bytes. Text that is not
// valid UTF-8 (rare: a file name, say) goes through nlohmann itself, whose
// way of replacing bad bytes with U+FFFD is then kept exactly.
void append_escaped_slow(JsonOut& out, std::string_view s);

// Copies n <= 16 bytes with at most two fixed-size copies each way (which
// the compiler inlines as moves), overlapping where n is not a power of two.
inline void copy_short(char* to, const char* from, size_t n) {
    if (n >= 8) {
        std::memcpy(to, from, 8);
        std::memcpy(to + n - 8, from + n - 8, 8);
    } else if (n >= 4) {
        std::memcpy(to, from, 4);
        std::memcpy(to + n - 4, from + n - 4, 4);
    } else {
        for (size_t i = 0; i < n; ++i) to[i] = from[i];
    }
}

// The common case inline: a short string with nothing to escape (keys, names,
// codes) goes out in one append.
inline void append_escaped(JsonOut& out, std::string_view s) {
    const size_t n = s.size();
    if (n <= 16) {
        char* const buf = out.room(18);  // (written in place: on the slow path it is written over)
        buf[0] = '"';
        std::memset(buf + 1, 'a', 16);  // padding for the word tests
        copy_short(buf + 1, s.data(), n);
        if (!word_needs_look(buf + 1) && !word_needs_look(buf + 9)) {
            buf[1 + n] = '"';
            out.commit(buf + n + 2);
            return;
        }
    }
    append_escaped_slow(out, s);
}

void append_escaped_slow(JsonOut& out, std::string_view s) {
    const char* d = s.data();
    const size_t n = s.size();
    const size_t mark = out.mark();
    out.put('"');
    size_t run = 0, i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            if (!word_needs_look(d + i)) {
                i += 8;
                continue;
            }
        } else if (n >= 8) {
            // The last word, overlapping what was seen (seen bytes were
            // plain or already handled: a false alarm only costs time).
            if (!word_needs_look(d + n - 8)) break;
        } else {
            // A short string, padded with plain bytes: one test.
            char tail[8] = {'a', 'a', 'a', 'a', 'a', 'a', 'a', 'a'};
            for (size_t k = i; k < n; ++k) tail[k - i] = d[k];
            if (!word_needs_look(tail)) break;
        }
        auto c = static_cast<unsigned char>(d[i]);
        if (c >= 0x80) {
            size_t len = utf8_sequence(reinterpret_cast<const unsigned char*>(d + i), n - i);
            if (!len) {
                out.back_to(mark);
                out.put(Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace));
                return;
            }
            i += len;
            continue;
        }
        if (c >= 0x20 && c != '"' && c != '\\') {
            ++i;
            continue;
        }
        out.put(d + run, i - run);
        run = ++i;
        switch (c) {
            case '"': out.lit("\\\""); break;
            case '\\': out.lit("\\\\"); break;
            case '\b': out.lit("\\b"); break;
            case '\f': out.lit("\\f"); break;
            case '\n': out.lit("\\n"); break;
            case '\r': out.lit("\\r"); break;
            case '\t': out.lit("\\t"); break;
            default: {
                static constexpr char hex[] = "0123456789abcdef";
                char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
                out.put(u, 6);
            }
        }
    }
    out.put(d + run, n - run);
    out.put('"');
}

template <class Int>
void append_integer(JsonOut& out, Int v) {
    char* const buf = out.room(24);
    auto [end, ec] = std::to_chars(buf, buf + 24, v);
    out.commit(end);
}

// A double as nlohmann writes it: the shortest text that reads back the
// same (its own Grisu2 to_chars, with ".0" on whole numbers), null for NaN
// and infinities.
void append_double(JsonOut& out, double v) {
    if (!std::isfinite(v)) {
        out.lit("null");
        return;
    }
    char* const buf = out.room(64);
    out.commit(nlohmann::detail::to_chars(buf, buf + 64, v));
}

void json_value(JsonOut& out, const Json& j);

struct TextFields {
    JsonOut& out;
    bool first = true;
    // ,"k": written in place (keys are short plain literals: no escaping), and
    // the byte that opens the value when given ('{', '[').
    void key(std::string_view k, char open = 0) {
        char* const buf = out.room(k.size() + 5);
        size_t n = 0;
        if (!first) buf[n++] = ',';
        first = false;
        buf[n++] = '"';
        for (char c : k) buf[n++] = c;  // (cheaper than fixed-size copies for 3-10 byte keys: measured)
        buf[n++] = '"';
        buf[n++] = ':';
        if (open) buf[n++] = open;
        out.commit(buf + n);
    }
    void str(std::string_view k, std::string_view v) {
        key(k);
        append_escaped(out, v);
    }
    void integer(std::string_view k, int64_t v) {
        key(k);
        append_integer(out, v);
    }
    void real(std::string_view k, double v) {
        key(k);
        append_double(out, v);
    }
    void boolean(std::string_view k, bool v) {
        key(k);
        if (v) out.lit("true");
        else out.lit("false");
    }
    void null(std::string_view k) {
        key(k);
        out.lit("null");
    }
    void raw(std::string_view k, const Json& v) {
        key(k);
        json_value(out, v);
    }
    template <class G>
    void object(std::string_view k, G fill);
    template <class G>
    void array(std::string_view k, G fill);
};

// The items of an array, for TextFields.
struct TextItems {
    JsonOut& out;
    bool first = true;
    void sep() {
        if (!first) out.put(',');
        first = false;
    }
    void str(std::string_view v) {
        sep();
        append_escaped(out, v);
    }
    template <class G>
    void object(G fill) {
        sep();
        out.put('{');
        TextFields f{out};
        fill(f);
        out.put('}');
    }
};

template <class G>
void TextFields::object(std::string_view k, G fill) {
    key(k, '{');
    TextFields f{out};
    fill(f);
    out.put('}');
}
template <class G>
void TextFields::array(std::string_view k, G fill) {
    key(k, '[');
    TextItems items{out};
    fill(items);
    out.put(']');
}

template <class F>
void number(F& f, std::string_view key, const std::optional<double>& v) {
    if (!v) return;
    double x = *v;
    // Integers print as integers (7000000000, not 7e9) while they are exact.
    if (std::fabs(x) < 9.0e15 && x == std::floor(x))
        f.integer(key, static_cast<int64_t>(x));
    else
        f.real(key, x);
}

template <class F>
void string_if(F& f, std::string_view key, const std::string& v) {
    if (!v.empty()) f.str(key, v);
}

template <class F>
void string_or_null(F& f, std::string_view key, const std::string& v) {
    if (v.empty())
        f.null(key);
    else
        f.str(key, v);
}

// "text", "start" and "end" of a span: the end's code point from the
// start's and the code points of the text between (a mention is short: a
// count of its bytes is cheaper than a second lookup; the same number, as
// both count the original's code points before an offset). An empty slice
// (an empty span, or one the original maps backwards) takes the lookup.
template <class F>
void span_fields(F& f, const text::Text& t, text::Span s) {
    text::Text::Located l = t.locate(s);
    f.str("text", l.text);
    f.integer("start", l.start);
    f.integer("end", l.text.empty() ? t.codepoint(s.end) : l.start + text::count_codepoints(l.text));
}

template <class F>
void mention_fields(F& f, const normalise::Mention& m, const text::Text& t) {
    using normalise::Type;
    f.str("type", normalise::type_name(m.type));
    span_fields(f, t, m.span);
    switch (m.type) {
        case Type::money:
        case Type::percent:
        case Type::quantity:
            number(f, "value", m.value);
            string_if(f, "currency", m.currency);
            number(f, "min", m.min);
            number(f, "max", m.max);
            string_if(f, "unit", m.unit);
            string_if(f, "qualifier", m.qualifier);
            break;
        case Type::date:
            string_or_null(f, "value", m.timex);
            string_if(f, "from", m.from);
            string_if(f, "to", m.to);
            string_if(f, "note", m.note);
            if (m.relative) f.boolean("relative", true);
            break;
        case Type::org:
        case Type::person:
        case Type::place:
            f.str("name", m.name);
            string_if(f, "kind", m.kind);
            string_if(f, "role", m.role);
            string_if(f, "affiliation", m.affiliation);
            break;
        case Type::source:
            f.str("name", m.name);
            string_if(f, "kind", m.kind);
            string_if(f, "cue", m.cue);
            string_if(f, "role", m.role);
            string_if(f, "affiliation", m.affiliation);
            string_if(f, "cites", m.cites);
            break;
    }
    f.str("rule", m.rule);
}

// A figure of a claim: the mention's value fields (doubles as written: a
// claim keeps 7000000000.0 where a mention writes 7000000000).
template <class F>
void figure_fields(F& f, const normalise::Mention& m, const text::Text& t) {
    f.str("type", normalise::type_name(m.type));
    if (m.value) f.real("value", *m.value);
    string_if(f, "currency", m.currency);
    string_if(f, "unit", m.unit);
    if (m.min) f.real("min", *m.min);
    if (m.max) f.real("max", *m.max);
    string_if(f, "qualifier", m.qualifier);
    span_fields(f, t, m.span);
}

template <class F>
void period_field(F& f, std::string_view key, const claims::Period& p, const std::vector<normalise::Mention>& ms,
                  const text::Text& t) {
    if (!p) {
        f.null(key);
        return;
    }
    const normalise::Mention& m = ms[p.mention];
    f.object(key, [&](auto& o) {
        // (a value counted from the claim's period, else the mention's own)
        string_or_null(o, "value", p.value ? p.value->timex : m.timex);
        string_if(o, "from", p.value ? p.value->from : m.from);
        string_if(o, "to", p.value ? p.value->to : m.to);
        span_fields(o, t, m.span);
        if (p.inherited) o.boolean("inherited", true);
    });
}

template <class F>
void figures_field(F& f, std::string_view key, const std::vector<uint32_t>& figs,
                   const std::vector<normalise::Mention>& ms, const text::Text& t) {
    f.array(key, [&](auto& items) {
        for (uint32_t i : figs) items.object([&](auto& o) { figure_fields(o, ms[i], t); });
    });
}

// The claim record of the output contract (claims.h), written once for both sinks.
template <class F>
void claim_fields(F& f, const claims::Claim& c, const std::vector<normalise::Mention>& ms, const text::Text& t) {
    using claims::kNoMention;
    f.str("id", c.id);
    f.str("kind", c.kind);
    f.object("sentence", [&](auto& o) {
        o.integer("start", t.codepoint(c.sentence.begin));
        o.integer("end", t.codepoint(c.sentence.end));
    });
    f.array("subject", [&](auto& items) {
        for (const auto& n : c.subject) items.str(n);
    });
    if (c.subject_is_description) f.boolean("subject_is_description", true);
    if (c.combined) f.boolean("combined", true);
    string_or_null(f, "metric", c.metric);
    string_if(f, "metric_text", c.metric_text);
    if (c.value == kNoMention) f.null("value");
    else f.object("value", [&](auto& o) { figure_fields(o, ms[c.value], t); });
    figures_field(f, "equivalents", c.equivalents, ms, t);
    if (!c.change) {
        f.null("change");
    } else {
        const claims::Change& ch = *c.change;
        f.object("change", [&](auto& o) {
            o.str("direction", ch.direction);
            if (ch.factor) o.real("factor", *ch.factor);
            string_if(o, "qualifier", ch.qualifier);
            if (ch.amount != kNoMention) o.object("amount", [&](auto& v) { figure_fields(v, ms[ch.amount], t); });
            if (ch.percent != kNoMention) o.object("percent", [&](auto& v) { figure_fields(v, ms[ch.percent], t); });
            o.str("text", ch.text);
        });
    }
    period_field(f, "period", c.period, ms, t);
    if (!c.baseline) {
        f.null("baseline");
    } else {
        const claims::Baseline& b = *c.baseline;
        f.object("baseline", [&](auto& o) {
            o.object("value", [&](auto& v) { figure_fields(v, ms[b.value], t); });
            if (b.has_equivalents) figures_field(o, "equivalents", b.equivalents, ms, t);
            period_field(o, "period", b.period, ms, t);
        });
    }
    if (c.statement)
        f.object("statement", [&](auto& o) {
            span_fields(o, t, *c.statement);
        });
    f.array("sources", [&](auto& items) {
        for (const claims::Source& s : c.sources) {
            const normalise::Mention& m = ms[s.mention];
            items.object([&](auto& o) {
                o.str("name", m.name);
                string_if(o, "kind", m.kind);
                string_if(o, "cue", m.cue);
                string_if(o, "role", m.role);
                string_if(o, "affiliation", m.affiliation);
                string_if(o, "cites", m.cites);
                if (s.cited_by != kNoMention) o.str("cited_by", ms[s.cited_by].name);
                o.boolean("inherited", s.inherited);
                o.integer("start", t.codepoint(m.span.begin));
                o.integer("end", t.codepoint(m.span.end));
            });
        }
    });
    f.real("confidence", c.confidence);
}

template <class F>
void record_head(F& f, const Record& r) {
    f.str("id", r.doc.id);
    string_or_null(f, "url", r.doc.url);
    string_or_null(f, "title", r.doc.title);
    string_or_null(f, "published", r.published);
    string_or_null(f, "publisher", r.doc.publisher);
    if (r.published.empty()) f.str("note", "no publication date: relative dates are not resolved");
}

}  // namespace

namespace {
void json_value(JsonOut& out, const Json& j) {
    using V = Json::value_t;
    switch (j.type()) {
        case V::object: {
            out.put('{');
            bool first = true;
            for (const auto& [k, v] : j.get_ref<const Json::object_t&>()) {
                if (!first) out.put(',');
                first = false;
                append_escaped(out, k);
                out.put(':');
                json_value(out, v);
            }
            out.put('}');
            break;
        }
        case V::array: {
            out.put('[');
            bool first = true;
            for (const auto& v : j) {
                if (!first) out.put(',');
                first = false;
                json_value(out, v);
            }
            out.put(']');
            break;
        }
        case V::string: append_escaped(out, j.get_ref<const std::string&>()); break;
        case V::boolean:
            if (j.get<bool>()) out.lit("true");
            else out.lit("false");
            break;
        case V::number_integer: append_integer(out, j.get<int64_t>()); break;
        case V::number_unsigned: append_integer(out, j.get<uint64_t>()); break;
        case V::number_float: append_double(out, j.get<double>()); break;
        case V::null: out.lit("null"); break;
        default: out.put(j.dump(-1, ' ', false, Json::error_handler_t::replace));  // binary, discarded
    }
}
}  // namespace

void append_json_string(std::string& out, std::string_view s) {
    JsonOut o(out);
    append_escaped(o, s);
}

void append_json_value(std::string& out, const Json& j) {
    JsonOut o(out);
    json_value(o, j);
}

// ---- JSONL input ----

namespace {

// A strict reader (RFC 8259) of one JSONL input document. Every way out
// that is not a plain success returns false, and the caller goes to the
// full parser: so this must never accept what nlohmann rejects, and it
// leaves number exponents (which may overflow) and deep nesting to it.
class JsonlReader {
public:
    explicit JsonlReader(std::string_view s) : p_(s.data()), end_(s.data() + s.size()) {}

    bool document(document::Document& d) {
        ws();
        if (!at('{')) return false;
        ++p_;
        bool have_text = false;
        for (;;) {
            ws();
            if (!string(key_)) return false;  // also "{}": no text
            ws();
            if (!at(':')) return false;
            ++p_;
            ws();
            std::string* field = key_ == "text"        ? &d.text
                                 : key_ == "id"        ? &d.id
                                 : key_ == "url"       ? &d.url
                                 : key_ == "title"     ? &d.title
                                 : key_ == "published" ? &d.published
                                 : key_ == "publisher" ? &d.publisher
                                                       : nullptr;
            if (!field) {
                if (!skip_value(0)) return false;
            } else if (at('"')) {
                if (!string(*field)) return false;
                if (field == &d.text) have_text = true;
            } else if (field != &d.text && literal("null")) {
                field->clear();  // a null field is an absent one (a later key wins, as in nlohmann)
            } else {
                return false;  // a number id, a text that is not a string, ...
            }
            ws();
            if (at(',')) {
                ++p_;
                continue;
            }
            if (!at('}')) return false;
            ++p_;
            break;
        }
        ws();
        return p_ == end_ && have_text;
    }

private:
    bool at(char c) const { return p_ < end_ && *p_ == c; }
    void ws() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
    }
    bool literal(std::string_view w) {
        if (static_cast<size_t>(end_ - p_) < w.size() || std::string_view(p_, w.size()) != w) return false;
        p_ += w.size();
        return true;
    }
    bool hex4(uint32_t& v) {
        if (end_ - p_ < 4) return false;
        v = 0;
        for (int i = 0; i < 4; ++i) {
            char c = *p_++;
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
            else return false;
        }
        return true;
    }
    static void append_utf8(std::string& out, uint32_t cp) {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }
    // A string literal at p_, decoded into out.
    bool string(std::string& out) {
        out.clear();
        if (!at('"')) return false;
        ++p_;
        for (;;) {
            const char* run = p_;
            while (end_ - p_ >= 8 && !word_needs_look(p_)) p_ += 8;
            while (p_ < end_) {
                auto c = static_cast<unsigned char>(*p_);
                if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
                ++p_;
            }
            out.append(run, static_cast<size_t>(p_ - run));
            if (p_ == end_) return false;
            auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return true;
            }
            if (c < 0x20) return false;  // control characters must be escaped
            if (c >= 0x80) {
                size_t n = utf8_sequence(reinterpret_cast<const unsigned char*>(p_), static_cast<size_t>(end_ - p_));
                if (!n) return false;
                out.append(p_, n);
                p_ += n;
                continue;
            }
            if (++p_ == end_) return false;
            switch (*p_++) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    uint32_t cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xD800 && cp <= 0xDBFF) {  // a surrogate pair
                        uint32_t low;
                        if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        return false;
                    }
                    append_utf8(out, cp);
                    break;
                }
                default: return false;
            }
        }
    }
    bool digits() {
        const char* s = p_;
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
        return p_ > s;
    }
    bool number() {
        const char* s = p_;
        if (at('-')) ++p_;
        if (at('0')) ++p_;
        else if (!(p_ < end_ && *p_ >= '1' && *p_ <= '9') || !digits()) return false;
        if (at('.')) {
            ++p_;
            if (!digits()) return false;
        }
        // No exponents, no huge numbers: those may overflow, an error the
        // full parser words.
        return !at('e') && !at('E') && p_ - s <= 300;
    }
    bool skip_value(int depth) {
        if (p_ == end_) return false;
        switch (*p_) {
            case '"': return string(scratch_);
            case 't': return literal("true");
            case 'f': return literal("false");
            case 'n': return literal("null");
            case '{':
            case '[': {
                if (depth > 32) return false;
                char close = *p_ == '{' ? '}' : ']';
                ++p_;
                ws();
                if (at(close)) {
                    ++p_;
                    return true;
                }
                for (;;) {
                    ws();
                    if (close == '}') {
                        if (!string(scratch_)) return false;
                        ws();
                        if (!at(':')) return false;
                        ++p_;
                        ws();
                    }
                    if (!skip_value(depth + 1)) return false;
                    ws();
                    if (at(',')) {
                        ++p_;
                        continue;
                    }
                    if (!at(close)) return false;
                    ++p_;
                    return true;
                }
            }
            default: return number();
        }
    }

    const char* p_;
    const char* end_;
    std::string key_, scratch_;
};

}  // namespace

bool read_jsonl_document(std::string_view line, document::Document& out) {
    return JsonlReader(line).document(out);
}

Json mention_json(const normalise::Mention& m, const text::Text& t) {
    Json j;
    ObjectFields f{j};
    mention_fields(f, m, t);
    return j;
}

Json claim_json(const claims::Claim& c, const std::vector<normalise::Mention>& mentions, const text::Text& t) {
    Json j;
    ObjectFields f{j};
    claim_fields(f, c, mentions, t);
    return j;
}

Json claim_json(const claims::Claim& c, const Record& r) { return claim_json(c, r.mentions, r.text); }

namespace {
void claim_text(JsonOut& out, const claims::Claim& c, const std::vector<normalise::Mention>& mentions,
                const text::Text& t) {
    out.put('{');
    TextFields f{out};
    claim_fields(f, c, mentions, t);
    out.put('}');
}
}  // namespace

void append_claim_json(std::string& out, const claims::Claim& c, const std::vector<normalise::Mention>& mentions,
                       const text::Text& t) {
    JsonOut o(out);
    claim_text(o, c, mentions, t);
}

Json to_json(const Record& r, bool with_text) {
    Json j;
    ObjectFields f{j};
    record_head(f, r);
    Json ms = Json::array();
    for (const auto& m : r.mentions) ms.push_back(mention_json(m, r.text));
    j["mentions"] = std::move(ms);
    Json cs = Json::array();
    for (const auto& c : r.claims) cs.push_back(claim_json(c, r));
    j["claims"] = std::move(cs);
    if (with_text) j["text"] = r.doc.text;
    return j;
}

void append_json(std::string& out_string, const Record& r, bool with_text) {
    JsonOut out(out_string);
    out.put('{');
    TextFields f{out};
    record_head(f, r);
    f.key("mentions", '[');
    for (size_t i = 0; i < r.mentions.size(); ++i) {
        if (i) out.put(',');
        out.put('{');
        TextFields mf{out};
        mention_fields(mf, r.mentions[i], r.text);
        out.put('}');
    }
    out.put(']');
    f.key("claims", '[');
    for (size_t i = 0; i < r.claims.size(); ++i) {
        if (i) out.put(',');
        claim_text(out, r.claims[i], r.mentions, r.text);
    }
    out.put(']');
    if (with_text) f.str("text", r.doc.text);
    out.put('}');
}

}  // namespace claimex
