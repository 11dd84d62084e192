// metadata.cc — title, dates, publisher, authors, language and canonical URL
// of a page.
//
// Sources, strongest first: JSON-LD (the article object, also inside @graph
// and arrays, with @id references resolved), microdata (itemprop), OpenGraph
// and article:* tags, Twitter tags, the many <meta name="date"> spellings,
// then the page itself: <time datetime> in the article, bylines, visible
// datelines, the <title> minus the site name. Dates are normalised to ISO
// 8601 keeping the zone.
#include "extractor/document/internal.h"

#include <algorithm>
#include <cstring>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace claimex::document::detail {

namespace {

using json = nlohmann::json;

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

bool is_url(std::string_view s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0 || s.rfind("/", 0) == 0; }

std::string node_text(pugi::xml_node n) {
    std::string out;
    std::vector<pugi::xml_node> stack{n};
    // Depth-first, children in order.
    while (!stack.empty()) {
        pugi::xml_node c = stack.back();
        stack.pop_back();
        if (c.type() == pugi::node_pcdata) {
            out += c.value();
            continue;
        }
        if (c.type() != pugi::node_element || std::strcmp(c.name(), "script") == 0) continue;
        if (std::strcmp(c.name(), "br") == 0) out += '\n';
        std::vector<pugi::xml_node> kids;
        for (pugi::xml_node k = c.first_child(); k; k = k.next_sibling()) kids.push_back(k);
        for (size_t i = kids.size(); i-- > 0;) stack.push_back(kids[i]);
    }
    return out;
}

// Class/id words that mark a byline.
bool byline_hint(pugi::xml_node n) {
    std::string v = lower(std::string(n.attribute("class").value()) + " " + n.attribute("id").value());
    std::string word;
    auto check = [](const std::string& w) {
        static const char* words[] = {"byline", "bylines", "author", "authors", "autor", "auteur", "writer", "writers",
                                      "contributor", "contributors", "by", "signature", "credits", "authorname"};
        for (const char* x : words)
            if (w == x) return true;
        return false;
    };
    for (char c : v) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            word += c;
        } else {
            if (check(word)) return true;
            word.clear();
        }
    }
    return check(word);
}

bool comment_like(pugi::xml_node n) {
    for (pugi::xml_node a = n; a; a = a.parent()) {
        if (a.type() != pugi::node_element) break;
        std::string v = lower(std::string(a.attribute("class").value()) + " " + a.attribute("id").value());
        if (v.find("comment") != std::string::npos || v.find("respon") != std::string::npos ||
            v.find("related") != std::string::npos || v.find("recommend") != std::string::npos ||
            v.find("reply") != std::string::npos)
            return true;
    }
    return false;
}

struct Page {
    std::vector<std::pair<std::string, std::string>> metas;  // lower key → content
    std::vector<std::string> json_ld;
    std::string title_tag;
    std::vector<std::string> h1s;
    std::string html_lang;
    std::string canonical;
    std::vector<pugi::xml_node> itemprops;
    std::vector<pugi::xml_node> bylines;
    std::vector<std::string> copyrights;

    std::string meta(std::initializer_list<const char*> keys) const {
        for (const char* k : keys)
            for (const auto& [key, value] : metas)
                if (key == k && !value.empty()) return value;
        return "";
    }
    std::vector<std::string> metas_all(const char* k) const {
        std::vector<std::string> out;
        for (const auto& [key, value] : metas)
            if (key == k && !value.empty()) out.push_back(value);
        return out;
    }
};

