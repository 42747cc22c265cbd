#pragma once
// The views keep items as pixmaps on screen (QGraphicsItem::DeviceCoordinateCache), and those
// live in QPixmapCache: 10 MB by default, about one 1920 × 1080 frame. Rack elevations at full
// height fill more than that, so each repaint evicted what the next one needed.

namespace cf::ui {

// Room in QPixmapCache for a few screens' worth of item pixmaps (never lowers a larger limit).
void reserve_screen_cache();

}  // namespace cf::ui
