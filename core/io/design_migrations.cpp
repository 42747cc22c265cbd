#include "io/design_migrations.h"

#include <functional>
#include <map>
#include <unordered_map>

namespace cf {

namespace {

// Version 1 was the prototype layout: devices listed flat at the top level with a "rack" key, and
// link ends written as "device:port" strings. Version 2 nests devices in their racks and writes
// link ends as objects.
Json v1_to_v2(Json doc) {
  const JsonPath root;
  if (doc.contains("devices")) {
    const Json& devices = doc["devices"];
    require_array(devices, root.child("devices"));
    if (!doc.contains("racks") || !doc["racks"].is_array())
      fail_at(root.child("racks"), "version 1 file with devices but no racks array");
    std::unordered_map<std::string, Json*> racks;  // by id: a linear search per device is quadratic
    for (auto& rack : doc["racks"])
      if (rack.is_object() && rack.contains("id") && rack["id"].is_string())
        racks.emplace(rack["id"].get<std::string>(), &rack);
    const JsonPath devices_path = root.child("devices");
    for (std::size_t i = 0; i < devices.size(); ++i) {
      const JsonPath path = devices_path.child(i);
      require_object(devices[i], path);
      Json dev = devices[i];
      if (!dev.contains("rack")) fail_at(path, "missing required field \"rack\"");
      std::string rack_id = read_string(dev["rack"], path.child("rack"));
      auto target = racks.find(rack_id);
      if (target == racks.end())
        fail_at(path.child("rack"), "refers to unknown rack \"" + rack_id + "\"");
      dev.erase("rack");
      (*target->second)["devices"].push_back(std::move(dev));
    }
    doc.erase("devices");
  }
  if (doc.contains("links") && doc["links"].is_array()) {
    auto& links = doc["links"];
    for (std::size_t i = 0; i < links.size(); ++i) {
      for (const char* end : {"a", "b"}) {
        if (!links[i].is_object() || !links[i].contains(end) || !links[i][end].is_string()) continue;
        std::string s = links[i][end].get<std::string>();
        auto colon = s.rfind(':');
        if (colon == std::string::npos)
          fail_at(root.child("links").child(i).child(end),
                  "expected \"device:port\" in a version 1 link, got \"" + s + "\"");
        links[i][end] = Json{{"device", s.substr(0, colon)}, {"port", s.substr(colon + 1)}};
      }
    }
  }
  return doc;
}

struct Step {
  std::string what;
  std::function<Json(Json)> apply;
};

const std::map<int, Step>& steps() {
  static const std::map<int, Step> s{
      {1, {"nested devices in their racks and wrote link ends as objects", v1_to_v2}},
  };
  return s;
}

}  // namespace

Json migrate_design(Json doc, int from_version, int to_version, std::vector<std::string>* log) {
  for (int v = from_version; v < to_version; ++v) {
    auto it = steps().find(v);
    if (it == steps().end())
      fail_at("/version", "no migration from version " + std::to_string(v));
    doc = it->second.apply(std::move(doc));
    doc["version"] = v + 1;
    if (log)
      log->push_back("migrated from version " + std::to_string(v) + " to " +
                     std::to_string(v + 1) + ": " + it->second.what);
  }
  return doc;
}

}  // namespace cf