void scan(const pugi::xml_document& dom, Page& pg) {
    pugi::xml_node html = dom.document_element();
    if (!html) return;
    pg.html_lang = html.attribute("lang").value();
    if (pg.html_lang.empty()) pg.html_lang = html.attribute("xml:lang").value();
    std::vector<pugi::xml_node> stack{html};
    while (!stack.empty()) {
        pugi::xml_node n = stack.back();
        stack.pop_back();
        if (n.type() == pugi::node_pcdata) {
            std::string_view v = n.value();
            if (v.size() < 300 && (v.find("\xC2\xA9") != std::string_view::npos || lower(v).find("copyright") != std::string::npos ||
                                   v.find("版权所有") != std::string_view::npos))
                pg.copyrights.emplace_back(v);
            continue;
        }
        if (n.type() != pugi::node_element) continue;
        std::string_view name = n.name();
        if (name == "meta") {
            std::string content = n.attribute("content").value();
            for (const char* attr : {"name", "property", "itemprop", "http-equiv"}) {
                std::string_view key = n.attribute(attr).value();
                if (!key.empty()) pg.metas.emplace_back(lower(key), content);
            }
            if (n.attribute("itemprop")) pg.itemprops.push_back(n);
            continue;
        }
        if (name == "script") {
            if (lower(n.attribute("type").value()).find("ld+json") != std::string::npos) pg.json_ld.push_back(n.text().get());
            continue;
        }
        if (name == "title" && pg.title_tag.empty() && !(n.parent() && std::strcmp(n.parent().name(), "svg") == 0)) {
            pg.title_tag = collapse_space(n.text().get());
            continue;
        }
        if (name == "link") {
            std::string rel = lower(n.attribute("rel").value());
            if (pg.canonical.empty() && (" " + rel + " ").find(" canonical ") != std::string::npos) pg.canonical = n.attribute("href").value();
            continue;
        }
        if (name == "h1" && pg.h1s.size() < 5) {
            std::string t = collapse_space(node_text(n));
            if (!t.empty()) pg.h1s.push_back(t);
        }
        if (n.attribute("itemprop")) pg.itemprops.push_back(n);
        if (pg.bylines.size() < 20 && (std::string_view(n.attribute("rel").value()) == "author" || byline_hint(n) ||
                                       name == "address"))
            pg.bylines.push_back(n);
        std::vector<pugi::xml_node> kids;
        for (pugi::xml_node k = n.first_child(); k; k = k.next_sibling()) kids.push_back(k);
        for (size_t i = kids.size(); i-- > 0;) stack.push_back(kids[i]);
    }
}

// ---- JSON-LD ----

const std::vector<std::string_view>& article_types() {
    static const std::vector<std::string_view> t = {
        "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
        "ReviewNewsArticle", "AskPublicNewsArticle", "Article", "BlogPosting", "LiveBlogPosting", "Report",
        "TechArticle", "ScholarlyArticle", "SocialMediaPosting", "SatiricalArticle", "AdvertiserContentArticle"};
    return t;
}

bool has_type(const json& o, std::string_view type) {
    if (!o.is_object() || !o.contains("@type")) return false;
    const json& t = o["@type"];
    auto match = [&](const json& v) {
        if (!v.is_string()) return false;
        std::string s = v.get<std::string>();
        if (size_t slash = s.rfind('/'); slash != std::string::npos) s = s.substr(slash + 1);  // "http://schema.org/NewsArticle"
        return s == type;
    };
    if (t.is_array()) return std::any_of(t.begin(), t.end(), match);
    return match(t);
}

// Every object, with how deeply it is nested under other objects (@graph
// and top-level arrays do not count): the page's article is the shallowest.
void collect_objects(const json& j, std::vector<std::pair<const json*, int>>& out, int depth, int level) {
    if (depth > 12) return;
    if (j.is_array()) {
        for (const auto& x : j) collect_objects(x, out, depth + 1, level);
    } else if (j.is_object()) {
        out.emplace_back(&j, level);
        for (const auto& [k, v] : j.items())
            if (v.is_object() || v.is_array()) collect_objects(v, out, depth + 1, k == "@graph" ? level : level + 1);
    }
}

