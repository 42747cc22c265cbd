#include "io/design_file.h"

#include "design/design_index.h"
#include "design/design_schema.h"
#include "design/structure.h"
#include "io/atomic_file.h"
#include "io/design_migrations.h"

namespace cf {

Design design_from_json(const Json& doc, std::vector<std::string>* migration_log) {
  require_object(doc, "");
  auto format = doc.find("format");
  if (format == doc.end())
    fail_at("", "missing required field \"format\" (is this a ClusterForge design?)");
  if (!format->is_string() || *format != kDesignFormatName)
    fail_at("/format", "expected \"" + std::string(kDesignFormatName) + "\", got " + format->dump());
  auto version_it = doc.find("version");
  if (version_it == doc.end()) fail_at("", "missing required field \"version\"");
  auto version = static_cast<int>(read_integer(*version_it, "/version", 1, 1000000));
  if (version > Design::kFormatVersion)
    fail_at("/version", "this file is format version " + std::to_string(version) +
                            ", newer than this ClusterForge reads (" +
                            std::to_string(Design::kFormatVersion) +
                            "); open it with a newer ClusterForge");

  Json current = version < Design::kFormatVersion
                     ? migrate_design(doc, version, Design::kFormatVersion, migration_log)
                     : doc;
  Design design;
  Json extra = Json::object();
  read_fields(design, current, "", design_fields(), &extra);
  extra.erase("format");
  extra.erase("version");
  if (!extra.empty()) design.extra = std::move(extra);
  check_structure(design, DesignIndex(design));
  return design;
}

Design parse_design_text(std::string_view text, std::vector<std::string>* migration_log) {
  return design_from_json(parse_json_text(text), migration_log);
}

Design load_design(const std::filesystem::path& file, std::vector<std::string>* migration_log) {
  Json doc = read_json_file(file);
  try {
    return design_from_json(doc, migration_log);
  } catch (const LoadError& e) {
    throw e.in_file(file.string());
  }
}

Json design_to_json(const Design& design) {
  Json out = Json::object();
  out["format"] = kDesignFormatName;
  out["version"] = Design::kFormatVersion;
  Json body = write_fields(design, design_fields(), &design.extra);
  for (auto it = body.begin(); it != body.end(); ++it) out[it.key()] = it.value();
  return out;
}

std::string design_to_text(const Design& design) { return design_to_json(design).dump(1) + "\n"; }

void save_design(const Design& design, const std::filesystem::path& file) {
  write_file_atomically(file, design_to_text(design));
}

}  // namespace cf
