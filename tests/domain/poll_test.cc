// Polls, scales and the survey: what a question and an answer may be, changing
// and closing, live and self-paced polls, anonymity, moderation, the recommend
// score, and the tallies' coalesced publication.

#include "domain/activities/poll/poll.h"

#include "workshop_fixture.h"

namespace campana::domain {
namespace {

PollQuestionSpec Scale(int32_t min = 1, int32_t max = 5, uint32_t step = 1) {
  return {.type = PollQuestionType::kScale,
          .prompt = "¿Qué tan cómodos se sienten sus empleados con el fracaso?",
          .scale_min = min,
          .scale_max = max,
          .scale_step = step,
          .min_label = "Nada",
          .max_label = "Mucho"};
}

PollQuestionSpec Choice(PollQuestionType type = PollQuestionType::kSingle) {
  return {.type = type,
          .prompt = "¿Qué mentalidad debería fortalecer su institución?",
          .options = {"Experimental", "Colaborativa", "De aprendizaje"},
          .why_prompt = "¿Por qué?"};
}

PollAnswerValue Number(int32_t n) { return {.number = n}; }
PollAnswerValue Choices(std::vector<uint32_t> c) { return {.choices = c}; }

class PollTest : public WorkshopFixture {
 protected:
  // Item 0: a presentation. Item 1: the survey (self-paced, anonymous): a
  // scale, a Likert matrix, 0-10 with a why. Item 2: a named word cloud and an
  // open question, asked one at a time.
  std::vector<AgendaItem> Agenda() override {
    PollQuestionSpec likert{
        .type = PollQuestionType::kLikert,
        .prompt = "¿Qué tan de acuerdo está?",
        .options = {"En desacuerdo", "Neutral", "De acuerdo"},
        .statements = {"Aprendí", "Lo usaré"}};
    PollQuestionSpec recommend{.type = PollQuestionType::kRecommend,
                               .prompt = "¿Recomendaría el taller?",
                               .why_prompt = "¿Por qué?"};
    PollQuestionSpec words{.type = PollQuestionType::kWords,
                           .prompt = "Una palabra para el taller",
                           .max_words = 2};
    PollQuestionSpec open{.type = PollQuestionType::kOpen,
                          .prompt = "¿Qué haría distinto?"};
    return {
        AgendaItem{.title = "Bienvenida"},
        AgendaItem{.title = "Encuesta",
                   .activity = ActivityKind::kPoll,
                   .poll = {.questions = {Scale(), likert, recommend},
                            .self_paced = true,
                            .anonymous = true}},
        AgendaItem{.title = "Palabras",
                   .activity = ActivityKind::kPoll,
                   .poll = {.questions = {words, open}}},
    };
  }
  void SetUp() override {
    WorkshopFixture::SetUp();
    ana = Join("Ana");
    beto = Join("Beto");
  }
  // Asks a live question and returns its poll id.
  PollId Ask(const PollQuestionSpec& q, bool anonymous = false,
             bool live = false) {
    const PollId id = state().poll.next_poll_id;
    EXPECT_NE(Run(kFacilitator, cmd::AskPoll{q, anonymous, live})
                  .find("PollCreated(" + std::to_string(id)),
              std::string::npos);
    return id;
  }
  std::string Answer(ParticipantId p, PollId poll, uint32_t q,
                     PollAnswerValue v) {
    return Run(Actor::Participant(p), cmd::AnswerPoll{poll, q, std::move(v)});
  }
  PollId AgendaPoll(int index) {
    Run(kFacilitator, cmd::GotoAgendaItem{index});
    for (const auto& [id, p] : state().poll.polls)
      if (p.agenda_index == index) return id;
    ADD_FAILURE() << "no poll for item " << index;
    return 0;
  }
  const Poll& P(PollId id) const { return state().poll.polls.at(id); }
  Visibility Sees(DocKind kind, uint64_t id) {
    return VisibilityOf(state(), {kind, id});
  }
  bool Touched(DocKind kind, uint64_t id) const {
    return last_touched.keys().contains({kind, id});
  }
  std::string Rejected(const std::string& code, const std::string& message) {
    return "rejected " + code + ": " + message;
  }

