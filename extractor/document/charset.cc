// charset.cc — bytes in any charset → UTF-8 (to_utf8 and its helpers).
//
// Order: a BOM wins (as in the HTML standard: it is the one signal that
// cannot be stale), then the Content-Type charset, then <meta>/<?xml?> in the
// first 2 KB, then valid UTF-8, then ICU's detector. Labels are mapped the way
// browsers map them (latin1 → windows-1252, gb2312 → GB18030, ...). Two common
// server mistakes are undone: legacy bytes under a UTF-8 label (invalid UTF-8
// → detection) and UTF-8 under a legacy label (valid multi-byte UTF-8 wins).
#include "extractor/document/internal.h"

#include <algorithm>
#include <cstring>
#include <fmt/format.h>
#include <memory>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

namespace claimex::document {

namespace detail {

namespace {

std::string lower_trim(std::string_view s) {
    size_t b = 0, e = s.size();
    auto junk = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '"' || c == '\''; };
    while (b < e && junk(s[b])) ++b;
    while (e > b && junk(s[e - 1])) --e;
    std::string out(s.substr(b, e - b));
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Finds `charset` followed by '=' in s and returns the value.
std::string value_after_charset(std::string_view s) {
    size_t p = 0;
    while ((p = s.find("charset", p)) != std::string_view::npos) {
        size_t q = p + 7;
        while (q < s.size() && (s[q] == ' ' || s[q] == '\t')) ++q;
        if (q < s.size() && s[q] == '=') {
            ++q;
            while (q < s.size() && (s[q] == ' ' || s[q] == '\t' || s[q] == '"' || s[q] == '\'')) ++q;
            size_t e = q;
            while (e < s.size() && s[e] != '"' && s[e] != '\'' && s[e] != ';' && s[e] != ' ' && s[e] != '>' &&
                   s[e] != '/' && s[e] != ',')
                ++e;
            if (e > q) return std::string(s.substr(q, e - q));
        }
        p += 7;
    }
    return "";
}

}  // namespace

std::string canonical_charset(std::string_view label) {
    std::string l = lower_trim(label);
    if (l.empty()) return "";
    struct Alias {
        const char* label;
        const char* name;
    };
    // Browser behaviour (WHATWG Encoding): these labels all mean the superset.
    static const Alias aliases[] = {
        {"utf-8", "UTF-8"}, {"utf8", "UTF-8"}, {"unicode-1-1-utf-8", "UTF-8"}, {"x-unicode20utf8", "UTF-8"},
        {"us-ascii", "windows-1252"}, {"ascii", "windows-1252"}, {"iso-8859-1", "windows-1252"},
        {"iso8859-1", "windows-1252"}, {"iso_8859-1", "windows-1252"}, {"iso88591", "windows-1252"},
        {"latin1", "windows-1252"}, {"latin-1", "windows-1252"}, {"l1", "windows-1252"}, {"cp1252", "windows-1252"},
        {"windows-1252", "windows-1252"}, {"x-cp1252", "windows-1252"}, {"cp819", "windows-1252"},
        {"ibm819", "windows-1252"}, {"iso-ir-100", "windows-1252"}, {"csisolatin1", "windows-1252"},
        {"iso_8859-1:1987", "windows-1252"}, {"x-user-defined", "windows-1252"}, {"ansi_x3.4-1968", "windows-1252"},
        {"iso-8859-9", "windows-1254"}, {"latin5", "windows-1254"}, {"iso8859-9", "windows-1254"},
        {"gb2312", "GB18030"}, {"gbk", "GB18030"}, {"x-gbk", "GB18030"}, {"cp936", "GB18030"}, {"ms936", "GB18030"},
        {"windows-936", "GB18030"}, {"gb_2312-80", "GB18030"}, {"gb_2312", "GB18030"}, {"euc-cn", "GB18030"},
        {"csgb2312", "GB18030"}, {"chinese", "GB18030"}, {"gb18030", "GB18030"}, {"iso-ir-58", "GB18030"},
        {"shift_jis", "Shift_JIS"}, {"shift-jis", "Shift_JIS"}, {"sjis", "Shift_JIS"}, {"x-sjis", "Shift_JIS"},
        {"ms_kanji", "Shift_JIS"}, {"csshiftjis", "Shift_JIS"}, {"windows-31j", "Shift_JIS"}, {"cp932", "Shift_JIS"},
        {"ms932", "Shift_JIS"}, {"euc-kr", "windows-949"}, {"ks_c_5601-1987", "windows-949"}, {"cp949", "windows-949"},
        {"windows-949", "windows-949"}, {"ksc5601", "windows-949"}, {"big5", "Big5-HKSCS"}, {"big5-hkscs", "Big5-HKSCS"},
        {"cn-big5", "Big5-HKSCS"}, {"x-x-big5", "Big5-HKSCS"}, {"tis-620", "windows-874"}, {"iso-8859-11", "windows-874"},
        {"windows-874", "windows-874"}, {"utf-16", "UTF-16LE"}, {"utf-16le", "UTF-16LE"}, {"utf-16be", "UTF-16BE"},
        {"unicode", "UTF-16LE"}, {"ucs-2", "UTF-16LE"},
    };
    for (const auto& a : aliases)
        if (l == a.label) return a.name;
    // Anything else ICU knows (windows-125x, iso-8859-x, koi8-r, euc-jp, ...).
    UErrorCode err = U_ZERO_ERROR;
    const char* name = ucnv_getCanonicalName(l.c_str(), "", &err);
    if (U_FAILURE(err) || !name) {
        err = U_ZERO_ERROR;
        name = ucnv_getCanonicalName(l.c_str(), "IANA", &err);
    }
    if (U_FAILURE(err) || !name) return "";
    // Keep the label as given (ICU opens it) but in a tidy form.
    std::string out = l;
    if (out.rfind("windows-", 0) == 0 || out.rfind("iso-8859-", 0) == 0 || out.rfind("koi8", 0) == 0) return out;
    if (out == "euc-jp") return "EUC-JP";
    if (out == "iso-2022-jp") return "ISO-2022-JP";
    return out;
}

std::string charset_from_content_type(std::string_view ct) {
    std::string l = lower_trim(ct);
    return value_after_charset(l);
}

std::string prescan_charset(std::string_view bytes) {
    std::string head(bytes.substr(0, 2048));
    for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view h = head;
    // <?xml version="1.0" encoding="..."?>
    if (size_t x = h.find("<?xml"); x != std::string_view::npos && x < 16) {
        size_t end = h.find("?>", x);
        std::string_view decl = h.substr(x, end == std::string_view::npos ? std::string_view::npos : end - x);
        if (size_t e = decl.find("encoding"); e != std::string_view::npos) {
            size_t q = e + 8;
            while (q < decl.size() && (decl[q] == ' ' || decl[q] == '=')) ++q;
            if (q < decl.size() && (decl[q] == '"' || decl[q] == '\'')) {
                char quote = decl[q++];
                size_t z = decl.find(quote, q);
                if (z != std::string_view::npos) return std::string(decl.substr(q, z - q));
            }
        }
    }
    size_t p = 0;
    while ((p = h.find("<meta", p)) != std::string_view::npos) {
        size_t end = h.find('>', p);
        std::string_view tag = h.substr(p, end == std::string_view::npos ? std::string_view::npos : end - p);
        std::string v = value_after_charset(tag);
        if (!v.empty()) return v;
        p += 5;
    }
    return "";
}

bool valid_utf8(std::string_view s, size_t* multibyte) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    size_t multi = 0;
    bool ok = true;
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int n;
        uint32_t cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            ok = false;
            ++p;
            continue;
        }
        if (end - p <= n) {
            ok = false;
            break;
        }
        bool good = true;
        for (int i = 1; i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                good = false;
                break;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (good && ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))))
            good = false;
        if (!good) {
            ok = false;
            ++p;
            continue;
        }
        ++multi;
        p += n + 1;
    }
    if (multibyte) *multibyte = multi;
    return ok;
}

