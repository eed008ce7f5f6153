#include "app/workshop_code.h"

#include <set>

#include <gtest/gtest.h>

namespace campana::app {
namespace {

TEST(WorkshopCodeTest, NoLookAlikes) {
  domain::SplitMix64 rng(1);
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) {
    const std::string code = NewWorkshopCode(rng);
    ASSERT_EQ(code.size(), 6u);
    EXPECT_EQ(code.find_first_of("0O1IL"), std::string::npos) << code;
    EXPECT_EQ(NormalizeWorkshopCode(code), code);
    seen.insert(code);
  }
  EXPECT_GT(seen.size(), 1990u);
}

TEST(WorkshopCodeTest, NormalizesWhatPeopleType) {
  EXPECT_EQ(NormalizeWorkshopCode("abc-234"), "ABC234");
  EXPECT_EQ(NormalizeWorkshopCode(" ab c2 34 "), "ABC234");
  EXPECT_EQ(NormalizeWorkshopCode("ABC23"), std::nullopt);
  EXPECT_EQ(NormalizeWorkshopCode("ABC2340"), std::nullopt);
  EXPECT_EQ(NormalizeWorkshopCode("ABCO23"), std::nullopt)
      << "O is not in the alphabet";
  EXPECT_EQ(NormalizeWorkshopCode("ÁBC234"), std::nullopt);
}

}  // namespace
}  // namespace campana::app
