#pragma once
// The topology diagram of one fabric as a QGraphicsScene, independent of any view so that exports
// render the very same scene: tiers top to bottom (cores at the top, servers at the bottom),
// nodes as rounded boxes in role colours, links coloured by the oversubscription at their lower
// end (the one LoadScale, limit 1:1) and as wide as their capacity (log scale), the minimum
// bisection cut dashed and labelled, a legend. The figures all come from the core's
// TopologyLayout; the scene only places and paints.

#include <QGraphicsScene>
#include <QHash>
#include <QSet>
#include <QStringList>
#include <vector>

#include "analysis/topology_geometry.h"
#include "analysis/topology_layout.h"
#include "load_scale.h"

class QGraphicsPathItem;
class QGraphicsSimpleTextItem;

namespace cf::ui {

class TopologyScene : public QGraphicsScene {
  Q_OBJECT

 public:
  explicit TopologyScene(QObject* parent = nullptr);

  // Replaces the drawing with `layout`.
  void set_layout(TopologyLayout layout);
  const TopologyLayout& layout() const { return layout_; }
  // Nothing to draw: shows `text` alone ("No compute fabric in this design").
  void show_message(const QString& text);

  // Greys the figures while the analysis they come from is out of date.
  void set_stale(bool stale);
  bool is_stale() const { return stale_; }

  // On screen, the edges (thousands of long lines take milliseconds to rasterize) are kept as
  // pixmaps in device pixels, so that a repaint or a pan draws those. Off by default: exports
  // render the scene as vectors.
  void set_screen_cache(bool on);
  // While a view zooms, the edges are drawn from their picture at the zoom before, scaled (a
  // frame draws pixmaps rather than thousands of lines); once the zoom settles they are drawn
  // sharp again at the new scale. `view_transform`: the view's, as the zoom begins.
  void set_zooming(bool zooming, const QTransform& view_transform = {});
  bool zooming() const { return zooming_; }

  // Outlines the nodes that stand for any of these devices.
  void set_selected_devices(const QStringList& device_ids);

  // The node drawn at a scene point (-1: none), and the items (tests, the view).
  int node_at(const QPointF& scene_pos) const;
  QGraphicsItem* node_item(int node) const;
  QGraphicsPathItem* edge_item(int edge) const;  // the line, or the bundle that holds it
  QGraphicsPathItem* cut_item() const { return cut_item_; }  // nullptr: no cut link drawn
  QGraphicsSimpleTextItem* cut_label() const { return cut_label_; }
  QGraphicsItem* legend_item() const { return legend_; }

  // Oversubscription (downlink:uplink) from 0 to the 1:1 limit; over it is red.
  static LoadScale oversubscription_scale();

  // Geometry, scene units (px at 100 %): core/analysis/topology_geometry.h places the nodes.
  static constexpr double kNodeWidth = TopologyGeometry::kNodeWidth;
  static constexpr double kNodeHeight = TopologyGeometry::kNodeHeight;
  static constexpr double kNodeGap = TopologyGeometry::kNodeGap, kTierGap = TopologyGeometry::kTierGap;
  static constexpr double kMinWidth = TopologyGeometry::kMinWidth;
  // Between two tiers with more edges than this, edges of the same look share one item.
  static constexpr int kBundleAbove = TopologyGeometry::kBundleAbove;

 private:
  void reset();
  double text_scale() const;
  void build_nodes(const TopologyGeometry& geometry);
  void build_edges(const TopologyGeometry& geometry);
  void build_cut();
  void build_legend();

  TopologyLayout layout_;
  double width_ = kMinWidth;  // of the widest tier
  double tier_gap_ = kTierGap;
  bool stale_ = false;
  bool zooming_ = false;
  bool screen_cache_ = false;
  std::vector<QGraphicsItem*> node_items_;
  std::vector<QGraphicsPathItem*> edge_items_;
  std::vector<QGraphicsPathItem*> lines_items_;  // each edge, bundle and the cut once
  std::vector<QRectF> node_rects_;
  QGraphicsPathItem* cut_item_ = nullptr;
  QGraphicsSimpleTextItem* cut_label_ = nullptr;
  QGraphicsItem* cut_label_box_ = nullptr;
  QGraphicsItem* legend_ = nullptr;
  QGraphicsItem* stale_note_ = nullptr;
  QHash<QString, int> node_of_device_;
};

}  // namespace cf::ui
