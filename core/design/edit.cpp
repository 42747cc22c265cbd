#include "design/edit.h"

#include <algorithm>
#include <functional>
#include <set>
#include <type_traits>

#include "design/design_index.h"
#include "design/design_schema.h"
#include "design/object_lookup.h"
#include "design/placement.h"

namespace cf {

namespace {

using Refusal = std::optional<std::string>;

// Links removed together with a device or rack, with their positions for an exact revert.
using RemovedLinks = std::vector<std::pair<std::size_t, Link>>;

RemovedLinks take_links_touching(Design& d, const std::set<std::string, std::less<>>& devices) {
  RemovedLinks removed;
  std::vector<Link> kept;
  kept.reserve(d.links.size());
  for (std::size_t i = 0; i < d.links.size(); ++i) {
    Link& l = d.links[i];
    if (devices.count(l.a.device_id) || devices.count(l.b.device_id))
      removed.emplace_back(i, std::move(l));
    else
      kept.push_back(std::move(l));
  }
  d.links = std::move(kept);
  return removed;
}

void restore_links(Design& d, RemovedLinks& removed) {
  for (auto& [index, link] : removed) d.links.insert(d.links.begin() + index, std::move(link));
  removed.clear();
}

Rack* find_rack(Design& d, std::string_view id) {
  for (auto& r : d.racks)
    if (r.id == id) return &r;
  return nullptr;
}

Refusal check_new_id(const Design& d, const std::string& id, const char* what) {
  if (id.empty()) return std::string("a ") + what + " needs an id";
  DesignIndex index(d);
  if (const ObjectLocation* loc = index.find(id))
    return "id \"" + id + "\" is already used by a " + to_string(loc->type);
  return std::nullopt;
}

Refusal check_feed(const Design& d, const Device& dev) {
  if (dev.feed_id.empty()) return std::nullopt;
  for (const auto& f : d.power_feeds)
    if (f.id == dev.feed_id) return std::nullopt;
  return "unknown power feed \"" + dev.feed_id + "\"";
}

class AddRack : public Edit {
 public:
  explicit AddRack(Rack rack) : rack_(std::move(rack)) {}
  std::string text() const override { return "Add rack " + rack_.id; }
  EditResult apply(Design& d, const Catalog& c) override {
    if (auto bad = check_new_id(d, rack_.id, "rack")) return EditResult::refused(*bad);
    std::set<std::string> ids;
    for (const auto& dev : rack_.devices) {
      if (auto bad = check_new_id(d, dev.id, "device")) return EditResult::refused(*bad);
      if (!ids.insert(dev.id).second || dev.id == rack_.id)
        return EditResult::refused("id \"" + dev.id + "\" appears twice");
    }
    if (auto bad = check_rack_slot(d, rack_, c)) return EditResult::refused(*bad);
    for (const auto& dev : rack_.devices) {
      if (auto bad = check_mount(rack_, dev, c)) return EditResult::refused(dev.id + ": " + *bad);
      if (auto bad = check_feed(d, dev)) return EditResult::refused(dev.id + ": " + *bad);
    }
    d.racks.push_back(rack_);
    return EditResult::ok();
  }
  void revert(Design& d) override { d.racks.pop_back(); }

 private:
  Rack rack_;
};

class MoveRack : public Edit {
 public:
  MoveRack(std::string id, std::string row, int position)
      : id_(std::move(id)), row_(std::move(row)), position_(position) {}
  std::string text() const override { return "Move rack " + id_; }
  EditResult apply(Design& d, const Catalog& c) override {
    Rack* rack = find_rack(d, id_);
    if (!rack) return EditResult::refused("unknown rack \"" + id_ + "\"");
    Rack moved = *rack;
    moved.row_id = row_;
    moved.position = position_;
    if (auto bad = check_rack_slot(d, moved, c)) return EditResult::refused(*bad);
    old_row_ = rack->row_id;
    old_position_ = rack->position;
    rack->row_id = row_;
    rack->position = position_;
    return EditResult::ok();
  }
  void revert(Design& d) override {
    Rack* rack = find_rack(d, id_);
    rack->row_id = old_row_;
    rack->position = old_position_;
  }

