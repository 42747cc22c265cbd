#pragma once
// The *.cluster.json file format (docs/file-formats.md): versioned, stable key order, unknown keys
// preserved, older versions migrated step by step, newer ones refused.

#include <filesystem>
#include <string>
#include <vector>

#include "design/design.h"
#include "io/json_reader.h"
#include "io/json_writer.h"

namespace cf {

inline constexpr const char* kDesignFormatName = "clusterforge-design";

// Reads a parsed document (any supported version). Throws LoadError; `migration_log` receives one
// line per migration step applied.
Design design_from_json(JsonValue doc, std::vector<std::string>* migration_log = nullptr);
// Reads a file; errors name the file. Never returns a half-loaded design.
Design load_design(const std::filesystem::path& file,
                   std::vector<std::string>* migration_log = nullptr);
Design parse_design_text(std::string_view text, std::vector<std::string>* migration_log = nullptr);

// Writes the document (format, version, then the design's keys) into any JSON sink.
void write_design(const Design& design, JsonWriter& out);
Json design_to_json(const Design& design);
std::string design_to_text(const Design& design);
// Atomic save keeping FILE.bak; throws std::runtime_error.
void save_design(const Design& design, const std::filesystem::path& file);

}  // namespace cf
