#pragma once
// Loads catalog files (docs/catalog.md) into a Catalog, converting units to SI.

#include <filesystem>
#include <vector>

#include "catalog/catalog.h"
#include "io/json_reader.h"

namespace cf {

// Reads every *.json in each folder, folder by folder, files in name order. A later folder's
// entry replaces an earlier one with the same id (the user catalog overrides the installed one).
// Within one folder an id must be unique. A missing folder other than the first is skipped.
// Throws LoadError naming the file, the JSON path and the entry.
Catalog load_catalog(const std::vector<std::filesystem::path>& folders);

// Adds the entries of one catalog document (already parsed) to `catalog`; `file` names it in errors.
void load_catalog_document(Catalog& catalog, JsonValue doc, const std::string& file);
// The same from the text of a catalog file (what load_catalog reads from each file).
void parse_catalog_text(Catalog& catalog, std::string_view text, const std::string& file);

}  // namespace cf