  const Actor kFacilitator = Actor::Facilitator();
  ParticipantId ana = 0, beto = 0;
};

TEST_F(PollTest, AQuestionTheRoomCannotAnswerIsRefusedWithItsReason) {
  auto ask = [&](PollQuestionSpec q) {
    return Run(kFacilitator, cmd::AskPoll{std::move(q)});
  };
  const std::string bad = "rejected InvalidArgument: ";
  PollQuestionSpec q = Choice();
  q.options = {"Sola"};
  EXPECT_EQ(ask(q), bad + "option: 2 to 12 are needed, not 1");
  q.options = {"A", ""};
  EXPECT_EQ(ask(q).rfind(bad + "option 2", 0), 0u) << ask(q);
  q = Choice(PollQuestionType::kMultiple);
  q.max_choices = 4;
  EXPECT_EQ(ask(q), bad + "at most 3 choices can be allowed");
  EXPECT_EQ(ask(Scale(5, 1)),
            bad + "the scale's low end is not below its high end");
  EXPECT_EQ(ask(Scale(1, 6, 2)),
            bad + "the step does not lead from the low end to the high");
  EXPECT_EQ(ask(Scale(0, 30)), bad + "a scale has at most 21 points");
  EXPECT_EQ(ask(Scale(1, 5, 0)), bad + "the scale's step is 0");
  q = Scale();
  q.why_prompt = "¿Por qué?";
  EXPECT_EQ(ask(q).rfind("PollCreated", 0), 0u) << "a scale may ask why";
  q = {.type = PollQuestionType::kOpen, .prompt = "¿Qué?", .why_prompt = "x"};
  EXPECT_EQ(ask(q),
            bad + "a why prompt goes with a choice, a scale or 0 to 10");
  q = {.type = PollQuestionType::kLikert,
       .prompt = "¿Qué?",
       .options = {"Sí", "No"}};
  EXPECT_EQ(ask(q), bad + "statement: 1 to 12 are needed, not 0");
  q = {.type = PollQuestionType::kWords, .prompt = "¿Qué?", .max_words = 6};
  EXPECT_EQ(ask(q), bad + "a word cloud takes 1 to 5 words each");
  q = {.type = PollQuestionType::kOpen, .prompt = "  "};
  EXPECT_EQ(ask(q).rfind(bad, 0), 0u) << "an empty prompt";
  q = {.type = PollQuestionType::kRecommend, .prompt = std::string(301, 'a')};
  EXPECT_EQ(ask(q).rfind(bad, 0), 0u) << "an over-long prompt";
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::AskPoll{Scale()})
                .rfind("rejected PermissionDenied", 0),
            0u);
}