std::string repair_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            out.push_back(static_cast<char>(c));
            ++p;
            continue;
        }
        int n = (c >= 0xC2 && c <= 0xDF) ? 1 : (c >= 0xE0 && c <= 0xEF) ? 2 : (c >= 0xF0 && c <= 0xF4) ? 3 : -1;
        bool good = n > 0 && end - p > n;
        uint32_t cp = n == 1 ? (c & 0x1F) : n == 2 ? (c & 0x0F) : (c & 0x07);
        int i = 1;
        for (; good && i <= n; ++i) {
            if ((p[i] & 0xC0) != 0x80) {
                good = false;
                break;
            }
            cp = (cp << 6) | (p[i] & 0x3F);
        }
        if (good && ((n == 2 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF))))
            good = false;
        if (good) {
            out.append(reinterpret_cast<const char*>(p), n + 1);
            p += n + 1;
        } else {
            out += "\xEF\xBF\xBD";  // U+FFFD for the maximal bad prefix
            p += std::max(1, i > 1 ? i : 1);
        }
    }
    return out;
}

namespace {

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};

// ICU conversion of the whole buffer to UTF-8; bad sequences → U+FFFD.
bool icu_convert(std::string_view bytes, const std::string& charset, std::string& out) {
    UErrorCode err = U_ZERO_ERROR;
    // Shift_JIS as browsers decode it is Microsoft's variant.
    const char* icu_name = charset == "Shift_JIS" ? "windows-31j" : charset.c_str();
    std::unique_ptr<UConverter, ConverterCloser> from(ucnv_open(icu_name, &err));
    if (U_FAILURE(err)) return false;
    err = U_ZERO_ERROR;
    std::unique_ptr<UConverter, ConverterCloser> to(ucnv_open("UTF-8", &err));
    if (U_FAILURE(err)) return false;
    // U+FFFD for undecodable input (ICU's default for some single-byte
    // converters would be U+001A).
    static const UChar fffd[] = {0xFFFD};
    err = U_ZERO_ERROR;
    ucnv_setSubstString(from.get(), fffd, 1, &err);
    out.clear();
    if (bytes.empty()) return true;
    out.resize(bytes.size() * 3 + 16);
    char* target = out.data();
    const char* source = bytes.data();
    UChar pivot[1024];
    UChar* ps = pivot;
    UChar* pt = pivot;
    for (;;) {
        err = U_ZERO_ERROR;
        ucnv_convertEx(to.get(), from.get(), &target, out.data() + out.size(), &source, bytes.data() + bytes.size(), pivot, &ps,
                       &pt, pivot + 1024, false, true, &err);
        if (err == U_BUFFER_OVERFLOW_ERROR) {
            size_t used = target - out.data();
            out.resize(out.size() * 2);
            target = out.data() + used;
            continue;
        }
        if (U_FAILURE(err)) return false;
        break;
    }
    out.resize(target - out.data());
    return true;
}

