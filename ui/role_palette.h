#pragma once
// The one palette of role colours (Okabe-Ito, colour-blind safe) that every view uses for the kind
// of equipment: compute servers, switches, storage, management, power, cooling.

#include <QColor>
#include <QIcon>
#include <QString>
#include <string_view>

#include "catalog/catalog.h"

namespace cf::ui {

enum class Role { Compute, Switch, Storage, Management, Power, Cooling, Other };

// The role of a mounted catalog entry; Other when the id is unknown.
Role role_of(const Catalog& catalog, std::string_view catalog_id);

QColor role_color(Role role);
QString role_name(Role role);
inline constexpr int kRoleCount = 7;

// A small filled square in the role's colour, for tree and list decorations (cache it: it paints).
QIcon role_icon(Role role);

}  // namespace cf::ui
