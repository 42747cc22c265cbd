#pragma once
// Edit operations on a design. Each either applies completely and keeps the design valid, or
// refuses with a reason and changes nothing. A successful edit can be reverted exactly; the UI's
// undo commands wrap these.

#include <memory>
#include <optional>
#include <string>

#include "catalog/catalog.h"
#include "design/design.h"
#include "io/json_reader.h"

namespace cf {

class EditResult {
 public:
  static EditResult ok() { return EditResult{}; }
  static EditResult refused(std::string reason) { return EditResult{std::move(reason)}; }

  explicit operator bool() const { return !reason_; }
  const std::string& reason() const { return *reason_; }

 private:
  EditResult() = default;
  explicit EditResult(std::string reason) : reason_(std::move(reason)) {}
  std::optional<std::string> reason_;
};

class Edit {
 public:
  virtual ~Edit() = default;
  // A short description for menus and the undo history ("Mount dgx-001 in A01").
  virtual std::string text() const = 0;
  virtual EditResult apply(Design& design, const Catalog& catalog) = 0;
  // Reverts a successful apply; the design must be as apply left it.
  virtual void revert(Design& design) = 0;
};

std::unique_ptr<Edit> add_rack(Rack rack);
std::unique_ptr<Edit> move_rack(std::string rack_id, std::string row_id, int position);
// Removes the rack, its devices and every link to them.
std::unique_ptr<Edit> remove_rack(std::string rack_id);
std::unique_ptr<Edit> mount_device(std::string rack_id, Device device);
std::unique_ptr<Edit> move_device(std::string device_id, std::string rack_id, int u, Face face);
// Removes the device and every link to it.
std::unique_ptr<Edit> unmount_device(std::string device_id);
std::unique_ptr<Edit> connect(Link link);
std::unique_ptr<Edit> disconnect(std::string link_id);
// Sets one property (a key of the object's JSON form, e.g. "name", "u", "length_m") of the object
// with id `object_id`; the empty id is the design itself, "site" its site and "assumptions" its
// assumptions.
std::unique_ptr<Edit> set_property(std::string object_id, std::string key, Json value);

}  // namespace cf
