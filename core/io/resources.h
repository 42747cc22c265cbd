#pragma once
// Where the installed data (catalog, models, samples) and the user's catalog folder are.

#include <filesystem>
#include <optional>
#include <vector>

namespace cf {

// The resources folder: $CLUSTERFORGE_RESOURCES, else <exe>/../share/clusterforge when installed
// (<exe>/../Resources/clusterforge in the macOS bundle),
// else the source tree's resources/ (development builds).
std::filesystem::path resources_dir();

// The user catalog folder (docs/catalog.md): `override` when given, else
// $CLUSTERFORGE_USER_CATALOG, else $XDG_DATA_HOME/clusterforge/catalog, else
// ~/.local/share/clusterforge/catalog.
std::filesystem::path user_catalog_dir(const std::optional<std::filesystem::path>& override = {});

// The folders load_catalog reads, in order: installed catalog, then the user catalog.
std::vector<std::filesystem::path> catalog_folders(
    const std::optional<std::filesystem::path>& user_override = {});

}  // namespace cf
