#pragma once
// Writing JSON as a stream of events: field tables write each object once, and the sink decides
// what it becomes — text in exactly nlohmann's dump(1) layout (saving a 100 MB design without
// building it in memory first) or an nlohmann value (the inspector, tests).

#include <concepts>
#include <functional>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "io/json_value.h"

namespace cf {

class JsonWriter {
 public:
  virtual ~JsonWriter() = default;
  virtual void begin_object() = 0;
  virtual void end_object() = 0;
  virtual void begin_array() = 0;
  virtual void end_array() = 0;
  // Inside an object: the key of the next value.
  virtual void key(std::string_view key) = 0;
  virtual void value(std::string_view text) = 0;
  virtual void value(double number) = 0;
  virtual void value(std::int64_t number) = 0;
  virtual void value(bool flag) = 0;
  virtual void null() = 0;
  // A whole nlohmann value (unknown keys kept from the file).
  void value(const Json& json);

  void value(const char* text) { value(std::string_view(text)); }
  void value(const std::string& text) { value(std::string_view(text)); }
  template <std::integral I>
    requires(!std::same_as<I, bool>)
  void value(I number) {
    value(static_cast<std::int64_t>(number));
  }
  void value(const std::vector<std::string>& texts);

  // key(k) then value(v).
  template <class V>
  void member(std::string_view k, const V& v) {
    key(k);
    value(v);
  }
};

// Text identical to nlohmann's dump(indent) of the same value (samples stay byte-identical),
// appended to `out`. With a `drain`, the text is handed on (to a file) whenever `out` holds a
// MiB, so that writing a 100 MB design never holds it all in memory.
class JsonTextWriter final : public JsonWriter {
 public:
  using Drain = std::function<void(std::string_view text)>;
  explicit JsonTextWriter(std::string& out, int indent = 1, Drain drain = {})
      : out_(out), indent_(indent), drain_(std::move(drain)) {}
  // Hands the rest on to the drain (call once the document is written).
  void finish();
  void begin_object() override { open('{'); }
  void end_object() override { close('}'); }
  void begin_array() override { open('['); }
  void end_array() override { close(']'); }
  void key(std::string_view key) override;
  void value(std::string_view text) override;
  void value(double number) override;
  void value(std::int64_t number) override;
  void value(bool flag) override;
  void null() override;
  using JsonWriter::value;

 private:
  void before_value();
  void open(char bracket);
  void close(char bracket);
  void newline_and_indent(std::size_t depth);
  void write_string(std::string_view text);

  std::string& out_;
  int indent_;
  Drain drain_;
  std::vector<bool> empty_;  // per open container: nothing written in it yet
  bool after_key_ = false;
};

// Builds an nlohmann value.
class JsonDomWriter final : public JsonWriter {
 public:
  void begin_object() override { open(Json::object()); }
  void end_object() override { close(); }
  void begin_array() override { open(Json::array()); }
  void end_array() override { close(); }
  void key(std::string_view key) override { key_ = key; }
  void value(std::string_view text) override { put(std::string(text)); }
  void value(double number) override { put(number); }
  void value(std::int64_t number) override { put(number); }
  void value(bool flag) override { put(flag); }
  void null() override { put(nullptr); }
  using JsonWriter::value;

  // The finished value.
  Json& result() { return root_; }

 private:
  Json& put(Json v);
  void open(Json container);
  void close() { stack_.pop_back(); }

  Json root_;
  std::vector<Json*> stack_;
  std::string key_;
};

}  // namespace cf
