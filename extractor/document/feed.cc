// feed.cc — RSS 2.0, RSS 1.0 (RDF), Atom 1.0, news sitemaps and sitemap
// indexes → Feed items, parsed with pugixml.
//
// Elements are matched by local name, so whatever prefix a feed binds to a
// namespace (dc:, atom:, news:, a default namespace) it is read the same.
// Links are resolved against xml:base / the feed URL; items whose canonical
// URL was already seen are dropped.
#include "extractor/document/internal.h"

#include <cstring>
#include <fmt/format.h>
#include <unordered_set>

namespace claimex::document {

namespace {

using namespace detail;

std::string_view local(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon ? std::string_view(colon + 1) : std::string_view(name);
}

pugi::xml_node child(pugi::xml_node n, std::string_view name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local(c.name()) == name) return c;
    return {};
}

std::string text_of(pugi::xml_node n) {
    if (!n) return "";
    std::string out;
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out += c.value();
        else if (c.type() == pugi::node_element) out += text_of(c);  // Atom xhtml content
        if (c.type() == pugi::node_element) out += ' ';
    }
    return out;
}

// Titles and summaries may carry (escaped) HTML.
std::string plain(pugi::xml_node n) {
    std::string t = text_of(n);
    return html_to_text(t);
}

std::string base_of(pugi::xml_node n, const std::string& inherited) {
    const char* b = n.attribute("xml:base").value();
    return *b ? resolve_url(inherited, b) : inherited;
}

std::string date_of(pugi::xml_node item, std::initializer_list<std::string_view> names) {
    for (std::string_view name : names) {
        std::string v = normalise_date(collapse_space(text_of(child(item, name))));
        if (!v.empty()) return v;
    }
    return "";
}

}  // namespace

Feed parse_feed(const Payload& p) {
    std::string charset;
    std::string text = to_utf8(p.body, p.content_type, &charset);
    pugi::xml_document doc;
    pugi::xml_parse_result r = doc.load_buffer(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single,
                                               pugi::encoding_utf8);
    if (!r) throw DocumentError(fmt::format("malformed XML at offset {}: {}", r.offset, r.description()));
    pugi::xml_node root = doc.document_element();
    if (!root) throw DocumentError("not a feed: no root element");
    std::string_view rname = local(root.name());
    std::string base = base_of(root, p.final_url.empty() ? p.url : p.final_url);
    Feed feed;
    std::unordered_set<std::string> seen;
    auto add = [&](FeedItem item) {
        if (item.url.empty()) return;
        std::string key = canonical_url(item.url);
        if (!seen.insert(key).second) return;
        feed.items.push_back(std::move(item));
    };
    if (rname == "rss" || rname == "RDF") {
        feed.kind = rname == "rss" ? "rss" : "rdf";
        pugi::xml_node channel = child(root, "channel");
        feed.title = collapse_space(plain(child(channel, "title")));
        std::string cbase = base_of(channel, base);
        // RSS 2.0 nests items in <channel>; RSS 1.0 puts them beside it.
        pugi::xml_node holder = rname == "rss" ? channel : root;
        for (pugi::xml_node it = holder.first_child(); it; it = it.next_sibling()) {
            if (it.type() != pugi::node_element || local(it.name()) != "item") continue;
            std::string ibase = base_of(it, cbase);
            FeedItem item;
            std::string link = collapse_space(text_of(child(it, "link")));
            if (link.empty())
                if (pugi::xml_node l = child(it, "link"); l && l.attribute("href")) link = l.attribute("href").value();
            if (link.empty()) {
                pugi::xml_node guid = child(it, "guid");
                if (guid && std::string_view(guid.attribute("isPermaLink").value()) != "false") link = collapse_space(text_of(guid));
            }
            if (link.empty() && it.attribute("rdf:about")) link = it.attribute("rdf:about").value();
            if (!link.empty()) item.url = resolve_url(ibase, link);
            item.title = plain(child(it, "title"));
            item.published = date_of(it, {"pubDate", "date", "published", "issued", "created", "updated"});
            pugi::xml_node summary = child(it, "description");
            if (!summary) summary = child(it, "encoded");
            item.summary = plain(summary);
            add(std::move(item));
        }
    } else if (rname == "feed") {
        feed.kind = "atom";
        feed.title = plain(child(root, "title"));
        for (pugi::xml_node e = root.first_child(); e; e = e.next_sibling()) {
            if (e.type() != pugi::node_element || local(e.name()) != "entry") continue;
            std::string ebase = base_of(e, base);
            FeedItem item;
            std::string href;
            int best = -1;
            for (pugi::xml_node l = e.first_child(); l; l = l.next_sibling()) {
                if (l.type() != pugi::node_element || local(l.name()) != "link" || !l.attribute("href")) continue;
                std::string_view rel = l.attribute("rel").value();
                std::string_view type = l.attribute("type").value();
                int rank = rel.empty() || rel == "alternate" ? (type.empty() || type.find("html") != std::string_view::npos ? 3 : 2) : 0;
                if (rank > best) {
                    best = rank;
                    href = resolve_url(base_of(l, ebase), l.attribute("href").value());
                }
            }
            if (best <= 0) {
                // No alternate link: an id that is a URL will do.
                std::string id = collapse_space(text_of(child(e, "id")));
                if (id.rfind("http", 0) == 0) href = id;
                else if (best < 0) href.clear();
            }
            item.url = href;
            item.title = plain(child(e, "title"));
            item.published = date_of(e, {"published", "issued", "updated", "modified", "created"});
            pugi::xml_node summary = child(e, "summary");
            if (!summary) summary = child(e, "content");
            item.summary = plain(summary);
            add(std::move(item));
        }
    } else if (rname == "urlset") {
        feed.kind = "sitemap";
        for (pugi::xml_node u = root.first_child(); u; u = u.next_sibling()) {
            if (u.type() != pugi::node_element || local(u.name()) != "url") continue;
            FeedItem item;
            std::string loc = collapse_space(text_of(child(u, "loc")));
            if (!loc.empty()) item.url = resolve_url(base, loc);
            pugi::xml_node news = child(u, "news");
            if (news) {
                item.title = plain(child(news, "title"));
                item.published = date_of(news, {"publication_date"});
            }
            if (item.published.empty()) item.published = date_of(u, {"lastmod"});
            add(std::move(item));
        }
    } else if (rname == "sitemapindex") {
        feed.kind = "sitemapindex";
        for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
            if (s.type() != pugi::node_element || local(s.name()) != "sitemap") continue;
            FeedItem item;
            std::string loc = collapse_space(text_of(child(s, "loc")));
            if (!loc.empty()) item.url = resolve_url(base, loc);
            item.published = date_of(s, {"lastmod"});
            add(std::move(item));
        }
    } else {
        throw DocumentError(fmt::format("not a feed: root element <{}>", root.name()));
    }
    return feed;
}

}  // namespace claimex::document