TEST_F(PollTest, EachTypeRefusesAnswersOutsideItsRange) {
  const PollId scale = Ask(Scale(0, 10, 2));
  const std::string bad = "rejected InvalidArgument: ";
  EXPECT_EQ(Answer(ana, scale, 0, Number(11)),
            bad + "11 is not on the scale 0 to 10 by 2");
  EXPECT_EQ(Answer(ana, scale, 0, Number(-2)),
            bad + "-2 is not on the scale 0 to 10 by 2");
  EXPECT_EQ(Answer(ana, scale, 0, Number(3)),
            bad + "3 is not on the scale 0 to 10 by 2");
  EXPECT_EQ(Answer(ana, scale, 0, Choices({1})),
            bad + "this question's answer is a number");
  EXPECT_EQ(Answer(ana, scale, 0, Number(4)), "PollAnswered(1/0 by 1)");
  EXPECT_EQ(P(scale).live[0].counts, (std::vector<uint32_t>{0, 0, 1, 0, 0, 0}));

  PollQuestionSpec multi = Choice(PollQuestionType::kMultiple);
  multi.max_choices = 2;
  multi.allow_other = true;
  const PollId choice = Ask(multi);
  EXPECT_EQ(Answer(ana, choice, 0, Choices({0, 1, 2})),
            bad + "at most 2 choices");
  EXPECT_EQ(Answer(ana, choice, 0, Choices({})), bad + "choose an option");
  EXPECT_EQ(Answer(ana, choice, 0, Choices({1, 1})),
            bad + "the same option twice");
  EXPECT_EQ(Answer(ana, choice, 0, Choices({5})), bad + "no option 5");
  EXPECT_EQ(Answer(ana, choice, 0, Choices({3})).rfind(bad + "your answer", 0),
            0u)
      << "\"other\" needs its text";
  EXPECT_EQ(Answer(ana, choice, 0, {.choices = {0}, .text = "x"}),
            bad + "a text goes with \"other\" only");
  EXPECT_EQ(
      Answer(ana, choice, 0, {.choices = {0}, .why = std::string(501, 'a')})
          .rfind(bad + "the why", 0),
      0u);
  EXPECT_EQ(Answer(ana, choice, 0, {.choices = {3, 0}, .text = " Ágil "}),
            "PollAnswered(2/0 by 1)");
  const PollAnswer& a =
      state().poll.responses.at(MineId(choice, ana)).answers.at(0);
  EXPECT_EQ(a.value.choices, (std::vector<uint32_t>{0, 3})) << "sorted";
  EXPECT_EQ(a.value.text, "Ágil") << "trimmed";

  const PollId single = Ask(Choice());
  EXPECT_EQ(Answer(ana, single, 0, Choices({0, 1})), bad + "at most 1 choice");
  EXPECT_EQ(Answer(ana, single, 0, {.choices = {0}, .words = {"a"}}),
            bad + "only a word cloud takes words");

  const PollId survey = AgendaPoll(1);
  EXPECT_EQ(Answer(ana, survey, 1, Choices({0})),
            bad + "one level for each of the 2 statements");
  EXPECT_EQ(Answer(ana, survey, 1, Choices({0, 3})), bad + "no level 3");
  EXPECT_EQ(Answer(ana, survey, 2, Number(11)), bad + "11 is not from 0 to 10");
  EXPECT_EQ(Answer(ana, survey, 0, {.number = 3, .why = "x"}),
            bad + "this question asks no why");
  EXPECT_EQ(Answer(ana, survey, 3, Number(1)),
            "rejected NotFound: poll 4 has no question 3");
  EXPECT_EQ(Answer(ana, 99, 0, Number(1)), "rejected NotFound: no poll 99");

  const PollId words = AgendaPoll(2);
  EXPECT_EQ(Answer(ana, words, 0, {.words = {"a", "b", "c"}}),
            bad + "1 to 2 words, not 3");
  EXPECT_EQ(Answer(ana, words, 0, {.words = {"Ágil", "ágil"}}),
            bad + "the word \"ágil\" twice");
  EXPECT_EQ(Answer(ana, words, 0, {.words = {std::string(31, 'a')}})
                .rfind(bad + "a word", 0),
            0u);
  Run(kFacilitator, cmd::ShowPollQuestion{words, 1});
  EXPECT_EQ(Answer(ana, words, 1, {.text = ""}).rfind(bad + "the answer", 0),
            0u);
  EXPECT_EQ(Answer(ana, words, 1, {.text = std::string(1001, 'a')})
                .rfind(bad + "the answer", 0),
            0u);
}

