#pragma once
// The properties of one design object as the set_property edit sees them: every key of the
// object's field table (the file format), its type, range, unit and current value. What the GUI's
// inspector lists and edits; nothing here is hand-listed per type.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog.h"
#include "design/design.h"
#include "io/field_table.h"

namespace cf {

struct ObjectProperty {
  std::string key;
  FieldType type = FieldType::Structured;
  bool required = false;
  // set_property accepts it: not the id, not a list of children, not a structured value.
  bool editable = false;
  // Enum: its names. Reference: the ids it may name (other design objects or catalog entries),
  // with "" first when the reference is optional.
  std::vector<std::string> choices;
  bool reference = false;
  std::optional<double> min, max;  // in the file's unit
  std::string unit;                // of the value as written in the file ("m", "kW", "V")
  Json value;                      // as written in the file; what an absent key means otherwise
};

// The properties of the object with this id (the empty id is the design, "site" its site,
// "assumptions" its assumptions) in file order, without its lists of children; nullopt when the
// design has no such object. Reference choices come from the design and the catalog.
std::optional<std::vector<ObjectProperty>> object_properties(const Design& design,
                                                             const Catalog& catalog,
                                                             std::string_view object_id);

// The unit a file key carries in its name ("length_m" -> "m", "power_limit_kw" -> "kW"); empty
// when the key names none.
std::string unit_of_key(std::string_view key);

}  // namespace cf
