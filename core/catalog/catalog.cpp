#include "catalog/catalog.h"

#include <array>

namespace cf {

namespace {
constexpr std::array<std::pair<ItemKind, std::string_view>, 9> kKindNames{{
    {ItemKind::Gpu, "gpu"},
    {ItemKind::Server, "server"},
    {ItemKind::Switch, "switch"},
    {ItemKind::Nic, "nic"},
    {ItemKind::Medium, "medium"},
    {ItemKind::Rack, "rack"},
    {ItemKind::Pdu, "pdu"},
    {ItemKind::Cooling, "cooling"},
    {ItemKind::Storage, "storage"},
}};
}  // namespace

std::string to_string(ItemKind kind) {
  for (auto [k, n] : kKindNames)
    if (k == kind) return std::string(n);
  return "?";
}

std::optional<ItemKind> item_kind_from_string(std::string_view name) {
  for (auto [k, n] : kKindNames)
    if (n == name) return k;
  return std::nullopt;
}

const CatalogItem* Catalog::item(std::string_view id) const {
  auto it = kinds_.find(id);
  if (it == kinds_.end()) return nullptr;
  switch (it->second) {
    case ItemKind::Gpu: return gpu(id);
    case ItemKind::Nic: return nic(id);
    case ItemKind::Medium: return medium(id);
    case ItemKind::Rack: return rack(id);
    case ItemKind::Cooling: return cooling(id);  // floor, row and door units do not mount
    default: return mountable(id);
  }
}

const Mountable* Catalog::mountable(std::string_view id) const {
  if (auto* s = server(id)) return s;
  if (auto* s = network_switch(id)) return s;
  if (auto* s = storage(id)) return s;
  if (auto* s = pdu(id)) return s;
  if (auto* s = cooling(id); s && s->placement == "rack") return s;
  return nullptr;
}

void Catalog::erase(const std::string& id, ItemKind kind) {
  switch (kind) {
    case ItemKind::Gpu: gpus_.erase(id); break;
    case ItemKind::Server: servers_.erase(id); break;
    case ItemKind::Switch: switches_.erase(id); break;
    case ItemKind::Nic: nics_.erase(id); break;
    case ItemKind::Medium: media_.erase(id); break;
    case ItemKind::Rack: racks_.erase(id); break;
    case ItemKind::Pdu: pdus_.erase(id); break;
    case ItemKind::Cooling: cooling_.erase(id); break;
    case ItemKind::Storage: storage_.erase(id); break;
  }
}

template <class Spec>
void Catalog::put(Table<Spec>& table, Spec spec) {
  auto existing = kinds_.find(spec.id);
  if (existing != kinds_.end()) {
    erase(spec.id, existing->second);
    overridden_.push_back(spec.id);
  }
  kinds_[spec.id] = spec.kind;
  std::string id = spec.id;
  table.insert_or_assign(std::move(id), std::move(spec));
}

void Catalog::add(GpuSpec spec) { put(gpus_, std::move(spec)); }
void Catalog::add(ServerSpec spec) { put(servers_, std::move(spec)); }
void Catalog::add(SwitchSpec spec) { put(switches_, std::move(spec)); }
void Catalog::add(NicSpec spec) { put(nics_, std::move(spec)); }
void Catalog::add(MediumSpec spec) { put(media_, std::move(spec)); }
void Catalog::add(RackSpec spec) { put(racks_, std::move(spec)); }
void Catalog::add(PduSpec spec) { put(pdus_, std::move(spec)); }
void Catalog::add(CoolingSpec spec) { put(cooling_, std::move(spec)); }
void Catalog::add(StorageSpec spec) { put(storage_, std::move(spec)); }

std::map<std::string, int> nic_cards(const ServerSpec& server, const Catalog& catalog) {
  std::map<std::string, int> cards;
  for (const auto& g : server.ports)
    if (!g.nic_id.empty()) cards[g.nic_id] += g.count;
  for (auto& [nic_id, n] : cards) {
    const NicSpec* nic = catalog.nic(nic_id);
    const int per_card = nic && nic->ports > 0 ? nic->ports : 1;
    n = (n + per_card - 1) / per_card;
  }
  return cards;
}

}  // namespace cf
