// object_properties: the keys, types, ranges, units and values of a design object as the file
// format's field tables and the set_property edit see them.

#include "design/object_properties.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "design/edit.h"
#include "test_support.h"

namespace cf {
namespace {

const ObjectProperty& property(const std::vector<ObjectProperty>& props, const std::string& key) {
  auto it = std::find_if(props.begin(), props.end(), [&](const auto& p) { return p.key == key; });
  if (it == props.end()) throw std::runtime_error("no property " + key);
  return *it;
}

std::vector<std::string> keys(const std::vector<ObjectProperty>& props) {
  std::vector<std::string> out;
  for (const auto& p : props) out.push_back(p.key);
  return out;
}

TEST(ObjectProperties, DeviceListsItsFileKeysInOrderWithTypesAndValues) {
  Design d = test::small_design();
  auto props = object_properties(d, test::installed_catalog(), "pdu-a");
  ASSERT_TRUE(props);
  EXPECT_EQ(keys(*props),
            (std::vector<std::string>{"id", "name", "catalog", "u", "face", "feed", "breakout"}));
  const auto& id = property(*props, "id");
  EXPECT_FALSE(id.editable);
  EXPECT_EQ(id.value, Json("pdu-a"));
  const auto& name = property(*props, "name");
  EXPECT_EQ(name.type, FieldType::Text);
  EXPECT_TRUE(name.editable);
  EXPECT_EQ(name.value, Json(""));  // unnamed: the empty text, not an absent value
  const auto& u = property(*props, "u");
  EXPECT_EQ(u.type, FieldType::Integer);
  EXPECT_EQ(u.value, Json(0));
  EXPECT_EQ(u.min, 0.0);
  EXPECT_EQ(u.max, 60.0);  // limits::kMaxRackUnits
  const auto& face = property(*props, "face");
  EXPECT_EQ(face.type, FieldType::Enum);
  EXPECT_EQ(face.choices, (std::vector<std::string>{"front", "rear"}));
  EXPECT_EQ(face.value, Json("rear"));
  const auto& feed = property(*props, "feed");
  EXPECT_TRUE(feed.reference);
  EXPECT_EQ(feed.choices, (std::vector<std::string>{"", "feed-a", "feed-b"}));
  EXPECT_EQ(feed.value, Json("feed-a"));
  const auto& catalog = property(*props, "catalog");
  EXPECT_TRUE(catalog.reference);
  EXPECT_NE(std::find(catalog.choices.begin(), catalog.choices.end(), "raritan-px3-5878i2r"),
            catalog.choices.end());
  // Only PDUs: a PDU cannot become a server.
  EXPECT_EQ(std::find(catalog.choices.begin(), catalog.choices.end(), "nvidia-dgx-h100"),
            catalog.choices.end());
  EXPECT_FALSE(property(*props, "breakout").editable);
}

TEST(ObjectProperties, UnitsComeFromTheKeyAndUnsetOptionalsAreNull) {
  Design d = test::small_design();
  auto rack = object_properties(d, test::installed_catalog(), "a01");
  ASSERT_TRUE(rack);
  EXPECT_EQ(keys(*rack), (std::vector<std::string>{"id", "name", "catalog", "row", "position",
                                                    "power_limit_kw"}));  // no "devices"
  const auto& limit = property(*rack, "power_limit_kw");
  EXPECT_EQ(limit.type, FieldType::Number);
  EXPECT_EQ(limit.unit, "kW");
  EXPECT_TRUE(limit.value.is_null());
  EXPECT_EQ(property(*rack, "row").choices, (std::vector<std::string>{"row-a"}));

  auto link = object_properties(d, test::installed_catalog(), "l1");
  ASSERT_TRUE(link);
  EXPECT_EQ(property(*link, "length_m").unit, "m");
  EXPECT_EQ(property(*link, "length_m").value, Json(3.0));
  EXPECT_FALSE(property(*link, "a").editable);
  EXPECT_EQ(property(*link, "a").value, (Json{{"device", "dgx-1"}, {"port", "compute1"}}));

  auto fabric = object_properties(d, test::installed_catalog(), "compute");
  ASSERT_TRUE(fabric);
  EXPECT_EQ(property(*fabric, "kind").choices.size(), 5u);

  EXPECT_EQ(unit_of_key("voltage_v"), "V");
  EXPECT_EQ(unit_of_key("storage_write_bytes_per_s"), "B/s");
  EXPECT_EQ(unit_of_key("restart_s"), "s");
  EXPECT_EQ(unit_of_key("energy_usd_per_kwh"), "USD/kWh");
  EXPECT_EQ(unit_of_key("phases"), "");
}

TEST(ObjectProperties, TheDesignSiteAndAssumptionsHaveTheirOwnIds) {
  Design d = test::small_design();
  auto design = object_properties(d, test::installed_catalog(), "");
  ASSERT_TRUE(design);
  EXPECT_EQ(keys(*design), (std::vector<std::string>{"name", "description"}));
  EXPECT_EQ(property(*design, "name").value, Json("Small test design"));
  auto site = object_properties(d, test::installed_catalog(), "site");
  ASSERT_TRUE(site);
  EXPECT_EQ(property(*site, "rack_pitch_m").value, Json(0.6));
  auto assumptions = object_properties(d, test::installed_catalog(), "assumptions");
  ASSERT_TRUE(assumptions);
  EXPECT_EQ(property(*assumptions, "pue").min, 1.0);
  EXPECT_FALSE(object_properties(d, test::installed_catalog(), "no-such-object"));
}

// What the list offers, set_property takes back unchanged: the same tables drive both.
TEST(ObjectProperties, EveryEditableValueIsAcceptedBySetProperty) {
  Design d = test::small_design();
  const Design before = d;
  int checked = 0;
  for (std::string id : {"", "site", "assumptions", "row-a", "a01", "dgx-1", "pdu-a", "feed-a",
                         "compute", "l1", "s1"}) {
    auto props = object_properties(d, test::installed_catalog(), id);
    ASSERT_TRUE(props) << id;
    for (const auto& p : *props) {
      if (!p.editable || p.value.is_null()) continue;
      auto edit = set_property(id, p.key, p.value);
      EditResult r = edit->apply(d, test::installed_catalog());
      EXPECT_TRUE(r) << id << "." << p.key << ": " << (r ? "" : r.reason());
      EXPECT_EQ(d, before) << id << "." << p.key;
      ++checked;
    }
  }
  EXPECT_GE(checked, 30);
}

}  // namespace
}  // namespace cf
