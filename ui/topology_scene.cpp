#include "topology_scene.h"

#include <QFontMetricsF>
#include <QGraphicsPathItem>
#include <QGraphicsSimpleTextItem>
#include <QPainter>
#include <QPen>
#include <QStyleOptionGraphicsItem>
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

#include "unit_format.h"
#include "role_palette.h"
#include "screen_cache.h"

namespace cf::ui {

namespace {

constexpr double kTitleWidth = 190;  // tier titles, left of the nodes
constexpr double kLegendHeight = 120;
const QColor kCutColor(0x22, 0x22, 0x22);

QString qs(const std::string& s) { return QString::fromStdString(s); }

// A node: a rounded box with two lines of text, drawn only when legible.
class NodeItem : public QGraphicsItem {
 public:
  NodeItem(const QRectF& rect, const TierColors& colors, QString line1, QString line2)
      : rect_(rect), fill_(to_qcolor(colors.fill)), stroke_(to_qcolor(colors.stroke)),
        text_(to_qcolor(colors.text)), line1_(std::move(line1)), line2_(std::move(line2)) {
    setAcceptHoverEvents(true);
  }
  QRectF boundingRect() const override { return rect_.adjusted(-3, -3, 3, 3); }
  void set_selected_mark(bool on) {
    if (on == selected_) return;
    selected_ = on;
    update();
  }
  bool selected_mark() const { return selected_; }

  void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget*) override {
    const double lod = option->levelOfDetailFromTransform(painter->worldTransform());
    painter->setPen(selected_ ? QPen(Qt::black, 3) : QPen(stroke_, 1));
    painter->setBrush(fill_);
    painter->drawRoundedRect(rect_, 6, 6);
    if (lod < 0.45) return;  // text under ~5 px on screen: unreadable, skip it
    painter->setPen(text_);
    QFont font = painter->font();
    font.setPixelSize(13);
    painter->setFont(font);
    const QFontMetricsF fm(font);
    const QRectF inner = rect_.adjusted(6, 3, -6, -3);
    const QString first = fm.elidedText(line1_, Qt::ElideMiddle, inner.width());
    const QString second = fm.elidedText(line2_, Qt::ElideRight, inner.width());
    painter->drawText(inner, Qt::AlignHCenter | Qt::AlignTop, first);
    painter->drawText(inner, Qt::AlignHCenter | Qt::AlignBottom, second);
  }

 private:
  QRectF rect_;
  QColor fill_, stroke_, text_;
  QString line1_, line2_;
  bool selected_ = false;
};

// Edges as a QGraphicsPathItem (its path gives bounds, shape and tooltips their area) painted as
// separate lines: one stroke per segment is far cheaper than stroking a path of thousands of
// crossing segments as one outline, and draws the same pixels.
class LinesItem : public QGraphicsPathItem {
 public:
  LinesItem(std::vector<QLineF> lines, const QPen& pen) : lines_(std::move(lines)) {
    QPainterPath path;
    for (const QLineF& l : lines_) {
      path.moveTo(l.p1());
      path.lineTo(l.p2());
    }
    setPath(path);
    setPen(pen);
  }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override {
    painter->setPen(pen());
    painter->drawLines(lines_.data(), static_cast<int>(lines_.size()));
  }