// ICU's guess for bytes that are not UTF-8; windows-1252 when it has none.
std::string detect(std::string_view bytes, bool html) {
    UErrorCode err = U_ZERO_ERROR;
    UCharsetDetector* d = ucsdet_open(&err);
    if (U_FAILURE(err)) return "windows-1252";
    // The detector works on a bounded sample; 64 KB is plenty.
    std::string_view sample = bytes.substr(0, 65536);
    ucsdet_setText(d, sample.data(), static_cast<int32_t>(sample.size()), &err);
    ucsdet_enableInputFilter(d, html);  // ignore markup
    std::string result = "windows-1252";
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(d, &n, &err);
    int32_t best_conf = -1, western_conf = -1;
    if (U_SUCCESS(err)) {
        for (int32_t i = 0; i < n; ++i) {
            UErrorCode e2 = U_ZERO_ERROR;
            const char* name = ucsdet_getName(matches[i], &e2);
            int32_t conf = ucsdet_getConfidence(matches[i], &e2);
            if (U_FAILURE(e2) || !name || conf < 10) break;
            std::string c = canonical_charset(name);
            if (c.empty() || c == "UTF-8" || c.rfind("UTF-16", 0) == 0 || c.rfind("UTF-32", 0) == 0 || c.rfind("ibm", 0) == 0 ||
                c.rfind("IBM", 0) == 0)
                continue;  // not UTF-8 (we checked) and not the EBCDIC/Arabic-visual oddities
            if (c == "windows-1252" && western_conf < 0) western_conf = conf;
            if (best_conf < 0) {
                result = c;
                best_conf = conf;
            }
        }
    }
    // Short Latin-script samples are a coin toss between windows-1250/1252/
    // 1254 and friends; Western European is by far the most common on the
    // web, so a near tie goes to windows-1252.
    static const char* latin[] = {"windows-1250", "windows-1254", "windows-1257", "iso-8859-2", "iso-8859-9",
                                  "iso-8859-13", "iso-8859-15", "iso-8859-3", "iso-8859-4", "iso-8859-16"};
    for (const char* l : latin)
        if (result == l && western_conf >= 0 && western_conf + 15 >= best_conf) result = "windows-1252";
    ucsdet_close(d);
    return result;
}

