#pragma once
// A map from ids to values for indexes over a whole design: filled once with a known number of
// ids, then only read. Open addressing with linear probing over one flat array, kept at most half
// full: an insertion or a lookup touches one slot (rarely a few neighbours) and the entries lie in
// insertion order. std::unordered_map allocates a node per id and follows two or three pointers
// to random places per insertion, which dominated indexing a design of half a million objects.
// The keys view strings owned elsewhere (the design's ids).

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace cf {

template <class Value>
class IdTable {
 public:
  explicit IdTable(std::size_t expected = 0) {
    slots_.resize(std::bit_ceil(std::max<std::size_t>(16, 2 * expected)));
    entries_.reserve(expected);
  }

  // Adds `id` with `value` unless it is already there; returns the value stored for `id` and
  // whether it was added.
  std::pair<const Value*, bool> try_emplace(std::string_view id, const Value& value) {
    if (2 * (entries_.size() + 1) > slots_.size()) grow();
    const std::size_t hash = hash_of(id);
    Slot& slot = slots_[slot_of(id, hash)];
    if (slot.entry != kEmpty) return {&entries_[slot.entry].value, false};
    slot = {static_cast<std::uint32_t>(entries_.size()), fingerprint(hash)};
    entries_.push_back({id, value});
    return {&entries_.back().value, true};
  }

  const Value* find(std::string_view id) const {
    const Slot& slot = slots_[slot_of(id, hash_of(id))];
    return slot.entry == kEmpty ? nullptr : &entries_[slot.entry].value;
  }

  std::size_t size() const { return entries_.size(); }

 private:
  static constexpr std::uint32_t kEmpty = UINT32_MAX;
  struct Slot {
    std::uint32_t entry = kEmpty;  // index into entries_ (a design has far fewer than 2^32 ids)
    std::uint32_t fingerprint = 0; // high bits of the id's hash: most mismatches end here
  };
  struct Entry {
    std::string_view id;
    Value value;
  };

  static std::size_t hash_of(std::string_view id) { return std::hash<std::string_view>{}(id); }
  static std::uint32_t fingerprint(std::size_t hash) {
    return static_cast<std::uint32_t>(hash >> (8 * sizeof(std::size_t) - 32));
  }

  // The slot that holds `id`, or the empty slot where it belongs (there is always one).
  std::size_t slot_of(std::string_view id, std::size_t hash) const {
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.entry == kEmpty ||
          (s.fingerprint == fingerprint(hash) && entries_[s.entry].id == id))
        return i;
    }
  }

  void grow() {
    std::vector<Slot> old(2 * slots_.size());
    old.swap(slots_);
    const std::size_t mask = slots_.size() - 1;
    for (std::uint32_t e = 0; e < entries_.size(); ++e) {
      const std::size_t hash = hash_of(entries_[e].id);
      std::size_t i = hash & mask;
      while (slots_[i].entry != kEmpty) i = (i + 1) & mask;
      slots_[i] = {e, fingerprint(hash)};
    }
  }

  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

}  // namespace cf
