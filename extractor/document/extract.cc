// extract.cc — main-text extraction: which part of a page is the article.
//
// 1. Mirror the DOM in a flat preorder array (parent, subtree end, tag kind,
//    class/id hints) so every later pass is a loop over integers.
// 2. Drop what is never article text: scripts, forms, navigation, asides,
//    footers, hidden elements; then elements whose class/id says boilerplate
//    (cookie, newsletter, share, related, comments, ads, ...) unless they hold
//    most of the page's text; then the smallest box around every e-mail input
//    (newsletter sign-ups in any language).
// 3. Cut the rest into blocks: the text between block-level boundaries
//    (paragraphs, list items, headings, table rows, double <br>).
// 4. Score containers by the paragraphs they hold (length, commas, link
//    density; parents get the full score, grandparents half, further
//    ancestors less), with class/id hints, <article>/<main>/articleBody as
//    evidence. Pick the best container, move up when the best few
//    candidates share an ancestor (live blogs, split bodies), and add
//    siblings that look like more of the same.
// 5. Emit the blocks inside in document order, skipping link lists, bylines
//    and datelines, headline repeats, ad labels and orphan headings.
// See README.md in this folder for the reasoning behind each rule.
#include "extractor/document/internal.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace claimex::document::detail {

namespace {

enum class Tag : uint8_t {
    other, inline_, a, br, p, heading, li, list, quote, pre, figure, figcaption, table, tr, cell, container, dl, dtdd,
    header, junk, soft_junk, form, img, input, time
};

struct TagInfo {
    Tag tag;
    bool block;
    uint8_t level;  // heading level
};

TagInfo tag_info(std::string_view n) {
    static const std::unordered_map<std::string_view, TagInfo> tags = {
        {"a", {Tag::a, false, 0}}, {"br", {Tag::br, false, 0}}, {"p", {Tag::p, true, 0}},
        {"h1", {Tag::heading, true, 1}}, {"h2", {Tag::heading, true, 2}}, {"h3", {Tag::heading, true, 3}},
        {"h4", {Tag::heading, true, 4}}, {"h5", {Tag::heading, true, 5}}, {"h6", {Tag::heading, true, 6}},
        {"li", {Tag::li, true, 0}}, {"ul", {Tag::list, true, 0}}, {"ol", {Tag::list, true, 0}},
        {"blockquote", {Tag::quote, true, 0}}, {"pre", {Tag::pre, true, 0}}, {"figure", {Tag::figure, true, 0}},
        {"figcaption", {Tag::figcaption, true, 0}}, {"table", {Tag::table, true, 0}}, {"tr", {Tag::tr, true, 0}},
        {"td", {Tag::cell, true, 0}}, {"th", {Tag::cell, true, 0}}, {"thead", {Tag::container, true, 0}},
        {"tbody", {Tag::container, true, 0}}, {"tfoot", {Tag::container, true, 0}}, {"caption", {Tag::container, true, 0}},
        {"div", {Tag::container, true, 0}}, {"section", {Tag::container, true, 0}}, {"article", {Tag::container, true, 0}},
        {"main", {Tag::container, true, 0}}, {"body", {Tag::container, true, 0}}, {"html", {Tag::container, true, 0}},
        {"center", {Tag::container, true, 0}}, {"details", {Tag::container, true, 0}}, {"summary", {Tag::container, true, 0}},
        {"fieldset", {Tag::container, true, 0}}, {"address", {Tag::container, true, 0}}, {"hr", {Tag::container, true, 0}},
        {"dl", {Tag::dl, true, 0}}, {"dt", {Tag::dtdd, true, 0}}, {"dd", {Tag::dtdd, true, 0}},
        {"header", {Tag::header, true, 0}}, {"hgroup", {Tag::container, true, 0}},
        {"nav", {Tag::soft_junk, true, 0}}, {"aside", {Tag::soft_junk, true, 0}}, {"footer", {Tag::soft_junk, true, 0}},
        {"menu", {Tag::soft_junk, true, 0}}, {"form", {Tag::form, true, 0}},
        {"script", {Tag::junk, true, 0}}, {"style", {Tag::junk, true, 0}}, {"noscript", {Tag::junk, true, 0}},
        {"template", {Tag::junk, true, 0}}, {"svg", {Tag::junk, false, 0}}, {"math", {Tag::junk, false, 0}},
        {"iframe", {Tag::junk, true, 0}}, {"object", {Tag::junk, true, 0}}, {"embed", {Tag::junk, true, 0}},
        {"canvas", {Tag::junk, true, 0}}, {"select", {Tag::junk, false, 0}}, {"option", {Tag::junk, false, 0}},
        {"button", {Tag::junk, false, 0}}, {"textarea", {Tag::junk, false, 0}}, {"video", {Tag::junk, true, 0}},
        {"audio", {Tag::junk, true, 0}}, {"map", {Tag::junk, false, 0}}, {"head", {Tag::junk, true, 0}},
        {"title", {Tag::junk, true, 0}}, {"dialog", {Tag::junk, true, 0}}, {"input", {Tag::input, false, 0}},
        {"img", {Tag::img, false, 0}}, {"picture", {Tag::img, false, 0}}, {"time", {Tag::time, false, 0}},
        {"amp-ad", {Tag::junk, true, 0}}, {"amp-embed", {Tag::junk, true, 0}}, {"amp-analytics", {Tag::junk, true, 0}},
        {"amp-sidebar", {Tag::junk, true, 0}}, {"amp-social-share", {Tag::junk, true, 0}},
        {"amp-sticky-ad", {Tag::junk, true, 0}}, {"amp-consent", {Tag::junk, true, 0}},
        {"amp-geo", {Tag::junk, true, 0}}, {"amp-accordion", {Tag::container, true, 0}},
    };
    auto it = tags.find(n);
    if (it != tags.end()) return it->second;
    return {Tag::inline_, false, 0};
}

// ---- class/id hints ----

enum Hint : uint8_t { hint_none = 0, hint_positive = 1, hint_weak_negative = 2, hint_negative = 4, hint_header = 8 };

const std::unordered_set<std::string_view>& negative_words() {
    static const std::unordered_set<std::string_view> s = {
        "nav", "navbar", "navigation", "navlinks", "menu", "menus", "submenu", "megamenu", "subnav", "topnav", "sitenav",
        "breadcrumb", "breadcrumbs", "crumbs", "footer", "sidebar", "sidebars", "widget", "widgets", "cookie",
        "cookies", "consent", "gdpr", "cmp", "newsletter", "newsletters", "signup", "subscribe", "subscription",
        "subscriptions", "paywall", "regwall", "promo", "promos", "promotion", "promoted", "advert", "adverts",
        "advertisement", "advertising", "ad", "ads", "adslot", "adunit", "adcontainer", "dfp", "sponsor",
        "sponsored", "sponsors", "share", "shares", "sharing", "sharebar", "sharetools", "social", "socials",
        "related", "recommended", "recommendation", "recommendations", "recirc", "recirculation", "trending",
        "popular", "mostread", "mostpopular", "comment", "comments", "disqus", "respond", "reply", "replies",
        "byline", "bylines", "dateline", "tags", "tagcloud", "taglist", "keywords", "modal", "popup", "popover",
        "overlay", "toolbar", "outbrain", "taboola", "donate", "donation", "pagination", "pager", "rating", "ratings",
        "skip", "visuallyhidden", "screenreader", "offscreen", "copyright", "upsell", "login", "signin", "register",
        "toc", "livefyre", "spotim", "openweb", "outbrainwidget", "teaserlist", "ticker", "jumplink", "readmore",
        "seealso", "alsoread", "moreon", "onward", "onwards", "colophon", "cta", "republish", "reprints", "syndication",
        "licensing",
    };
    return s;
}

const std::unordered_set<std::string_view>& weak_negative_words() {
    static const std::unordered_set<std::string_view> s = {
        "meta", "metadata", "info", "author", "authors", "date", "dates", "time", "timestamp", "published", "updated",
        "credits", "label", "labels", "eyebrow", "rubric", "video", "player", "embed", "icon", "icons",
        "logo", "badge", "button", "btn", "buttons", "banner", "bio", "follow", "contact", "topics", "topic",
        "category", "categories", "brand", "utility", "utilities", "tools", "tool", "actions", "action", "print",
        "email", "more", "by", "posted", "sep", "listen", "audio", "affiliate", "disclosure", "notice",
    };
    return s;
}

const std::unordered_set<std::string_view>& header_words() {
    // The article's header: headline, kicker, standfirst (in a few languages).
    static const std::unordered_set<std::string_view> s = {
        "header", "masthead", "topper", "hero", "headline", "headlines", "kicker", "dek", "deck", "standfirst",
        "strapline", "subhead", "vorspann", "chapeau", "chapo", "entradilla", "occhiello", "sottotitolo", "lead-in"};
    return s;
}

const std::unordered_set<std::string_view>& positive_words() {
    static const std::unordered_set<std::string_view> s = {
        "article", "articlebody", "articletext", "articlecontent", "body", "content", "contents", "entry", "main",
        "post", "story", "storybody", "storytext", "text", "prose", "richtext", "copy", "blog", "artikel", "inhalt",
        "corps", "contenu", "texto", "cuerpo", "testo", "tekst", "paragraph", "paragraphs", "fulltext", "bodytext",
        "news", "detail",
    };
    return s;
}

// Pairs of adjacent words that mark boilerplate ("read-more", "most_read").
bool negative_pair(std::string_view a, std::string_view b) {
    static const std::pair<std::string_view, std::string_view> pairs[] = {
        {"read", "more"}, {"more", "from"}, {"more", "stories"}, {"more", "news"}, {"see", "also"},
        {"also", "read"}, {"most", "read"}, {"most", "viewed"}, {"most", "popular"}, {"you", "may"},
        {"might", "like"}, {"also", "like"}, {"more", "like"}, {"read", "next"}, {"up", "next"},
        {"further", "reading"}, {"author", "bio"}, {"about", "author"}, {"author", "box"}, {"sr", "only"},
        {"visually", "hidden"}, {"screen", "reader"}, {"lire", "aussi"}, {"mehr", "zum"}, {"sign", "up"},
    };
    for (const auto& [x, y] : pairs)
        if (a == x && b == y) return true;
    return false;
}

// Splits class/id values into lower-case words ("articleBody__ad-2x" →
// article, body, articlebody, ad).
void hint_words_raw(std::string_view s, std::vector<std::string>& out);

// A hash made by CSS modules or styled-components ("17Yit", "2p5pI").
bool hash_like(std::string_view s) {
    bool digit = false, alpha = false;
    for (char c : s) {
        if (std::isdigit(static_cast<unsigned char>(c))) digit = true;
        else if (std::isalpha(static_cast<unsigned char>(c))) alpha = true;
    }
    return (digit && alpha && s.size() <= 8) || (digit && !alpha);
}

// BEM names ("content__standfirst", "article-body__ad__2pHs") describe the
// element by their last part; the block part names its ancestor.
void hint_words(std::string_view s, std::vector<std::string>& out) {
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        size_t b = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i]))) ++i;
        std::string_view cls = s.substr(b, i - b);
        if (cls.find("__") == std::string_view::npos) {
            hint_words_raw(cls, out);
            continue;
        }
        std::string_view last;
        size_t p = 0;
        while (p <= cls.size()) {
            size_t e = cls.find("__", p);
            if (e == std::string_view::npos) e = cls.size();
            std::string_view part = cls.substr(p, e - p);
            if (!part.empty() && !hash_like(part)) last = part;
            p = e + 2;
        }
        hint_words_raw(last, out);
    }
}