std::string str(const json& v) {
    if (v.is_string()) return collapse_space(v.get<std::string>());
    if (v.is_array() && !v.empty()) return str(v[0]);
    if (v.is_object() && v.contains("@value")) return str(v["@value"]);
    if (v.is_number_integer()) return std::to_string(v.get<long long>());
    return "";
}

struct LdIndex {
    std::unordered_map<std::string, const json*> by_id;
    const json* resolve(const json& v) const {
        if (v.is_object() && v.contains("@id") && v.size() <= 2 && !v.contains("name")) {
            std::string id = str(v["@id"]);
            auto it = by_id.find(id);
            if (it != by_id.end()) return it->second;
        }
        return &v;
    }
    std::string name_of(const json& v) const {
        std::string n;
        if (v.is_string()) {
            n = is_url(v.get<std::string>()) ? "" : collapse_space(v.get<std::string>());
        } else {
            const json* r = resolve(v);
            if (r->is_object() && r->contains("name")) n = str((*r)["name"]);
        }
        // Some CMSs write the byline into the name: "By Jane Doe".
        if (n.size() > 3 && (n.rfind("By ", 0) == 0 || n.rfind("by ", 0) == 0)) n = n.substr(3);
        return n;
    }
};

json parse_json_lenient(const std::string& text) {
    std::string t = text;
    // <!-- --> and CDATA wrappers some CMSs leave around the JSON.
    for (const char* junk : {"<![CDATA[", "]]>", "<!--", "-->"}) {
        size_t p;
        while ((p = t.find(junk)) != std::string::npos) t.erase(p, std::strlen(junk));
    }
    json j = json::parse(t, nullptr, false);
    if (!j.is_discarded()) return j;
    // Raw control characters inside strings are the usual breakage.
    for (char& c : t)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return json::parse(t, nullptr, false);
}

// ---- title ----

std::vector<std::string> split_title(std::string_view t) {
    static const std::string_view seps[] = {" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " • ", "_", " / "};
    std::vector<std::string> parts{std::string(t)};
    for (std::string_view sep : seps) {
        std::vector<std::string> next;
        for (const auto& p : parts) {
            size_t start = 0, pos;
            while ((pos = p.find(sep, start)) != std::string::npos) {
                next.push_back(collapse_space(p.substr(start, pos - start)));
                start = pos + sep.size();
            }
            next.push_back(collapse_space(p.substr(start)));
        }
        parts = std::move(next);
    }
    parts.erase(std::remove(parts.begin(), parts.end(), std::string()), parts.end());
    return parts;
}

bool same_text(std::string_view a, std::string_view b) {
    auto fold = [](std::string_view s) {
        std::string out;
        for (unsigned char c : s)
            if (c >= 0x80 || std::isalnum(c)) out.push_back(static_cast<char>(c >= 0x80 ? c : std::tolower(c)));
        return out;
    };
    std::string fa = fold(a), fb = fold(b);
    return !fa.empty() && fa == fb;
}

std::string site_from_copyright(const std::vector<std::string>& parts, const std::vector<std::string>& copyrights) {
    for (const auto& part : parts)
        for (const auto& c : copyrights)
            if (part.size() >= 3 && c.find(part) != std::string::npos) return part;
    return "";
}

}  // namespace

