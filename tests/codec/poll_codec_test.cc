// Polls through the codec: an anonymous poll's answers reach no device and no
// export with their author, the survey in the templates is whole, and a
// template's poll that the room could not answer is refused with its place.

#include <fstream>
#include <sstream>

#include <google/protobuf/util/json_util.h>
#include <gtest/gtest.h>

#include <campana/v1/docs.pb.h>
#include <campana/v1/export.pb.h>

#include "codec/export_codec.h"
#include "codec/template_codec.h"
#include "codec/view_codec.h"
#include "domain/docs.h"
#include "domain/workshop.h"
#include "support/random_commands.h"

namespace campana::codec {
namespace {

using namespace domain;  // NOLINT

class PollCodecTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", testing::SampleAgenda()});
    int n = 0;
    for (const char* name : {"Anacleta Zúñiga", "Beto"}) {
      Run(Actor::Participant(0), cmd::Join{name, Presence::kInRoom,
                                           "join-key-" + std::to_string(++n)});
    }
  }
  void Run(const Actor& actor, const Command& command) {
    auto decision = workshop.Decide(actor, command, now, rng);
    ASSERT_TRUE(decision.ok()) << decision.rejection().Describe();
    Touched touched;
    workshop.Apply(
        {workshop.offset() + 1, now, actor, 0, decision.value().events},
        touched);
  }
  int Item(const std::string& title) {
    const auto& agenda = workshop.state().agenda;
    for (size_t i = 0; i < agenda.size(); ++i)
      if (agenda[i].title == title) return static_cast<int>(i);
    ADD_FAILURE() << "no item " << title;
    return -1;
  }
  v1::WorkshopExport Export() {
    v1::WorkshopExport out;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(
                    ExportJson(workshop.state(), now), &out)
                    .ok());
    return out;
  }

  Workshop workshop;
  SplitMix64 rng{1};
  Time now = FromUnixMillis(1'700'000'000'000);
};

TEST_F(PollCodecTest,
       AnAnonymousAnswerReachesNoDeviceAndNoExportWithItsAuthor) {
  Run(Actor::Facilitator(), cmd::GotoAgendaItem{Item("Encuesta")});
  const PollId survey = 1;
  Run(Actor::Participant(1),
      cmd::AnswerPoll{
          survey, 0, {.choices = {2}, .text = "Ágil", .why = "Por \"eso\""}});
  Run(Actor::Participant(1), cmd::AnswerPoll{survey, 4, {.text = "Más datos"}});
  Run(Actor::Participant(2), cmd::AnswerPoll{survey, 2, {.number = 9}});
  Run(Actor::Facilitator(), cmd::RevealPoll{survey, 0, true});
  const WorkshopState& s = workshop.state();
  int texts = 0;
  ForEachDoc(s, [&](const DocKey& key) {
    if (key.kind < DocKind::kPoll) return;
    const std::string bytes = EncodeDoc(s, key);
    if (key == DocKey{DocKind::kPollMine, MineId(survey, 1)}) {
      EXPECT_EQ(VisibilityOf(s, key), (Visibility{Audience::Participant(1)}));
      return;
    }
    EXPECT_EQ(bytes.find("Anacleta"), std::string::npos) << key.Describe();
    v1::Doc doc;
    ASSERT_TRUE(doc.ParseFromString(bytes));
    if (doc.has_poll_text()) {
      ++texts;
      EXPECT_TRUE(doc.poll_text().author_name().empty());
    }
  });
  EXPECT_EQ(texts, 2);
  const v1::WorkshopExport exported = Export();
  ASSERT_EQ(exported.poll_answers_size(), 3);
  for (const auto& row : exported.poll_answers()) {
    EXPECT_EQ(row.participant_id(), 0u);
    EXPECT_TRUE(row.participant_name().empty());
    EXPECT_EQ(row.at_ms(), 0);
  }
  EXPECT_EQ(exported.poll_answers(0).value().text(), "Ágil");
  EXPECT_EQ(exported.poll_answers(0).value().why(), "Por \"eso\"");
  ASSERT_EQ(exported.polls_size(), 1);
  EXPECT_EQ(exported.poll_tallies_size(), 5);
  EXPECT_EQ(exported.poll_tallies(2).counts(9), 1u)
      << "the export's tallies are current, not as last published";
  EXPECT_EQ(exported.poll_tallies(2).recommend_score(), 100);
}

TEST_F(PollCodecTest, ANamedAnswerCarriesItsAuthor) {
  Run(Actor::Facilitator(),
      cmd::AskPoll{{.type = PollQuestionType::kOpen, .prompt = "¿Qué?"}});
  Run(Actor::Participant(2), cmd::AnswerPoll{1, 0, {.text = "Escuchar"}});
  v1::Doc doc;
  ASSERT_TRUE(doc.ParseFromString(
      EncodeDoc(workshop.state(), {DocKind::kPollText, 1})));
  EXPECT_EQ(doc.poll_text().author_name(), "Beto");
  const v1::WorkshopExport exported = Export();
  ASSERT_EQ(exported.poll_answers_size(), 1);
  EXPECT_EQ(exported.poll_answers(0).participant_name(), "Beto");
  EXPECT_EQ(exported.poll_answers(0).at_ms(), ToUnixMillis(now));
}

TEST_F(PollCodecTest, TheDemoSurveyIsTheAnnexInBothLanguages) {
  for (const char* language : {"es", "en"}) {
    std::ifstream in(std::string(CAMPANA_TEMPLATES_DIR) + "/demo." + language +
                     ".json");
    std::stringstream json;
    json << in.rdbuf();
    auto plan = ParseTemplateJson(json.str());
    ASSERT_TRUE(plan.ok()) << plan.rejection().message;
    const AgendaItem& survey = plan.value().agenda[10];
    ASSERT_EQ(survey.activity, ActivityKind::kPoll) << language;
    EXPECT_TRUE(survey.poll.self_paced);
    EXPECT_TRUE(survey.poll.anonymous);
    ASSERT_EQ(survey.poll.questions.size(), 4u);
    EXPECT_EQ(survey.poll.questions[0].type, PollQuestionType::kScale);
    EXPECT_EQ(survey.poll.questions[0].scale_step, 1u) << "the default";
    EXPECT_EQ(survey.poll.questions[1].statements.size(), 4u);
    EXPECT_EQ(survey.poll.questions[3].type, PollQuestionType::kRecommend);
  }
}

TEST_F(PollCodecTest, ATemplatesUnanswerablePollIsRefusedWithItsPlace) {
  auto plan = ParseTemplateJson(R"({"title": "T", "items": [
      {"title": "Bienvenida"},
      {"title": "Escala", "poll": {"questions": [
        {"type": "POLL_QUESTION_TYPE_OPEN", "prompt": "¿Qué?"},
        {"type": "POLL_QUESTION_TYPE_SCALE", "prompt": "¿Cuánto?",
         "scaleMin": 5, "scaleMax": 1}]}}]})");
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.rejection().message,
            "the template has a problem:\n  items[1].poll: question 2: the "
            "scale's low end is not below its high end");
  plan = ParseTemplateJson(R"({"title": "T", "items": [
      {"title": "Sin tipo", "poll": {"questions": [{"prompt": "¿Qué?"}]}}]})");
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.rejection().message,
            "the template has a problem:\n  items[0].poll: question 1: no such "
            "question type");
  plan = ParseTemplateJson(R"({"title": "T", "items": [
      {"title": "Vacía", "poll": {}}]})");
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.rejection().message,
            "the template has a problem:\n  items[0].poll: a poll has 1 to 40 "
            "questions");
}

}  // namespace
}  // namespace campana::codec