void hint_words_raw(std::string_view s, std::vector<std::string>& out) {
    size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        size_t b = i;
        while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) ++i;
        if (i == b) continue;
        std::string_view piece = s.substr(b, i - b);
        // camelCase parts
        size_t start = 0;
        size_t parts = 0;
        size_t before = out.size();
        for (size_t k = 1; k <= piece.size(); ++k) {
            bool boundary = k == piece.size() ||
                            (std::isupper(static_cast<unsigned char>(piece[k])) && std::islower(static_cast<unsigned char>(piece[k - 1])));
            if (boundary) {
                std::string w(piece.substr(start, k - start));
                for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                bool digits = std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
                if (!digits) out.push_back(w);
                ++parts;
                start = k;
            }
        }
        if (parts > 1) {
            std::string whole(piece);
            for (char& c : whole) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            out.push_back(whole);
        }
        (void)before;
    }
}

uint8_t classify_hints(pugi::xml_node n) {
    // Reused between calls: this runs for every element of every page.
    thread_local std::vector<std::string> words;
    words.clear();
    // data-component / data-testid name components in many React sites.
    for (const char* attr : {"class", "id", "data-component", "data-testid", "data-module"}) {
        pugi::xml_attribute a = n.attribute(attr);
        if (a) {
            if (!words.empty()) words.push_back("|");
            hint_words(a.value(), words);
        }
    }
    uint8_t h = hint_none;
    for (size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (negative_words().count(w)) h |= hint_negative;
        else if (weak_negative_words().count(w)) h |= hint_weak_negative;
        if (header_words().count(w)) h |= hint_header;
        if (positive_words().count(w)) h |= hint_positive;
        if (i + 1 < words.size() && negative_pair(w, words[i + 1])) h |= hint_negative;
    }
    std::string_view itemprop = n.attribute("itemprop").value();
    if (itemprop == "articleBody" || itemprop == "articlebody" || itemprop == "text") h |= hint_positive;
    std::string_view role = n.attribute("role").value();
    if (role == "main" || role == "article") h |= hint_positive;
    if (role == "navigation" || role == "contentinfo" || role == "complementary" || role == "search" || role == "menu" ||
        role == "menubar" || role == "toolbar" || role == "dialog" || role == "alertdialog")
        h |= hint_negative;
    if (role == "banner") h |= hint_header;
    return h;
}

