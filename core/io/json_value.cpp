#include "io/json_value.h"

#include <simdjson.h>

#include <cstring>
#include <unordered_set>

#include "io/json_path.h"
#include "io/json_reader.h"
#include "io/load_error.h"

namespace cf {

namespace {

static_assert(sizeof(simdjson::dom::element) == 16 &&
              std::is_trivially_copyable_v<simdjson::dom::element>);

simdjson::dom::element element_of(const unsigned char* bytes) {
  simdjson::dom::element e;
  std::memcpy(static_cast<void*>(&e), bytes, sizeof e);
  return e;
}

JsonValue::Type type_of(const Json& j) {
  switch (j.type()) {
    case Json::value_t::null: return JsonValue::Type::Null;
    case Json::value_t::boolean: return JsonValue::Type::Boolean;
    case Json::value_t::number_integer: return JsonValue::Type::Integer;
    case Json::value_t::number_unsigned:
      // nlohmann keeps every non-negative integer unsigned; a parsed file keeps it signed.
      return j.get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX)
                 ? JsonValue::Type::Unsigned
                 : JsonValue::Type::Integer;
    case Json::value_t::number_float: return JsonValue::Type::Float;
    case Json::value_t::string: return JsonValue::Type::String;
    case Json::value_t::array: return JsonValue::Type::Array;
    case Json::value_t::object: return JsonValue::Type::Object;
    default: return JsonValue::Type::Null;  // binary and discarded values never come from JSON text
  }
}

JsonValue::Type type_of(simdjson::dom::element e) {
  using simdjson::dom::element_type;
  switch (e.type()) {
    case element_type::ARRAY: return JsonValue::Type::Array;
    case element_type::OBJECT: return JsonValue::Type::Object;
    case element_type::INT64: return JsonValue::Type::Integer;
    case element_type::UINT64: return JsonValue::Type::Unsigned;
    case element_type::DOUBLE: return JsonValue::Type::Float;
    case element_type::STRING: return JsonValue::Type::String;
    case element_type::BOOL: return JsonValue::Type::Boolean;
    case element_type::NULL_VALUE: return JsonValue::Type::Null;
  }
  return JsonValue::Type::Null;
}

}  // namespace

JsonValue::Type JsonValue::type() const {
  return json_ ? type_of(*json_) : type_of(element_of(element_));
}

bool JsonValue::is_number() const {
  Type t = type();
  return t == Type::Integer || t == Type::Unsigned || t == Type::Float;
}

std::string_view JsonValue::string() const {
  if (json_) return json_->get_ref<const std::string&>();
  return element_of(element_).get_string().value_unsafe();
}

bool JsonValue::boolean() const {
  if (json_) return json_->get<bool>();
  return element_of(element_).get_bool().value_unsafe();
}

std::int64_t JsonValue::integer() const {
  if (json_) return json_->get<std::int64_t>();
  return element_of(element_).get_int64().value_unsafe();
}

std::uint64_t JsonValue::unsigned_integer() const {
  if (json_) return json_->get<std::uint64_t>();
  return element_of(element_).get_uint64().value_unsafe();
}

double JsonValue::number() const {
  if (json_) return json_->get<double>();
  simdjson::dom::element e = element_of(element_);
  switch (e.type()) {
    case simdjson::dom::element_type::INT64:
      return static_cast<double>(e.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
      return static_cast<double>(e.get_uint64().value_unsafe());
    default: return e.get_double().value_unsafe();
  }
}

std::size_t JsonValue::size() const {
  if (json_) return json_->size();
  simdjson::dom::element e = element_of(element_);
  simdjson::dom::array array;
  if (!e.get_array().get(array)) return array.size();
  simdjson::dom::object object;
  if (!e.get_object().get(object)) return object.size();
  return 0;
}

void JsonValue::visit_members(void* context, MemberVisitor visit) const {
  if (!is_object()) return;
  if (json_) {
    for (auto it = json_->begin(); it != json_->end(); ++it) visit(context, it.key(), JsonValue(*it));
    return;
  }
  simdjson::dom::object object;
  if (element_of(element_).get_object().get(object)) return;
  for (auto [key, value] : object) {
    JsonValue v;
    std::memcpy(v.element_, static_cast<const void*>(&value), sizeof value);
    visit(context, key, v);
  }
}

void JsonValue::visit_elements(void* context, ElementVisitor visit) const {
  if (!is_array()) return;
  if (json_) {
    for (const auto& e : *json_) visit(context, JsonValue(e));
    return;
  }
  simdjson::dom::array array;
  if (element_of(element_).get_array().get(array)) return;
  for (simdjson::dom::element value : array) {
    JsonValue v;
    std::memcpy(v.element_, static_cast<const void*>(&value), sizeof value);
    visit(context, v);
  }
}

Json JsonValue::to_json(const JsonPath& path) const {
  switch (type()) {
    case Type::Null: return nullptr;
    case Type::Boolean: return boolean();
    case Type::Integer: return integer();
    case Type::Unsigned: return unsigned_integer();
    case Type::Float: return number();
    case Type::String: return std::string(string());
    case Type::Array: {
      if (json_) return *json_;
      Json out = Json::array();
      std::size_t i = 0;
      for_each_element([&](JsonValue e) { out.push_back(e.to_json(path.child(i++))); });
      return out;
    }
    case Type::Object: {
      if (json_) return *json_;
      JsonMembers members = members_of(*this, path);
      Json out = Json::object();
      // Appended directly: the keys are known to be unique, and ordered_json's own insertion
      // searches linearly (quadratic on a hostile object of a million keys).
      auto& object = out.get_ref<Json::object_t&>();
      object.reserve(members.size());
      for (const auto& [key, v] : members) object.emplace_back(std::string(key), v.to_json(path.child(key)));
      return out;
    }
  }
  return nullptr;
}

JsonMembers members_of(JsonValue object, const JsonPath& path) {
  if (!object.is_object()) fail_at(path, "expected an object, got " + json_type_name(object));
  JsonMembers members;
  object.for_each_member([&](std::string_view key, JsonValue v) { members.emplace_back(key, v); });
  auto duplicate = [&](std::string_view key) {
    fail_at(path.child(key), "duplicate key \"" + std::string(key) + "\"");
  };
  if (members.size() <= 16) {
    for (std::size_t i = 1; i < members.size(); ++i)
      for (std::size_t j = 0; j < i; ++j)
        if (members[i].first == members[j].first) duplicate(members[i].first);
  } else {
    std::unordered_set<std::string_view> seen;
    seen.reserve(members.size());
    for (const auto& m : members)
      if (!seen.insert(m.first).second) duplicate(m.first);
  }
  return members;
}

std::string JsonValue::dump() const {
  if (json_) return json_->dump();
  // Numbers as nlohmann writes them ("1e+300"), like every message about values built in code.
  if (!is_array() && !is_object()) return to_json(JsonPath()).dump();
  return simdjson::minify(element_of(element_));
}

}  // namespace cf
