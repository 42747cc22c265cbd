#pragma once
// The design as NetBox bulk-import files (https://netboxlabs.com/docs/netbox/): NetBox imports one
// object type per upload, each referring to objects imported before it, so the export is a folder
// of files numbered in import order: site, manufacturers, device roles (the role colours), device
// types (YAML, multi-document), racks, devices (racked at their U and face), interfaces (every
// usable port, breakout lanes included) and cables (one per link), with a README.txt. Field names
// and choice values are NetBox's own (netbox/dcim/forms/bulk_import.py, netbox/dcim/choices.py;
// NetBox 4.0 or later). Power ports, outlets, panels and feeds are not exported (README.txt).

#include <filesystem>
#include <map>
#include <string>

#include "catalog/catalog.h"
#include "design/design.h"

namespace cf {

struct NetBoxOptions {
  // false: what is designed, not yet built (site, racks and devices "planned", cables "planned");
  // true: the as-built record ("active", cables "connected").
  bool built = false;
};

// File name ("06-devices.csv") -> content.
std::map<std::string, std::string> netbox_import_files(const Design& design, const Catalog& catalog,
                                                       const NetBoxOptions& options = {});

// Writes those files into `folder` (created when missing; files of the same names replaced).
// Throws ExportError; on failure no file of the folder is left half written.
void write_netbox_import(const Design& design, const Catalog& catalog, const std::filesystem::path& folder,
                         const NetBoxOptions& options = {});

}  // namespace cf