// ---- text measures ----

// Weighted length: CJK characters count 3 (one carries about a word).
int weighted_chars(std::string_view s) {
    int n = 0;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (!std::isspace(c)) ++n;
            ++i;
            continue;
        }
        int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        uint32_t cp = 0;
        if (len == 3 && i + 2 < s.size()) cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
        bool space = (len == 2 && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) || cp == 0x3000;
        if (!space) n += (cp >= 0x2E80 && cp <= 0x9FFF) || (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ? 3 : 1;
        i += len;
    }
    return n;
}

int count_commas(std::string_view s) {
    int n = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == ',') ++n;
        // U+FF0C fullwidth comma, U+3001 ideographic comma, U+060C Arabic comma
        else if (s.compare(i, 3, "\xEF\xBC\x8C") == 0 || s.compare(i, 3, "\xE3\x80\x81") == 0 || s.compare(i, 2, "\xD8\x8C") == 0)
            ++n;
    }
    return n;
}

std::string fold(std::string_view s) {
    // Lower-case ASCII, keep letters and digits only: for comparing headlines.
    std::string out;
    for (unsigned char c : s) {
        if (c >= 0x80) out.push_back(static_cast<char>(c));
        else if (std::isalnum(c)) out.push_back(static_cast<char>(std::tolower(c)));
    }
    return out;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i]))) return false;
    return true;
}

