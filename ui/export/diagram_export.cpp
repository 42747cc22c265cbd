#include "export/diagram_export.h"

#include <QHash>
#include <algorithm>
#include <set>

#include "analysis/design_report.h"
#include "analysis/topology_layout.h"
#include "catalog/catalog.h"
#include "design/design.h"
#include "export/diagram_legends.h"
#include "export/diagram_output.h"
#include "export/export_error.h"
#include "export/rack_order.h"
#include "rack_elevation_scene.h"
#include "topology_scene.h"

namespace cf::ui {

namespace {

// Floor plans are drawn at this many px per millimetre at 100 %: a 600 mm rack is 90 px wide and
// its name legible (the scene paints labels from 7 px up).
constexpr double kFloorPxPerMm = 0.15;
// Rack pages: the smallest scale at which the racks' U numbers and device labels are all painted
// (RackFaceItem and DeviceItem draw 10 px labels from 6.5 px on the device up), with a margin.
constexpr double kLegibleRackScale = 0.7;
// Floor plans and topologies may grow to fill a page, racks are not drawn beyond 100 %.
constexpr double kMaxPageScale = 2.0;

QString qs(const std::string& s) { return QString::fromStdString(s); }

QString design_name(const Design& d) { return d.name.empty() ? QObject::tr("Untitled design") : qs(d.name); }

QString view_name(DiagramView view) {
  switch (view) {
    case DiagramView::Floor: return QObject::tr("Floor plan");
    case DiagramView::Racks: return QObject::tr("Rack elevations, front and rear");
    case DiagramView::Topology: return QObject::tr("Topology");
  }
  return {};
}

QString fabric_name(const Fabric& f) { return qs(f.name.empty() ? f.id : f.name); }

const FabricReport* fabric_report(const DesignReport& report, const std::string& id) {
  for (const FabricReport& f : report.network.fabrics)
    if (f.id == id) return &f;
  return nullptr;
}

// The compute fabrics to draw: options.fabric_id alone, else all of them (the first when only
// one is wanted). Throws when fabric_id names no compute fabric.
std::vector<const Fabric*> fabrics_to_draw(const Design& design, const DiagramOptions& options, const QString& path) {
  std::vector<const Fabric*> result;
  for (const Fabric& f : design.fabrics)
    if (f.kind == FabricKind::Compute && (options.fabric_id.isEmpty() || qs(f.id) == options.fabric_id))
      result.push_back(&f);
  if (result.empty() && !options.fabric_id.isEmpty())
    throw ExportError(path.toStdString(), "the design has no compute fabric \"" + options.fabric_id.toStdString() + "\"");
  return result;
}

// The racks in floor order, all of them in one list.
QStringList all_racks(const std::vector<RackRow>& rows) {
  QStringList ids;
  for (const RackRow& r : rows) ids += r.rack_ids;
  return ids;
}

QHash<QString, QString> rack_names(const Design& design) {
  QHash<QString, QString> names;
  for (const Rack& r : design.racks) names.insert(qs(r.id), qs(r.name.empty() ? r.id : r.name));
  return names;
}

// The roles of the devices in the racks, in the palette's order: what the legend explains.
std::vector<Role> roles_in(const Design& design, const Catalog& catalog) {
  std::set<Role> roles;
  for (const Rack& r : design.racks)
    for (const Device& d : r.devices) roles.insert(role_of(catalog, d.catalog_id));
  return {roles.begin(), roles.end()};
}

DiagramSheet floor_sheet(const Design& design, const Catalog& catalog, const DesignReport& report,
                         const DiagramOptions& options) {
  DiagramSheet sheet;
  sheet.title = {design_name(design), view_name(DiagramView::Floor), {}};
  auto scene = std::make_unique<FloorPlanScene>();
  scene->set_mode(options.floor_mode);
  scene->show_design(design, catalog, report, /*stale=*/false);
  const QRectF drawn = scene->itemsBoundingRect();
  if (!drawn.isEmpty()) sheet.blocks.push_back({scene.get(), drawn.adjusted(-300, -300, 300, 300), kFloorPxPerMm, {}});
  sheet.legend = floor_legend(*scene);
  sheet.scenes.push_back(std::move(scene));
  return sheet;
}

// Racks side by side in one scene per band, bands top to bottom.
DiagramSheet rack_sheet(const Design& design, const Catalog& catalog, const DesignReport& report,
                        const std::vector<std::pair<QString, QStringList>>& bands, const QString& view,
                        const std::vector<Role>& roles) {
  DiagramSheet sheet;
  sheet.title = {design_name(design), view, {}};
  for (const auto& [caption, racks] : bands) {
    auto scene = std::make_unique<RackElevationScene>(catalog);
    scene->set_racks(design, racks, &report.power, /*stale=*/false);
    sheet.blocks.push_back({scene.get(), scene->sceneRect(), 1.0, caption});
    sheet.scenes.push_back(std::move(scene));
  }
  sheet.legend = role_legend(roles);
  return sheet;
}

// The image of all racks: one band per row, a long row wrapped into several.
DiagramSheet all_racks_sheet(const Design& design, const Catalog& catalog, const DesignReport& report,
                             const DiagramOptions& options) {
  std::vector<std::pair<QString, QStringList>> bands;
  for (const RackRow& row : racks_by_row(design)) {
    const auto parts = chunked(row.rack_ids, options.racks_per_band);
    for (std::size_t i = 0; i < parts.size(); ++i) {
      QString caption = row.name.isEmpty() ? QObject::tr("Racks in no row") : QObject::tr("Row %1").arg(row.name);
      if (i > 0) caption += QObject::tr(" (continued)");
      bands.emplace_back(caption, parts[i]);
    }
  }
  return rack_sheet(design, catalog, report, bands, view_name(DiagramView::Racks), roles_in(design, catalog));
}

DiagramSheet topology_sheet(const Design& design, const Catalog& catalog, const DesignReport& report,
                            const Fabric& fabric) {
  DiagramSheet sheet;
  sheet.title = {design_name(design), QObject::tr("Topology of fabric %1").arg(fabric_name(fabric)), {}};
  auto scene = std::make_unique<TopologyScene>();
  scene->set_layout(layout_topology(design, catalog, fabric, fabric_report(report, fabric.id)));
  sheet.blocks.push_back({scene.get(), scene->sceneRect(), 1.0, {}});  // the scene has its legend
  sheet.scenes.push_back(std::move(scene));
  return sheet;
}

// A PDF page, made when it is printed (a large design's pages are not all in memory at once).
struct Page {
  std::function<DiagramSheet()> make;
  double max_scale = kMaxPageScale;
  std::optional<QPageLayout::Orientation> orientation;  // empty: the better one for the page
};

// A page that may grow to fill the paper, in its better orientation.
Page fitted_page(std::function<DiagramSheet()> make) { return {std::move(make), kMaxPageScale, std::nullopt}; }

// The rack pages: `racks_per_page` racks in floor order per page (0: as many as stay legible),
// all at one scale, the largest at which a full page of the tallest racks fits.
std::vector<Page> rack_pages(const Design& design, const Catalog& catalog, const DesignReport& report,
                             const DiagramOptions& options, const PdfBook& book) {
  const QStringList racks = all_racks(racks_by_row(design));
  if (racks.isEmpty()) return {};
  const std::vector<Role> roles = roles_in(design, catalog);
  // The tallest rack sets the page scale: one rack of each catalog type, measured. (A page holding
  // a taller one, of a type the catalog lacks, is shrunk to fit: paint_page never overflows.)
  QString tallest;
  {
    double height = -1;
    std::set<std::string> seen;
    for (const Rack& r : design.racks) {
      if (!seen.insert(r.catalog_id).second) continue;
      RackElevationScene probe(catalog);
      probe.set_racks(design, {qs(r.id)});
      if (probe.sceneRect().height() > height) {
        height = probe.sceneRect().height();
        tallest = qs(r.id);
      }
    }
  }
  // A page of n copies of the tallest rack, in its better orientation, and the scale it gets.
  struct Fit {
    double scale;
    QPageLayout::Orientation orientation;
  };
  auto fit = [&](int n) {
    const DiagramSheet nominal = rack_sheet(design, catalog, report, {{QString(), QStringList(n, tallest)}}, {}, roles);
    const auto orientation = book.best_orientation(nominal);
    return Fit{std::min(1.0, nominal.fit_scale(book.printable(orientation))), orientation};
  };
  int per_page = options.racks_per_page;
  if (per_page <= 0) {
    per_page = 1;
    while (per_page < racks.size() && fit(per_page + 1).scale >= kLegibleRackScale) ++per_page;
  }
  const Fit page_fit = fit(per_page);
  const QHash<QString, QString> names = rack_names(design);
  std::vector<Page> pages;
  for (const QStringList& chunk : chunked(racks, per_page)) {
    const QString range = chunk.size() == 1 ? names.value(chunk.front())
                                            : QStringLiteral("%1 \u2013 %2").arg(names.value(chunk.front()), names.value(chunk.back()));
    const QString view = QObject::tr("%1: %2").arg(view_name(DiagramView::Racks), range);
    pages.push_back({[&design, &catalog, &report, chunk, view, roles] {
                       return rack_sheet(design, catalog, report, {{QString(), chunk}}, view, roles);
                     },
                     page_fit.scale, page_fit.orientation});
  }
  return pages;
}

std::vector<Page> topology_pages(const Design& design, const Catalog& catalog, const DesignReport& report,
                                 const std::vector<const Fabric*>& fabrics) {
  std::vector<Page> pages;
  for (const Fabric* f : fabrics)
    pages.push_back(fitted_page([&design, &catalog, &report, f] { return topology_sheet(design, catalog, report, *f); }));
  return pages;
}

// Prints `pages` into one PDF at `path`, each titled "Page k of n".
int write_pdf(const std::vector<Page>& pages, PdfBook& book, const QString& path) {
  const int count = static_cast<int>(pages.size());
  for (int i = 0; i < count; ++i) {
    DiagramSheet sheet = pages[static_cast<std::size_t>(i)].make();
    sheet.title.page = QObject::tr("Page %1 of %2").arg(i + 1).arg(count);
    book.add(sheet, pages[static_cast<std::size_t>(i)].max_scale, pages[static_cast<std::size_t>(i)].orientation);
  }
  write_export(path, book.finish());
  return count;
}

QString pdf_title(const Design& design, const QString& what) { return QStringLiteral("%1 \u2014 %2").arg(design_name(design), what); }

int export_one(const Design& design, const Catalog& catalog, const DesignReport& report, DiagramView view,
               DiagramFormat format, const QString& path, const DiagramOptions& options) {
  const std::string out = path.toStdString();
  if (format == DiagramFormat::Pdf) {
    PdfBook book(options.page_size, pdf_title(design, view_name(view)));
    std::vector<Page> pages;
    switch (view) {
      case DiagramView::Floor:
        pages.push_back(fitted_page([&] { return floor_sheet(design, catalog, report, options); }));
        break;
      case DiagramView::Racks:
        pages = rack_pages(design, catalog, report, options, book);
        if (pages.empty()) throw ExportError(out, "the design has no racks to draw");
        break;
      case DiagramView::Topology:
        pages = topology_pages(design, catalog, report, fabrics_to_draw(design, options, path));
        if (pages.empty()) throw ExportError(out, "the design has no compute fabric to draw");
        break;
    }
    return write_pdf(pages, book, path);
  }

  DiagramSheet sheet;
  switch (view) {
    case DiagramView::Floor:
      sheet = floor_sheet(design, catalog, report, options);
      break;
    case DiagramView::Racks:
      if (design.racks.empty()) throw ExportError(out, "the design has no racks to draw");
      sheet = all_racks_sheet(design, catalog, report, options);
      break;
    case DiagramView::Topology: {
      const auto fabrics = fabrics_to_draw(design, options, path);
      if (fabrics.empty()) throw ExportError(out, "the design has no compute fabric to draw");
      sheet = topology_sheet(design, catalog, report, *fabrics.front());
      break;
    }
  }
  if (format == DiagramFormat::Svg) {
    const QString title = QStringLiteral("%1 \u2014 %2").arg(sheet.title.design, sheet.title.view);
    const QString description = QObject::tr("%1 of %2, drawn by ClusterForge %3 from its analysis of the design.")
                                    .arg(sheet.title.view, sheet.title.design, QStringLiteral(CF_VERSION));
    write_export(path, svg_of(sheet, title, description));
  } else {
    write_export(path, png_of(sheet, options.png_dpi));
  }
  return 1;
}

// Any other failure (memory, encoding) becomes an ExportError too.
template <typename F>
int guarded(const QString& path, F&& f) {
  try {
    return f();
  } catch (const ExportError&) {
    throw;
  } catch (const std::exception& e) {
    throw ExportError(path.toStdString(), e.what());
  }
}

}  // namespace

std::optional<DiagramView> diagram_view_named(const QString& name) {
  const QString n = name.toLower();
  if (n == QLatin1String("floor")) return DiagramView::Floor;
  if (n == QLatin1String("racks")) return DiagramView::Racks;
  if (n == QLatin1String("topology")) return DiagramView::Topology;
  return std::nullopt;
}

std::optional<DiagramFormat> diagram_format_named(const QString& name) {
  const QString n = name.toLower();
  if (n == QLatin1String("svg")) return DiagramFormat::Svg;
  if (n == QLatin1String("png")) return DiagramFormat::Png;
  if (n == QLatin1String("pdf")) return DiagramFormat::Pdf;
  return std::nullopt;
}

int export_diagram(const Design& design, const Catalog& catalog, const DesignReport& report, DiagramView view,
                   DiagramFormat format, const QString& path, const DiagramOptions& options) {
  return guarded(path, [&] { return export_one(design, catalog, report, view, format, path, options); });
}

int export_diagrams_pdf(const Design& design, const Catalog& catalog, const DesignReport& report, const QString& path,
                        const DiagramOptions& options) {
  return guarded(path, [&] {
    PdfBook book(options.page_size, pdf_title(design, QObject::tr("Diagrams")));
    std::vector<Page> pages;
    pages.push_back(fitted_page([&] { return floor_sheet(design, catalog, report, options); }));
    for (Page& p : rack_pages(design, catalog, report, options, book)) pages.push_back(std::move(p));
    for (Page& p : topology_pages(design, catalog, report, fabrics_to_draw(design, options, path)))
      pages.push_back(std::move(p));
    return write_pdf(pages, book, path);
  });
}

}  // namespace cf::ui
