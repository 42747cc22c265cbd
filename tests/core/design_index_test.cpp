// DesignIndex: objects by id with their place in the file; IdTable, the flat map under it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "design/design_index.h"
#include "design/id_table.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(DesignIndex, FindsEveryKindOfObjectWithItsPath) {
  const Design d = test::small_design();
  const DesignIndex index(d);
  const ObjectLocation* leaf = index.find("leaf-1");
  ASSERT_NE(leaf, nullptr);
  EXPECT_EQ(leaf->type, ObjectType::Device);
  EXPECT_EQ(leaf->json_path(), "/racks/0/devices/2");
  EXPECT_EQ(index.find("l2")->json_path(), "/links/1");
  EXPECT_EQ(index.find("feed-b")->json_path(), "/power_feeds/1");
  EXPECT_EQ(index.find("s1")->json_path(), "/scenarios/0");
  EXPECT_EQ(index.find("compute")->type, ObjectType::Fabric);
  EXPECT_EQ(index.rack("a01"), 0u);
  EXPECT_EQ(index.row("row-a"), 0u);
  EXPECT_FALSE(index.rack("row-a"));
  EXPECT_EQ(index.device("a01"), nullptr);
  EXPECT_EQ(index.find("nothing"), nullptr);
  EXPECT_TRUE(index.duplicates().empty());
}

TEST(DesignIndex, KeepsTheFirstOfDuplicatesAndListsTheOthers) {
  Design d = test::small_design();
  d.links[1].id = "dgx-2";
  d.scenarios[0].id = "dgx-2";
  const DesignIndex index(d);
  EXPECT_EQ(index.find("dgx-2")->type, ObjectType::Device);
  ASSERT_EQ(index.duplicates().size(), 2u);
  EXPECT_EQ(index.duplicates()[0], (std::pair<std::string, std::string>{"dgx-2", "/links/1"}));
  EXPECT_EQ(index.duplicates()[1], (std::pair<std::string, std::string>{"dgx-2", "/scenarios/0"}));
}

TEST(IdTable, GrowsBeyondWhatWasExpected) {
  std::vector<std::string> ids;
  for (int i = 0; i < 5000; ++i) ids.push_back("id-" + std::to_string(i));
  IdTable<int> table(10);
  for (int i = 0; i < 5000; ++i) EXPECT_TRUE(table.try_emplace(ids[i], i).second);
  EXPECT_EQ(table.size(), 5000u);
  for (int i = 0; i < 5000; ++i) ASSERT_EQ(*table.find(ids[i]), i);
  EXPECT_EQ(table.find("id-5000"), nullptr);
  EXPECT_EQ(table.find(""), nullptr);
}

TEST(IdTable, AnExistingIdKeepsItsValue) {
  IdTable<int> table(2);
  EXPECT_TRUE(table.try_emplace("a", 1).second);
  EXPECT_TRUE(table.try_emplace("", 2).second);  // the empty id is an id like any other
  auto [value, added] = table.try_emplace("a", 3);
  EXPECT_FALSE(added);
  EXPECT_EQ(*value, 1);
  EXPECT_EQ(*table.find(""), 2);
  EXPECT_EQ(table.size(), 2u);
}

}  // namespace
}  // namespace cf