std::vector<std::string> parse_byline(std::string_view in) {
    std::vector<std::string> names;
    static const char* roles[] = {"staff", "writer", "reporter", "correspondent", "editor", "contributor", "columnist",
                                  "photographer", "press", "desk", "team", "bureau", "news", "service", "agency",
                                  "updated", "published", "posted", "senior", "chief", "political", "economics",
                                  "science", "business", "farming", "sports", "associated", "reuters", "afp", "ap"};
    auto role = [&](std::string_view w) {
        std::string l = lower(w);
        for (const char* r : roles)
            if (l == r) return true;
        return false;
    };
    // One line at a time ("Steve Barton\nSaturday 2 March 2024").
    std::string text(in);
    size_t lstart = 0;
    while (lstart <= text.size()) {
        size_t lend = text.find('\n', lstart);
        if (lend == std::string::npos) lend = text.size();
        std::string line = collapse_space(std::string_view(text).substr(lstart, lend - lstart));
        lstart = lend + 1;
        if (line.empty()) continue;
        // Drop what comes before "by " near the start.
        std::string l = lower(line);
        for (const char* by : {"by ", "von ", "par ", "por ", "door ", "av "}) {
            size_t p = l.find(by);
            if (p != std::string::npos && p < 40 && (p == 0 || l[p - 1] == ' ')) {
                line = line.substr(p + std::strlen(by));
                l = lower(line);
                break;
            }
        }
        // Cut at field separators.
        for (std::string_view sep : {" | ", " · ", " • ", " - ", " — ", " – ", "|", "·"}) {
            size_t p = line.find(sep);
            if (p != std::string::npos) line = line.substr(0, p);
        }
        // Split names.
        std::vector<std::string> parts;
        std::string cur;
        std::vector<std::string> words;
        {
            std::string w;
            for (size_t i = 0; i <= line.size(); ++i) {
                char c = i < line.size() ? line[i] : ' ';
                if (c == ' ') {
                    if (!w.empty()) words.push_back(w);
                    w.clear();
                } else if (c == ',' || c == ';' || c == '&') {
                    if (!w.empty()) words.push_back(w);
                    w.clear();
                    words.push_back(",");
                } else {
                    w += c;
                }
            }
        }
        std::vector<std::string> part;
        auto finish = [&]() {
            // Capitalised words, no roles, no digits; stop at "in London".
            std::vector<std::string> name;
            bool followed = false;
            for (size_t i = 0; i < part.size(); ++i) {
                const std::string& w = part[i];
                unsigned char c0 = w[0];
                bool digit = std::any_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
                bool cap = c0 >= 0x80 || std::isupper(c0);
                // Role words end a name ("Jane Doe Staff Writer") but can
                // be a surname ("Ann Writer").
                if (!cap || digit || (role(w) && name.size() != 1) || w.find('@') != std::string::npos) {
                    followed = true;
                    break;
                }
                name.push_back(w);
            }
            if (followed && name.size() >= 3) name.resize(2);
            if (!name.empty() && name.size() <= 4) {
                std::string n;
                for (const auto& w : name) n += (n.empty() ? "" : " ") + w;
                // A lone word is a name only in scripts without spaces (李文).
                if (name.size() >= 2 || static_cast<unsigned char>(n[0]) >= 0xE0) names.push_back(n);
            }
            part.clear();
        };
        for (const auto& w : words) {
            std::string lw = lower(w);
            if (w == "," || lw == "and" || lw == "und" || lw == "et" || lw == "y" || lw == "e" || lw == "и" || lw == "in" ||
                lw == "at" || lw == "for") {
                bool stop = lw == "in" || lw == "at" || lw == "for";
                finish();
                if (stop) {
                    // "Jane Doe in London and John Roe in Paris": skip the place.
                    part.push_back("\x01");
                }
                continue;
            }
            if (!part.empty() && part[0] == "\x01") {
                // inside a place name; names resume after "and"
                continue;
            }
            part.push_back(w);
        }
        if (!part.empty() && part[0] != "\x01") finish();
    }
    std::vector<std::string> unique;
    for (auto& n : names)
        if (std::find(unique.begin(), unique.end(), n) == unique.end()) unique.push_back(n);
    return unique;
}

