#include "codec/template_codec.h"

#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

namespace campana::codec {
namespace {

std::string Read(const std::string& name) {
  std::ifstream in(std::string(CAMPANA_TEMPLATES_DIR) + "/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(TemplateCodecTest, ShippedDemosParseInBothLanguages) {
  for (const char* name : {"demo.es.json", "demo.en.json"}) {
    auto plan = ParseTemplateJson(Read(name));
    ASSERT_TRUE(plan.ok()) << name << ": " << plan.rejection().message;
    EXPECT_EQ(plan.value().agenda.size(), 5u) << name;
    const domain::AgendaItem& groups = plan.value().agenda[1];
    EXPECT_EQ(groups.activity, domain::ActivityKind::kGroups);
    EXPECT_EQ(groups.group_count, 4u);
    ASSERT_EQ(groups.teams.size(), 2u);
    EXPECT_EQ(groups.teams[0].groups, (std::vector<domain::GroupNumber>{1, 3}));
    EXPECT_EQ(plan.value().agenda[2].timers.size(), 2u);
    EXPECT_EQ(plan.value().agenda[2].timers[0].duration,
              std::chrono::minutes(2));
    EXPECT_EQ(plan.value().agenda[3].activity, domain::ActivityKind::kQuestion);
  }
  EXPECT_EQ(ParseTemplateJson(Read("demo.es.json")).value().language, "es");
  EXPECT_EQ(ParseTemplateJson(Read("demo.en.json")).value().language, "en");
}

TEST(TemplateCodecTest, MistakesAreExplained) {
  auto typo = ParseTemplateJson(R"({"title": "T", "itemz": []})");
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.rejection().code, domain::RejectionCode::kInvalidArgument);
  EXPECT_NE(typo.rejection().message.find("itemz"), std::string::npos)
      << typo.rejection().message;
  EXPECT_EQ(ParseTemplateJson(R"({"items": []})").rejection().message,
            "the template has no title");
  EXPECT_FALSE(ParseTemplateJson("not json").ok());
}

}  // namespace
}  // namespace campana::codec
