#pragma once
// The component catalog: read-only specifications, looked up by id.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog/catalog_types.h"

namespace cf {

class Catalog {
 public:
  template <class Spec>
  using Table = std::map<std::string, Spec, std::less<>>;

  const GpuSpec* gpu(std::string_view id) const { return find(gpus_, id); }
  const ServerSpec* server(std::string_view id) const { return find(servers_, id); }
  const SwitchSpec* network_switch(std::string_view id) const { return find(switches_, id); }
  const NicSpec* nic(std::string_view id) const { return find(nics_, id); }
  const MediumSpec* medium(std::string_view id) const { return find(media_, id); }
  const RackSpec* rack(std::string_view id) const { return find(racks_, id); }
  const PduSpec* pdu(std::string_view id) const { return find(pdus_, id); }
  const CoolingSpec* cooling(std::string_view id) const { return find(cooling_, id); }
  const StorageSpec* storage(std::string_view id) const { return find(storage_, id); }

  // Any entry, whatever its kind.
  const CatalogItem* item(std::string_view id) const;
  // Entries that mount in a rack: servers, switches, storage, PDUs, in-rack cooling.
  const Mountable* mountable(std::string_view id) const;

  const Table<GpuSpec>& gpus() const { return gpus_; }
  const Table<ServerSpec>& servers() const { return servers_; }
  const Table<SwitchSpec>& switches() const { return switches_; }
  const Table<NicSpec>& nics() const { return nics_; }
  const Table<MediumSpec>& media() const { return media_; }
  const Table<RackSpec>& racks() const { return racks_; }
  const Table<PduSpec>& pdus() const { return pdus_; }
  const Table<CoolingSpec>& cooling_units() const { return cooling_; }
  const Table<StorageSpec>& storage_systems() const { return storage_; }

  std::size_t size() const { return kinds_.size(); }
  // Ids that a user catalog replaced.
  const std::vector<std::string>& overridden() const { return overridden_; }

  // Adds an entry; an entry with the same id (of any kind) is replaced and recorded as overridden.
  void add(GpuSpec spec);
  void add(ServerSpec spec);
  void add(SwitchSpec spec);
  void add(NicSpec spec);
  void add(MediumSpec spec);
  void add(RackSpec spec);
  void add(PduSpec spec);
  void add(CoolingSpec spec);
  void add(StorageSpec spec);

 private:
  template <class Spec>
  static const Spec* find(const Table<Spec>& t, std::string_view id) {
    auto it = t.find(id);
    return it == t.end() ? nullptr : &it->second;
  }
  template <class Spec>
  void put(Table<Spec>& table, Spec spec);
  void erase(const std::string& id, ItemKind kind);

  Table<GpuSpec> gpus_;
  Table<ServerSpec> servers_;
  Table<SwitchSpec> switches_;
  Table<NicSpec> nics_;
  Table<MediumSpec> media_;
  Table<RackSpec> racks_;
  Table<PduSpec> pdus_;
  Table<CoolingSpec> cooling_;
  Table<StorageSpec> storage_;
  std::map<std::string, ItemKind, std::less<>> kinds_;
  std::vector<std::string> overridden_;
};

std::string to_string(ItemKind kind);
std::optional<ItemKind> item_kind_from_string(std::string_view name);

// The NIC cards in one server, per NIC id: a NIC with k ports provides k ports of a port group,
// so each NIC's ports over k, rounded up (an id the catalog lacks counts a card per port). The
// bill of materials lists these cards and the reliability analysis counts their failures.
std::map<std::string, int> nic_cards(const ServerSpec& server, const Catalog& catalog);

}  // namespace cf