Metadata extract_metadata(const pugi::xml_document& dom, std::string_view base_url) {
    Metadata m;
    Page pg;
    scan(dom, pg);

    // JSON-LD: every object, by @id, and the article among them.
    std::vector<json> docs;
    for (const auto& text : pg.json_ld) {
        json j = parse_json_lenient(text);
        if (!j.is_discarded()) docs.push_back(std::move(j));
    }
    std::vector<std::pair<const json*, int>> nested;
    for (const auto& d : docs) collect_objects(d, nested, 0, 0);
    std::stable_sort(nested.begin(), nested.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
    std::vector<const json*> objects;
    for (const auto& [o, level] : nested) objects.push_back(o);
    LdIndex idx;
    for (const json* o : objects)
        if (o->contains("@id") && o->size() > 2) idx.by_id.emplace(str((*o)["@id"]), o);
    const json* article = nullptr;
    int article_level = 1 << 20;
    for (std::string_view type : article_types())
        for (const auto& [o, level] : nested)
            if (level < article_level && has_type(*o, type) && (o->contains("headline") || o->contains("datePublished"))) {
                article = o;
                article_level = level;
            }
    std::string ld_headline, ld_published, ld_modified, ld_publisher, ld_site;
    std::vector<std::string> ld_authors;
    if (article) {
        const json& a = *article;
        if (a.contains("headline")) ld_headline = str(a["headline"]);
        if (ld_headline.empty() && a.contains("name")) ld_headline = str(a["name"]);
        if (a.contains("datePublished")) ld_published = normalise_date(str(a["datePublished"]));
        if (a.contains("dateModified")) ld_modified = normalise_date(str(a["dateModified"]));
        if (a.contains("author")) {
            const json& au = a["author"];
            if (au.is_array()) {
                for (const auto& x : au)
                    if (auto n = idx.name_of(x); !n.empty()) ld_authors.push_back(n);
            } else if (auto n = idx.name_of(au); !n.empty()) {
                ld_authors.push_back(n);
            }
        }
        if (a.contains("publisher")) ld_publisher = idx.name_of(a["publisher"]);
        if (a.contains("inLanguage")) m.lang = str(a["inLanguage"]);
        if (a.contains("articleBody")) m.article_body = str(a["articleBody"]);
    }
    for (const json* o : objects)
        if ((has_type(*o, "WebSite") || has_type(*o, "NewsMediaOrganization")) && o->contains("name")) {
            ld_site = str((*o)["name"]);
            break;
        }

    // Microdata.
    std::string md_headline, md_published, md_modified, md_author;
    for (pugi::xml_node n : pg.itemprops) {
        std::string_view prop = n.attribute("itemprop").value();
        auto value = [&]() {
            for (const char* attr : {"content", "datetime"})
                if (n.attribute(attr)) return collapse_space(n.attribute(attr).value());
            return collapse_space(node_text(n));
        };
        if (prop == "headline" && md_headline.empty()) md_headline = value();
        else if (prop == "datePublished" && md_published.empty()) md_published = normalise_date(value());
        else if (prop == "dateModified" && md_modified.empty()) md_modified = normalise_date(value());
        else if (prop == "author" && md_author.empty()) {
            pugi::xml_node name = n.find_node([](pugi::xml_node x) { return std::string_view(x.attribute("itemprop").value()) == "name"; });
            md_author = name ? collapse_space(name.attribute("content") ? name.attribute("content").value() : node_text(name).c_str())
                             : value();
            if (is_url(md_author)) md_author.clear();
        }
    }

    // Publisher.
    std::string og_site = collapse_space(pg.meta({"og:site_name"}));
    m.publisher = !ld_publisher.empty() ? ld_publisher : og_site;
    if (m.publisher.empty()) m.publisher = collapse_space(pg.meta({"dc.publisher", "dcterms.publisher", "publisher"}));
    if (m.publisher.empty()) m.publisher = ld_site;
    if (m.publisher.empty()) m.publisher = collapse_space(pg.meta({"application-name", "al:ios:app_name"}));

    // Title.
    std::string og_title = collapse_space(pg.meta({"og:title"}));
    std::string tw_title = collapse_space(pg.meta({"twitter:title"}));
    std::string dc_title = collapse_space(pg.meta({"dc.title", "dcterms.title", "title", "sailthru.title", "parsely-title"}));
    std::string base = !og_title.empty() ? og_title : !tw_title.empty() ? tw_title : !dc_title.empty() ? dc_title : pg.title_tag;
    auto clean = [&](const std::string& t) -> std::string {
        if (t.empty()) return t;
        for (const auto& h : pg.h1s)
            if (same_text(h, t)) return t;
        std::vector<std::string> parts = split_title(t);
        if (parts.size() <= 1) return t;
        for (const auto& h : pg.h1s)
            for (const auto& p : parts)
                if (same_text(h, p)) return p;
        std::string site = m.publisher;
        if (site.empty()) site = site_from_copyright(parts, pg.copyrights);
        std::vector<std::string> rest;
        for (const auto& p : parts)
            if (!same_text(p, site) && !(site.size() > 3 && p.find(site) != std::string::npos && p.size() < site.size() + 6))
                rest.push_back(p);
        if (rest.empty()) return t;
        if (rest.size() == parts.size() && parts.size() == 2) {
            // Unknown site name: the shorter end segment is the site.
            return parts[0].size() >= parts[1].size() ? parts[0] : parts[1];
        }
        return *std::max_element(rest.begin(), rest.end(), [](const auto& a, const auto& b) { return a.size() < b.size(); });
    };
    if (!ld_headline.empty()) {
        m.title = ld_headline;
        // Truncated headlines ("...") yield to a longer tag that starts the same.
        if ((ld_headline.size() > 3 && ld_headline.substr(ld_headline.size() - 3) == "...") || ld_headline.find("\xE2\x80\xA6") != std::string::npos) {
            std::string c = clean(base);
            if (c.size() > ld_headline.size()) m.title = c;
        }
    } else if (!md_headline.empty()) {
        m.title = md_headline;
    } else if (!base.empty()) {
        m.title = clean(base);
    } else if (!pg.h1s.empty()) {
        m.title = pg.h1s[0];
    }
    if (m.publisher.empty() && !pg.title_tag.empty()) {
        std::vector<std::string> parts = split_title(pg.title_tag);
        if (parts.size() > 1) m.publisher = site_from_copyright(parts, pg.copyrights);
    }
    for (const std::string* t : {&m.title, &ld_headline, &og_title, &tw_title, &pg.title_tag})
        if (!t->empty()) m.title_variants.push_back(*t);
    for (const auto& h : pg.h1s) m.title_variants.push_back(h);
    // A line that only names the site is furniture too.
    if (!m.publisher.empty()) m.title_variants.push_back(m.publisher);
    for (const auto& p : split_title(pg.title_tag))
        if (p.size() > 25) m.title_variants.push_back(p);

    // Dates.
    m.published = ld_published;
    if (m.published.empty()) {
        for (const char* key : {"article:published_time", "og:article:published_time", "article:published", "published_time",
                                "og:published_time", "datepublished", "date_published", "publish-date", "publishdate",
                                "publish_date", "publication_date", "pubdate", "date", "dc.date.issued", "dcterms.issued",
                                "dc.date", "dcterms.date", "dcterms.created", "dc.date.created", "parsely-pub-date",
                                "sailthru.date", "article.published", "article_date_original", "original-publish-date",
                                "cxenseparse:recs:publishtime", "og:pubdate", "displaydate", "release_date"}) {
            std::string v = normalise_date(pg.meta({key}));
            if (!v.empty()) {
                m.published = v;
                break;
            }
        }
    }
    if (m.published.empty()) m.published = md_published;
    m.modified = ld_modified;
    if (m.modified.empty())
        for (const char* key : {"article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified",
                                "article.updated", "lastmod"}) {
            std::string v = normalise_date(pg.meta({key}));
            if (!v.empty()) {
                m.modified = v;
                break;
            }
        }
    if (m.modified.empty()) m.modified = md_modified;

    // Authors.
    m.authors = ld_authors;
    if (m.authors.empty()) {
        for (const char* key : {"article:author", "author", "byl", "dc.creator", "dcterms.creator", "sailthru.author",
                                "parsely-author", "citation_author"}) {
            for (const auto& v : pg.metas_all(key)) {
                if (is_url(v)) continue;
                std::string c = collapse_space(v);
                std::vector<std::string> names = parse_byline(c);
                // A meta author is usually just the name; keep it when the
                // byline parser finds nothing (lower-case or one word).
                if (names.empty() && !c.empty() && c.size() < 60) names.push_back(c);
                for (auto& n : names)
                    if (std::find(m.authors.begin(), m.authors.end(), n) == m.authors.end()) m.authors.push_back(n);
            }
            if (!m.authors.empty()) break;
        }
    }
    if (m.authors.empty() && !md_author.empty()) m.authors.push_back(md_author);
    if (m.authors.empty()) {
        // rel=author links first (just the name), then byline boxes.
        for (pugi::xml_node n : pg.bylines) {
            if (comment_like(n)) continue;
            if (std::string_view(n.attribute("rel").value()) == "author") {
                std::string t = collapse_space(node_text(n));
                if (!t.empty() && t.size() < 60 && std::find(m.authors.begin(), m.authors.end(), t) == m.authors.end())
                    m.authors.push_back(t);
            }
        }
        if (m.authors.empty())
            for (pugi::xml_node n : pg.bylines) {
                if (comment_like(n)) continue;
                std::string t = node_text(n);
                if (t.size() > 300) continue;
                m.authors = parse_byline(t);
                if (!m.authors.empty()) break;
            }
    }

    // Language and canonical URL.
    m.lang = !pg.html_lang.empty() ? pg.html_lang : !m.lang.empty() ? m.lang : pg.meta({"content-language", "language", "dc.language", "og:locale"});
    std::replace(m.lang.begin(), m.lang.end(), '_', '-');
    m.lang = collapse_space(m.lang);
    std::string canon = !pg.canonical.empty() ? pg.canonical : pg.meta({"og:url"});
    if (!canon.empty()) m.canonical_url = base_url.empty() ? canon : resolve_url(base_url, canon);
    return m;
}

void complete_metadata(Metadata& m, const pugi::xml_document& dom, const Extraction& ex) {
    // The article around the content: its nearest <article>/<main> or a few
    // levels up, where the headline, byline and <time> live.
    pugi::xml_node scope = ex.content;
    if (scope) {
        pugi::xml_node a = scope;
        int up = 0;
        while (a && a.type() == pugi::node_element && up < 4) {
            std::string_view n = a.name();
            if (n == "article" || n == "main" || n == "body") break;
            a = a.parent();
            ++up;
        }
        if (a && a.type() == pugi::node_element && std::string_view(a.name()) != "body") scope = a;
        else if (scope.parent() && scope.parent().parent()) scope = scope.parent().parent();
    }
    if (m.published.empty()) {
        for (pugi::xml_node root : {scope, dom.document_element()}) {
            if (!root || !m.published.empty()) continue;
            pugi::xml_node found;
            root.find_node([&](pugi::xml_node n) {
                if (std::strcmp(n.name(), "time") != 0 || comment_like(n)) return false;
                std::string cls = lower(n.attribute("class").value());
                if (cls.find("updated") != std::string::npos || cls.find("modified") != std::string::npos) return false;
                std::string v = normalise_date(n.attribute("datetime").value());
                if (v.empty()) return false;
                m.published = v;
                found = n;
                return true;
            });
        }
    }
    if (m.published.empty())
        for (const auto* list : {&ex.date_texts, &ex.byline_texts})
            for (const auto& t : *list) {
                std::string d = find_date_in_text(t);
                if (!d.empty() && m.published.empty()) m.published = d;
            }
    if (m.authors.empty())
        for (const auto& t : ex.byline_texts) {
            m.authors = parse_byline(t);
            if (!m.authors.empty()) break;
        }
}

}  // namespace claimex::document::detail