// Short lines that are page furniture in every language we have seen.
bool boilerplate_phrase(std::string_view s) {
    static const std::string_view phrases[] = {
        "advertisement", "advert", "ad ", "sponsored", "anzeige", "werbung", "publicité", "publicidad", "pubblicità",
        "reclame", "реклама", "广告", "広告", "scroll to continue", "continue reading", "read more", "read next",
        "related:", "related articles", "related stories", "see also", "also read", "share this", "share on",
        "share:", "follow us", "sign up", "subscribe", "click here", "listen to this article", "loading",
        "mehr zum thema", "lesen sie auch", "weiterlesen", "à lire aussi", "lire aussi", "lire la suite",
        "leer más", "lee también", "читайте также", "相关阅读", "相关新闻", "関連記事", "skip to", "jump to",
        "back to top", "print this", "email this", "most read", "most popular", "recommended", "watch:", "listen:",
        "photo gallery", "view gallery", "enlarge", "load more", "show more", "comments",
    };
    if (s.size() > 80) return false;
    for (std::string_view p : phrases)
        if (starts_with_ci(s, p) && (s.size() < p.size() + 40)) return true;
    return false;
}

bool ends_sentence(std::string_view s) {
    while (!s.empty() && (s.back() == ' ')) s.remove_suffix(1);
    if (s.empty()) return false;
    char c = s.back();
    if (c == '.' || c == '!' || c == '?' || c == '"' || c == ')' || c == ':') return true;
    // ”  。 」 ！ ？ »
    for (std::string_view e : {"\xE2\x80\x9D", "\xE3\x80\x82", "\xE3\x80\x8D", "\xEF\xBC\x81", "\xEF\xBC\x9F", "\xC2\xBB", "\xEF\xBC\x89"})
        if (s.size() >= e.size() && s.substr(s.size() - e.size()) == e) return true;
    return false;
}

bool byline_start(std::string_view s) {
    static const std::string_view starts[] = {"by ", "von ", "par ", "por ", "di ", "door ", "av ", "af ",
                                                            "från ", "written by ", "words by ", "reporting by ",
                                                            "interview by ", "text: "};
    for (std::string_view p : starts)
        if (starts_with_ci(s, p) && s.size() > p.size() && !std::islower(static_cast<unsigned char>(s[p.size()]))) {
            // "Reporting by X; Editing by Y" closes wire stories: that is text.
            if (p == "reporting by " && s.find(';') != std::string_view::npos) return false;
            return true;
        }
    return false;
}

bool meta_line_words(std::string_view s) {
    static const std::string_view starts[] = {"published", "updated", "posted", "last updated", "first published",
                                                            "veröffentlicht", "aktualisiert", "publié", "mis à jour", "publicado",
                                                            "actualizado", "pubblicato", "modified", "date:"};
    for (std::string_view p : starts)
        if (starts_with_ci(s, p)) return true;
    return false;
}

// ---- the page mirror ----

struct El {
    pugi::xml_node node;
    int parent = -1;
    int end = 0;           // one past the last descendant (preorder)
    Tag tag = Tag::other;
    bool block = false;
    uint8_t level = 0;
    uint8_t hints = 0;
    bool in_link = false;
    bool killed = false;   // removed with its subtree
    bool hard = false;     // removed whatever happens (scripts, forms...)
    bool data_table = false;
    bool in_data_table = false;
    int own_chars = 0, own_link = 0;  // direct text
    int chars = 0, link_chars = 0;    // subtree, without killed parts
    int children = 0;
    double score = 0;
    double direct = 0;     // the part of score from paragraphs that are children
    double bonus = 0;      // the part of score from tag and class/id hints
    double content = 0;    // score without the bonus, after the link penalty
    bool scored = false;
};

struct Block {
    int owner = -1;
    std::string text;
    int chars = 0;
    int link_chars = 0;
};

class Page {
public:
    explicit Page(const pugi::xml_document& dom) { build(dom); }

    Extraction run(const std::vector<std::string>& titles, bool use_hints);

private:
    // The page in document order: element enter (>= 0: mirror index),
    // element exit (-1 - index) and text (kText, with the text in texts_).
    static constexpr int kText = INT32_MIN;
    struct Event {
        int code;
        int el;                 // for text: the parent element
        const char* text;       // for text
    };
    std::vector<El> els_;
    std::vector<Event> events_;
    std::vector<int> enter_pos_;  // element → its enter event
    std::vector<int> exit_pos_;   // element → its exit event
    int body_ = 0;

    void build(const pugi::xml_document& dom);
    void accumulate();
    void mark_tables();
    void kill_soft(bool use_hints);
    std::vector<Block> blocks() const;
    bool inside(int i, int anc) const { return i >= anc && i < els_[anc].end; }
    double link_density(int i) const { return els_[i].chars ? double(els_[i].link_chars) / els_[i].chars : 0; }
};

