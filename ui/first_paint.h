#pragma once
// Waiting, without a user, until a window has been shown and painted (--quit-after-load,
// --screenshot, tests).

class QWidget;

namespace cf::ui {

// Shows `window` if needed and processes events until it has received its first paint event or
// `timeout_ms` passed. Returns whether it was painted.
bool wait_for_first_paint(QWidget& window, int timeout_ms = 5000);

}  // namespace cf::ui
