#include "export/rack_order.h"

#include <algorithm>
#include <unordered_map>

#include "design/design.h"

namespace cf::ui {

std::vector<RackRow> racks_by_row(const Design& design) {
  std::vector<const Row*> rows;
  for (const Row& r : design.rows) rows.push_back(&r);
  std::stable_sort(rows.begin(), rows.end(), [](const Row* a, const Row* b) {
    return std::pair(a->y_m, a->x_m) < std::pair(b->y_m, b->x_m);
  });
  std::unordered_map<std::string, std::size_t> row_index;
  for (std::size_t i = 0; i < rows.size(); ++i) row_index.emplace(rows[i]->id, i);

  std::vector<std::vector<const Rack*>> grouped(rows.size() + 1);  // the last: no known row
  for (const Rack& rack : design.racks) {
    const auto it = row_index.find(rack.row_id);
    grouped[it == row_index.end() ? rows.size() : it->second].push_back(&rack);
  }
  std::vector<RackRow> result;
  for (std::size_t i = 0; i < grouped.size(); ++i) {
    auto& racks = grouped[i];
    if (racks.empty()) continue;
    if (i < rows.size())
      std::stable_sort(racks.begin(), racks.end(), [](const Rack* a, const Rack* b) { return a->position < b->position; });
    RackRow row;
    if (i < rows.size()) row.name = QString::fromStdString(rows[i]->name.empty() ? rows[i]->id : rows[i]->name);
    for (const Rack* r : racks) row.rack_ids << QString::fromStdString(r->id);
    result.push_back(std::move(row));
  }
  return result;
}

std::vector<QStringList> chunked(const QStringList& ids, int size) {
  std::vector<QStringList> result;
  size = std::max(size, 1);
  for (qsizetype i = 0; i < ids.size(); i += size) result.push_back(ids.mid(i, size));
  return result;
}

}  // namespace cf::ui
