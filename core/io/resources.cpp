#include "io/resources.h"

#include <cstdlib>
#include <iterator>

#if defined(_WIN32)
#include <windows.h>
#elif defined(__APPLE__)
#include <mach-o/dyld.h>
#endif

namespace cf {

namespace {

std::optional<std::filesystem::path> env_path(const char* name) {
  const char* v = std::getenv(name);
  if (!v || !*v) return std::nullopt;
  return std::filesystem::path(v);
}

// Windows and macOS branches are built by those platforms' packagers (installer/), not our CI.
std::filesystem::path executable_dir() {
#if defined(_WIN32)
  wchar_t buffer[32768];
  DWORD n = GetModuleFileNameW(nullptr, buffer, static_cast<DWORD>(std::size(buffer)));
  return n == 0 ? std::filesystem::path() : std::filesystem::path(std::wstring(buffer, n)).parent_path();
#elif defined(__APPLE__)
  char buffer[4096];
  uint32_t size = sizeof buffer;
  if (_NSGetExecutablePath(buffer, &size) != 0) return {};
  std::error_code ec;
  auto exe = std::filesystem::canonical(buffer, ec);
  return ec ? std::filesystem::path() : exe.parent_path();
#else
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : exe.parent_path();
#endif
}

// Where an installed build keeps its data, relative to the executable (installer/packaging.cmake).
std::filesystem::path installed_data_dir() {
#if defined(__APPLE__)
  return executable_dir() / ".." / "Resources" / "clusterforge";  // inside ClusterForge.app
#else
  return executable_dir() / ".." / "share" / "clusterforge";
#endif
}

}  // namespace

std::filesystem::path resources_dir() {
  if (auto p = env_path("CLUSTERFORGE_RESOURCES")) return *p;
  std::error_code ec;
  auto installed = installed_data_dir();
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