 private:
  std::string id_, row_, old_row_;
  int position_, old_position_ = 0;
};

class RemoveRack : public Edit {
 public:
  explicit RemoveRack(std::string id) : id_(std::move(id)) {}
  std::string text() const override { return "Remove rack " + id_; }
  EditResult apply(Design& d, const Catalog&) override {
    auto it = std::find_if(d.racks.begin(), d.racks.end(), [&](const Rack& r) { return r.id == id_; });
    if (it == d.racks.end()) return EditResult::refused("unknown rack \"" + id_ + "\"");
    index_ = static_cast<std::size_t>(it - d.racks.begin());
    std::set<std::string, std::less<>> devices;
    for (const auto& dev : it->devices) devices.insert(dev.id);
    links_ = take_links_touching(d, devices);
    doors_.clear();
    for (std::size_t i = d.cooling_units.size(); i-- > 0;)
      if (d.cooling_units[i].rack_id == id_) {
        doors_.emplace_back(i, std::move(d.cooling_units[i]));
        d.cooling_units.erase(d.cooling_units.begin() + i);
      }
    rack_ = std::move(d.racks[index_]);
    d.racks.erase(d.racks.begin() + index_);
    return EditResult::ok();
  }
  void revert(Design& d) override {
    d.racks.insert(d.racks.begin() + index_, std::move(rack_));
    for (auto it = doors_.rbegin(); it != doors_.rend(); ++it)
      d.cooling_units.insert(d.cooling_units.begin() + it->first, std::move(it->second));
    doors_.clear();
    restore_links(d, links_);
  }

 private:
  std::string id_;
  std::size_t index_ = 0;
  Rack rack_;
  RemovedLinks links_;
  std::vector<std::pair<std::size_t, CoolingUnit>> doors_;  // in descending index order
};

class MountDevice : public Edit {
 public:
  MountDevice(std::string rack, Device dev) : rack_(std::move(rack)), dev_(std::move(dev)) {}
  std::string text() const override { return "Mount " + dev_.id + " in " + rack_; }
  EditResult apply(Design& d, const Catalog& c) override {
    Rack* rack = find_rack(d, rack_);
    if (!rack) return EditResult::refused("unknown rack \"" + rack_ + "\"");
    if (auto bad = check_new_id(d, dev_.id, "device")) return EditResult::refused(*bad);
    if (auto bad = check_mount(*rack, dev_, c)) return EditResult::refused(*bad);
    if (auto bad = check_feed(d, dev_)) return EditResult::refused(*bad);
    rack->devices.push_back(dev_);
    return EditResult::ok();
  }
  void revert(Design& d) override { find_rack(d, rack_)->devices.pop_back(); }

 private:
  std::string rack_;
  Device dev_;
};

class MoveDevice : public Edit {
 public:
  MoveDevice(std::string id, std::string rack, int u, Face face)
      : id_(std::move(id)), rack_(std::move(rack)), u_(u), face_(face) {}
  std::string text() const override { return "Move " + id_; }
  EditResult apply(Design& d, const Catalog& c) override {
    DesignIndex index(d);
    const ObjectLocation* loc = index.device(id_);
    if (!loc) return EditResult::refused("unknown device \"" + id_ + "\"");
    Rack* target = find_rack(d, rack_);
    if (!target) return EditResult::refused("unknown rack \"" + rack_ + "\"");
    from_rack_ = loc->rack_index;
    from_index_ = loc->index;
    Device& dev = d.racks[from_rack_].devices[from_index_];
    Device moved = dev;
    moved.u = u_;
    moved.face = face_;
    if (auto bad = check_mount(*target, moved, c)) return EditResult::refused(*bad);
    old_u_ = dev.u;
    old_face_ = dev.face;
    if (&d.racks[from_rack_] == target) {
      dev = std::move(moved);
    } else {
      d.racks[from_rack_].devices.erase(d.racks[from_rack_].devices.begin() + from_index_);
      target->devices.push_back(std::move(moved));
    }
    return EditResult::ok();
  }
  void revert(Design& d) override {
    Rack& from = d.racks[from_rack_];
    if (from.id == rack_) {
      from.devices[from_index_].u = old_u_;
      from.devices[from_index_].face = old_face_;
      return;
    }
    Rack* target = find_rack(d, rack_);
    Device dev = std::move(target->devices.back());
    target->devices.pop_back();
    dev.u = old_u_;
    dev.face = old_face_;
    from.devices.insert(from.devices.begin() + from_index_, std::move(dev));
  }