 private:
  std::vector<QLineF> lines_;
};

// The legend: the oversubscription scale, the line width and the cut.
class LegendItem : public QGraphicsItem {
 public:
  QRectF boundingRect() const override { return QRectF(0, 0, 640, kLegendHeight - 20); }
  void paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) override {
    QFont font = painter->font();
    font.setPixelSize(12);
    painter->setFont(font);
    TopologyScene::oversubscription_scale().paint_legend(*painter, QRectF(0, 0, 280, 56));
    const QFontMetricsF fm(font);
    double x = 320, y = fm.ascent();
    painter->setPen(Qt::black);
    painter->drawText(QPointF(x, y), QObject::tr("Line width: capacity (log scale)"));
    painter->setPen(QPen(QColor(0x66, 0x66, 0x66), 1));
    painter->drawLine(QPointF(x, y + 12), QPointF(x + 40, y + 12));
    painter->setPen(QPen(QColor(0x66, 0x66, 0x66), 6));
    painter->drawLine(QPointF(x + 60, y + 12), QPointF(x + 100, y + 12));
    QPen cut(kCutColor, 3, Qt::DashLine);
    painter->setPen(cut);
    painter->drawLine(QPointF(x, y + 34), QPointF(x + 40, y + 34));
    painter->setPen(Qt::black);
    painter->drawText(QPointF(x + 50, y + 38), QObject::tr("minimum bisection cut"));
    // Role colours of the boxes.
    double sx = 0, sy = 72;
    auto swatch = [&](const QColor& c, const QString& text) {
      painter->setPen(c.darker(150));
      painter->setBrush(c);
      painter->drawRoundedRect(QRectF(sx, sy, 16, 12), 3, 3);
      painter->setPen(Qt::black);
      painter->drawText(QPointF(sx + 22, sy + 11), text);
      sx += 30 + fm.horizontalAdvance(text);
    };
    auto fill = [](int tier) { return to_qcolor(topology_tier_colors(tier).fill); };
    swatch(fill(0), role_name(Role::Compute));
    swatch(fill(1), QObject::tr("Leaf"));
    swatch(fill(2), QObject::tr("Spine"));
    swatch(fill(3), QObject::tr("Core"));
  }
};

// The second line of a node's box: its counts.
QString node_counts(const TopologyNode& n, int tier) {
  const int members = static_cast<int>(n.device_ids.size());
  if (tier == 0)
    return n.is_group() ? QObject::tr("%1 servers · %2 GPUs").arg(members).arg(n.gpus)
                        : QObject::tr("%1 GPUs").arg(n.gpus);
  if (n.is_group())
    return tier == 1 ? QObject::tr("%1 switches · %2 GPUs").arg(members).arg(n.gpus)
                     : QObject::tr("%1 switches").arg(members);
  return tier == 1 ? QObject::tr("%1 GPUs").arg(n.gpus)
                   : QObject::tr("%1 down").arg(format_bps(static_cast<double>(n.down_bps)));
}

QString node_tooltip(const TopologyNode& n, const TopologyTier& t) {
  QStringList lines;
  lines << QStringLiteral("<b>%1</b>").arg(qs(n.label).toHtmlEscaped());
  const int members = static_cast<int>(n.device_ids.size());
  if (n.is_group()) {
    QString first = qs(n.device_ids.front()), last = qs(n.device_ids.back());
    lines << QObject::tr("%1 %2: %3 … %4").arg(members).arg(qs(t.name).toLower(), first, last);
  }
  if (t.tier <= 1) lines << QObject::tr("GPU links: %1").arg(n.gpus);
  if (t.tier == 0) {
    lines << QObject::tr("Up to the leaves: %1").arg(format_bps(static_cast<double>(n.up_bps)));
  } else {
    lines << QObject::tr("Down: %1, up: %2")
                 .arg(format_bps(static_cast<double>(n.down_bps)),
                      n.up_bps > 0 ? format_bps(static_cast<double>(n.up_bps))
                                   : QObject::tr("none (top tier)"));
    lines << QObject::tr("Oversubscription (downlink:uplink): %1%2")
                 .arg(format_ratio(n.oversubscription),
                      n.is_group() && n.oversubscription ? QObject::tr(", worst switch") : QString());
  }
  lines << QObject::tr("<i>Capacities per direction from the catalog's port and medium speeds; "
                       "tiers and oversubscription from the network analysis.</i>");
  lines << QObject::tr("Click to select.");
  return lines.join(QStringLiteral("<br>"));
}

QString edge_text(const TopologyLayout& l, const TopologyEdge& e) {
  QString text = QObject::tr("%1 → %2: %3 links, %4")
                     .arg(qs(l.nodes[e.lower].label), qs(l.nodes[e.upper].label))
                     .arg(e.links)
                     .arg(format_bps(static_cast<double>(e.capacity_bps)));
  if (e.oversubscription)
    text += QObject::tr("; oversubscription at %1: %2")
                .arg(qs(l.nodes[e.lower].label), format_ratio(e.oversubscription));
  if (e.in_cut())
    text += QObject::tr("; in the minimum cut: %1 links, %2")
                .arg(e.cut_links)
                .arg(format_bps(static_cast<double>(e.cut_bps)));
  return text;
}

}  // namespace

