#pragma once
// A read-only view of one JSON value: of a parsed file (simdjson's DOM, which is what makes a
// 100 MB design load in a fraction of a second) or of an nlohmann::ordered_json built in code
// (edits, migrations, tests). Readers take a JsonValue and never care which it is. A view of a
// parsed file is valid while its JsonDocument lives.

#include <boost/container/small_vector.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string_view>
#include <type_traits>
#include <utility>

namespace cf {

// Ordered so that unknown keys keep their order on a round trip.
using Json = nlohmann::ordered_json;

class JsonPath;

class JsonValue {
 public:
  enum class Type { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };

  JsonValue(const Json& json) : json_(&json) {}  // NOLINT: implicit on purpose, a view

  Type type() const;
  bool is_null() const { return type() == Type::Null; }
  bool is_boolean() const { return type() == Type::Boolean; }
  bool is_string() const { return type() == Type::String; }
  bool is_array() const { return type() == Type::Array; }
  bool is_object() const { return type() == Type::Object; }
  bool is_number() const;

  // Each of these requires the matching type.
  std::string_view string() const;
  bool boolean() const;
  std::int64_t integer() const;           // Type::Integer
  std::uint64_t unsigned_integer() const;  // Type::Unsigned (above INT64_MAX in a parsed file)
  double number() const;                   // any number, as a double

  // Elements of an array or members of an object.
  std::size_t size() const;

  // f(std::string_view key, JsonValue value) for each member in document order; duplicates
  // included (a parsed file keeps them; readers refuse them). Nothing for other types.
  template <class F>
  void for_each_member(F&& f) const {
    visit_members(&f, [](void* c, std::string_view k, JsonValue v) {
      (*static_cast<std::remove_reference_t<F>*>(c))(k, v);
    });
  }
  // f(JsonValue element) for each element of an array, in order; nothing for other types.
  template <class F>
  void for_each_element(F&& f) const {
    visit_elements(&f, [](void* c, JsonValue v) { (*static_cast<std::remove_reference_t<F>*>(c))(v); });
  }

  // A copy as an nlohmann value (unknown keys kept for a round trip); throws LoadError at
  // `path` on a duplicated key, which a copy could not keep.
  Json to_json(const JsonPath& path) const;
  // Compact text, for messages ("got 1e+300").
  std::string dump() const;

 private:
  friend class JsonDocument;
  using MemberVisitor = void (*)(void*, std::string_view, JsonValue);
  using ElementVisitor = void (*)(void*, JsonValue);
  JsonValue() = default;
  void visit_members(void* context, MemberVisitor visit) const;
  void visit_elements(void* context, ElementVisitor visit) const;

  const Json* json_ = nullptr;  // an nlohmann value, or null for a parsed file's element:
  alignas(8) unsigned char element_[16]{};  // a simdjson::dom::element, kept opaque here
};

// An object's members in document order.
using JsonMembers = boost::container::small_vector<std::pair<std::string_view, JsonValue>, 16>;

// The members of an object; throws LoadError at `path` when the value is no object or a key
// repeats (which of the two a reader would take is undefined, so a file must not do that).
JsonMembers members_of(JsonValue object, const JsonPath& path);

// The member with this key, or null.
inline const JsonValue* find_member(const JsonMembers& members, std::string_view key) {
  for (const auto& m : members)
    if (m.first == key) return &m.second;
  return nullptr;
}

}  // namespace cf
