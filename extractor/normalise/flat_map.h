// Internal to normalise: the word tables' container. The lexicons (name
// lists, suffixes, aliases, cue words, rule info) are built once at load and
// then looked up per word of every mention, with the caches cold after the
// rule stage. std::unordered_map walks a bucket, a node and a heap string
// per lookup (three or four cache misses, and it re-hashes the nodes' keys
// on the way); here a lookup reads one run of 16-byte slots (hash tag, key
// offset and length, value index) and the key bytes in one arena, after a
// bit filter that turns most missing words away.
//
// Insertion order is kept (each() walks it), so nothing that iterates a
// table depends on hash order.
#pragma once

#include "extractor/normalise/internal.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace claimex::normalise {

template <class V>
class FlatMap {
public:
    // The value of k, or null.
    const V* find(std::string_view k) const {
        if (slots_.empty()) return nullptr;
        const size_t h = word_hash(k);
        // (most words looked up are in no table: one bit rules them out)
        const size_t bit = (h >> 20) & filter_mask_;
        if (!(filter_[bit >> 6] >> (bit & 63) & 1)) return nullptr;
        const auto tag = static_cast<uint32_t>(h >> 32) | 1u;  // (0 marks an empty slot)
        const auto len = static_cast<uint32_t>(k.size());
        for (size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.tag == 0) return nullptr;
            if (s.tag == tag && s.len == len && std::memcmp(arena_.data() + s.off, k.data(), len) == 0)
                return &values_[s.value];
        }
    }
    V* find(std::string_view k) { return const_cast<V*>(std::as_const(*this).find(k)); }
    bool contains(std::string_view k) const { return find(k) != nullptr; }
    size_t count(std::string_view k) const { return find(k) ? 1 : 0; }

    // Adds k → v unless k is there (as unordered_map::emplace: the first
    // wins). The value and whether it was added.
    std::pair<V*, bool> emplace(std::string_view k, V v) {
        if (V* old = find(k)) return {old, false};
        if ((values_.size() + 1) * 2 > slots_.size()) grow();
        const auto off = static_cast<uint32_t>(arena_.size());
        arena_.append(k);
        keys_.push_back({off, static_cast<uint32_t>(k.size())});
        values_.push_back(std::move(v));
        place(static_cast<uint32_t>(values_.size() - 1));
        return {&values_.back(), true};
    }
    // The value of k, default-made when k is new (as unordered_map::operator[]).
    V& operator[](std::string_view k) { return *emplace(k, V{}).first; }

    size_t size() const { return values_.size(); }
    bool empty() const { return values_.empty(); }
    // f(key, value) in insertion order.
    template <class F>
    void each(F f) const {
        for (size_t i = 0; i < values_.size(); ++i)
            f(std::string_view(arena_.data() + keys_[i].off, keys_[i].len), values_[i]);
    }

private:
    struct Key {
        uint32_t off, len;
    };
    struct Slot {
        uint32_t tag = 0, off = 0, len = 0, value = 0;
    };
    void place(uint32_t v) {
        const std::string_view k(arena_.data() + keys_[v].off, keys_[v].len);
        const size_t h = word_hash(k);
        const size_t bit = (h >> 20) & filter_mask_;
        filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
        size_t i = h & mask_;
        while (slots_[i].tag != 0) i = (i + 1) & mask_;
        slots_[i] = {static_cast<uint32_t>(h >> 32) | 1u, keys_[v].off, keys_[v].len, v};
    }
    void grow() {
        const size_t n = slots_.empty() ? 16 : slots_.size() * 2;
        slots_.assign(n, Slot{});
        mask_ = n - 1;
        // eight bits a key at most (a table twice as full as its slots allow)
        filter_.assign(std::max<size_t>(n * 8 / 64, 8), 0);
        filter_mask_ = filter_.size() * 64 - 1;
        for (uint32_t v = 0; v < values_.size(); ++v) place(v);
    }

    std::vector<Slot> slots_;
    size_t mask_ = 0;
    // A bit per key (by its hash), read before the slots: a small table
    // that stays in cache where the slots would be a miss.
    std::vector<uint64_t> filter_;
    size_t filter_mask_ = 0;
    std::string arena_;
    std::vector<Key> keys_;
    std::vector<V> values_;
};

// A set of words: a FlatMap with no values to speak of.
class FlatSet {
public:
    bool contains(std::string_view k) const { return map_.contains(k); }
    size_t count(std::string_view k) const { return map_.count(k); }
    bool insert(std::string_view k) { return map_.emplace(k, 0).second; }
    size_t size() const { return map_.size(); }
    bool empty() const { return map_.empty(); }

private:
    FlatMap<char> map_;
};

}  // namespace claimex::normalise
