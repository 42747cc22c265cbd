#include "refresh_when_shown.h"

#include <QDockWidget>
#include <QEvent>
#include <QWidget>

namespace cf::ui {

RefreshWhenShown::RefreshWhenShown(QWidget* widget, std::function<void()> refresh)
    : QObject(widget), widget_(widget), refresh_(std::move(refresh)) {
  widget_->installEventFilter(this);
}

bool RefreshWhenShown::out_of_sight() const {
  if (!widget_->window()->isVisible()) return false;
  // Hidden (a tab page behind), or moved where its window does not show it (a dock behind).
  return !widget_->isVisible() || widget_->visibleRegion().isEmpty();
}

void RefreshWhenShown::watch_dock() {
  if (dock_) return;
  for (QWidget* w = widget_->parentWidget(); w; w = w->parentWidget())
    if (auto* dock = qobject_cast<QDockWidget*>(w)) {
      dock_ = dock;
      // A dock brought to the front of its group is moved into sight, not shown.
      connect(dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible) flush();
      });
      return;
    }
}

void RefreshWhenShown::request() {
  watch_dock();
  if (out_of_sight()) {
    pending_ = true;
    return;
  }
  pending_ = false;
  refresh_();
}

void RefreshWhenShown::flush() {
  if (!pending_) return;
  pending_ = false;
  refresh_();
}

bool RefreshWhenShown::eventFilter(QObject* watched, QEvent* event) {
  if (watched == widget_ && pending_ &&
      (event->type() == QEvent::Show || (event->type() == QEvent::Resize && !out_of_sight())))
    flush();
  return QObject::eventFilter(watched, event);
}

}  // namespace cf::ui