void Page::build(const pugi::xml_document& dom) {
    struct Item {
        pugi::xml_node node;
        int parent;
    };
    std::vector<Item> stack;
    pugi::xml_node root = dom.document_element();
    if (!root) return;
    stack.push_back({root, -1});
    // Preorder, with `end` fixed when we know the subtree size: we push a
    // marker (null node) after the children of each element.
    std::vector<int> open;
    while (!stack.empty()) {
        Item it = stack.back();
        stack.pop_back();
        if (!it.node) {  // subtree end marker
            els_[it.parent].end = static_cast<int>(els_.size());
            exit_pos_[it.parent] = static_cast<int>(events_.size());
            events_.push_back({-1 - it.parent, it.parent, nullptr});
            continue;
        }
        if (it.node.type() == pugi::node_pcdata) {
            if (it.parent < 0) continue;
            El& p = els_[it.parent];
            if (p.tag == Tag::junk) continue;
            events_.push_back({kText, it.parent, it.node.value()});
            int w = weighted_chars(it.node.value());
            p.own_chars += w;
            if (p.in_link) p.own_link += w;
            continue;
        }
        if (it.node.type() != pugi::node_element) continue;
        El e;
        e.node = it.node;
        e.parent = it.parent;
        TagInfo info = tag_info(it.node.name());
        e.tag = info.tag;
        e.block = info.block;
        e.level = info.level;
        e.hints = classify_hints(it.node);
        e.in_link = info.tag == Tag::a || (it.parent >= 0 && els_[it.parent].in_link);
        if (e.tag == Tag::junk) e.killed = e.hard = true;
        if (it.parent >= 0 && els_[it.parent].killed) e.killed = e.hard = true;
        if (it.parent >= 0) ++els_[it.parent].children;
        // Unknown custom elements: amp-*/x-* ad and consent widgets.
        if (e.tag == Tag::inline_ && std::strchr(it.node.name(), '-')) {
            std::vector<std::string> w;
            hint_words(it.node.name(), w);
            for (const auto& x : w)
                if (negative_words().count(x)) e.killed = e.hard = true;
        }
        int idx = static_cast<int>(els_.size());
        if (std::strcmp(it.node.name(), "body") == 0) body_ = idx;
        els_.push_back(e);
        enter_pos_.push_back(static_cast<int>(events_.size()));
        exit_pos_.push_back(-1);
        events_.push_back({idx, idx, nullptr});
        stack.push_back({pugi::xml_node(), idx});
        std::vector<pugi::xml_node> kids;
        for (pugi::xml_node c = it.node.first_child(); c; c = c.next_sibling()) kids.push_back(c);
        for (size_t k = kids.size(); k-- > 0;) stack.push_back({kids[k], idx});
    }
    mark_tables();
}

void Page::accumulate() {
    for (auto& e : els_) {
        e.chars = e.killed ? 0 : e.own_chars;
        e.link_chars = e.killed ? 0 : e.own_link;
    }
    for (int i = static_cast<int>(els_.size()) - 1; i > 0; --i) {
        const El& e = els_[i];
        if (e.parent >= 0 && !e.killed) {
            els_[e.parent].chars += e.chars;
            els_[e.parent].link_chars += e.link_chars;
        }
    }
}

// A data table (figures, not layout): no nested tables, short cells, two or
// more rows. Its rows become one line each, cells joined by " | ".
void Page::mark_tables() {
    // Subtree text of every element (before any removal), in one pass.
    std::vector<int> raw(els_.size());
    for (int i = static_cast<int>(els_.size()) - 1; i >= 0; --i) {
        raw[i] += els_[i].own_chars;
        if (els_[i].parent >= 0) raw[els_[i].parent] += raw[i];
    }
    for (int i = 0; i < static_cast<int>(els_.size()); ++i) {
        if (els_[i].tag != Tag::table) continue;
        bool nested = false;
        int rows = 0;
        int max_cell = 0;
        bool block_inside = false;
        for (int j = i + 1; j < els_[i].end; ++j) {
            Tag t = els_[j].tag;
            if (t == Tag::table) {
                nested = true;
                break;
            }
            if (t == Tag::tr) ++rows;
            if (t == Tag::cell) max_cell = std::max(max_cell, raw[j]);
            if (t == Tag::p || t == Tag::list || t == Tag::heading || t == Tag::quote) block_inside = true;
        }
        if (!nested && rows >= 2 && max_cell <= 200 && !block_inside) {
            els_[i].data_table = true;
            for (int j = i + 1; j < els_[i].end; ++j) els_[j].in_data_table = true;
        }
    }
    for (auto& e : els_)
        if (e.in_data_table && (e.tag == Tag::cell || e.tag == Tag::container)) e.block = false;
}

void Page::kill_soft(bool use_hints) {
    for (auto& e : els_)
        if (!e.hard) e.killed = false;
    accumulate();
    const double total = std::max(1, els_[body_].chars);
    // Structural and hidden elements, then class/id hints, then sign-up boxes.
    for (int i = 0; i < static_cast<int>(els_.size()); ++i) {
        El& e = els_[i];
        if (e.killed || i == body_ || i == 0) continue;
        double share = e.chars / total;
        bool kill = false;
        if (e.tag == Tag::soft_junk && share < 0.5) kill = true;
        if (e.tag == Tag::form && share < 0.3) kill = true;
        pugi::xml_node n = e.node;
        if (n.attribute("hidden") || std::string_view(n.attribute("aria-hidden").value()) == "true") kill = share < 0.5;
        std::string_view style = n.attribute("style").value();
        if (!style.empty()) {
            std::string st(style);
            st.erase(std::remove(st.begin(), st.end(), ' '), st.end());
            for (char& c : st) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if ((st.find("display:none") != std::string::npos || st.find("visibility:hidden") != std::string::npos) && share < 0.5)
                kill = true;
        }
        if (use_hints && !kill) {
            bool articlebody = std::string_view(n.attribute("itemprop").value()) == "articleBody";
            if (!articlebody && (e.hints & hint_negative)) {
                // A class that says both "article body" and "paywall"/"ad"
                // only loses its box when the box is small.
                double guard = (e.hints & hint_positive) ? 0.15 : 0.6;
                if (share < guard) kill = true;
            }
            if (!kill && !articlebody && (e.hints & hint_weak_negative) && !(e.hints & hint_positive) && e.chars < 150 &&
                e.tag != Tag::heading && e.tag != Tag::figcaption) {
                bool has_para = false;
                for (int j = i + 1; j < e.end && !has_para; ++j)
                    if (els_[j].tag == Tag::p && els_[j].own_chars > 80) has_para = true;
                if (!has_para) kill = true;
            }
        }
        if (kill) {
            for (int j = i; j < e.end; ++j) els_[j].killed = true;
            i = e.end - 1;
        }
    }
    accumulate();
    // Sign-up boxes: the largest small box around an e-mail field or a form.
    for (int i = 0; i < static_cast<int>(els_.size()); ++i) {
        const El& e = els_[i];
        bool email = false;
        if (e.tag == Tag::input) {
            if (std::string_view(e.node.attribute("type").value()) == "email") email = true;
            for (const char* attr : {"name", "id", "placeholder", "aria-label"}) {
                std::string v = e.node.attribute(attr).value();
                for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                if (v.find("mail") != std::string::npos) email = true;
            }
        }
        if (!email && !(e.tag == Tag::form)) continue;
        int box = -1;
        for (int a = e.parent; a > 0 && a != body_; a = els_[a].parent) {
            if (els_[a].chars > 400 || (els_[a].hints & hint_positive && els_[a].chars > 150)) break;
            box = a;
        }
        if (box > 0)
            for (int j = box; j < els_[box].end; ++j) els_[j].killed = true;
    }
    accumulate();
}

