#include "first_paint.h"

#include <QEvent>
#include <QEventLoop>
#include <QTimer>
#include <QWidget>

namespace cf::ui {

namespace {

class PaintWatcher : public QObject {
 public:
  explicit PaintWatcher(QEventLoop& loop) : loop_(loop) {}
  bool painted = false;

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override {
    if (event->type() == QEvent::Paint && !painted) {
      painted = true;
      // Let the paint finish before the loop returns.
      QTimer::singleShot(0, &loop_, &QEventLoop::quit);
    }
    return QObject::eventFilter(watched, event);
  }

 private:
  QEventLoop& loop_;
};

}  // namespace

bool wait_for_first_paint(QWidget& window, int timeout_ms) {
  QEventLoop loop;
  PaintWatcher watcher(loop);
  window.installEventFilter(&watcher);
  if (!window.isVisible()) window.show();
  window.update();
  QTimer timeout;
  timeout.setSingleShot(true);
  QObject::connect(&timeout, &QTimer::timeout, &loop, &QEventLoop::quit);
  timeout.start(timeout_ms);
  loop.exec();
  window.removeEventFilter(&watcher);
  return watcher.painted;
}

}  // namespace cf::ui
