#include "topology_view.h"

#include <QComboBox>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>
#include <QtConcurrent/QtConcurrentRun>
#include <cmath>

#include "refresh_when_shown.h"
#include "topology_scene.h"
#include "unit_format.h"
#include "background_pool.h"

namespace cf::ui {

namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

int device_count(const Design& d) {
  int n = 0;
  for (const Rack& r : d.racks) n += static_cast<int>(r.devices.size());
  return n;
}

const FabricReport* fabric_report(const DesignReport& report, const std::string& id) {
  for (const FabricReport& f : report.network.fabrics)
    if (f.id == id) return &f;
  return nullptr;
}

}  // namespace

TopologyView::TopologyView(QWidget* parent) : QWidget(parent) {
  fabrics_ = new QComboBox(this);
  fabrics_->setToolTip(tr("The compute fabric to draw"));
  fabrics_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  status_ = new QLabel(this);
  status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto button = [&](const QString& text, const QString& tip, auto slot) {
    auto* b = new QToolButton(this);
    b->setText(text);
    b->setToolTip(tip);
    connect(b, &QToolButton::clicked, this, slot);
    return b;
  };
  auto* bar = new QHBoxLayout;
  bar->setContentsMargins(4, 4, 4, 0);
  auto* fabric_label = new QLabel(tr("Fabric:"), this);
  fabric_label->setBuddy(fabrics_);
  bar->addWidget(fabric_label);
  bar->addWidget(fabrics_);
  bar->addSpacing(12);
  bar->addWidget(status_, 1);
  bar->addWidget(button(QStringLiteral("\u2212"), tr("Zoom out"), &TopologyView::zoom_out));
  bar->addWidget(button(QStringLiteral("+"), tr("Zoom in"), &TopologyView::zoom_in));
  bar->addWidget(button(tr("Fit"), tr("Show the whole fabric"), &TopologyView::zoom_to_fit));

  scene_ = new TopologyScene(this);
  scene_->set_screen_cache(true);
  refresh_ = new RefreshWhenShown(this, [this] { lay_out(); });
  view_ = new QGraphicsView(scene_, this);
  view_->setRenderHint(QPainter::Antialiasing);
  view_->setDragMode(QGraphicsView::ScrollHandDrag);
  view_->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
  view_->setBackgroundBrush(Qt::white);
  view_->viewport()->installEventFilter(this);

  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addLayout(bar);
  layout->addWidget(view_, 1);

  zoom_settle_.setSingleShot(true);
  zoom_settle_.setInterval(kSettleMs);
  connect(&zoom_settle_, &QTimer::timeout, this, [this] {
    scene_->set_zooming(false);
    view_->viewport()->update();
  });

  watcher_ = new QFutureWatcher<TopologyLayout>(this);
  connect(watcher_, &QFutureWatcher<TopologyLayout>::finished, this, [this] {
    const quint64 generation = watcher_->property("generation").toULongLong();
    if (generation != generation_) return;  // an older request; a newer one is running
    pending_ = false;
    show_layout(watcher_->result());
  });
  connect(fabrics_, &QComboBox::currentIndexChanged, this, [this] {
    fitted_ = false;
    rebuild();
  });
  scene_->show_message(tr("No design open."));
}

TopologyView::~TopologyView() {
  watcher_->waitForFinished();  // its task reads copies only, but the result lands on this
}

void TopologyView::set_document(DesignDocument* document) {
  if (document == document_) return;
  for (const auto& c : connections_) disconnect(c);
  connections_.clear();
  document_ = document;
  fitted_ = false;
  if (document_) {
    connections_ << connect(document_, &DesignDocument::report_changed, this, &TopologyView::rebuild);
    connections_ << connect(document_, &DesignDocument::design_changed, this, &TopologyView::refresh_fabrics);
    connections_ << connect(document_, &DesignDocument::stale_changed, scene_, &TopologyScene::set_stale);
    connections_ << connect(document_, &DesignDocument::selection_changed, scene_,
                            &TopologyScene::set_selected_devices);
  }
  refresh_fabrics();
  rebuild();
}

QString TopologyView::fabric_id() const { return fabrics_->currentData().toString(); }

void TopologyView::set_fabric(const QString& fabric_id) {
  const int i = fabrics_->findData(fabric_id);
  if (i >= 0) fabrics_->setCurrentIndex(i);
}

// The compute fabrics of the design, keeping the current choice when it still exists.
void TopologyView::refresh_fabrics() {
  QStringList ids, names;
  if (document_)
    for (const Fabric& f : document_->design().fabrics)
      if (f.kind == FabricKind::Compute) {
        ids << qs(f.id);
        names << (f.name.empty() ? qs(f.id) : qs(f.name));
      }
  QStringList current_ids;
  for (int i = 0; i < fabrics_->count(); ++i) current_ids << fabrics_->itemData(i).toString();
  if (current_ids == ids) {
    for (int i = 0; i < ids.size(); ++i) fabrics_->setItemText(i, names[i]);
    return;
  }
  const QString keep = fabric_id();
  {
    const QSignalBlocker block(fabrics_);
    fabrics_->clear();
    for (int i = 0; i < ids.size(); ++i) fabrics_->addItem(names[i], ids[i]);
    const int k = fabrics_->findData(keep);
    fabrics_->setCurrentIndex(k >= 0 ? k : (ids.isEmpty() ? -1 : 0));
  }
  fabrics_->setEnabled(ids.size() > 1);
  if (fabric_id() != keep) {
    fitted_ = false;
    rebuild();
  }
}