TopologyScene::TopologyScene(QObject* parent) : QGraphicsScene(parent) {
  setItemIndexMethod(QGraphicsScene::NoIndex);  // few items, rebuilt whole: no BSP upkeep
}

LoadScale TopologyScene::oversubscription_scale() {
  return LoadScale(0, 1.0, QObject::tr("Oversubscription"), QObject::tr("downlink:uplink"));
}

void TopologyScene::reset() {
  clear();
  layout_ = {};
  node_items_.clear();
  edge_items_.clear();
  lines_items_.clear();
  zooming_ = false;
  node_rects_.clear();
  node_of_device_.clear();
  cut_item_ = nullptr;
  cut_label_ = nullptr;
  cut_label_box_ = nullptr;
  legend_ = nullptr;
  stale_note_ = nullptr;
}

void TopologyScene::show_message(const QString& text) {
  reset();
  QGraphicsSimpleTextItem* item = addSimpleText(text);
  item->setBrush(QColor(0x66, 0x66, 0x66));
  setSceneRect(itemsBoundingRect().adjusted(-20, -20, 20, 20));
}

void TopologyScene::set_layout(TopologyLayout layout) {
  reset();
  layout_ = std::move(layout);
  if (layout_.tiers.empty()) {
    show_message(tr("No GPU is linked in fabric %1.").arg(qs(layout_.fabric_name)));
    return;
  }
  const TopologyGeometry geometry = place_topology(layout_);
  width_ = geometry.width;
  tier_gap_ = geometry.tier_gap;
  build_nodes(geometry);
  build_edges(geometry);
  build_cut();
  build_legend();
  set_screen_cache(screen_cache_);
  setSceneRect(itemsBoundingRect().adjusted(-30, -30, 30, 30));
  if (stale_) {
    stale_ = false;
    set_stale(true);
  }
}

double TopologyScene::text_scale() const {
  // Legend, titles and the cut label grow with the drawing so that they read the same fitted.
  return std::max(1.0, width_ / 1400.0);
}

void TopologyScene::build_nodes(const TopologyGeometry& geometry) {
  node_items_.assign(layout_.nodes.size(), nullptr);
  node_rects_.assign(layout_.nodes.size(), {});
  const double text_scale = this->text_scale();
  for (std::size_t ti = 0; ti < layout_.tiers.size(); ++ti) {
    const TopologyTier& t = layout_.tiers[ti];
    const double y = static_cast<double>(ti) * tier_gap_;
    for (const int n : t.nodes) {
      const TopologyNode& node = layout_.nodes[n];
      const TopologyRect& r = geometry.nodes[n];
      const QRectF rect(r.x, r.y, r.width, r.height);
      auto* item = new NodeItem(rect, topology_tier_colors(t.tier), qs(node.label), node_counts(node, t.tier));
      item->setToolTip(node_tooltip(node, t));
      item->setZValue(2);
      item->setData(0, static_cast<int>(n));
      addItem(item);
      node_items_[n] = item;
      node_rects_[n] = rect;
      for (const std::string& id : node.device_ids) node_of_device_.insert(qs(id), n);
    }
    // The tier's title, left of its row.
    QString title = qs(t.name) + QStringLiteral("\n") +
                    tr("%1 %2").arg(t.devices).arg(t.tier == 0 ? tr("servers") : tr("switches"));
    if (t.grouping != TopologyGrouping::None) title += tr(" in %1 groups").arg(t.nodes.size());
    QGraphicsSimpleTextItem* label = addSimpleText(title);
    QFont font = label->font();
    font.setPixelSize(14);
    label->setFont(font);
    label->setScale(text_scale);
    label->setPos(-kTitleWidth * text_scale, y);
  }
}