std::vector<Block> Page::blocks() const {
    std::vector<Block> out;
    std::string buf;
    int buf_link = 0;
    int owner_stack_top = -1;
    std::vector<int> owners;
    bool row_has_cell = false;
    auto flush = [&](int owner) {
        std::string text;
        // Collapse each line, keep the line breaks that <br> made.
        size_t start = 0;
        while (start <= buf.size()) {
            size_t nl = buf.find('\n', start);
            if (nl == std::string::npos) nl = buf.size();
            std::string line = collapse_space(std::string_view(buf).substr(start, nl - start));
            if (!line.empty()) {
                if (!text.empty()) text += '\n';
                text += line;
            }
            start = nl + 1;
        }
        if (!text.empty() && owner >= 0) {
            Block b;
            b.owner = owner;
            b.chars = weighted_chars(text);
            b.link_chars = std::min(buf_link, b.chars);
            b.text = std::move(text);
            out.push_back(std::move(b));
        }
        buf.clear();
        buf_link = 0;
    };
    if (els_.empty()) return out;
    for (int k = enter_pos_[body_]; k <= exit_pos_[body_]; ++k) {
        const Event& ev = events_[k];
        if (ev.code == kText) {
            if (els_[ev.el].killed) continue;
            std::string_view v = ev.text;
            buf += v;
            if (els_[ev.el].in_link) buf_link += weighted_chars(v);
            continue;
        }
        if (ev.code < 0) {  // exit
            const El& e = els_[ev.el];
            if (e.killed) continue;
            if (e.block) {
                flush(owner_stack_top);
                owners.pop_back();
                owner_stack_top = owners.empty() ? -1 : owners.back();
            }
            continue;
        }
        const El& e = els_[ev.el];
        if (e.killed) {
            k = exit_pos_[ev.el];  // skip the subtree
            continue;
        }
        if (e.tag == Tag::br) {
            // Two <br> in a row end a paragraph.
            size_t last = buf.find_last_not_of(" \t\r");
            if (last != std::string::npos && buf[last] == '\n')
                flush(owner_stack_top);
            else
                buf += '\n';
            continue;
        }
        if (e.in_data_table && e.tag == Tag::cell) {
            if (row_has_cell) buf += " | ";
            row_has_cell = true;
        }
        if (e.block) {
            flush(owner_stack_top);
            owners.push_back(ev.el);
            owner_stack_top = ev.el;
            if (e.tag == Tag::tr) row_has_cell = false;
        } else if (e.tag == Tag::img || e.tag == Tag::input) {
            buf += ' ';
        }
    }
    flush(owner_stack_top);
    return out;
}

// CLAIMEX_DEBUG_EXTRACT=1 prints the decisions on stderr.
bool debug() {
    static const bool on = std::getenv("CLAIMEX_DEBUG_EXTRACT") != nullptr;
    return on;
}

std::string describe(const El& e) {
    std::string d = e.node.name();
    if (const char* c = e.node.attribute("class").value(); *c) d += std::string(".") + c;
    if (const char* c = e.node.attribute("id").value(); *c) d += std::string("#") + c;
    return d.substr(0, 60);
}

