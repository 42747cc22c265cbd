#pragma once
// The order in which exports show racks: floor order, row by row, as someone walking the floor
// would meet them.

#include <QString>
#include <QStringList>
#include <vector>

namespace cf {
struct Design;
}

namespace cf::ui {

struct RackRow {
  QString name;          // the row's name (its id when unnamed); empty for racks of no known row
  QStringList rack_ids;  // by position along the row
};

// The racks row by row: rows front to back, then left to right (by their origin on the floor;
// ties keep design order); each row's racks by position. Racks of no known row come last, as one
// group in design order. Empty rows are left out.
std::vector<RackRow> racks_by_row(const Design& design);

// `ids` cut into consecutive groups of at most `size` (>= 1).
std::vector<QStringList> chunked(const QStringList& ids, int size);

}  // namespace cf::ui
