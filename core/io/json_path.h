#pragma once
// Where a value sits in a document, as a JSON Pointer (RFC 6901: "/racks/3/devices/2/u"), built
// lazily: readers pass paths down on every field, and the text is only made when an error names it.

#include <cstddef>
#include <string>
#include <string_view>

namespace cf {

// A chain of references to parent paths: a child must not outlive its parent, so children are
// made where they are passed (`read(v, path.child("u"))`) or held in a local beside the parent.
class JsonPath {
 public:
  JsonPath() = default;  // the document itself: ""

  JsonPath child(std::string_view key) const { return JsonPath(this, key, 0, false); }
  JsonPath child(std::size_t index) const { return JsonPath(this, {}, index, true); }

  std::string str() const;

 private:
  JsonPath(const JsonPath* parent, std::string_view key, std::size_t index, bool is_index)
      : parent_(parent), key_(key), index_(index), is_index_(is_index) {}

  const JsonPath* parent_ = nullptr;
  std::string_view key_;
  std::size_t index_ = 0;
  bool is_index_ = false;
};

// The JSON Pointer token of an object key: "~" and "/" escaped.
std::string escape_pointer_token(std::string_view key);

}  // namespace cf