Extraction Page::run(const std::vector<std::string>& titles, bool use_hints) {
    Extraction ex;
    if (els_.empty()) return ex;
    kill_soft(use_hints);
    std::vector<Block> bl = blocks();
    for (auto& e : els_) {
        e.score = e.direct = 0;
        e.scored = false;
    }
    // Header-like boxes (site or article headers) and figures hold no body
    // paragraphs worth scoring.
    std::vector<int> header_of(els_.size(), -1);
    for (int i = 0; i < static_cast<int>(els_.size()); ++i) {
        const El& e = els_[i];
        bool header = (e.tag == Tag::header || (e.hints & hint_header)) && e.chars < 0.5 * std::max(1, els_[body_].chars);
        if (header && header_of[i] < 0)
            for (int j = i; j < e.end; ++j)
                if (header_of[j] < 0) header_of[j] = i;
    }
    auto init = [&](int i) {
        El& e = els_[i];
        if (e.scored) return;
        e.scored = true;
        double s = 0;
        switch (e.tag) {
            case Tag::container:
                s = 5;
                break;
            case Tag::pre:
            case Tag::cell:
            case Tag::quote:
                s = 3;
                break;
            case Tag::list:
            case Tag::li:
            case Tag::dl:
            case Tag::dtdd:
            case Tag::form:
                s = -3;
                break;
            case Tag::heading:
                s = -5;
                break;
            default:
                break;
        }
        if (e.hints & hint_positive) s += 25;
        if (e.hints & hint_negative) s -= 25;
        std::string_view name = e.node.name();
        if (name == "article") s += 10;
        if (name == "main") s += 5;
        if (std::string_view(e.node.attribute("itemprop").value()) == "articleBody") s += 25;
        e.score = s;
        e.bonus = s;
    };
    for (const Block& b : bl) {
        const El& o = els_[b.owner];
        if (b.chars < 25 || header_of[b.owner] >= 0) continue;
        if (o.tag == Tag::heading || o.tag == Tag::figcaption) continue;
        if (b.link_chars * 2 > b.chars) continue;
        double s = 1 + count_commas(b.text) + std::min(b.chars / 100, 3);
        int level = 0;
        for (int a = o.parent; a >= 0 && level < 5; a = els_[a].parent, ++level) {
            if (a == 0) break;
            init(a);
            els_[a].score += s / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
            if (level == 0) els_[a].direct += s;
        }
    }
    // Final scores: penalise link-heavy containers.
    std::vector<int> cands;
    for (int i = 0; i < static_cast<int>(els_.size()); ++i)
        if (els_[i].scored && !els_[i].killed) {
            els_[i].content = (els_[i].score - els_[i].bonus) * (1 - link_density(i));
            els_[i].score *= (1 - link_density(i));
            cands.push_back(i);
        }
    std::sort(cands.begin(), cands.end(), [&](int a, int b) { return els_[a].score > els_[b].score; });
    int top = cands.empty() ? body_ : cands[0];
    if (!cands.empty()) {
        // Hints choose between rival boxes, but cannot make a box beat its
        // own descendant: the box that holds the paragraphs wins over the
        // <article class="story"> around it, byline and standfirst.
        int deepest = top;
        for (int c : cands)
            if (c != top && inside(c, top) && els_[c].content >= els_[deepest].content) deepest = c;
        top = deepest;
        // Several strong candidates inside one ancestor: the ancestor is the
        // article (live blogs, bodies split into columns).
        std::vector<int> alts;
        for (size_t k = 1; k < cands.size() && k < 6; ++k)
            if (els_[cands[k]].score >= 0.75 * els_[top].score && !inside(top, cands[k])) alts.push_back(cands[k]);
        if (alts.size() >= 3) {
            for (int a = els_[top].parent; a > 0 && a != body_; a = els_[a].parent) {
                int n = 0;
                for (int c : alts)
                    if (c != a && inside(c, a)) ++n;
                if (n >= 3) {
                    top = a;
                    break;
                }
            }
        }
        init(top);
        // Climb while the parent holds more paragraph content (the body
        // spans it).
        double last = els_[top].content, threshold = last / 3;
        for (int a = els_[top].parent; a > 0 && a != body_; a = els_[a].parent) {
            if (!els_[a].scored) continue;
            if (els_[a].content < threshold) break;
            if (els_[a].content > last) {
                top = a;
                break;
            }
            last = els_[a].content;
        }
        while (els_[top].parent > 0 && els_[top].parent != body_ && els_[els_[top].parent].children == 1) top = els_[top].parent;
    }
    // Siblings that look like more of the same.
    std::vector<int> chosen;
    int parent = els_[top].parent;
    if (parent >= 0 && top != body_) {
        double top_score = els_[top].score;
        double threshold = std::max(10.0, top_score * 0.2);
        std::string_view top_class = els_[top].node.attribute("class").value();
        for (int s = parent + 1; s < els_[parent].end; s = els_[s].end) {
            const El& e = els_[s];
            if (e.killed) continue;
            if (s == top) {
                chosen.push_back(s);
                continue;
            }
            double bonus = (!top_class.empty() && top_class == e.node.attribute("class").value()) ? top_score * 0.2 : 0;
            // A box whose paragraphs sit deeper (one box per comment, per
            // teaser) is not more of the same body.
            bool add = e.scored && e.score + bonus >= threshold && e.direct * (1 - link_density(s)) + bonus >= threshold * 0.5;
            if (!add && (e.tag == Tag::p || e.tag == Tag::container) && header_of[s] < 0) {
                double ld = link_density(s);
                // Only direct text paragraphs, not boxes.
                bool leaf = true;
                for (int j = s + 1; j < e.end; ++j)
                    if (els_[j].block && !els_[j].killed) leaf = false;
                if (leaf && e.chars > 80 && ld < 0.25) add = true;
                if (leaf && e.chars > 0 && e.chars <= 80 && ld == 0) {
                    std::string t = collapse_space(e.node.text().get());
                    (void)t;
                }
            }
            if (!add && e.tag == Tag::figure && e.chars > 0 && link_density(s) < 0.3) add = true;
            if (add) chosen.push_back(s);
        }
    } else {
        chosen.push_back(top);
    }
    ex.content = els_[top].node;
    if (debug()) {
        std::fprintf(stderr, "[extract] hints=%d top=%s score=%.1f\n", use_hints, describe(els_[top]).c_str(), els_[top].score);
        for (size_t k = 0; k < cands.size() && k < 8; ++k)
            std::fprintf(stderr, "  cand %s %.1f\n", describe(els_[cands[k]]).c_str(), els_[cands[k]].score);
        for (int c : chosen) std::fprintf(stderr, "  chosen %s\n", describe(els_[c]).c_str());
    }
    // Emit.
    std::vector<std::string> folded_titles;
    for (const auto& t : titles)
        if (!t.empty()) folded_titles.push_back(fold(t));
    auto is_title = [&](std::string_view text) {
        std::string f = fold(text);
        if (f.empty()) return false;
        for (const auto& t : folded_titles)
            if (f == t || (f.size() > 20 && t.find(f) != std::string::npos) || (t.size() > 20 && f.find(t) != std::string::npos && f.size() < t.size() + 20))
                return true;
        return false;
    };
    struct Out {
        std::string text;
        int level;  // heading level or 0
    };
    std::vector<Out> out;
    size_t bi = 0;
    for (int root : chosen) {
        for (; bi < bl.size(); ++bi) {
            const Block& b = bl[bi];
            if (b.owner < root) continue;
            if (b.owner >= els_[root].end) break;
            const El& o = els_[b.owner];
            auto why = [&](const char* reason) {
                if (debug()) std::fprintf(stderr, "  drop[%s] %s: %.70s\n", reason, describe(o).c_str(), b.text.c_str());
            };
            // Inside an article or entry header only headings survive.
            int h = header_of[b.owner];
            if (h >= 0 && h != root && !(h < root) && !(o.tag == Tag::heading && o.level >= 2)) {
                why("header");
                continue;
            }
            // Link lists and other link-heavy boxes below the root.
            bool drop = false;
            for (int a = b.owner; a > root; a = els_[a].parent) {
                const El& ae = els_[a];
                if (ae.chars > 0 && ae.link_chars * 2 > ae.chars && ae.tag != Tag::cell) {
                    drop = true;
                    break;
                }
            }
            if (drop || b.link_chars * 2 > b.chars) {
                why("links");
                continue;
            }
            // Line by line: a <br>-separated block may hold headline,
            // byline and dateline before the text (old table layouts).
            std::string kept_lines;
            bool dropped_title = false;
            size_t ls = 0;
            while (ls <= b.text.size()) {
                size_t le = b.text.find('\n', ls);
                if (le == std::string::npos) le = b.text.size();
                std::string_view t = std::string_view(b.text).substr(ls, le - ls);
                ls = le + 1;
                if (t.empty()) continue;
                bool short_line = t.size() <= 120;
                if ((o.tag == Tag::heading || short_line) && is_title(t)) {
                    why("title");
                    dropped_title = true;
                    continue;
                }
                if (o.tag == Tag::heading && o.level == 1 && out.empty()) continue;
                if (short_line && boilerplate_phrase(t)) {
                    why("phrase");
                    continue;
                }
                if (short_line && o.tag != Tag::heading && (byline_start(t) || meta_line_words(t))) {
                    ex.byline_texts.emplace_back(t);
                    why("byline");
                    continue;
                }
                if (t.size() <= 100 && o.tag != Tag::heading && !ends_sentence(t) && !find_date_in_text(t).empty()) {
                    ex.date_texts.emplace_back(t);
                    why("date");
                    continue;
                }
                if (!kept_lines.empty()) kept_lines += '\n';
                kept_lines += t;
            }
            (void)dropped_title;
            if (kept_lines.empty()) continue;
            std::string_view t = kept_lines;
            if (!out.empty() && out.back().text == t) continue;
            out.push_back({std::string(t), o.tag == Tag::heading ? o.level : 0});
        }
    }
    // Headings with nothing under them (a "Related" heading whose list went).
    std::vector<Out> kept;
    for (size_t i = 0; i < out.size(); ++i) {
        if (out[i].level > 0) {
            bool has_body = false;
            for (size_t j = i + 1; j < out.size(); ++j) {
                if (out[j].level > 0 && out[j].level <= out[i].level) break;
                if (out[j].level == 0) {
                    has_body = true;
                    break;
                }
            }
            if (!has_body) {
                if (debug()) std::fprintf(stderr, "  drop[orphan] %.70s\n", out[i].text.c_str());
                continue;
            }
        }
        kept.push_back(std::move(out[i]));
    }
    for (const auto& o : kept) {
        if (!ex.text.empty()) ex.text += "\n\n";
        ex.text += o.text;
    }
    return ex;
}

}  // namespace

Extraction extract_main_text(const pugi::xml_document& dom, const std::vector<std::string>& title_variants) {
    Page page(dom);
    Extraction ex = page.run(title_variants, true);
    // Class hints can be wrong (a body marked "paywall"): when little came
    // out, try again trusting structure alone and keep the longer text.
    if (weighted_chars(ex.text) < 250) {
        Extraction retry = page.run(title_variants, false);
        if (weighted_chars(retry.text) > 2 * weighted_chars(ex.text) + 50) return retry;
    }
    return ex;
}

}  // namespace claimex::document::detail
