// dates.cc — dates from metadata, feeds and bylines → ISO 8601.
//
// Publication dates come in many spellings: ISO 8601 with and without zone,
// RFC 822 in RSS, "20240826" in some meta tags, epoch milliseconds in data
// attributes, and human forms in bylines. Everything becomes
// "YYYY-MM-DD[THH:MM:SS[Z|±HH:MM]]": the zone is kept when given, never
// invented; a date-only value stays a date.
#include "extractor/document/internal.h"

#include <cctype>
#include <cstdio>
#include <ctime>
#include <optional>

namespace claimex::document::detail {

namespace {

struct DateTime {
    int y = 0, mo = 0, d = 0;
    int h = -1, mi = 0, s = 0;  // h < 0: date only
    bool has_zone = false;
    bool utc = false;     // written "Z"
    int offset = 0;       // minutes east of UTC
};

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in(int y, int m) {
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && leap(y) ? 29 : d[m - 1];
}
bool valid(const DateTime& t) {
    if (t.y < 1900 || t.y > 2200 || t.mo < 1 || t.mo > 12 || t.d < 1 || t.d > days_in(t.y, t.mo)) return false;
    if (t.h >= 0 && (t.h > 23 || t.mi > 59 || t.s > 60)) return false;
    return !t.has_zone || (t.offset > -16 * 60 && t.offset < 16 * 60);
}

std::string format(const DateTime& t) {
    char buf[40];
    if (t.h < 0) {
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", t.y, t.mo, t.d);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", t.y, t.mo, t.d, t.h, t.mi, std::min(t.s, 59));
    std::string out = buf;
    if (t.has_zone) {
        if (t.utc) {
            out += 'Z';
        } else {
            int o = t.offset < 0 ? -t.offset : t.offset;
            std::snprintf(buf, sizeof buf, "%c%02d:%02d", t.offset < 0 ? '-' : '+', o / 60, o % 60);
            out += buf;
        }
    }
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Named zones seen in feeds and bylines.
bool named_zone(std::string_view z, DateTime& t) {
    struct Z {
        const char* name;
        int offset;
        bool utc;
    };
    static const Z zones[] = {{"z", 0, true},         {"gmt", 0, true},       {"ut", 0, true},        {"utc", 0, true},
                              {"est", -300, false},   {"edt", -240, false},   {"cst", -360, false},   {"cdt", -300, false},
                              {"mst", -420, false},   {"mdt", -360, false},   {"pst", -480, false},   {"pdt", -420, false},
                              {"bst", 60, false},     {"cet", 60, false},     {"cest", 120, false},   {"eet", 120, false},
                              {"eest", 180, false},   {"msk", 180, false},    {"jst", 540, false},    {"kst", 540, false},
                              {"aest", 600, false},   {"aedt", 660, false},   {"hkt", 480, false},    {"sgt", 480, false},
                              {"wib", 420, false},    {"ist", 330, false},    {"mez", 60, false},     {"mesz", 120, false}};
    std::string l = lower(z);
    for (const auto& zone : zones)
        if (l == zone.name) {
            t.has_zone = true;
            t.utc = zone.utc;
            t.offset = zone.offset;
            return true;
        }
    return false;
}

class Cursor {
public:
    explicit Cursor(std::string_view s) : s_(s) {}
    bool end() const { return p_ >= s_.size(); }
    char peek() const { return end() ? '\0' : s_[p_]; }
    size_t pos() const { return p_; }
    void seek(size_t p) { p_ = p; }
    bool eat(char c) {
        if (peek() != c) return false;
        ++p_;
        return true;
    }
    void spaces() {
        while (!end() && (s_[p_] == ' ' || s_[p_] == '\t' || s_[p_] == ',')) ++p_;
    }
    // Exactly n digits (n = 0: 1..4 digits).
    std::optional<int> digits(int n, int* count = nullptr) {
        size_t b = p_;
        int v = 0;
        while (!end() && std::isdigit(static_cast<unsigned char>(s_[p_])) && (n == 0 ? p_ - b < 4 : p_ - b < size_t(n))) {
            v = v * 10 + (s_[p_] - '0');
            ++p_;
        }
        if (p_ == b || (n > 0 && p_ - b != size_t(n))) {
            p_ = b;
            return std::nullopt;
        }
        if (count) *count = static_cast<int>(p_ - b);
        return v;
    }
    std::string_view word() {
        size_t b = p_;
        while (!end() && (std::isalpha(static_cast<unsigned char>(s_[p_])) || static_cast<unsigned char>(s_[p_]) >= 0x80)) ++p_;
        return s_.substr(b, p_ - b);
    }
    std::string_view rest() const { return s_.substr(std::min(p_, s_.size())); }

private:
    std::string_view s_;
    size_t p_ = 0;
};

// [T or space]HH:MM[:SS[.fff]] then an optional zone.
void parse_time_and_zone(Cursor& c, DateTime& t, bool allow_space_before_time) {
    size_t save = c.pos();
    if (!(c.eat('T') || c.eat('t') || (allow_space_before_time && c.eat(' ')))) return;
    while (c.eat(' ')) {}
    auto h = c.digits(2);
    if (!h) {
        // "T1321" or a lone space before text: no time.
        c.seek(save);
        return;
    }
    int mi = 0, s = 0;
    if (c.eat(':')) {
        auto m = c.digits(2);
        if (!m) {
            c.seek(save);
            return;
        }
        mi = *m;
        if (c.eat(':')) {
            auto sec = c.digits(2);
            if (sec) s = *sec;
            if (c.eat('.') || c.eat(',')) c.digits(0), c.digits(0), c.digits(0);  // drop fractions
            while (std::isdigit(static_cast<unsigned char>(c.peek()))) c.seek(c.pos() + 1);
        }
    } else if (auto m = c.digits(2)) {
        mi = *m;  // basic format HHMM
    }
    t.h = *h;
    t.mi = mi;
    t.s = s;
    while (c.eat(' ')) {}
    char z = c.peek();
    if (z == 'Z' || z == 'z') {
        c.eat(z);
        t.has_zone = t.utc = true;
        return;
    }
    if (z == '+' || z == '-') {
        c.eat(z);
        auto oh = c.digits(2);
        if (!oh) return;
        int om = 0;
        c.eat(':');
        if (auto m = c.digits(2)) om = *m;
        t.has_zone = true;
        t.offset = (z == '-' ? -1 : 1) * (*oh * 60 + om);
        return;
    }
    size_t before = c.pos();
    std::string_view w = c.word();
    if (w.empty() || !named_zone(w, t)) c.seek(before);
    // "GMT+2" style
    if (t.has_zone && (c.peek() == '+' || c.peek() == '-')) {
        char sign = c.peek();
        c.eat(sign);
        if (auto oh = c.digits(0)) {
            int v = *oh;
            int off = v > 24 ? (v / 100) * 60 + v % 100 : v * 60;
            t.utc = false;
            t.offset += (sign == '-' ? -off : off);
        }
    }
}

std::optional<DateTime> parse_iso(std::string_view s) {
    Cursor c(s);
    DateTime t;
    auto y = c.digits(4);
    if (!y) return std::nullopt;
    char sep = c.peek();
    if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
    c.eat(sep);
    int n1 = 0, n2 = 0;
    auto mo = c.digits(0, &n1);
    if (!mo || n1 > 2 || !c.eat(sep)) return std::nullopt;
    auto d = c.digits(0, &n2);
    if (!d || n2 > 2) return std::nullopt;
    t.y = *y;
    t.mo = *mo;
    t.d = *d;
    parse_time_and_zone(c, t, true);
    // "2024-08-26 13:21:00 +0100" and similar were handled; anything after
    // (e.g. " (BST)") is ignored.
    if (!valid(t)) return std::nullopt;
    return t;
}

int month_from_word(std::string_view w) {
    std::string l = lower(w);
    if (l.empty()) return 0;
    struct M {
        const char* name;
        int month;
        size_t min_prefix;  // how many leading letters are enough
    };
    static const M months[] = {
        // English (also covers most abbreviations)
        {"january", 1, 3}, {"february", 2, 3}, {"march", 3, 3}, {"april", 4, 3}, {"may", 5, 3}, {"june", 6, 3},
        {"july", 7, 3}, {"august", 8, 3}, {"september", 9, 3}, {"october", 10, 3}, {"november", 11, 3}, {"december", 12, 3},
        {"sept", 9, 4},
        // German
        {"januar", 1, 6}, {"jänner", 1, 4}, {"februar", 2, 7}, {"märz", 3, 4}, {"mai", 5, 3}, {"juni", 6, 4}, {"juli", 7, 4},
        {"oktober", 10, 3}, {"dezember", 12, 3},
        // French
        {"janvier", 1, 4}, {"février", 2, 4}, {"fevrier", 2, 4}, {"mars", 3, 4}, {"avril", 4, 4}, {"juin", 6, 4},
        {"juillet", 7, 5}, {"août", 8, 4}, {"aout", 8, 4}, {"septembre", 9, 5}, {"octobre", 10, 4}, {"novembre", 11, 4},
        {"décembre", 12, 3},
        // Spanish / Portuguese / Italian
        {"enero", 1, 5}, {"febrero", 2, 5}, {"marzo", 3, 5}, {"abril", 4, 5}, {"mayo", 5, 4}, {"junio", 6, 5},
        {"julio", 7, 5}, {"agosto", 8, 5}, {"septiembre", 9, 6}, {"setiembre", 9, 6}, {"octubre", 10, 5},
        {"noviembre", 11, 5}, {"diciembre", 12, 5}, {"janeiro", 1, 5}, {"fevereiro", 2, 5}, {"março", 3, 5},
        {"maio", 5, 4}, {"junho", 6, 5}, {"julho", 7, 5}, {"setembro", 9, 5}, {"outubro", 10, 5}, {"novembro", 11, 5},
        {"dezembro", 12, 5}, {"gennaio", 1, 5}, {"febbraio", 2, 5}, {"aprile", 4, 6}, {"maggio", 5, 5}, {"giugno", 6, 5},
        {"luglio", 7, 5}, {"settembre", 9, 6}, {"ottobre", 10, 5}, {"dicembre", 12, 5},
        // Dutch
        {"januari", 1, 7}, {"februari", 2, 8}, {"maart", 3, 5}, {"mei", 5, 3}, {"augustus", 8, 8},
        // Russian (genitive, as in dates)
        {"января", 1, 12}, {"февраля", 2, 14}, {"марта", 3, 10}, {"апреля", 4, 12}, {"мая", 5, 6}, {"июня", 6, 8},
        {"июля", 7, 8}, {"августа", 8, 14}, {"сентября", 9, 16}, {"октября", 10, 14}, {"ноября", 11, 12},
        {"декабря", 12, 14},
    };
    for (const auto& m : months) {
        std::string_view name = m.name;
        if (l.size() >= m.min_prefix && l.size() <= name.size() && name.substr(0, l.size()) == l) return m.month;
        if (l == name) return m.month;
    }
    return 0;
}

// Human forms: "26 August 2024", "August 26, 2024", "Aug. 26 2024 6:30 a.m.",
// RFC 822 "Mon, 26 Aug 2024 13:21:00 +0300", "20. August 2024".
std::optional<DateTime> parse_textual(std::string_view s, bool need_whole) {
    Cursor c(s);
    DateTime t;
    auto skip_weekday = [&]() {
        size_t b = c.pos();
        std::string_view w = c.word();
        if (!w.empty() && month_from_word(w) == 0) {
            c.eat('.');
            c.spaces();
            return;
        }
        c.seek(b);
    };
    c.spaces();
    skip_weekday();
    size_t start = c.pos();
    // day month year
    if (auto d = c.digits(0)) {
        c.eat('.');
        while (c.eat(' ') || c.eat('-')) {}
        int m = month_from_word(c.word());
        c.eat('.');
        while (c.eat(' ') || c.eat('-') || c.eat(',')) {}
        int yc = 0;
        auto y = c.digits(0, &yc);
        if (!m || !y) return std::nullopt;
        t.d = *d;
        t.mo = m;
        t.y = yc == 2 ? 2000 + *y : *y;
        if (yc != 2 && yc != 4) return std::nullopt;
    } else {
        c.seek(start);
        int m = month_from_word(c.word());
        if (!m) return std::nullopt;
        c.eat('.');
        c.spaces();
        auto day = c.digits(0);
        if (!day) return std::nullopt;
        std::string_view suffix = c.word();  // 1st, 2nd, 26th
        (void)suffix;
        c.spaces();
        int yc = 0;
        auto y = c.digits(0, &yc);
        if (!y || yc != 4) return std::nullopt;
        t.mo = m;
        t.d = *day;
        t.y = *y;
    }
    // Optional time: " 13:21[:00] [am|pm] [zone]", ", 08:00 Uhr", " at 6:30 a.m. PDT"
    size_t after_date = c.pos();
    c.spaces();
    {
        size_t b = c.pos();
        std::string_view w = c.word();
        if (!(lower(w) == "at" || lower(w) == "um" || lower(w) == "à" || lower(w) == "a")) c.seek(b);
        c.spaces();
        c.eat('-');
        c.spaces();
    }
    if (auto h = c.digits(0); h && (c.peek() == ':' || c.peek() == '.' || c.peek() == 'h')) {
        char sep = c.peek();
        c.eat(sep);
        if (auto mi = c.digits(2)) {
            int hour = *h;
            int sec = 0;
            if (c.eat(':'))
                if (auto sc = c.digits(2)) sec = *sc;
            c.spaces();
            size_t b = c.pos();
            std::string ap = lower(c.word());
            if (c.peek() == '.') {  // a.m. / p.m.
                c.eat('.');
                ap += lower(c.word());
                c.eat('.');
            }
            if (ap == "pm" || ap == "p") {
                if (hour < 12) hour += 12;
            } else if (ap == "am" || ap == "a") {
                if (hour == 12) hour = 0;
            } else {
                c.seek(b);
            }
            t.h = hour;
            t.mi = *mi;
            t.s = sec;
            c.spaces();
            size_t zb = c.pos();
            if (c.peek() == '+' || c.peek() == '-') {
                char sign = c.peek();
                c.eat(sign);
                int n = 0;
                if (auto off = c.digits(0, &n); off && n == 4) {
                    t.has_zone = true;
                    t.offset = (sign == '-' ? -1 : 1) * ((*off / 100) * 60 + *off % 100);
                } else {
                    c.seek(zb);
                }
            } else {
                std::string_view zw = c.word();
                if (zw.empty() || !named_zone(zw, t)) c.seek(zb);
            }
        } else {
            c.seek(after_date);
        }
    } else {
        c.seek(after_date);
    }
    if (need_whole) {
        c.spaces();
        std::string_view rest = c.rest();
        // Allow a trailing "Uhr", "(BST)" and the like, not more words.
        if (rest.size() > 8) return std::nullopt;
    }
    if (!valid(t)) return std::nullopt;
    return t;
}

// "26.08.2024", "26/08/2024", "08/26/2024" (only when unambiguous), "2024年8月26日".
std::optional<DateTime> parse_numeric(std::string_view s) {
    Cursor c(s);
    DateTime t;
    int n1 = 0;
    auto a = c.digits(0, &n1);
    if (!a) return std::nullopt;
    if (n1 == 4 && s.substr(c.pos()).rfind("年", 0) == 0) {
        c.seek(c.pos() + 3);
        auto m = c.digits(0);
        if (!m || s.substr(c.pos()).rfind("月", 0) != 0) return std::nullopt;
        c.seek(c.pos() + 3);
        auto d = c.digits(0);
        if (!d || s.substr(c.pos()).rfind("日", 0) != 0) return std::nullopt;
        c.seek(c.pos() + 3);
        t.y = *a;
        t.mo = *m;
        t.d = *d;
        c.spaces();
        if (auto h = c.digits(0); h && (c.eat(':') || s.substr(c.pos()).rfind("时", 0) == 0)) {
            if (s.substr(c.pos()).rfind("时", 0) == 0) c.seek(c.pos() + 3);
            if (auto mi = c.digits(2)) {
                t.h = *h;
                t.mi = *mi;
            }
        }
        if (!valid(t)) return std::nullopt;
        return t;
    }
    char sep = c.peek();
    if (n1 > 2 || (sep != '.' && sep != '/' && sep != '-')) return std::nullopt;
    c.eat(sep);
    int n2 = 0, n3 = 0;
    auto b = c.digits(0, &n2);
    if (!b || n2 > 2 || !c.eat(sep)) return std::nullopt;
    auto y = c.digits(0, &n3);
    if (!y || (n3 != 4 && n3 != 2)) return std::nullopt;
    t.y = n3 == 2 ? 2000 + *y : *y;
    if (sep == '/' && *a <= 12 && *b > 12) {  // US month/day
        t.mo = *a;
        t.d = *b;
    } else {
        t.d = *a;
        t.mo = *b;
    }
    parse_time_and_zone(c, t, true);
    if (c.pos() < s.size()) {
        // ", 08:00 Uhr"
        c.spaces();
        if (auto h = c.digits(0); h && c.eat(':'))
            if (auto mi = c.digits(2)) {
                t.h = *h;
                t.mi = *mi;
            }
    }
    if (!valid(t)) return std::nullopt;
    return t;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

}  // namespace

std::string normalise_date(std::string_view in) {
    std::string_view s = trim(in);
    if (s.empty() || s.size() > 100) return "";
    bool all_digits = true;
    for (char ch : s) all_digits &= std::isdigit(static_cast<unsigned char>(ch)) != 0;
    if (all_digits) {
        if (s.size() == 8) {
            DateTime t;
            t.y = std::stoi(std::string(s.substr(0, 4)));
            t.mo = std::stoi(std::string(s.substr(4, 2)));
            t.d = std::stoi(std::string(s.substr(6, 2)));
            return valid(t) ? format(t) : "";
        }
        if (s.size() == 10 || s.size() == 13) {
            long long v = std::stoll(std::string(s));
            std::time_t secs = static_cast<std::time_t>(s.size() == 13 ? v / 1000 : v);
            std::tm tm{};
            if (!gmtime_r(&secs, &tm)) return "";
            DateTime t;
            t.y = tm.tm_year + 1900;
            t.mo = tm.tm_mon + 1;
            t.d = tm.tm_mday;
            t.h = tm.tm_hour;
            t.mi = tm.tm_min;
            t.s = tm.tm_sec;
            t.has_zone = t.utc = true;
            return valid(t) ? format(t) : "";
        }
        return "";
    }
    if (auto t = parse_iso(s)) return format(*t);
    if (auto t = parse_numeric(s)) return format(*t);
    if (auto t = parse_textual(s, true)) return format(*t);
    return "";
}

std::string find_date_in_text(std::string_view s) {
    if (s.size() > 400) s = s.substr(0, 400);
    // Try every word start; the first parse that works wins.
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char c = s[i];
        bool start = i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || static_cast<unsigned char>(s[i - 1]) >= 0x80);
        if (!start || c == ' ') continue;
        if (c >= 0x80 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) continue;
        std::string_view rest = s.substr(i);
        std::optional<DateTime> t;
        if (std::isdigit(c)) {
            t = parse_iso(rest.substr(0, std::min<size_t>(rest.size(), 10)));
            if (!t) t = parse_numeric(rest);
            if (!t) t = parse_textual(rest, false);
        } else if (std::isalpha(c) || c >= 0x80) {
            t = parse_textual(rest, false);
        }
        if (t) {
            t->h = -1;
            t->has_zone = false;
            return format(*t);
        }
    }
    return "";
}

}  // namespace claimex::document::detail
