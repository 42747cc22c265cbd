#pragma once
// Diagram exports that look like the screen: the floor plan, the rack elevations (front and rear)
// and the topology of a compute fabric, as SVG, PNG or PDF, drawn by rendering the GUI's own
// scenes (FloorPlanScene, RackElevationScene, TopologyScene) without a view. Needs a
// QApplication (the scenes take its font); QT_QPA_PLATFORM=offscreen is enough, no display.
// docs/exports.md describes the output.

#include <QPageSize>
#include <QString>
#include <optional>

#include "floor_plan_scene.h"

namespace cf {
class Catalog;
struct Design;
struct DesignReport;
}  // namespace cf

namespace cf::ui {

enum class DiagramView { Floor, Racks, Topology };
enum class DiagramFormat { Svg, Png, Pdf };

// "floor", "racks", "topology" / "svg", "png", "pdf" (case-insensitive); nullopt otherwise.
std::optional<DiagramView> diagram_view_named(const QString& name);
std::optional<DiagramFormat> diagram_format_named(const QString& name);

// A PNG never holds more pixels than this: 122 MiB as 32-bit pixels while drawing, under the
// 128 MiB that Qt's image reader accepts by default. A larger one is scaled down, keeping its
// proportions; labels that come out too small to read drop out, as on screen.
inline constexpr qint64 kMaxPngPixels = 32'000'000;
inline constexpr int kMaxPngSide = 32'000;

struct DiagramOptions {
  // PDF: racks per page. 0: as many as fit with their U and device labels legible (3 on A3,
  // 1 on A4 upright); more than that shrinks the racks, and the labels drop out below that size.
  int racks_per_page = 0;
  // SVG/PNG: racks side by side in one band of the image; a longer row wraps into more bands.
  int racks_per_band = 12;
  // PDF page size. Each page is landscape unless its drawing fits better upright.
  QPageSize::PageSizeId page_size = QPageSize::A3;
  // Topology: the compute fabric to draw (its id); empty: the first (SVG, PNG) or each (PDF).
  QString fabric_id;
  // PNG resolution: 96 dpi draws at 100 % of the screen, 192 at twice the pixels.
  double png_dpi = 96;
  FloorColorMode floor_mode = FloorColorMode::PowerDensity;
};

// Writes `view` of `design` to `path` in `format` and returns the number of pages (PDF) or
// images (1) written. `report` must be the analysis of this very design: exports are never drawn
// stale. Throws cf::ExportError when there is nothing to draw (no racks, no such compute fabric)
// or the file cannot be written; `path` is then left as it was (written whole or not at all).
int export_diagram(const Design& design, const Catalog& catalog, const DesignReport& report, DiagramView view,
                   DiagramFormat format, const QString& path, const DiagramOptions& options = {});

// One PDF of every view: the floor plan, the rack elevations (several racks per page, in floor
// order) and the topology of each compute fabric (or of options.fabric_id), numbered "page k of
// n". Views with nothing to draw are left out. Returns the number of pages; throws as above.
int export_diagrams_pdf(const Design& design, const Catalog& catalog, const DesignReport& report,
                        const QString& path, const DiagramOptions& options = {});

}  // namespace cf::ui