void TopologyView::rebuild() { refresh_->request(); }

void TopologyView::lay_out() {
  ++generation_;
  pending_ = false;
  if (!document_) {
    scene_->show_message(tr("No design open."));
    status_->clear();
    emit layout_ready();
    return;
  }
  const std::string id = fabric_id().toStdString();
  const Fabric* fabric = nullptr;
  for (const Fabric& f : document_->design().fabrics)
    if (f.id == id && f.kind == FabricKind::Compute) fabric = &f;
  if (!fabric) {
    scene_->show_message(tr("No compute fabric in this design."));
    status_->clear();
    emit layout_ready();
    return;
  }
  std::shared_ptr<const DesignReport> report = document_->shared_report();
  if (device_count(document_->design()) <= background_devices_) {
    show_layout(layout_topology(document_->design(), document_->catalog(), *fabric,
                                fabric_report(*report, id)));
    return;
  }
  // Off the GUI thread, on a snapshot of the design (edits may follow while it runs).
  pending_ = true;
  status_->setText(tr("Laying out %1 …").arg(qs(fabric->name)));
  const QFuture<std::shared_ptr<const Design>> snapshot = document_->snapshot();
  const Catalog* catalog = &document_->catalog();
  watcher_->setProperty("generation", QVariant::fromValue(generation_));
  watcher_->setFuture(QtConcurrent::run(background_pool(), [snapshot, catalog, report, id]() {
    const std::shared_ptr<const Design> design = snapshot.result();
    const Fabric* f = nullptr;
    for (const Fabric& x : design->fabrics)
      if (x.id == id) f = &x;
    if (!f) return TopologyLayout{};
    return layout_topology(*design, *catalog, *f, fabric_report(*report, id));
  }));
}

void TopologyView::show_layout(TopologyLayout layout) {
  QString status = tr("%1 tiers · %2 links").arg(layout.tiers.size()).arg(layout.links);
  if (layout.bisection_bps)
    status += tr(" · minimum bisection %1 per direction").arg(format_bps(*layout.bisection_bps));
  status_->setText(status);
  scene_->set_layout(std::move(layout));
  scene_->set_stale(document_ && document_->report_is_stale());
  if (document_) scene_->set_selected_devices(document_->selection());
  if (!fitted_) {
    zoom_to_fit();
    fitted_ = true;
  }
  emit layout_ready();
}

void TopologyView::zoom_in() { zoom_by(1.25); }
void TopologyView::zoom_out() { zoom_by(0.8); }

void TopologyView::zoom_by(double factor) {
  scene_->set_zooming(true, view_->viewportTransform());
  view_->scale(factor, factor);
  zoom_settle_.start();
}
void TopologyView::zoom_to_fit() {
  zoom_settle_.stop();
  scene_->set_zooming(false);
  view_->fitInView(scene_->sceneRect(), Qt::KeepAspectRatio);
}

void TopologyView::select_node_at(const QPoint& view_pos) {
  if (!document_) return;
  const int node = scene_->node_at(view_->mapToScene(view_pos));
  if (node < 0) {
    document_->set_selection({});
    return;
  }
  const TopologyNode& n = scene_->layout().nodes[node];
  QStringList ids;
  ids.reserve(static_cast<int>(n.device_ids.size()));
  for (const std::string& id : n.device_ids) ids << qs(id);
  document_->set_selection(ids);
  emit message(n.is_group() ? tr("Selected %1 devices: %2").arg(ids.size()).arg(qs(n.label))
                            : tr("Selected %1").arg(qs(n.label)));
}

bool TopologyView::eventFilter(QObject* watched, QEvent* event) {
  if (watched != view_->viewport()) return QWidget::eventFilter(watched, event);
  switch (event->type()) {
    case QEvent::Wheel: {
      auto* wheel = static_cast<QWheelEvent*>(event);
      zoom_by(std::pow(1.0015, wheel->angleDelta().y()));
      return true;
    }
    case QEvent::MouseButtonPress:
      press_pos_ = static_cast<QMouseEvent*>(event)->position().toPoint();
      break;
    case QEvent::MouseButtonRelease: {
      auto* mouse = static_cast<QMouseEvent*>(event);
      // A click, not the end of a pan.
      if (mouse->button() == Qt::LeftButton &&
          (mouse->position().toPoint() - press_pos_).manhattanLength() < 4)
        select_node_at(mouse->position().toPoint());
      break;
    }
    default:
      break;
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace cf::ui