TEST_F(PollTest, AnAnswerCanChangeUntilThePollCloses) {
  const PollId id = Ask(Scale());
  EXPECT_EQ(Answer(ana, id, 0, Number(2)), "PollAnswered(1/0 by 1)");
  EXPECT_EQ(Answer(beto, id, 0, Number(2)), "PollAnswered(1/0 by 2)");
  EXPECT_EQ(Answer(ana, id, 0, Number(5)), "PollAnswered(1/0 by 1)");
  EXPECT_EQ(P(id).live[0].answered, 2u) << "a change is not a second answer";
  EXPECT_EQ(P(id).live[0].counts, (std::vector<uint32_t>{0, 1, 0, 0, 1}));
  EXPECT_EQ(P(id).respondents, 2u);
  EXPECT_EQ(Answer(ana, id, 0, Number(5)), "no change");
  EXPECT_EQ(Run(kFacilitator, cmd::SetPollOpen{id, false}),
            "PollOpenSet(1, closed)");
  EXPECT_EQ(P(id).published[0], P(id).live[0]) << "closing publishes at once";
  EXPECT_EQ(Answer(beto, id, 0, Number(1)),
            "rejected FailedPrecondition: this poll is closed");
  EXPECT_EQ(Run(kFacilitator, cmd::SetPollOpen{id, false}), "no change");
  Run(kFacilitator, cmd::SetPollOpen{id, true});
  EXPECT_EQ(Answer(beto, id, 0, Number(1)), "PollAnswered(1/0 by 2)");
}

TEST_F(PollTest, AskingAnotherLiveQuestionClosesTheLastOne) {
  const PollId first = Ask(Scale());
  EXPECT_EQ(Run(kFacilitator, cmd::AskPoll{Choice()}),
            "PollOpenSet(1, closed); PollCreated(2, item -1, 1 questions)");
  EXPECT_FALSE(P(first).open);
  const PollId survey = AgendaPoll(1);
  Ask(Scale());
  EXPECT_TRUE(P(survey).open) << "an agenda item's poll is not a live one";
}

TEST_F(PollTest, ALivePollTakesItsCurrentQuestionASurveyAny) {
  const PollId words = AgendaPoll(2);
  EXPECT_EQ(
      Answer(ana, words, 1, {.text = "Escuchar"}),
      "rejected FailedPrecondition: this question is not being asked now");
  Run(kFacilitator, cmd::ShowPollQuestion{words, 1});
  EXPECT_EQ(Answer(ana, words, 1, {.text = "Escuchar"}),
            "PollAnswered(1/1 by 1)");
  EXPECT_EQ(Run(kFacilitator, cmd::ShowPollQuestion{words, 2}),
            "rejected NotFound: poll 1 has no question 2");

  const PollId survey = AgendaPoll(1);
  EXPECT_EQ(Answer(ana, survey, 2, {.number = 9, .why = "Útil"}),
            "PollAnswered(2/2 by 1)");
  EXPECT_EQ(Answer(ana, survey, 0, Number(4)), "PollAnswered(2/0 by 1)");
  EXPECT_EQ(P(survey).completed, 0u);
  EXPECT_EQ(Answer(ana, survey, 1, Choices({2, 1})), "PollAnswered(2/1 by 1)");
  EXPECT_EQ(P(survey).respondents, 1u);
  EXPECT_EQ(P(survey).completed, 1u) << "every question answered";
  EXPECT_EQ(Answer(ana, survey, 1, Choices({0, 0})), "PollAnswered(2/1 by 1)");
  EXPECT_EQ(P(survey).completed, 1u) << "a change does not complete it twice";
  EXPECT_EQ(P(survey).live[1].counts, (std::vector<uint32_t>{1, 0, 0, 1, 0, 0}))
      << "statement by statement, level by level";
}

TEST_F(PollTest, TheAgendaSetsUpItsPollOnceAndKeepsTheAnswers) {
  const PollId survey = AgendaPoll(1);
  Answer(ana, survey, 0, Number(3));
  Run(kFacilitator, cmd::GotoAgendaItem{0});
  EXPECT_EQ(AgendaPoll(1), survey);
  EXPECT_EQ(state().poll.polls.size(), 1u);
  EXPECT_EQ(P(survey).live[0].answered, 1u);
}

