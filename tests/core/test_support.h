#pragma once
// Shared fixtures for the core tests: the installed catalog and a small hand-built design.

#include <filesystem>
#include <ostream>
#include <string>

#include "catalog/catalog.h"
#include "design/design.h"

namespace cf::test {

inline const std::filesystem::path kSourceDir = CF_SOURCE_DIR;
inline const std::filesystem::path kDataDir = CF_TEST_DATA_DIR;

// The catalog shipped in resources/catalog (loaded once).
const Catalog& installed_catalog();
// The installed catalog plus "test-dgx-h100-800g": a DGX H100 whose eight compute NICs are 800G
// ConnectX-8, the same server with only the scale-out rate changed (400G -> 800G comparisons).
const Catalog& catalog_with_800g_dgx();

// One row "row-a" with rack "a01" (48U): two DGX H100 at U1 and U9, a QM9700 leaf at U47 (rear),
// two zero-U PDUs on feeds A and B; links dgx-1 compute1 -> leaf p1 and dgx-2 compute1 -> leaf p2.
Design small_design();

// small_design() with four DGX H100 and no leaf or links: NVIDIA's 4-node rack
// (reference-designs.json, spod-h100-rack-power: 40.8 kW).
Design four_dgx_h100_rack();

// A fresh empty folder under the system temp dir, removed at process exit is not needed.
std::filesystem::path temp_dir(const std::string& name);

std::string read_text(const std::filesystem::path& p);
void write_text(const std::filesystem::path& p, const std::string& text);

}  // namespace cf::test

namespace cf {
// Lets GoogleTest print a design as its file text when an equality fails.
void PrintTo(const Design& design, std::ostream* out);
}  // namespace cf