 private:
  std::string id_, rack_;
  int u_, old_u_ = 0;
  Face face_, old_face_ = Face::Front;
  std::size_t from_rack_ = 0, from_index_ = 0;
};

class UnmountDevice : public Edit {
 public:
  explicit UnmountDevice(std::string id) : id_(std::move(id)) {}
  std::string text() const override { return "Remove " + id_; }
  EditResult apply(Design& d, const Catalog&) override {
    DesignIndex index(d);
    const ObjectLocation* loc = index.device(id_);
    if (!loc) return EditResult::refused("unknown device \"" + id_ + "\"");
    rack_ = loc->rack_index;
    index_ = loc->index;
    links_ = take_links_touching(d, {id_});
    auto& devices = d.racks[rack_].devices;
    dev_ = std::move(devices[index_]);
    devices.erase(devices.begin() + index_);
    return EditResult::ok();
  }
  void revert(Design& d) override {
    auto& devices = d.racks[rack_].devices;
    devices.insert(devices.begin() + index_, std::move(dev_));
    restore_links(d, links_);
  }

 private:
  std::string id_;
  std::size_t rack_ = 0, index_ = 0;
  Device dev_;
  RemovedLinks links_;
};

class Connect : public Edit {
 public:
  explicit Connect(Link link) : link_(std::move(link)) {}
  std::string text() const override {
    return "Connect " + link_.a.device_id + " " + link_.a.port + " to " + link_.b.device_id + " " +
           link_.b.port;
  }
  EditResult apply(Design& d, const Catalog& c) override {
    if (auto bad = check_new_id(d, link_.id, "link")) return EditResult::refused(*bad);
    if (link_.length_m < 0 || link_.length_m > limits::kMaxLinkLength_m)
      return EditResult::refused("a link length must be from 0 to 100000 m");
    if (auto bad = check_link(d, link_, c)) return EditResult::refused(*bad);
    d.links.push_back(link_);
    return EditResult::ok();
  }
  void revert(Design& d) override { d.links.pop_back(); }

 private:
  Link link_;
};

class Disconnect : public Edit {
 public:
  explicit Disconnect(std::string id) : id_(std::move(id)) {}
  std::string text() const override { return "Disconnect " + id_; }
  EditResult apply(Design& d, const Catalog&) override {
    auto it = std::find_if(d.links.begin(), d.links.end(), [&](const Link& l) { return l.id == id_; });
    if (it == d.links.end()) return EditResult::refused("unknown link \"" + id_ + "\"");
    index_ = static_cast<std::size_t>(it - d.links.begin());
    link_ = std::move(*it);
    d.links.erase(it);
    return EditResult::ok();
  }
  void revert(Design& d) override { d.links.insert(d.links.begin() + index_, std::move(link_)); }