TEST_F(PollTest, AnAnonymousPollsAnswersReachNoDeviceWithTheirAuthor) {
  const PollId survey = AgendaPoll(1);
  Answer(ana, survey, 2, {.number = 3, .why = "Muy largo"});
  const PollTextId text = 1;
  ASSERT_TRUE(state().poll.texts.contains(text));
  const PollResponse& r = state().poll.responses.at(MineId(survey, ana));
  EXPECT_EQ(PollAuthorName(state(), r), "") << "anonymous: no name, for anyone";
  EXPECT_EQ(Sees(DocKind::kPollMine, MineId(survey, ana)),
            (Visibility{Audience::Participant(ana)}));
  EXPECT_EQ(Sees(DocKind::kPollText, text),
            (Visibility{Audience::Facilitators()}));
  EXPECT_EQ(Sees(DocKind::kPollTally, TallyId(survey, 2)),
            (Visibility{Audience::Facilitators()}))
      << "results hidden until revealed";
  EXPECT_EQ(Run(kFacilitator, cmd::RevealPoll{survey, 2, true}),
            "PollRevealed(1/2)");
  EXPECT_EQ(Sees(DocKind::kPollTally, TallyId(survey, 2)),
            (Visibility{Audience::Everyone()}));
  EXPECT_EQ(Sees(DocKind::kPollText, text), (Visibility{Audience::Staff()}));
  EXPECT_TRUE(Touched(DocKind::kPollText, text));
  EXPECT_EQ(Sees(DocKind::kPollTally, TallyId(survey, 0)),
            (Visibility{Audience::Facilitators()}))
      << "revealed per question";

  const PollId named = AgendaPoll(2);
  Answer(beto, named, 0, {.words = {"Confianza"}});
  Run(kFacilitator, cmd::ShowPollQuestion{named, 1});
  Answer(beto, named, 1, {.text = "Escuchar más"});
  const PollResponse& b = state().poll.responses.at(MineId(named, beto));
  EXPECT_EQ(PollAuthorName(state(), b), "Beto");
}

TEST_F(PollTest, ModerationHidesATextFromTheProjectorAndAWordFromTheCloud) {
  const PollId id = AgendaPoll(2);
  Answer(ana, id, 0, {.words = {"Confianza", "Ágil"}});
  Answer(beto, id, 0, {.words = {"confianza", "tonto"}});
  EXPECT_EQ(P(id).live[0].words,
            (std::map<std::string, uint32_t>{
                {"confianza", 2}, {"tonto", 1}, {"ágil", 1}}))
      << "one spelling, accents kept";
  EXPECT_EQ(Run(kFacilitator, cmd::HidePollWord{id, 0, "Tonto", true}),
            "PollWordHidden(1/0 \"tonto\")");
  auto cloud = CloudWords(P(id), 0, P(id).live[0]);
  ASSERT_EQ(cloud.size(), 2u);
  EXPECT_EQ(cloud[0], (std::pair<std::string, uint32_t>{"confianza", 2}));
  EXPECT_EQ(cloud[1].first, "ágil");
  EXPECT_EQ(Sees(DocKind::kPollHidden, id),
            (Visibility{Audience::Facilitators()}));
  EXPECT_EQ(Run(kFacilitator, cmd::HidePollWord{id, 1, "x", true}),
            "rejected InvalidArgument: this question is not a word cloud");

  Run(kFacilitator, cmd::ShowPollQuestion{id, 1});
  Answer(ana, id, 1, {.text = "Algo ofensivo"});
  const PollTextId text = state().poll.next_text_id - 1;
  Run(kFacilitator, cmd::RevealPoll{id, 1, true});
  EXPECT_EQ(Sees(DocKind::kPollText, text), (Visibility{Audience::Staff()}));
  EXPECT_EQ(Run(kFacilitator, cmd::HidePollText{text, true}),
            "PollTextHidden(" + std::to_string(text) + ")");
  EXPECT_EQ(Sees(DocKind::kPollText, text),
            (Visibility{Audience::Facilitators()}));
  EXPECT_EQ(Run(kFacilitator, cmd::HidePollText{999, true}),
            "rejected NotFound: no text 999");
}

