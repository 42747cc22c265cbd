#include "io/resources.h"

#include <cstdlib>

namespace cf {

namespace {

std::optional<std::filesystem::path> env_path(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::filesystem::path(v);
}

std::filesystem::path executable_dir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
}

}  // namespace

std::filesystem::path resources_dir() {
  if (auto p = env_path("CLUSTERFORGE_RESOURCES")) return *p;
  std::error_code ec;
  auto installed = executable_dir() / ".." / "share" / "clusterforge";
  if (std::filesystem::is_directory(installed / "catalog", ec)) return installed.lexically_normal();
  return CF_SOURCE_RESOURCES_DIR;
}

std::filesystem::path user_catalog_dir(const std::optional<std::filesystem::path>& override) {
  if (override) return *override;
  if (auto p = env_path("CLUSTERFORGE_USER_CATALOG")) return *p;
  if (auto p = env_path("XDG_DATA_HOME")) return *p / "clusterforge" / "catalog";
  if (auto home = env_path("HOME")) return *home / ".local" / "share" / "clusterforge" / "catalog";
  return {};
}

std::vector<std::filesystem::path> catalog_folders(
    const std::optional<std::filesystem::path>& user_override) {
  std::vector<std::filesystem::path> folders{resources_dir() / "catalog"};
  if (auto user = user_catalog_dir(user_override); !user.empty()) folders.push_back(user);
  return folders;
}

}  // namespace cf
