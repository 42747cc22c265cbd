#pragma once
// The role colours (core/design/role_palette.h: the one table, shared with the exports) as Qt
// colours, names and icons for the views.

#include <QColor>
#include <QIcon>
#include <QString>
#include <string_view>

#include "catalog/catalog.h"
#include "design/role_palette.h"

namespace cf::ui {

using Role = DeviceRole;

// The role of a mounted catalog entry; Other when the id is unknown.
Role role_of(const Catalog& catalog, std::string_view catalog_id);

QColor role_color(Role role);
QColor to_qcolor(Rgb rgb);
QString role_name(Role role);
inline constexpr int kRoleCount = kDeviceRoleCount;

// A small filled square in the role's colour, for tree and list decorations (cache it: it paints).
QIcon role_icon(Role role);

}  // namespace cf::ui