TEST_F(PollTest, TheRecommendScoreIsPromotersMinusDetractors) {
  // Ten answers: 0, 5, 6 are detractors (3), 7, 8 passives (2), 9, 9, 10, 10,
  // 10 promoters (5): 50% - 30% = 20.
  std::vector<uint32_t> counts(11, 0);
  for (int score : {0, 5, 6, 7, 8, 9, 9, 10, 10, 10}) ++counts[score];
  EXPECT_EQ(RecommendScore(counts), 20);
  // Three answers, two promoters and a passive: 66.7 rounds to 67.
  EXPECT_EQ(RecommendScore({0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1}), 67);
  // Two detractors and a passive: -66.7 rounds to -67.
  EXPECT_EQ(RecommendScore({1, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0}), -67);
  EXPECT_EQ(RecommendScore(std::vector<uint32_t>(11, 0)), 0) << "no answers";
  EXPECT_EQ(RecommendScore({0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1}), 0)
      << "one each: 50% - 50%";
}

TEST_F(PollTest, TalliesArePublishedAtMostFourTimesASecond) {
  const PollId id = Ask(Scale());
  ASSERT_FALSE(workshop.NextDeadline().has_value());
  now += std::chrono::seconds(1);
  Answer(ana, id, 0, Number(1));
  EXPECT_FALSE(Touched(DocKind::kPollTally, TallyId(id, 0)))
      << "an answer does not send the tally";
  EXPECT_TRUE(Touched(DocKind::kPollMine, MineId(id, ana)));
  ASSERT_TRUE(workshop.NextDeadline().has_value());
  EXPECT_LE(*workshop.NextDeadline(), now)
      << "the first answer goes out at once";
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "PollTalliesPublished(1)");
  EXPECT_TRUE(Touched(DocKind::kPollTally, TallyId(id, 0)));
  EXPECT_TRUE(Touched(DocKind::kPollProgress, id));
  EXPECT_EQ(P(id).published[0].answered, 1u);

  now += std::chrono::milliseconds(100);
  Answer(beto, id, 0, Number(2));
  EXPECT_EQ(*workshop.NextDeadline(), now + std::chrono::milliseconds(150));
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "no change") << "too soon";
  EXPECT_EQ(P(id).published[0].answered, 1u);
  now += std::chrono::milliseconds(150);
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}), "PollTalliesPublished(1)");
  EXPECT_EQ(P(id).published[0].answered, 2u);
  EXPECT_FALSE(workshop.NextDeadline().has_value()) << "nothing left to send";
}

TEST_F(PollTest, AQuestionIsLockedOnceSomeoneAnswered) {
  const PollId id = Ask(Scale());
  EXPECT_EQ(Run(kFacilitator, cmd::EditPollQuestion{id, 0, Scale(1, 7)}),
            "PollQuestionEdited(1/0)");
  EXPECT_EQ(P(id).live[0].counts.size(), 7u);
  Answer(ana, id, 0, Number(7));
  EXPECT_EQ(Run(kFacilitator, cmd::EditPollQuestion{id, 0, Scale(1, 5)}),
            "rejected FailedPrecondition: 1 person has answered this "
            "question: it can no longer change");
}

TEST_F(PollTest, ALeavingParticipantsAnswersStayCounted) {
  const PollId id = Ask(Scale());
  Answer(ana, id, 0, Number(4));
  Run(kFacilitator, cmd::RemoveParticipant{ana, false});
  EXPECT_TRUE(Touched(DocKind::kPollMine, MineId(id, ana)));
  EXPECT_EQ(Sees(DocKind::kPollMine, MineId(id, ana)), Visibility{});
  EXPECT_EQ(P(id).live[0].answered, 1u) << "nothing submitted is lost";
}

}  // namespace
}  // namespace campana::domain