 private:
  std::string id_;
  std::size_t index_ = 0;
  Link link_;
};

// ---- SetProperty -----------------------------------------------------------------------------

// The rules an object must still satisfy after one of its properties changed.
Refusal check_changed(const Design& d, const Catalog& c, const Device& dev) {
  for (const auto& rack : d.racks)
    for (const auto& other : rack.devices)
      if (other.id == dev.id) {
        if (auto bad = check_mount(rack, dev, c)) return bad;
        return check_feed(d, dev);
      }
  return std::nullopt;
}
Refusal check_changed(const Design& d, const Catalog& c, const Rack& rack) {
  if (auto bad = check_rack_slot(d, rack, c)) return bad;
  for (const auto& dev : rack.devices)
    if (auto bad = check_mount(rack, dev, c)) return dev.id + ": " + *bad;
  return std::nullopt;
}
Refusal check_changed(const Design& d, const Catalog& c, const Link& link) {
  return check_link(d, link, c);
}
Refusal check_changed(const Design& d, const Catalog& c, const CoolingUnit& unit) {
  if (!c.cooling(unit.catalog_id)) return "unknown cooling unit type \"" + unit.catalog_id + "\"";
  DesignIndex index(d);
  if (!unit.row_id.empty() && !index.row(unit.row_id)) return "unknown row \"" + unit.row_id + "\"";
  if (!unit.rack_id.empty() && !index.rack(unit.rack_id))
    return "unknown rack \"" + unit.rack_id + "\"";
  if (unit.row_id.empty() && unit.rack_id.empty()) return "a cooling unit needs a row or a rack";
  return std::nullopt;
}
template <class T>
Refusal check_changed(const Design&, const Catalog&, const T&) {
  return std::nullopt;
}

class SetProperty : public Edit {
 public:
  SetProperty(std::string id, std::string key, Json value)
      : id_(std::move(id)), key_(std::move(key)), value_(std::move(value)) {}
  std::string text() const override {
    return "Set " + key_ + (id_.empty() ? std::string() : " of " + id_);
  }
  EditResult apply(Design& d, const Catalog& c) override {
    Refusal refusal;
    bool found = with_object(d, id_, [&](auto& obj, const auto& table) {
      using T = std::decay_t<decltype(obj)>;
      const auto* field = find_field(table, key_);
      if (!field) {
        refusal = (id_.empty() ? std::string("the design") : id_) + " has no property \"" + key_ + "\"";
        return;
      }
      if (is_structural_key(key_)) {
        refusal = "\"" + key_ + "\" cannot be set as a property";
        return;
      }
      T changed = obj;
      try {
        field->read(changed, value_, JsonPath().child(key_));
      } catch (const LoadError& e) {
        refusal = e.message();
        return;
      }
      if constexpr (!std::is_same_v<T, Design> && !std::is_same_v<T, Site> &&
                !std::is_same_v<T, Assumptions>) {
        if (auto bad = check_changed(d, c, changed)) {
          refusal = *bad;
          return;
        }
      }
      undo_ = [id = id_, old = obj](Design& design) {
        with_object(design, id, [&](auto& target, const auto&) {
          if constexpr (std::is_same_v<std::decay_t<decltype(target)>, T>) target = old;
        });
      };
      obj = std::move(changed);
    });
    if (!found) return EditResult::refused("unknown object \"" + id_ + "\"");
    if (refusal) return EditResult::refused(*refusal);
    return EditResult::ok();
  }
  void revert(Design& d) override { undo_(d); }

 private:
  std::string id_, key_;
  Json value_;
  std::function<void(Design&)> undo_;
};

}  // namespace

std::unique_ptr<Edit> add_rack(Rack rack) { return std::make_unique<AddRack>(std::move(rack)); }
std::unique_ptr<Edit> move_rack(std::string rack_id, std::string row_id, int position) {
  return std::make_unique<MoveRack>(std::move(rack_id), std::move(row_id), position);
}
std::unique_ptr<Edit> remove_rack(std::string rack_id) {
  return std::make_unique<RemoveRack>(std::move(rack_id));
}
std::unique_ptr<Edit> mount_device(std::string rack_id, Device device) {
  return std::make_unique<MountDevice>(std::move(rack_id), std::move(device));
}
std::unique_ptr<Edit> move_device(std::string device_id, std::string rack_id, int u, Face face) {
  return std::make_unique<MoveDevice>(std::move(device_id), std::move(rack_id), u, face);
}
std::unique_ptr<Edit> unmount_device(std::string device_id) {
  return std::make_unique<UnmountDevice>(std::move(device_id));
}
std::unique_ptr<Edit> connect(Link link) { return std::make_unique<Connect>(std::move(link)); }
std::unique_ptr<Edit> disconnect(std::string link_id) {
  return std::make_unique<Disconnect>(std::move(link_id));
}
std::unique_ptr<Edit> set_property(std::string object_id, std::string key, Json value) {
  return std::make_unique<SetProperty>(std::move(object_id), std::move(key), std::move(value));
}

}  // namespace cf
