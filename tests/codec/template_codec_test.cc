#include "codec/template_codec.h"

#include <fstream>
#include <set>
#include <sstream>

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <campana/v1/export.pb.h>

#include "codec/export_codec.h"
#include "domain/random.h"
#include "domain/workshop.h"

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

// The Guatemala workshop (ACTIVITIES.md, from the seed report): both days in
// the order they ran. The template has no days: day 2 starts at the race.
TEST(TemplateCodecTest, TheGuatemalaWorkshopParsesInBothLanguages) {
  constexpr size_t kDay2 = 9;
  for (const char* name : {"guatemala.es.json", "guatemala.en.json"}) {
    auto plan = ParseTemplateJson(Read(name));
    ASSERT_TRUE(plan.ok()) << name << ": " << plan.rejection().message;
    const std::vector<domain::AgendaItem>& agenda = plan.value().agenda;
    ASSERT_EQ(agenda.size(), 32u) << name;
    EXPECT_LE(plan.value().title.size(), 80u)
        << name << ": a longer title is refused when the workshop is made";
    // At least one item of every activity.
    std::set<domain::ActivityKind> kinds;
    for (const domain::AgendaItem& item : agenda) kinds.insert(item.activity);
    for (int k = static_cast<int>(domain::ActivityKind::kPresentation);
         k <= static_cast<int>(domain::ActivityKind::kActionPlan); ++k) {
      EXPECT_TRUE(kinds.contains(static_cast<domain::ActivityKind>(k)))
          << name << ": no item of activity " << k;
    }
    // Four groups; teams of groups 1+3 and 2+4, before the first group work.
    const domain::AgendaItem& groups = agenda[4];
    EXPECT_EQ(groups.activity, domain::ActivityKind::kGroups);
    EXPECT_EQ(groups.group_count, 4u);
    ASSERT_EQ(groups.teams.size(), 2u);
    EXPECT_EQ(groups.teams[0].groups, (std::vector<domain::GroupNumber>{1, 3}));
    EXPECT_EQ(groups.teams[1].groups, (std::vector<domain::GroupNumber>{2, 4}));
    // Day 1: the SDG map, 4 goals by enablers and challenges, with links.
    const domain::AgendaItem& map = agenda[6];
    EXPECT_EQ(map.activity, domain::ActivityKind::kBoard);
    EXPECT_EQ(map.board.columns.size(), 4u);
    EXPECT_EQ(map.board.row_count(), 2u);
    EXPECT_TRUE(map.board.links);
    // Day 2 opens with the race: 2 minutes, 3 minutes, 30 seconds.
    for (size_t i = 0; i < agenda.size(); ++i)
      EXPECT_EQ(agenda[i].day, i < kDay2 ? 1u : 2u) << name << " item " << i;
    const domain::AgendaItem& race = agenda[kDay2];
    EXPECT_EQ(race.activity, domain::ActivityKind::kRace);
    EXPECT_EQ(race.race.strategy, std::chrono::minutes(2));
    EXPECT_EQ(race.race.execution, std::chrono::minutes(3));
    EXPECT_EQ(race.race.penalty, std::chrono::seconds(30));
    EXPECT_NE(race.race.rules.find("30"), std::string::npos);
    EXPECT_EQ(agenda[kDay2 + 1].activity, domain::ActivityKind::kQuestion)
        << name << ": a reflection after the race";
    // The dream / nightmare grid: six columns with hints, two rows, and the
    // prompt over the nightmare row after the reveal.
    const domain::BoardConfig& grid = agenda[11].board;
    EXPECT_EQ(agenda[11].activity, domain::ActivityKind::kBoard);
    ASSERT_EQ(grid.columns.size(), 6u);
    for (const domain::BoardLane& column : grid.columns)
      EXPECT_FALSE(column.hint.empty()) << name << ": " << column.title;
    ASSERT_EQ(grid.rows.size(), 2u);
    EXPECT_TRUE(grid.rows[0].later_prompt.empty());
    EXPECT_FALSE(grid.rows[1].later_prompt.empty());
    // Edmondson's nine reasons for failure, then the scale question.
    const domain::AgendaItem& sort = agenda[20];
    EXPECT_EQ(sort.activity, domain::ActivityKind::kCardSort);
    ASSERT_EQ(sort.card_sort.cards.size(), 9u);
    EXPECT_EQ(sort.card_sort.round, std::chrono::minutes(10));
    const domain::AgendaItem& comfort = agenda[21];
    EXPECT_EQ(comfort.activity, domain::ActivityKind::kPoll);
    ASSERT_EQ(comfort.poll.questions.size(), 1u);
    EXPECT_EQ(comfort.poll.questions[0].type, domain::PollQuestionType::kScale);
    // Do less / do more for the whole room, then the mindset to strengthen
    // (a choice with an open "why").
    const domain::AgendaItem& less_more = agenda[25];
    EXPECT_EQ(less_more.activity, domain::ActivityKind::kBoard);
    EXPECT_TRUE(less_more.board.one_board_for_room);
    EXPECT_EQ(less_more.board.columns.size(), 2u);
    const domain::AgendaItem& mindset = agenda[27];
    ASSERT_EQ(mindset.activity, domain::ActivityKind::kPoll);
    ASSERT_EQ(mindset.poll.questions.size(), 1u);
    EXPECT_EQ(mindset.poll.questions[0].type,
              domain::PollQuestionType::kSingle);
    EXPECT_FALSE(mindset.poll.questions[0].why_prompt.empty());
    const domain::AgendaItem& dating = agenda[28];
    EXPECT_EQ(dating.activity, domain::ActivityKind::kSpeedDating);
    EXPECT_EQ(dating.dating.share, std::chrono::minutes(5));
    EXPECT_EQ(dating.dating.listener_stems.size(), 5u);
    // Each group's action plan, 20 minutes on the room's timer.
    const domain::AgendaItem& action_plan = agenda[29];
    EXPECT_EQ(action_plan.activity, domain::ActivityKind::kActionPlan);
    EXPECT_NE(action_plan.action_plan.prompt.find("8, 9, 10"),
              std::string::npos);
    ASSERT_EQ(action_plan.timers.size(), 1u);
    EXPECT_EQ(action_plan.timers[0].duration, std::chrono::minutes(20));
    // The report's annex: seven questions, at each person's pace, anonymous.
    const domain::AgendaItem& survey = agenda[30];
    ASSERT_EQ(survey.activity, domain::ActivityKind::kPoll);
    EXPECT_TRUE(survey.poll.self_paced);
    EXPECT_TRUE(survey.poll.anonymous);
    ASSERT_EQ(survey.poll.questions.size(), 7u);
    EXPECT_EQ(survey.poll.questions[1].type, domain::PollQuestionType::kLikert);
    EXPECT_EQ(survey.poll.questions[5].type,
              domain::PollQuestionType::kRecommend);
    EXPECT_EQ(agenda.back().activity, domain::ActivityKind::kPresentation);
  }
  const auto es = ParseTemplateJson(Read("guatemala.es.json")).value().agenda;
  const auto en = ParseTemplateJson(Read("guatemala.en.json")).value().agenda;
  EXPECT_EQ(es.front().title,
            "Desafíos y oportunidades para la implementación de los ODS en "
            "Guatemala");
  EXPECT_EQ(es.back().title, "Clausura y próximos pasos");
  EXPECT_EQ(en.front().title,
            "Challenges and opportunities for SDG implementation in Guatemala");
  EXPECT_EQ(en.back().title, "Closing and next steps");
  // The four cards the report shows in Spanish, in its words.
  const std::vector<domain::Card>& cards = es[20].card_sort.cards;
  EXPECT_EQ(cards[0].title, "Desviación");
  EXPECT_EQ(cards[1].title, "Falta de atención");
  EXPECT_EQ(cards[1].description, "Desviación descuidada del proceso.");
  EXPECT_EQ(cards[4].title, "Desafío de tarea");
  EXPECT_EQ(cards[5].title, "Complejidad del proceso");
  EXPECT_EQ(cards[7].title, "Evaluación de la hipótesis");
  EXPECT_EQ(es[20].card_sort.first_label, "Censurable");
  EXPECT_EQ(es[20].card_sort.last_label, "Digno de elogio");
  EXPECT_EQ(en[20].card_sort.cards[8].title, "Exploratory testing");
  EXPECT_EQ(es[28].dating.listener_stems[0], "Estoy impresionado por tu...");
  // Both languages run the same agenda, item by item.
  for (size_t i = 0; i < es.size(); ++i) {
    EXPECT_EQ(es[i].activity, en[i].activity) << "item " << i;
    EXPECT_EQ(es[i].duration, en[i].duration) << "item " << i;
  }
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

// A workshop's export carries its plan as a template: saved as a file and read
// back, it is the same agenda (every activity's settings, timers and days).
TEST(TemplateCodecTest, AWorkshopsExportHoldsItsAgendaAsATemplate) {
  auto plan = ParseTemplateJson(Read("guatemala.en.json"));
  ASSERT_TRUE(plan.ok());
  domain::Workshop workshop;
  domain::SplitMix64 rng(3);
  const domain::Time now = domain::FromUnixMillis(1'700'000'000'000);
  auto created = workshop.Decide(
      domain::Actor::System(),
      domain::cmd::CreateWorkshop{"ABC234", plan.value().title,
                                  plan.value().language, plan.value().agenda},
      now, rng);
  ASSERT_TRUE(created.ok());
  domain::Touched touched;
  workshop.Apply({1, now, domain::Actor::System(), 0, created.value().events},
                 touched);

  campana::v1::WorkshopExport exported;
  google::protobuf::util::JsonParseOptions options;
  ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(
                  ExportJson(workshop.state(), now), &exported, options)
                  .ok());
  std::string saved;
  ASSERT_TRUE(google::protobuf::util::MessageToJsonString(
                  exported.as_template(), &saved)
                  .ok());
  auto again = ParseTemplateJson(saved);
  ASSERT_TRUE(again.ok()) << again.rejection().message;
  EXPECT_EQ(again.value().title, plan.value().title);
  EXPECT_EQ(again.value().language, "en");
  EXPECT_EQ(again.value().agenda, workshop.state().agenda);
  EXPECT_EQ(again.value().agenda, plan.value().agenda);
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
  EXPECT_EQ(ParseTemplateJson(
                R"({"title": "T", "items": [{"title": "a", "day": 2},)"
                R"( {"title": "b", "day": 1}, {"title": "c", "day": 15}]})")
                .rejection()
                .message,
            "the template has 2 problems:\n"
            "  items[1].day: day 1 comes after day 2: days only go forward\n"
            "  items[2].day: should be a day from 1 to 14");
}

}  // namespace
}  // namespace campana::codec
