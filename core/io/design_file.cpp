#include "io/design_file.h"

#include "design/design_index.h"
#include "design/design_schema.h"
#include "design/structure.h"
#include "io/atomic_file.h"
#include "io/design_migrations.h"
#include "io/json_document.h"
#include "io/json_writer.h"

namespace cf {

namespace {

Design read_current_version(JsonValue doc) {
  Design design;
  Json extra = Json::object();
  read_fields(design, doc, JsonPath(), design_fields(), &extra);
  extra.erase("format");
  extra.erase("version");
  if (!extra.empty()) design.extra = std::move(extra);
  check_structure(design, DesignIndex(design));
  return design;
}

}  // namespace

Design design_from_json(JsonValue doc, std::vector<std::string>* migration_log) {
  const JsonPath root;
  JsonMembers members = members_of(doc, root);
  const JsonValue* format = find_member(members, "format");
  if (!format) fail_at(root, "missing required field \"format\" (is this a ClusterForge design?)");
  if (!format->is_string() || format->string() != kDesignFormatName)
    fail_at(root.child("format"),
            "expected \"" + std::string(kDesignFormatName) + "\", got " + format->dump());
  const JsonValue* version_value = find_member(members, "version");
  if (!version_value) fail_at(root, "missing required field \"version\"");
  auto version = static_cast<int>(read_integer(*version_value, root.child("version"), 1, 1000000));
  if (version > Design::kFormatVersion)
    fail_at(root.child("version"), "this file is format version " + std::to_string(version) +
                                       ", newer than this ClusterForge reads (" +
                                       std::to_string(Design::kFormatVersion) +
                                       "); open it with a newer ClusterForge");
  if (version == Design::kFormatVersion) return read_current_version(doc);
  // Older files are migrated on an nlohmann copy (they are the prototype's small files).
  Json migrated = migrate_design(doc.to_json(root), version, Design::kFormatVersion, migration_log);
  return read_current_version(migrated);
}

Design parse_design_text(std::string_view text, std::vector<std::string>* migration_log) {
  JsonDocument doc = JsonDocument::parse(text, kDesignLimits);
  return design_from_json(doc.root(), migration_log);
}

Design load_design(const std::filesystem::path& file, std::vector<std::string>* migration_log) {
  JsonDocument doc = JsonDocument::read_file(file, kDesignLimits);
  try {
    return design_from_json(doc.root(), migration_log);
  } catch (const LoadError& e) {
    throw e.in_file(file.string());
  }
}

void write_design(const Design& design, JsonWriter& out) {
  // "format" and "version" first, then the design's fields and its unknown keys.
  out.begin_object();
  out.member("format", kDesignFormatName);
  out.member("version", Design::kFormatVersion);
  for (const auto& f : design_fields()) f.write(design, out);
  if (design.extra.is_object())
    for (auto it = design.extra.begin(); it != design.extra.end(); ++it) out.member(it.key(), *it);
  out.end_object();
}

Json design_to_json(const Design& design) {
  JsonDomWriter out;
  write_design(design, out);
  return std::move(out.result());
}

std::string design_to_text(const Design& design) {
  std::string text;
  // Links are most of a file, about 250 bytes each: one allocation for the 100k sample.
  text.reserve(256 * design.links.size() + (1 << 16));
  JsonTextWriter out(text);
  write_design(design, out);
  text += '\n';
  return text;
}

void save_design(const Design& design, const std::filesystem::path& file) {
  write_file_atomically(file, [&design](const std::filesystem::path& temp) {
    FileWriter file_out(temp);
    std::string buffer;
    buffer.reserve(2 << 20);
    JsonTextWriter out(buffer, 1, [&file_out](std::string_view text) { file_out.append(text); });
    write_design(design, out);
    buffer += '\n';
    out.finish();
    file_out.close();
  });
}

}  // namespace cf