void TopologyScene::build_edges(const TopologyGeometry& geometry) {
  edge_items_.assign(layout_.edges.size(), nullptr);
  const LoadScale scale = oversubscription_scale();
  auto line = [&](const TopologyEdge& e) {
    const QRectF lo = node_rects_[e.lower], up = node_rects_[e.upper];
    return QLineF(QPointF(lo.center().x(), lo.top()), QPointF(up.center().x(), up.bottom()));
  };
  // Edges per pair of tiers: few are drawn one item each (with their own tooltip); many share one
  // item per look (colour and width), which keeps the scene light at 100,000 GPUs.
  std::map<std::tuple<int, QRgb, int>, std::vector<int>> bundles;
  for (std::size_t i = 0; i < layout_.edges.size(); ++i) {
    const TopologyEdge& e = layout_.edges[i];
    const QColor color = scale.color(e.oversubscription);
    const double w = geometry.edge_widths[i];
    const int lower_tier = layout_.nodes[e.lower].tier;
    if (geometry.bundled(i)) {
      bundles[{lower_tier, color.rgba(), static_cast<int>(std::lround(w))}].push_back(static_cast<int>(i));
      continue;
    }
    QPen pen(color, w);
    pen.setCosmetic(true);
    auto* item = new LinesItem({line(e)}, pen);
    addItem(item);
    lines_items_.push_back(item);
    item->setToolTip(edge_text(layout_, e));
    item->setData(1, static_cast<int>(i));
    edge_items_[i] = item;
  }
  for (const auto& [key, edges] : bundles) {
    const auto& [tier, rgba, w] = key;
    std::vector<QLineF> lines;
    lines.reserve(edges.size());
    int links = 0;
    Bps capacity = 0;
    for (int i : edges) {
      lines.push_back(line(layout_.edges[i]));
      links += layout_.edges[i].links;
      capacity += layout_.edges[i].capacity_bps;
    }
    QPen pen(QColor::fromRgba(rgba), w);
    pen.setCosmetic(true);
    auto* item = new LinesItem(std::move(lines), pen);
    addItem(item);
    lines_items_.push_back(item);
    const TopologyEdge& first = layout_.edges[edges.front()];
    item->setToolTip(tr("%1 edges between %2 and %3: %4 links, %5 in all; oversubscription %6")
                         .arg(edges.size())
                         .arg(qs(layout_.tiers[tier].name).toLower(),
                              qs(layout_.tiers[tier - 1].name).toLower())
                         .arg(links)
                         .arg(format_bps(static_cast<double>(capacity)),
                              format_ratio(first.oversubscription)));
    for (int i : edges) edge_items_[i] = item;
  }
}

void TopologyScene::build_cut() {
  std::vector<QLineF> lines;
  QPointF centroid;
  int count = 0;
  double lowest = -1e300;
  for (const TopologyEdge& e : layout_.edges) {
    if (!e.in_cut()) continue;
    const QRectF lo = node_rects_[e.lower], up = node_rects_[e.upper];
    const QPointF a(lo.center().x(), lo.top()), b(up.center().x(), up.bottom());
    lines.emplace_back(a, b);
    centroid += (a + b) / 2;
    lowest = std::max(lowest, (a.y() + b.y()) / 2);
    ++count;
  }
  if (count == 0) return;
  QPen pen(kCutColor, 3.5, Qt::DashLine);
  pen.setCosmetic(true);
  cut_item_ = new LinesItem(std::move(lines), pen);
  addItem(cut_item_);
  lines_items_.push_back(cut_item_);
  cut_item_->setZValue(1);
  const double bps = layout_.bisection_bps ? *layout_.bisection_bps : static_cast<double>(layout_.cut_bps);
  const QString tip =
      tr("Minimum bisection found by the network analysis: %1 per direction, split %2 (%3). "
         "Its cut: %4 links, %5.")
          .arg(format_bps(bps), qs(layout_.cut_candidate), qs(layout_.cut_split))
          .arg(layout_.cut_links)
          .arg(format_bps(static_cast<double>(layout_.cut_bps)));
  cut_item_->setToolTip(tip);

  cut_label_ = new QGraphicsSimpleTextItem(tr("min cut: %1").arg(format_bps(bps)));
  QFont font = cut_label_->font();
  font.setPixelSize(15);
  font.setBold(true);
  cut_label_->setFont(font);
  const QRectF text = cut_label_->boundingRect();
  auto* box = addRect(text.adjusted(-6, -3, 6, 3), QPen(kCutColor, 1.5, Qt::DashLine), QBrush(Qt::white));
  cut_label_->setParentItem(box);
  box->setToolTip(tip);
  box->setZValue(3);
  box->setScale(text_scale());
  centroid /= count;
  box->setPos(centroid.x() - box->sceneBoundingRect().width() / 2, centroid.y() - box->sceneBoundingRect().height() / 2);
  cut_label_box_ = box;
}

