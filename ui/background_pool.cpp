#include "background_pool.h"

#include <QThreadPool>

namespace cf::ui {

Q_GLOBAL_STATIC(QThreadPool, pool)

QThreadPool* background_pool() { return pool(); }

}  // namespace cf::ui
