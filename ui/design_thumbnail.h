#pragma once
// A small top view of a design for the start page's gallery: each rack at its floor position,
// filled with the role colours of its devices in proportion to the rack units they take. Kept
// apart so the floor-plan scene can replace it later.

#include <QImage>
#include <QSize>

#include "catalog/catalog.h"
#include "design/design.h"

namespace cf::ui {

// Transparent where there is no rack; an empty design gives a transparent image.
QImage design_thumbnail(const Design& design, const Catalog& catalog, QSize size);

}  // namespace cf::ui
