#pragma once
// A rebuild put off while nobody can see it: a view in a tab that is not the current one, a dock
// closed or behind another dock of its group (Qt moves those out of sight rather than hiding
// them). request() rebuilds at once when the widget is on screen, or when its window is not (a
// view used on its own, a window not shown yet: nothing to put off for); otherwise when the
// widget comes on screen, before it paints. A 100,000-GPU design then builds only what the first
// paint shows.

#include <QObject>
#include <QPointer>
#include <functional>

class QDockWidget;
class QWidget;

namespace cf::ui {

class RefreshWhenShown : public QObject {
 public:
  // Watches `widget` (and belongs to it); `refresh` rebuilds what it shows.
  RefreshWhenShown(QWidget* widget, std::function<void()> refresh);

  void request();
  // A request is waiting for the widget to come on screen.
  bool pending() const { return pending_; }
  // Runs a waiting request now (something needs the content while it is out of sight).
  void flush();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  bool out_of_sight() const;
  void watch_dock();

  QWidget* widget_;
  std::function<void()> refresh_;
  QPointer<QDockWidget> dock_;  // the dock holding the widget, once it is in one
  bool pending_ = false;
};

}  // namespace cf::ui