void TopologyScene::build_legend() {
  auto* legend = new LegendItem;
  addItem(legend);
  const double s = text_scale();
  const double top = -(kLegendHeight + 40) * s;
  legend->setScale(s);
  legend->setPos(-kTitleWidth * s, top);
  legend_ = legend;
  if (layout_.links_not_drawn > 0) {
    auto* note = addSimpleText(tr("%1 links not drawn (between switches of one tier, or to devices "
                                  "that are not GPU endpoints)").arg(layout_.links_not_drawn));
    note->setBrush(QColor(0x55, 0x55, 0x55));
    note->setScale(s);
    note->setPos(-kTitleWidth * s, top + (kLegendHeight - 14) * s);
  }
}

void TopologyScene::set_screen_cache(bool on) {
  screen_cache_ = on;
  if (on) reserve_screen_cache();
  zooming_ = false;
  for (QGraphicsItem* item : lines_items_)
    item->setCacheMode(on ? QGraphicsItem::DeviceCoordinateCache : QGraphicsItem::NoCache);
}

void TopologyScene::set_zooming(bool zooming, const QTransform& view_transform) {
  if (zooming == zooming_ || !screen_cache_) return;
  zooming_ = zooming;
  for (QGraphicsItem* item : lines_items_) {
    if (!zooming) {
      item->setCacheMode(QGraphicsItem::DeviceCoordinateCache);
      continue;
    }
    // The lines as they are on screen now, kept in scene units and scaled while the zoom lasts.
    constexpr int kMaxCachePx = 4096;
    const QSizeF device = view_transform.mapRect(item->boundingRect()).size();
    item->setCacheMode(QGraphicsItem::ItemCoordinateCache,
                       QSize(std::clamp(static_cast<int>(std::ceil(device.width())), 1, kMaxCachePx),
                             std::clamp(static_cast<int>(std::ceil(device.height())), 1, kMaxCachePx)));
  }
}

void TopologyScene::set_stale(bool stale) {
  if (stale == stale_) return;
  stale_ = stale;
  const double opacity = stale ? 0.35 : 1.0;
  for (QGraphicsItem* item : node_items_)
    if (item) item->setOpacity(opacity);
  for (QGraphicsPathItem* item : edge_items_)
    if (item) item->setOpacity(opacity);
  if (cut_item_) cut_item_->setOpacity(opacity);
  if (cut_label_box_) cut_label_box_->setOpacity(opacity);
  if (stale && !stale_note_ && legend_) {
    auto* note = addSimpleText(tr("Updating: figures from the previous analysis"));
    note->setBrush(QColor(0x55, 0x55, 0x55));
    note->setScale(legend_->scale());
    note->setPos(legend_->pos() + QPointF(0, -24 * legend_->scale()));
    stale_note_ = note;
  }
  if (stale_note_) stale_note_->setVisible(stale);
}

void TopologyScene::set_selected_devices(const QStringList& device_ids) {
  std::vector<char> on(node_items_.size(), 0);
  for (const QString& id : device_ids) {
    auto it = node_of_device_.constFind(id);
    if (it != node_of_device_.constEnd()) on[*it] = 1;
  }
  for (std::size_t n = 0; n < node_items_.size(); ++n)
    if (node_items_[n]) static_cast<NodeItem*>(node_items_[n])->set_selected_mark(on[n] != 0);
}

int TopologyScene::node_at(const QPointF& scene_pos) const {
  for (std::size_t n = 0; n < node_rects_.size(); ++n)
    if (node_items_[n] && node_rects_[n].contains(scene_pos)) return static_cast<int>(n);
  return -1;
}

QGraphicsItem* TopologyScene::node_item(int node) const {
  return node >= 0 && node < static_cast<int>(node_items_.size()) ? node_items_[node] : nullptr;
}

QGraphicsPathItem* TopologyScene::edge_item(int edge) const {
  return edge >= 0 && edge < static_cast<int>(edge_items_.size()) ? edge_items_[edge] : nullptr;
}

}  // namespace cf::ui
