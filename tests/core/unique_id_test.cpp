// unique_id: the smallest free "stem-N", unique against every kind of object in the design.

#include <gtest/gtest.h>

#include "design/unique_id.h"
#include "test_support.h"

namespace cf {
namespace {

TEST(UniqueIdTest, FirstFreeNumberStartsAtOne) {
  const Design d = test::small_design();
  EXPECT_EQ(unique_id(d, "nvidia-dgx-h100"), "nvidia-dgx-h100-1");
}

TEST(UniqueIdTest, SkipsIdsOfAnyObjectKind) {
  Design d = test::small_design();
  // small_design holds devices dgx-1 and dgx-2 and links l1, l2; add a row named like the next.
  EXPECT_EQ(unique_id(d, "dgx"), "dgx-3");
  EXPECT_EQ(unique_id(d, "l"), "l-1");  // "l1" is not "l-1"
  d.rows.push_back({"dgx-3", "X", 0, 6, {}});
  EXPECT_EQ(unique_id(d, "dgx"), "dgx-4");
}

TEST(UniqueIdTest, FillsTheFirstGap) {
  Design d = test::small_design();
  d.racks[0].devices[1].id = "dgx-3";  // dgx-1 and dgx-3 used, dgx-2 free
  EXPECT_EQ(unique_id(d, "dgx"), "dgx-2");
}

}  // namespace
}  // namespace cf
