#pragma once
// Declares once how a struct maps to JSON: which keys, which are required, their types, ranges and
// units. The same table reads files, writes files and sets single properties (undoable edits), so
// the three can never disagree.

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "io/json_reader.h"

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
  std::function<void(T& obj, const Json& value, const std::string& path)> read;
  // Writes the value (or nothing when unset / default) into out[key].
  std::function<void(const T& obj, Json& out)> write;
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
E read_enum(const Json& j, const std::string& path, const EnumNames<E>& names) {
  std::string s = read_string(j, path);
  if (auto v = enum_from_name(s, names)) return *v;
  fail_at(path, "expected one of " + enum_choices(names) + ", got \"" + s + "\"");
}


template <class T>
const Field<T>* find_field(const FieldTable<T>& table, const std::string& key) {
  for (const auto& f : table)
    if (f.key == key) return &f;
  return nullptr;
}

// Reads a JSON object into obj; keys that the table does not know go to *extra (when given) or
// are ignored.
template <class T>
void read_fields(T& obj, const Json& j, const std::string& path, const FieldTable<T>& table,
                 Json* extra) {
  require_object(j, path);
  for (const auto& f : table) {
    auto it = j.find(f.key);
    if (it == j.end() || (it->is_null() && !f.required)) {
      if (f.required) fail_at(path, "missing required field \"" + f.key + "\"");
      continue;
    }
    f.read(obj, *it, child_path(path, f.key));
  }
  if (extra) {
    for (auto it = j.begin(); it != j.end(); ++it)
      if (!find_field(table, it.key())) (*extra)[it.key()] = it.value();
  }
}

// Writes obj as a JSON object: known keys in table order, then the preserved unknown keys.
template <class T>
Json write_fields(const T& obj, const FieldTable<T>& table, const Json* extra = nullptr) {
  Json out = Json::object();
  for (const auto& f : table) f.write(obj, out);
  if (extra && extra->is_object())
    for (auto it = extra->begin(); it != extra->end(); ++it) out[it.key()] = it.value();
  return out;
}

// ---- field builders --------------------------------------------------------------------------

template <class T>
Field<T> string_field(std::string key, std::string T::*member, bool required) {
  return {key, required,
          [member, required](T& o, const Json& v, const std::string& p) {
            o.*member = read_string(v, p);
            if (required && (o.*member).empty()) fail_at(p, "must not be empty");
          },
          [member, key](const T& o, Json& out) {
            if (!(o.*member).empty()) out[key] = o.*member;
          },
          {FieldType::Text, {}, {}, {}, Json("")}};
}

template <class T>
Field<T> bool_field(std::string key, bool T::*member, bool default_value) {
  return {key, false,
          [member](T& o, const Json& v, const std::string& p) { o.*member = read_bool(v, p); },
          [member, key, default_value](const T& o, Json& out) {
            if (o.*member != default_value) out[key] = o.*member;
          },
          {FieldType::Bool, {}, {}, {}, Json(default_value)}};
}

// A number in the file's unit; stored multiplied by `scale` (the unit's size in SI).
template <class T>
Field<T> number_field(std::string key, double T::*member, bool required, double min, double max,
                      double scale = 1.0) {
  return {key, required,
          [member, min, max, scale](T& o, const Json& v, const std::string& p) {
            o.*member = read_number(v, p, min, max) * scale;
          },
          [member, key, scale](const T& o, Json& out) { out[key] = o.*member / scale; },
          {FieldType::Number, {}, min, max, {}}};
}

template <class T>
Field<T> optional_number_field(std::string key, std::optional<double> T::*member, double min,
                               double max, double scale = 1.0) {
  return {key, false,
          [member, min, max, scale](T& o, const Json& v, const std::string& p) {
            o.*member = read_number(v, p, min, max) * scale;
          },
          [member, key, scale](const T& o, Json& out) {
            if (o.*member) out[key] = *(o.*member) / scale;
          },
          {FieldType::Number, {}, min, max, {}}};
}

template <class T, class I>
Field<T> integer_field(std::string key, I T::*member, bool required, std::int64_t min,
                       std::int64_t max) {
  return {key, required,
          [member, min, max](T& o, const Json& v, const std::string& p) {
            o.*member = static_cast<I>(read_integer(v, p, min, max));
          },
          [member, key](const T& o, Json& out) { out[key] = o.*member; },
          {FieldType::Integer, {}, static_cast<double>(min), static_cast<double>(max), {}}};
}

template <class T, class E>
Field<T> enum_field(std::string key, E T::*member, bool required, EnumNames<E> names) {
  std::vector<std::string> choices;
  for (const auto& [v, n] : names) choices.push_back(n);
  return {key, required,
          [member, names](T& o, const Json& v, const std::string& p) {
            o.*member = read_enum(v, p, names);
          },
          [member, key, names](const T& o, Json& out) { out[key] = enum_name(o.*member, names); },
          {FieldType::Enum, std::move(choices), {}, {}, {}}};
}

template <class T>
Field<T> string_list_field(std::string key, std::vector<std::string> T::*member) {
  return {key, false,
          [member](T& o, const Json& v, const std::string& p) {
            require_array(v, p);
            (o.*member).clear();
            for (std::size_t i = 0; i < v.size(); ++i)
              (o.*member).push_back(read_string(v[i], child_path(p, i)));
          },
          [member, key](const T& o, Json& out) {
            if (!(o.*member).empty()) out[key] = o.*member;
          },
          {FieldType::TextList, {}, {}, {}, Json::array()}};
}

// An array of objects, each read with its own table.
template <class T, class E>
Field<T> object_list_field(std::string key, std::vector<E> T::*member, bool required,
                           const FieldTable<E>& (*table)(), Json E::*extra = nullptr) {
  return {key, required,
          [member, table, extra](T& o, const Json& v, const std::string& p) {
            require_array(v, p);
            auto& list = o.*member;
            list.clear();
            list.reserve(v.size());
            for (std::size_t i = 0; i < v.size(); ++i) {
              E e{};
              read_fields(e, v[i], child_path(p, i), table(), extra ? &(e.*extra) : nullptr);
              list.push_back(std::move(e));
            }
          },
          [member, table, extra, key, required](const T& o, Json& out) {
            const auto& list = o.*member;
            if (list.empty() && !required) return;
            Json arr = Json::array();
            for (const auto& e : list) arr.push_back(write_fields(e, table(), extra ? &(e.*extra) : nullptr));
            out[key] = std::move(arr);
          }};
}

}  // namespace cf
