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
    EXPECT_EQ(plan.value().agenda.size(), 12u) << name;
    const domain::AgendaItem& groups = plan.value().agenda[1];
    EXPECT_EQ(groups.activity, domain::ActivityKind::kGroups);
    EXPECT_EQ(groups.group_count, 4u);
    ASSERT_EQ(groups.teams.size(), 2u);
    EXPECT_EQ(groups.teams[0].groups, (std::vector<domain::GroupNumber>{1, 3}));
    const domain::AgendaItem& race = plan.value().agenda[2];
    EXPECT_EQ(race.activity, domain::ActivityKind::kRace);
    EXPECT_EQ(race.race.strategy, std::chrono::minutes(2));
    EXPECT_EQ(race.race.execution, std::chrono::minutes(3));
    EXPECT_EQ(race.race.penalty, std::chrono::seconds(30));
    EXPECT_FALSE(race.race.rules.empty());
    // Edmondson's nine reasons for failure, blameworthy first.
    const domain::AgendaItem& sort = plan.value().agenda[3];
    EXPECT_EQ(sort.activity, domain::ActivityKind::kCardSort);
    ASSERT_EQ(sort.card_sort.cards.size(), 9u);
    EXPECT_EQ(sort.card_sort.round, std::chrono::minutes(10));
    const domain::AgendaItem& dating = plan.value().agenda[4];
    EXPECT_EQ(dating.activity, domain::ActivityKind::kSpeedDating);
    EXPECT_EQ(dating.dating.share, std::chrono::minutes(5));
    EXPECT_EQ(dating.dating.listener_stems.size(), 5u)
        << "the report's five sentence stems";
    EXPECT_EQ(plan.value().agenda[5].activity, domain::ActivityKind::kQuestion);
    // The three boards: the SDG map (4 goals x 2, with links), the 6x2 grid
    // with its nightmare prompt, and one "less / more" board for the room.
    const domain::BoardConfig& map = plan.value().agenda[6].board;
    EXPECT_EQ(plan.value().agenda[6].activity, domain::ActivityKind::kBoard);
    EXPECT_EQ(map.columns.size(), 4u);
    EXPECT_EQ(map.row_count(), 2u);
    EXPECT_TRUE(map.links);
    EXPECT_EQ(map.dot_budget, 5u);
    EXPECT_EQ(map.dot_cap, 3u);
    const domain::BoardConfig& grid = plan.value().agenda[7].board;
    EXPECT_EQ(grid.columns.size(), 6u);
    EXPECT_FALSE(grid.columns[0].hint.empty());
    EXPECT_FALSE(grid.rows[1].later_prompt.empty());
    EXPECT_FALSE(grid.named) << "anonymous unless the item says otherwise";
    const domain::BoardConfig& less_more = plan.value().agenda[8].board;
    EXPECT_TRUE(less_more.one_board_for_room);
    EXPECT_EQ(less_more.columns.size(), 2u);
    // Each group's action plan, before the survey (as the workshop ran it).
    const domain::AgendaItem& plan_item = plan.value().agenda[9];
    EXPECT_EQ(plan_item.activity, domain::ActivityKind::kActionPlan);
    EXPECT_NE(plan_item.action_plan.prompt.find("8, 9, 10"), std::string::npos)
        << name << ": the SDGs the objective leads to";
    EXPECT_EQ(plan.value().agenda[10].activity, domain::ActivityKind::kPoll);
  }
  EXPECT_EQ(ParseTemplateJson(Read("demo.es.json")).value().language, "es");
  EXPECT_EQ(ParseTemplateJson(Read("demo.en.json")).value().language, "en");
  EXPECT_EQ(ParseTemplateJson(Read("demo.es.json"))
                .value()
                .agenda[3]
                .card_sort.cards[1]
                .title,
            "Falta de atención");
  EXPECT_EQ(ParseTemplateJson(Read("demo.en.json"))
                .value()
                .agenda[3]
                .card_sort.cards[8]
                .title,
            "Exploratory testing");
}

TEST(TemplateCodecTest, ABoardsNumbersAreKeptWithinItsLimits) {
  auto plan = ParseTemplateJson(R"({"title": "T", "items": [
      {"title": "Sin columnas", "board": {}},
      {"title": "Exceso", "board": {"dotBudget": 999, "dotCap": 900,
       "columns": [{}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}]}},
      {"title": "Tope", "board": {"dotBudget": 2, "dotCap": 7}}]})");
  ASSERT_TRUE(plan.ok()) << plan.rejection().message;
  const auto& items = plan.value().agenda;
  EXPECT_EQ(items[0].board.columns.size(), 1u) << "somewhere to write";
  EXPECT_EQ(items[0].board.dot_budget, 5u);
  EXPECT_EQ(items[0].board.dot_cap, 3u);
  EXPECT_EQ(items[1].board.columns.size(), 12u);
  EXPECT_EQ(items[1].board.dot_budget, 50u);
  EXPECT_EQ(items[1].board.dot_cap, 50u);
  EXPECT_EQ(items[2].board.dot_cap, 2u) << "the cap is at most the budget";
}

TEST(TemplateCodecTest, MistakesAreExplained) {
  auto typo = ParseTemplateJson(R"({"title": "T", "itemz": []})");
  ASSERT_FALSE(typo.ok());
  EXPECT_EQ(typo.rejection().code, domain::RejectionCode::kInvalidArgument);
  EXPECT_NE(typo.rejection().message.find("itemz"), std::string::npos)
      << typo.rejection().message;
  EXPECT_EQ(ParseTemplateJson(R"({"items": []})").rejection().message,
            "the template has a problem:\n  title: the title is empty");
  EXPECT_FALSE(ParseTemplateJson("not json").ok());
}

}  // namespace
}  // namespace campana::codec