bool looks_html(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 1024);
    return head.find('<') != std::string_view::npos;
}

}  // namespace

}  // namespace detail

std::string to_utf8(std::string_view bytes, std::string_view content_type, std::string* charset_out) {
    using namespace detail;
    auto done = [&](std::string cs, std::string text) {
        if (charset_out) *charset_out = std::move(cs);
        return text;
    };
    auto convert = [&](std::string_view b, const std::string& cs) {
        std::string out;
        if (!icu_convert(b, cs, out)) throw DocumentError(fmt::format("cannot decode the bytes as {}", cs));
        return out;
    };
    // 1. Byte order mark.
    if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        std::string_view rest = bytes.substr(3);
        return done("UTF-8", valid_utf8(rest) ? std::string(rest) : repair_utf8(rest));
    }
    if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
        std::string cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
        return done(cs, convert(bytes.substr(2), cs));
    }
    // 2. Content-Type header, 3. <meta>/<?xml?> prescan.
    std::string declared = canonical_charset(charset_from_content_type(content_type));
    if (declared.empty()) {
        declared = canonical_charset(prescan_charset(bytes));
        // A document cannot declare itself UTF-16 in ASCII; the HTML standard
        // reads that as UTF-8.
        if (declared.rfind("UTF-16", 0) == 0) declared = "UTF-8";
    }
    size_t multibyte = 0;
    bool utf8 = valid_utf8(bytes, &multibyte);
    if (declared == "UTF-8" || declared.empty()) {
        if (utf8) return done("UTF-8", std::string(bytes));
        // Mostly good UTF-8 with a few bad bytes stays UTF-8 (repaired);
        // otherwise it is legacy bytes, mislabelled or unlabelled.
        if (declared == "UTF-8" || multibyte > 0) {
            std::string repaired = repair_utf8(bytes);
            size_t bad = 0;
            for (size_t p = 0; (p = repaired.find("\xEF\xBF\xBD", p)) != std::string::npos; p += 3) ++bad;
            if (multibyte >= 4 * bad) return done("UTF-8", std::move(repaired));
        }
        std::string cs = detect(bytes, looks_html(bytes));
        return done(cs, convert(bytes, cs));
    }
    // A legacy label on bytes that are valid multi-byte UTF-8: the label is
    // stale (random legacy text is practically never valid UTF-8).
    if (utf8 && multibyte > 0 && declared.rfind("UTF-16", 0) != 0) return done("UTF-8", std::string(bytes));
    std::string out;
    if (icu_convert(bytes, declared, out)) return done(declared, std::move(out));
    // ICU has the name but cannot open it: fall back to detection.
    std::string cs = utf8 ? "UTF-8" : detect(bytes, looks_html(bytes));
    if (cs == "UTF-8") return done(cs, std::string(bytes));
    return done(cs, convert(bytes, cs));
}

}  // namespace claimex::document
