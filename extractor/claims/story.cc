// What the whole story says before its sentences are read: its companies (and those named only
// in passing or as a speaker's employer), its sources and releases, its main company, economy
// and central bank. Part of the claims stage (assembly.h).
#include "extractor/claims/assembly.h"

#include <algorithm>
#include <cctype>

namespace claimex::claims {

// (asked up to three times per organisation: worked out once per mention, memo_of)
bool Assembly::affiliation_only(const Mention& m) {
    return memoised(affiliation_memo, m, [&] { return affiliation_only_raw(m); });
}

// The word before an organisation, past a short description of it ("at Selangor-based broker
// Merbok Capital", "at the research firm X": up to three lower-case or hyphenated words), is
// "at", "from" or "by": a person's employer.
static bool employer_preposition_before(const std::string& a, size_t e) {
    for (int words = 0; words < 4; ++words) {
        while (e > 0 && a[e - 1] == ' ') --e;
        size_t b = e;
        while (b > 0 && (std::isalpha(static_cast<unsigned char>(a[b - 1])) || a[b - 1] == '-')) --b;
        if (b == e) return false;
        std::string_view w(a.data() + b, e - b);
        if (w == "at" || w == "from" || w == "by") return true;
        const bool lower_word = std::islower(static_cast<unsigned char>(w[0]));
        if (!lower_word && w.find('-') == std::string_view::npos) return false;
        e = b;
    }
    return false;
}

bool Assembly::affiliation_only_raw(const Mention& m) {
    if (government_nouns.count(lower(m.name))) return true;
    // "Martin Ellery, chief UK economist at Northgate Economics": a person's employer
    auto from = mentions_from(m.span.begin > 120 ? m.span.begin - 120 : 0);
    for (auto it = from; it != ms.end(); ++it) {
        const Mention& p = *it;
        if (p.span.begin >= m.span.begin) break;
        if (p.type != Type::person || p.span.end + 80 < m.span.begin || p.span.end > m.span.begin) continue;
        std::string_view gap = std::string_view(a).substr(p.span.end, m.span.begin - p.span.end);
        if (gap.size() > 4 && gap.find('.') == std::string_view::npos && gap.find('\n') == std::string_view::npos &&
            gap[0] == ',' && (gap.substr(gap.size() - 4) == " at " || employer_preposition_before(a, m.span.begin)))
            return true;
    }
    // "according to data from China Real Estate Information Corp (CRIC)": the acronym in brackets
    // right after such a provider is it again
    if (m.span.begin >= 3 && a[m.span.begin - 1] == '(' && a[m.span.begin - 2] == ' ' && m.span.end < a.size() &&
        a[m.span.end] == ')') {
        auto at = mentions_from(m.span.begin > 200 ? m.span.begin - 200 : 0);
        for (; at != ms.end() && at->span.begin < m.span.begin; ++at)
            if (at->type == Type::org && at->span.end + 2 == m.span.begin && &*at != &m && affiliation_only(*at))
                return true;
    }
    bool inside = false;
    for (const auto& [b, e] : source_spans) inside |= b < m.span.begin && m.span.end <= e;
    if (!inside && !affiliations.count(m.name)) return false;
    size_t e = m.span.begin;
    while (e > 0 && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
    size_t b = e;
    while (b > 0 && std::isalpha(static_cast<unsigned char>(a[b - 1]))) --b;
    std::string w = lower(std::string_view(a).substr(b, e - b));
    return w == "at" || w == "from" || w == "by";
}

bool Assembly::in_passing(const Mention& m) {
    return memoised(passing_memo, m, [&] { return in_passing_raw(m); });
}

bool Assembly::in_passing_raw(const Mention& m) {
    // A maker named inside a count of its products ("40 Airbus A320neo jets", "150 Boeing 737 Max
    // jets") is the product's name, not a company the next sentences refer back to
    {
        auto it = mentions_from(m.span.begin);
        for (int n = 0; n < 4 && it != ms.begin(); ++n) {
            const Mention& q = *--it;
            if (q.type == Type::quantity && q.span.begin < m.span.begin && q.span.end >= m.span.end) return true;
        }
    }
    // "Tata-owned carrier to buy 40 jets": the owner of what the story is about, whose "the
    // airline" is the carrier, however often the owner is named
    if (m.span.end + 1 < a.size() && a[m.span.end] == '-') {
        size_t e = m.span.end + 1;
        while (e < a.size() && std::isalpha(static_cast<unsigned char>(a[e]))) ++e;
        if (lx.owner_suffixes.count(lower(std::string_view(a).substr(m.span.end + 1, e - m.span.end - 1)))) return true;
    }
    if (company_count.get(m.name) > 1) return false;
    size_t e = m.span.begin;
    for (int words = 0; words < 5; ++words) {
        while (e > 0 && a[e - 1] == ' ') --e;
        size_t b = e;
        while (b > 0 && (std::isalpha(static_cast<unsigned char>(a[b - 1])) || a[b - 1] == '-')) --b;
        if (b == e) return false;  // punctuation or a line start: the phrase begins here
        std::string w = lower(std::string_view(a).substr(b, e - b));
        if (lx.passing_words.count(w) || (w.size() > 4 && w.compare(w.size() - 3, 3, "ing") == 0)) return true;
        e = b;
    }
    return false;
}

// The article's main company, economy and central bank: the most named (the first
// named on a tie), for subjects the sentence leaves implied.
template <class Pred>
std::string Assembly::most_named(Pred pred) {
    NameCounts n;  // (views of the mentions' names: no copies)
    std::string best;
    int bn = 0;
    for (const Mention& m : ms)
        if (pred(m) && !m.name.empty())
            if (int c = ++n[m.name]; c > bn) {
                bn = c;
                best = m.name;
            }
    return best;
}

bool Assembly::story_company(const Mention& m) {
    return m.type == Type::org && (std::string_view(m.kind) == "company" || m.kind.empty()) && !affiliation_only(m) &&
           named_outside.count(m.name);
}

// A headline's or sub-headline's attribution whose own clause (between ";"s) states no figure
// ("Plan taps $1.1 billion of rainy-day fund; Moody's says outlook remains negative"): a view
// beside the news, no release that governs the story's figures.
bool Assembly::headline_view(const Mention& src) const {
    if (t.paragraphs().empty()) return false;
    const size_t pi = t.paragraph_index(src.span.begin);
    if (pi >= lead_paragraph || lead_paragraph >= t.paragraphs().size()) return false;  // (no lead: no headline)
    const text::Span P = t.paragraphs()[pi];
    uint32_t b = src.span.begin, e = src.span.end;
    while (b > P.begin && a[b - 1] != ';') --b;
    while (e < P.end && a[e] != ';') ++e;
    for (const Mention& m : ms)
        if (m.span.begin >= b && m.span.end <= e && is_value(m)) return false;
    return true;
}

// An organisation named inside a headline's view (headline_view).
bool Assembly::in_headline_view(const Mention& m) const {
    if (t.paragraphs().empty() || t.paragraph_index(m.span.begin) >= lead_paragraph ||
        lead_paragraph >= t.paragraphs().size())
        return false;
    for (const Mention& s : ms)
        if (s.type == Type::source && !s.name.empty() && s.span.begin <= m.span.begin && m.span.end <= s.span.end &&
            headline_view(s))
            return true;
    return false;
}

// "Economists at PKO BP expect ...", "Analysts at Jefferies said": a firm's analysts or
// economists give their views, not the firm's release of its own figures (a later paragraph's
// wages or output are not theirs). The holder opens with a group noun of people who forecast.
bool Assembly::staff_view(const Mention& m) const {
    uint32_t b = m.span.begin;
    if (low_doc.compare(b, 4, "the ") == 0) b += 4;
    uint32_t e = b;
    while (e < m.span.end && std::isalpha(static_cast<unsigned char>(a[e]))) ++e;
    return e > b && lx.expecter_nouns.count(std::string_view(low_doc).substr(b, e - b));
}

void Assembly::index_organisations() {
    // (one pass over the mentions for what needs nothing else, one for what needs that: each
    // pass reads every mention, 552 bytes apart)
    for (const Mention& m : ms) {
        // The article's lead attribution: the first source naming someone.
        if (!lead_source && m.type == Type::source && !m.name.empty()) lead_source = &m;
        // Companies and sources in document order, so that "the company" and the
        // paragraph's sources are found by binary search, not by a scan per claim.
        // A company named as the employer or provider inside someone else's attribution ("Analysts
        // at Kotak said", "data compiled by LSEG") is where a view comes from, not a company the
        // story is about ("according to Alibaba" is Alibaba speaking for itself).
        if (m.type == Type::source) source_spans.push_back({m.span.begin, m.span.end});
        // (and a person's employer named in an apposition: "said Aditi Rao, chief economist at
        // Meridian Ratings"; and "the Treasury", "the Centre" taken for a company: a government)
        if ((m.type == Type::person || m.type == Type::source) && !m.affiliation.empty()) affiliations.insert(m.affiliation);
    }
    // The lead: the first paragraph after the headline long enough to be text, not a sub-headline,
    // a byline or a date line.
    // (a text whose first paragraph is that long has no headline: "PARIS, Oct 15 - Maison
    // Delacroix said ..." as a feed's body without its title; the first paragraph is the lead)
    lead_paragraph = !t.paragraphs().empty() && t.paragraphs()[0].size() >= 120 ? 0 : 1;
    while (lead_paragraph < t.paragraphs().size() && t.paragraphs()[lead_paragraph].size() < 120) ++lead_paragraph;
    // How often each organisation is named (up_top_or_again below).
    NameCounts times;
    for (const Mention& m : ms) {
        if (m.type == Type::org && (std::string_view(m.kind) == "company" || m.kind.empty()) && !affiliation_only(m))
            companies.push_back(&m);
        if (m.type == Type::source && !m.name.empty()) named_sources.push_back(&m);
        // An organisation's own release of its figures (not a forecast, nor a person's view).
        if (m.type == Type::source && !m.name.empty() && lx.release_kinds.count(m.kind) && lx.release_cues.count(m.cue) &&
            !headline_view(m) && !staff_view(m))
            releases.push_back(&m);
        if (m.type != Type::org) continue;
        // Organisations by name (their kind: the first mention's, as later ones may tag it otherwise).
        if (!m.name.empty()) {
            std::string_view& kind = org_kinds[m.name];
            if (kind.data() == nullptr) kind = m.kind;
            ++times[m.name];
        }
        // A company named only as a speaker ("according to the Economic Survey", "Capital
        // Economics said"), never outside an attribution, is no company the story's figures are
        // about.
        bool inside = false;
        for (const auto& [b, e] : source_spans) inside |= b <= m.span.begin && m.span.end <= e;
        if (!inside) named_outside.insert(m.name);
    }
    // Each organisation's own releases in document order.
    for (const Mention* r : releases) releases_of[r->name].push_back(r);
    // Companies the article introduces as a part of another ("its electric vehicle subsidiary,
    // Kaveri EV", "Jio Platforms, the digital services unit"): a `unit` word a few words from
    // the first mention. Their figures are the parent's release's; another company's are not.
    {
        // The lower-cased letter runs of a[b, e) and a "," for each clause mark, as views into
        // the lower-cased text (ASCII letters, as the C locale's isalpha). Per company, twice:
        // no allocation once the vectors have grown.
        auto words_of = [&](uint32_t b, uint32_t e, std::vector<std::string_view>& ws) {
            ws.clear();
            auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
            uint32_t w = b;  // start of the current word
            bool in = false;
            for (uint32_t k = b; k <= e; ++k) {
                if (k < e && alpha(a[k])) {
                    if (!in) w = k, in = true;
                } else {
                    if (in) ws.emplace_back(low_doc.data() + w, k - w), in = false;
                    if (k < e && (a[k] == ',' || a[k] == '.' || a[k] == ';' || a[k] == '\n')) ws.emplace_back(",");
                }
            }
        };
        std::vector<std::string_view> before, after;
        NameCounts seen_names;
        for (const Mention& m : ms) {
            if (m.type != Type::org || std::string_view(m.kind) != "company" || m.name.empty()) continue;
            if (seen_names[m.name]++) continue;
            // "its electric vehicle subsidiary, Kaveri EV": the unit word right before the name
            words_of(m.span.begin > 40 ? m.span.begin - 40 : 0, m.span.begin, before);
            if (!before.empty() && before.back() == ",") before.pop_back();
            bool unit = !before.empty() && lx.unit_nouns.count(before.back());
            std::string word = unit ? std::string(before.back()) : std::string();
            // "its Daihatsu and Hino units": a unit word right after the name
            words_of(m.span.end, std::min<uint32_t>(static_cast<uint32_t>(a.size()), m.span.end + 60), after);
            if (!unit && !after.empty() && lx.unit_nouns.count(after[0])) unit = true, word = after[0];
            // "Jio Platforms, the digital services unit,": an apposition that ends in a unit word
            if (!unit && after.size() >= 2 && after[0] == "," &&
                (after[1] == "the" || after[1] == "its" || after[1] == "a" || after[1] == "an"))
                for (size_t k = 2; k < after.size() && k < 8 && after[k] != ","; ++k)
                    if (lx.unit_nouns.count(after[k]) && (k + 1 == after.size() || after[k + 1] == ","))
                        unit = true, word = after[k];
            if (unit) unit_companies.insert(m.name), unit_intro[m.name] = word;
        }
    }
    // A company named once, in passing, after a preposition or an -ing verb ("after leaving the
    // payments firm Stripe", "from Hong Kong developer Pinewood Land", "for a Greek shipowner")
    // is background: "the company" and "it" later refer past it to a company the story is about.
    for (const Mention* m : companies) ++company_count[m->name];

    // ... but a company that opens the lead as its speaker ("Kessler Automotive said on Tuesday
    // that third-quarter sales fell 4%") releases its own figures: the story is about it.
    for (const text::Span& sent : t.sentences()) {
        const size_t pi = t.paragraph_index(sent.begin);
        if (pi < lead_paragraph) continue;
        if (pi > lead_paragraph) break;
        if (const Mention* o = sentence_opener(sent))
            for (const auto& [b, e] : source_spans)
                if (b <= o->span.begin && o->span.end <= e) named_outside.insert(o->name);
        break;
    }
    // (nor is the speaker of a headline's view one "it" and "the company" refer back to:
    // "...; Moody's says outlook remains negative" does not make Moody's the "it" of the lead)
    for (const Mention* m : companies)
        if (!in_passing(*m) && !in_headline_view(*m)) antecedents.push_back(m);
    // A company named once, after the lead ("Shares in Voestalpine rose 2.1%" closing a trade
    // story), is not what the story is about: the story's company is named twice, or up top.
    auto up_top_or_again = [&](const Mention& m) {
        return times.get(m.name) > 1 || t.paragraph_index(m.span.begin) <= lead_paragraph;
    };
    // A company that opens sentences as their subject is what the story is about: each sentence it
    // opens counts once more ("Nordmark Bank agreed to buy Valtera ... Nordmark will pay ..." is
    // Nordmark's story, however often the target is named).
    NameCounts opens;
    for (const text::Span& sent : t.sentences())
        if (const Mention* o = sentence_opener(sent); o && !in_passing(*o)) ++opens[o->name];
    {
        NameCounts n;
        int bn = 0;
        for (const Mention& m : ms)
            if (story_company(m) && !m.name.empty() && !in_passing(m) && up_top_or_again(m))
                if (int c = ++n[m.name] + opens.get(m.name); c > bn) {
                    bn = c;
                    doc_company = m.name;
                }
    }
    if (doc_company.empty())
        doc_company = most_named([&](const Mention& m) { return story_company(m) && up_top_or_again(m); });
}

void Assembly::find_doc_country() {
    // The economy the story is about: the area its places and authorities name most, those of
    // the headline and lead counting double; a place after "to"/"from" ("exports to the US",
    // "imports from China") is a partner, not the economy. A demonym of the headline or lead
    // names it too ("Japanese exports rise ...": Japan), counting double.
    {
        NameCounts n;  // (views of the lexicon's areas: no copies)
        int bn = 0;
        {
            // (each sentence's tokens kept in Assembly::head_toks too, for read_sentence)
            Assembly::head_toks.clear();
            head_tok_ends.clear();
            std::vector<Token> head_toks;
            for (const text::Span& S : t.sentences()) {
                if (t.paragraph_index(S.begin) > 1) break;
                head_toks.clear();
                tokenize_lowered(a, low_doc, S, head_toks);
                lx.classify(head_toks);
                Assembly::head_toks.insert(Assembly::head_toks.end(), head_toks.begin(), head_toks.end());
                head_tok_ends.push_back(static_cast<uint32_t>(Assembly::head_toks.size()));
                for (size_t k = 0; k < head_toks.size(); ++k) {
                    size_t len = 0;
                    const Lexicon::Entry* e =
                        (head_toks[k].bits & lx.kDemonymFirst) ? lx.demonyms.match(head_toks, k, &len) : nullptr;
                    if (!e) continue;
                    // only a demonym that qualifies a metric ("Japanese exports", "the British
                    // economy"), not a customer ("for a Greek shipowner"); an adjective the entity
                    // stage already made a place ("US tariffs") counts as that place below
                    size_t j = k + len, n2 = 0;
                    if (j >= head_toks.size() ||
                        !(head_toks[j].low == "economy" ||
                          ((head_toks[j].bits & lx.kMetricFirst) && lx.metrics.match(head_toks, j, &n2))))
                        continue;
                    // at the head of its clause ("Japanese exports rise", "..., as the British economy
                    // grew"), not an object ("EU hits Chinese electric cars", "exports to Chinese buyers")
                    // (a dateline's spaced hyphen ends the clause before it too: "BERLIN, Nov 24 -
                    // German business sentiment improved"; the tokenizer skips a lone hyphen)
                    size_t p = k > 0 && head_toks[k - 1].low == "the" ? k - 1 : k;
                    if (p > 0 && head_toks[p - 1].is_word() && !clause_conjunctions.count(head_toks[p - 1]) &&
                        head_toks[p - 1].low != "as" &&
                        std::string_view(a).substr(head_toks[p - 1].end, head_toks[p].begin - head_toks[p - 1].end)
                                .find(" - ") == std::string_view::npos)
                        continue;
                    bool covered = false;  // (mentions are sorted by start; only a few demonyms get here)
                    for (const Mention& m : ms) {
                        if (m.span.begin > head_toks[k].begin) break;
                        covered |= is_entity(m) && m.span.end > head_toks[k].begin;
                    }
                    if (covered) continue;
                    if (int c = (n[e->value] += 2); c > bn) {
                        bn = c;
                        doc_country = e->value;
                    }
                    if (len > 1) k += len - 1;
                }
            }
        }
        size_t partner_end = std::string::npos;  // end of the last partner place ("from India")
        for (const Mention& m : ms) {
            const std::string* area = area_of(m);
            if (!area) continue;
            // a list that goes on after a partner is partners too ("visitors from India and
            // Malaysia", "exports to Germany, France and Italy"): only ", " / "and" / "or" between
            if (partner_end != std::string::npos && m.span.begin >= partner_end) {
                std::string gap = lower(std::string_view(a).substr(partner_end, m.span.begin - partner_end));
                if (gap == ", " || gap == " and " || gap == " or " || gap == ", and " || gap == " and the " ||
                    gap == ", the ") {
                    partner_end = m.span.end;
                    continue;
                }
            }
            size_t e = m.span.begin;
            auto prev_word = [&]() {
                while (e > 0 && std::isspace(static_cast<unsigned char>(a[e - 1]))) --e;
                size_t b = e;
                while (b > 0 && std::isalpha(static_cast<unsigned char>(a[b - 1]))) --b;
                std::string w = lower(std::string_view(a).substr(b, e - b));
                e = b;
                return w;
            };
            std::string w = prev_word();
            if (w == "the") w = prev_word();
            if (w == "to" || w == "from" || w == "into" || w == "against" || w == "with") {
                partner_end = m.span.end;
                continue;
            }
            partner_end = std::string::npos;
            int c = (n[*area] += t.paragraph_index(m.span.begin) <= 1 ? 2 : 1);
            if (c > bn) {
                bn = c;
                doc_country = *area;
            }
        }
    }
}

void Assembly::index_authorities() {
    doc_bank =
        most_named([](const Mention& m) { return m.type == Type::org && std::string_view(m.kind) == "central_bank"; });
    for (const Mention& m : ms) {
        if (m.type == Type::org && std::string_view(m.kind) == "central_bank") central_banks.push_back(&m);
        if (m.type == Type::org && (std::string_view(m.kind) == "government" || government_nouns.count(lower(m.name))) &&
            !m.name.empty())
            governments.push_back(&m);
    }
}

}  // namespace claimex::claims
