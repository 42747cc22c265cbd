#pragma once
// The bill of materials as an XLSX workbook for procurement (docs/exports.md): a Summary sheet,
// then one sheet per category with a totals row. Totals are formulas stored with their computed
// values, so readers that do not recalculate see the same numbers as Excel. Unknown prices are
// empty cells (never 0), estimates are flagged and sources are links.

#include <filesystem>
#include <string>

#include "io/bom.h"

namespace cf {

// Throws ExportError; on failure nothing is left under `out` (the workbook is written to a
// temporary file in the same folder and renamed over `out` once complete).
void write_bom_xlsx(const Bom& bom, const std::string& title, const std::filesystem::path& out);

}  // namespace cf
