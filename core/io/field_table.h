#pragma once
// Declares once how a struct maps to JSON: which keys, which are required, their types, ranges and
// units. The same table reads files, writes files and sets single properties (undoable edits), so
// the three can never disagree.

#include <algorithm>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/json_reader.h"
#include "io/json_writer.h"

namespace cf {

// What a field holds, for editors that offer the right widget (the GUI's inspector): the builders
// below fill it in; hand-written fields of structured values keep the default.
enum class FieldType { Text, Integer, Number, Bool, Enum, TextList, Structured };

struct FieldInfo {
  FieldType type = FieldType::Structured;
  std::vector<std::string> choices;  // Enum: the names it accepts
  std::optional<double> min, max;    // Integer and Number: the accepted range, in the file's unit
  Json default_value;                // what an absent key means, when write() omits the default
};

template <class T>
struct Field {
  std::string key;
  bool required = false;
  // Reads the value at `path` into obj; throws LoadError.
  std::function<void(T& obj, JsonValue value, const JsonPath& path)> read;
  // Writes key and value (or nothing when unset / default) into the object being written.
  std::function<void(const T& obj, JsonWriter& out)> write;
  FieldInfo info{};
};

template <class T>
using FieldTable = std::vector<Field<T>>;

// Names of an enum's values, in JSON.
template <class E>
using EnumNames = std::vector<std::pair<E, std::string>>;

template <class E>
std::string enum_name(E value, const EnumNames<E>& names) {
  for (const auto& [v, n] : names)
    if (v == value) return n;
  return "?";
}

template <class E>
std::optional<E> enum_from_name(const std::string& name, const EnumNames<E>& names) {
  for (const auto& [v, n] : names)
    if (n == name) return v;
  return std::nullopt;
}

template <class E>
std::string enum_choices(const EnumNames<E>& names) {
  std::string out;
  for (const auto& [v, n] : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

template <class E>
E read_enum(JsonValue j, const JsonPath& path, const EnumNames<E>& names) {
  std::string s = read_string(j, path);
  if (auto v = enum_from_name(s, names)) return *v;
  fail_at(path, "expected one of " + enum_choices(names) + ", got \"" + s + "\"");
}


template <class T>
const Field<T>* find_field(const FieldTable<T>& table, std::string_view key) {
  for (const auto& f : table)
    if (f.key == key) return &f;
  return nullptr;
}

// Reads a JSON object into obj, fields in table order; keys that the table does not know go to
// *extra (when given) or are ignored. A repeated key is refused.
template <class T>
void read_fields(T& obj, JsonValue j, const JsonPath& path, const FieldTable<T>& table,
                 Json* extra) {
  JsonMembers members = members_of(j, path);
  for (const auto& f : table) {
    const JsonValue* v = find_member(members, f.key);
    if (!v || (!f.required && v->is_null())) {
      if (f.required) fail_at(path, "missing required field \"" + f.key + "\"");
      continue;
    }
    f.read(obj, *v, path.child(f.key));
  }
  if (extra) {
    for (const auto& [key, v] : members)
      if (!find_field(table, key)) (*extra)[std::string(key)] = v.to_json(path.child(key));
  }
}

// Writes obj as a JSON object: known keys in table order, then the preserved unknown keys.
template <class T>
void write_fields(const T& obj, const FieldTable<T>& table, JsonWriter& out,
                  const Json* extra = nullptr) {
  out.begin_object();
  for (const auto& f : table) f.write(obj, out);
  if (extra && extra->is_object())
    for (auto it = extra->begin(); it != extra->end(); ++it) out.member(it.key(), *it);
  out.end_object();
}

// The same as an nlohmann value.
template <class T>
Json fields_to_json(const T& obj, const FieldTable<T>& table, const Json* extra = nullptr) {
  JsonDomWriter out;
  write_fields(obj, table, out, extra);
  return std::move(out.result());
}

// ---- field builders --------------------------------------------------------------------------

template <class T>
Field<T> string_field(std::string key, std::string T::*member, bool required) {
  return {key, required,
          [member, required](T& o, JsonValue v, const JsonPath& p) {
            o.*member = read_string(v, p);
            if (required && (o.*member).empty()) fail_at(p, "must not be empty");
          },
          [member, key](const T& o, JsonWriter& out) {
            if (!(o.*member).empty()) out.member(key, o.*member);
          },
          {FieldType::Text, {}, {}, {}, Json("")}};
}

template <class T>
Field<T> bool_field(std::string key, bool T::*member, bool default_value) {
  return {key, false,
          [member](T& o, JsonValue v, const JsonPath& p) { o.*member = read_bool(v, p); },
          [member, key, default_value](const T& o, JsonWriter& out) {
            if (o.*member != default_value) out.member(key, o.*member);
          },
          {FieldType::Bool, {}, {}, {}, Json(default_value)}};
}

// A number in the file's unit; stored multiplied by `scale` (the unit's size in SI).
template <class T>
Field<T> number_field(std::string key, double T::*member, bool required, double min, double max,
                      double scale = 1.0) {
  return {key, required,
          [member, min, max, scale](T& o, JsonValue v, const JsonPath& p) {
            o.*member = read_number(v, p, min, max) * scale;
          },
          [member, key, scale](const T& o, JsonWriter& out) { out.member(key, o.*member / scale); },
          {FieldType::Number, {}, min, max, {}}};
}

template <class T>
Field<T> optional_number_field(std::string key, std::optional<double> T::*member, double min,
                               double max, double scale = 1.0) {
  return {key, false,
          [member, min, max, scale](T& o, JsonValue v, const JsonPath& p) {
            o.*member = read_number(v, p, min, max) * scale;
          },
          [member, key, scale](const T& o, JsonWriter& out) {
            if (o.*member) out.member(key, *(o.*member) / scale);
          },
          {FieldType::Number, {}, min, max, {}}};
}

template <class T, class I>
Field<T> integer_field(std::string key, I T::*member, bool required, std::int64_t min,
                       std::int64_t max) {
  return {key, required,
          [member, min, max](T& o, JsonValue v, const JsonPath& p) {
            o.*member = static_cast<I>(read_integer(v, p, min, max));
          },
          [member, key](const T& o, JsonWriter& out) { out.member(key, o.*member); },
          {FieldType::Integer, {}, static_cast<double>(min), static_cast<double>(max), {}}};
}

template <class T, class E>
Field<T> enum_field(std::string key, E T::*member, bool required, EnumNames<E> names) {
  std::vector<std::string> choices;
  for (const auto& [v, n] : names) choices.push_back(n);
  return {key, required,
          [member, names](T& o, JsonValue v, const JsonPath& p) {
            o.*member = read_enum(v, p, names);
          },
          [member, key, names](const T& o, JsonWriter& out) {
            out.member(key, enum_name(o.*member, names));
          },
          {FieldType::Enum, std::move(choices), {}, {}, {}}};
}

template <class T>
Field<T> string_list_field(std::string key, std::vector<std::string> T::*member) {
  return {key, false,
          [member](T& o, JsonValue v, const JsonPath& p) {
            require_array(v, p);
            auto& list = o.*member;
            list.clear();
            v.for_each_element([&](JsonValue e) { list.push_back(read_string(e, p.child(list.size()))); });
          },
          [member, key](const T& o, JsonWriter& out) {
            if (!(o.*member).empty()) out.member(key, o.*member);
          },
          {FieldType::TextList, {}, {}, {}, Json::array()}};
}

// An array of objects, each read with its own table.
template <class T, class E>
Field<T> object_list_field(std::string key, std::vector<E> T::*member, bool required,
                           const FieldTable<E>& (*table)(), Json E::*extra = nullptr) {
  return {key, required,
          [member, table, extra](T& o, JsonValue v, const JsonPath& p) {
            require_array(v, p);
            auto& list = o.*member;
            list.clear();
            // Bounded: a hostile file's element count must not reserve gigabytes up front.
            list.reserve(std::min<std::size_t>(v.size(), 1 << 20));
            v.for_each_element([&](JsonValue element) {
              E& e = list.emplace_back();
              read_fields(e, element, p.child(list.size() - 1), table(), extra ? &(e.*extra) : nullptr);
            });
          },
          [member, table, extra, key, required](const T& o, JsonWriter& out) {
            const auto& list = o.*member;
            if (list.empty() && !required) return;
            out.key(key);
            out.begin_array();
            for (const auto& e : list) write_fields(e, table(), out, extra ? &(e.*extra) : nullptr);
            out.end_array();
          }};
}

}  // namespace cf
