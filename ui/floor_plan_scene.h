#pragma once
// The floor plan as a QGraphicsScene: rows, racks at true scale, cooling units, racks coloured by
// power against their budget or by heat against the cooling that reaches them (LoadScale), the
// selected racks outlined. Built from the core's FloorLayout, so the exports can render the same
// scene without a view. 1 scene unit = 1 mm; floor +x runs right and floor +y runs down.
//
// Cheap at 100,000 GPUs: one item per rack and per cooling unit, fills computed once per
// rebuild or mode change, and labels painted only when the level of detail makes them legible.
// Zoomed out so far that a rack is a few pixels wide (the whole floor of a large design), the
// scene shows its overview instead: one cached item that paints every row, cooling unit and rack
// with the same fills (no outlines or labels, which would not show at that size either) and the
// selection, in place of thousands of items. Selection and hit tests work from the layout, so
// they are the same in both.

#include <QColor>
#include <QGraphicsScene>
#include <QHash>
#include <QString>
#include <QStringList>
#include <vector>

#include "analysis/floor_layout.h"
#include "load_scale.h"

namespace cf {
class Catalog;
struct Design;
struct DesignReport;
}  // namespace cf

namespace cf::ui {

enum class FloorColorMode { PowerDensity, HeatVsCooling };

class FloorPlanScene : public QGraphicsScene {
  Q_OBJECT

 public:
  static constexpr double kMmPerMetre = 1000.0;
  // Item types, for qgraphicsitem_cast and hit tests.
  static constexpr int kRowType = 65536 + 1;   // QGraphicsItem::UserType + 1
  static constexpr int kRackType = 65536 + 2;
  static constexpr int kCoolingType = 65536 + 3;
  static constexpr int kOverviewType = 65536 + 4;
  // The overview is shown below this rack pitch on screen (px): where racks lose their outline.
  static constexpr double kOverviewBelowPx = 5.0;

  explicit FloorPlanScene(QObject* parent = nullptr);

  // Rebuilds every item from the layout of `design` with the figures of `report`; `stale` greys
  // the figures (the report is of an older design).
  void show_design(const Design& design, const Catalog& catalog, const DesignReport& report, bool stale);
  // Rebuilds every item from `layout`.
  void set_layout(FloorLayout layout, bool stale);
  const FloorLayout& layout() const { return layout_; }

  void set_mode(FloorColorMode mode);
  FloorColorMode mode() const { return mode_; }
  void set_stale(bool stale);
  bool stale() const { return stale_; }

  // The overview (one item for everything) or the items of every row, rack and cooling unit.
  void set_overview(bool on);
  bool overview() const { return overview_; }
  // Whether `pixels_per_mm` (a view's scale) shows the overview.
  bool overview_at(double pixels_per_mm) const;
  QGraphicsItem* overview_item() const { return overview_item_; }

  // The rack items with these ids selected, the others not.
  void select_racks(const QStringList& rack_ids);
  QStringList selected_racks() const;
  bool rack_selected(int index) const { return selected_[static_cast<std::size_t>(index)] != 0; }
  // The racks whose footprint meets `scene_rect`, in design order (a rubber band).
  QStringList racks_in(const QRectF& scene_rect) const;

  // The rack item of `rack_id` (nullptr when absent); the rack id of a rack item.
  QGraphicsItem* rack_item(const QString& rack_id) const;
  static QString rack_id_of(const QGraphicsItem* item);
  // The rack drawn under `scene_pos`, or empty.
  QString rack_at(const QPointF& scene_pos) const;
  // The colour a rack is filled with in the current mode (before greying when stale).
  QColor rack_color(const QString& rack_id) const;
  // The rack item's rectangle at rest (its footprint), in scene coordinates.
  QRectF rack_rect(const QString& rack_id) const;

  // The scale of the current mode, as the legend shows it; and the legend with its note on
  // which limit applies, into `area` (about 260 × 72 px, wide enough for legend_note()).
  LoadScale legend_scale() const;
  QString legend_note() const;
  void paint_legend(QPainter& painter, const QRectF& area) const;

  static QPointF to_scene(double x_m, double y_m) { return {x_m * kMmPerMetre, y_m * kMmPerMetre}; }
  static QRectF to_scene(const FloorRect& r);
  static QPointF to_floor(const QPointF& scene_pos) { return scene_pos / kMmPerMetre; }

  // What the items paint with (read by the items; computed once per rebuild or mode change).
  QColor fill_of_rack(int index) const { return fills_[static_cast<std::size_t>(index)]; }
  const FloorRack& rack(int index) const { return layout_.racks[static_cast<std::size_t>(index)]; }

 protected:
  void helpEvent(QGraphicsSceneHelpEvent* event) override;

 private:
  void recolor();
  // What is drawn at a scene point: a rack, else a cooling unit, else a row (by index); -1: none.
  int rack_index_at(const QPointF& scene_pos) const;
  int cooling_index_at(const QPointF& scene_pos) const;
  int row_index_at(const QPointF& scene_pos) const;

  FloorLayout layout_;
  FloorColorMode mode_ = FloorColorMode::PowerDensity;
  bool stale_ = false;
  std::vector<QColor> colors_;  // per rack, in the current mode
  std::vector<QColor> fills_;   // as painted: greyed when stale
  QHash<QString, QGraphicsItem*> rack_items_;
  std::vector<char> selected_;  // per rack; the items follow it while they are shown
  bool overview_ = false;
  QGraphicsItem* detail_layer_ = nullptr;  // parent of the row, rack and cooling items
  QGraphicsItem* overview_item_ = nullptr;
};

}  // namespace cf::ui
