// dom.cc — gumbo's HTML5 parse tree → a pugixml DOM, and small text helpers.
//
// Pages and feeds then share one DOM (and XPath). The conversion keeps
// elements, attributes and text; it drops comments, styles, templates,
// <noscript> and scripts except JSON-LD (metadata lives there). The walk is
// iterative so that absurdly deep markup cannot overflow the stack.
#include "extractor/document/internal.h"

#include <cstring>
#include <gumbo.h>
#include <vector>

namespace claimex::document::detail {

namespace {

bool is_json_ld(const GumboElement& el) {
    const GumboAttribute* type = gumbo_get_attribute(&el.attributes, "type");
    if (!type) return false;
    std::string t = type->value;
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t.find("ld+json") != std::string::npos;
}

std::string tag_name(const GumboElement& el) {
    if (el.tag != GUMBO_TAG_UNKNOWN) return gumbo_normalized_tagname(el.tag);
    GumboStringPiece piece = el.original_tag;
    gumbo_tag_from_original_text(&piece);
    std::string name(piece.data ? piece.data : "", piece.data ? piece.length : 0);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    // Keep a name pugixml and XPath can live with.
    std::string clean;
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':' || c == '.' ||
            static_cast<unsigned char>(c) >= 0x80)
            clean.push_back(c);
    return clean.empty() ? "unknown" : clean;
}

bool valid_attr_name(const char* n) {
    if (!*n) return false;
    for (const char* p = n; *p; ++p)
        if (*p == '"' || *p == '\'' || *p == '<' || *p == '>' || *p == '=' || *p == '/' || std::isspace(static_cast<unsigned char>(*p)))
            return false;
    return true;
}

}  // namespace

void html_to_dom(std::string_view utf8, pugi::xml_document& out) {
    out.reset();
    GumboOptions options = kGumboDefaultOptions;
    options.max_errors = 0;  // we never read parse errors; don't collect them
    GumboOutput* g = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
    struct Item {
        const GumboNode* node;
        pugi::xml_node parent;
    };
    std::vector<Item> stack;
    stack.push_back({g->root, out});
    while (!stack.empty()) {
        Item it = stack.back();
        stack.pop_back();
        const GumboNode* n = it.node;
        switch (n->type) {
            case GUMBO_NODE_TEXT:
            case GUMBO_NODE_WHITESPACE:
            case GUMBO_NODE_CDATA: {
                // Adjacent text merges into one pcdata node.
                pugi::xml_node last = it.parent.last_child();
                if (last && last.type() == pugi::node_pcdata) {
                    std::string v = last.value();
                    v += n->v.text.text;
                    last.set_value(v.c_str());
                } else {
                    it.parent.append_child(pugi::node_pcdata).set_value(n->v.text.text);
                }
                break;
            }
            case GUMBO_NODE_ELEMENT:
            case GUMBO_NODE_TEMPLATE: {
                const GumboElement& el = n->v.element;
                if (n->type == GUMBO_NODE_TEMPLATE || el.tag == GUMBO_TAG_TEMPLATE || el.tag == GUMBO_TAG_STYLE ||
                    el.tag == GUMBO_TAG_NOSCRIPT)
                    break;
                pugi::xml_node e = it.parent.append_child(tag_name(el).c_str());
                for (unsigned i = 0; i < el.attributes.length; ++i) {
                    auto* a = static_cast<const GumboAttribute*>(el.attributes.data[i]);
                    if (valid_attr_name(a->name)) e.append_attribute(a->name).set_value(a->value);
                }
                if (el.tag == GUMBO_TAG_SCRIPT) {
                    if (is_json_ld(el))
                        for (unsigned i = 0; i < el.children.length; ++i) {
                            auto* c = static_cast<const GumboNode*>(el.children.data[i]);
                            if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_WHITESPACE || c->type == GUMBO_NODE_CDATA)
                                e.append_child(pugi::node_pcdata).set_value(c->v.text.text);
                        }
                    break;
                }
                if (el.tag_namespace == GUMBO_NAMESPACE_SVG || el.tag_namespace == GUMBO_NAMESPACE_MATHML) break;
                if (el.tag == GUMBO_TAG_IFRAME || el.tag == GUMBO_TAG_TEXTAREA) break;
                for (unsigned i = el.children.length; i-- > 0;)
                    stack.push_back({static_cast<const GumboNode*>(el.children.data[i]), e});
                break;
            }
            case GUMBO_NODE_DOCUMENT: {
                const GumboDocument& d = n->v.document;
                for (unsigned i = d.children.length; i-- > 0;)
                    stack.push_back({static_cast<const GumboNode*>(d.children.data[i]), it.parent});
                break;
            }
            case GUMBO_NODE_COMMENT:
                break;
        }
    }
    gumbo_destroy_output(&options, g);
}

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool space = false;
    size_t i = 0;
    while (i < s.size()) {
        unsigned char c = s[i];
        size_t len = 1;
        bool ws = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
        if (!ws && c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ws = true;  // NBSP
            len = 2;
        } else if (!ws && c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                   static_cast<unsigned char>(s[i + 2]) == 0x80) {
            ws = true;  // U+3000 ideographic space
            len = 3;
        } else if (!ws && c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
            unsigned char c2 = s[i + 2];
            // U+2000..U+200A spaces, U+2028/2029 separators, U+202F, and
            // zero-width space U+200B (dropped, not a space).
            if (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) {
                ws = true;
                len = 3;
            } else if (c2 == 0x8B) {
                i += 3;
                continue;
            }
        }
        if (ws) {
            space = !out.empty();
            i += len;
            continue;
        }
        if (space) {
            out.push_back(' ');
            space = false;
        }
        out.push_back(static_cast<char>(c));
        ++i;
    }
    return out;
}

namespace {

bool is_block_tag(const char* name) {
    static const char* blocks[] = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr",
                                   "blockquote", "section", "article", "ul", "ol", "dd", "dt", "figcaption", "pre", "table"};
    for (const char* b : blocks)
        if (std::strcmp(name, b) == 0) return true;
    return false;
}

void text_of(pugi::xml_node n, std::string& out, int depth) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata) {
            out += c.value();
        } else if (c.type() == pugi::node_element && depth < 256 && std::strcmp(c.name(), "script") != 0) {
            bool block = is_block_tag(c.name());
            if (block) out += ' ';
            text_of(c, out, depth + 1);
            if (block) out += ' ';
        }
    }
}

}  // namespace

std::string html_to_text(std::string_view html) {
    if (html.find('<') == std::string_view::npos && html.find('&') == std::string_view::npos) return collapse_space(html);
    pugi::xml_document dom;
    html_to_dom(html, dom);
    std::string text;
    text_of(dom, text, 0);
    return collapse_space(text);
}

}  // namespace claimex::document::detail
