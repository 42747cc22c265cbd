#include "screen_cache.h"

#include <QPixmapCache>
#include <algorithm>

namespace cf::ui {

namespace {
constexpr int kScreenCacheKb = 96 * 1024;  // ~ten 1920 × 1080 frames at 4 bytes a pixel
}

void reserve_screen_cache() { QPixmapCache::setCacheLimit(std::max(QPixmapCache::cacheLimit(), kScreenCacheKb)); }

}  // namespace cf::ui
