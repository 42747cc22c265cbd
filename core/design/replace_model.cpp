#include "design/replace_model.h"

#include <map>
#include <optional>
#include <set>
#include <vector>

#include "design/ports.h"

namespace cf {

namespace {

std::string gbps(double bps) { return std::to_string(static_cast<long long>(bps / 1e9)) + " Gb/s"; }

// Why `port` of `dev` (now of model `now_spec`) can no longer carry link `link_id`.
std::optional<std::string> check_port(const Device& dev, const std::string& port, const Mountable* old_spec,
                                      const Mountable& now_spec, const std::string& link_id) {
  std::string why;
  auto now = resolve_port(now_spec, dev, port, &why);
  if (!now) return "link " + link_id + ": " + why;
  if (!old_spec) return std::nullopt;
  auto was = resolve_port(*old_spec, dev, port);
  if (!was) return std::nullopt;
  if (now->group->role != was->group->role || now->speed_bps != was->speed_bps)
    return "port " + port + " is " + gbps(now->speed_bps) + " " + now->group->name + " on " +
           now_spec.model + ", " + gbps(was->speed_bps) + " " + was->group->name + " on " +
           old_spec->model + ": link " + link_id + " needs other cabling (regenerate the fabric instead)";
  return std::nullopt;
}

class ReplaceModel : public Edit {
 public:
  ReplaceModel(std::string from, std::string to) : from_(std::move(from)), to_(std::move(to)) {}

  std::string text() const override { return "Replace " + from_ + " by " + to_; }

  EditResult apply(Design& d, const Catalog& c) override {
    const Mountable* old_spec = c.mountable(from_);
    const Mountable* new_spec = c.mountable(to_);
    if (!new_spec) return EditResult::refused("unknown catalog id \"" + to_ + "\"");
    if (old_spec && old_spec->kind != new_spec->kind)
      return EditResult::refused(new_spec->model + " is a " + to_string(new_spec->kind) + ", " +
                                 old_spec->model + " a " + to_string(old_spec->kind));
    if (from_ == to_) return EditResult::refused("the model is already " + to_);

    // Each device through set_property, so that each is checked where it stands (U, faces).
    std::set<std::string> changed;
    for (const Rack& rack : d.racks)
      for (const Device& dev : rack.devices)
        if (dev.catalog_id == from_) changed.insert(dev.id);
    if (changed.empty()) return EditResult::refused("no device of model \"" + from_ + "\" in the design");
    for (const std::string& id : changed) {
      auto edit = set_property(id, "catalog", Json(to_));
      EditResult r = edit->apply(d, c);
      if (!r) {
        revert(d);
        return EditResult::refused(id + ": " + r.reason());
      }
      applied_.push_back(std::move(edit));
    }
    // The links stay: each port they use must exist with the role and speed it had. (Media and
    // fabrics are unchanged, and a port name resolving as before cannot newly collide.)
    std::map<std::string, const Device*, std::less<>> devices;
    for (const Rack& rack : d.racks)
      for (const Device& dev : rack.devices)
        if (changed.count(dev.id)) devices[dev.id] = &dev;
    for (const Link& link : d.links) {
      for (const PortRef* end : {&link.a, &link.b}) {
        auto found = devices.find(end->device_id);
        if (found == devices.end()) continue;
        if (auto bad = check_port(*found->second, end->port, old_spec, *new_spec, link.id)) {
          revert(d);
          return EditResult::refused(end->device_id + ": " + *bad);
        }
      }
    }
    return EditResult::ok();
  }

  void revert(Design& d) override {
    for (auto it = applied_.rbegin(); it != applied_.rend(); ++it) (*it)->revert(d);
    applied_.clear();
  }

 private:
  std::string from_, to_;
  std::vector<std::unique_ptr<Edit>> applied_;
};

}  // namespace

std::unique_ptr<Edit> replace_model(std::string from_catalog_id, std::string to_catalog_id) {
  return std::make_unique<ReplaceModel>(std::move(from_catalog_id), std::move(to_catalog_id));
}

}  // namespace cf
