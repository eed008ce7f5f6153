// Card sort: shared orders per group, locking, reveal, and the scores, worked
// out by hand.

#include "domain/activities/cards/card_score.h"
#include "workshop_fixture.h"

namespace campana::domain {
namespace {

TEST(CardScoreTest, HandWorkedExamples) {
  const std::vector<CardId> reference = {1, 2, 3, 4};  // 4 cards: 6 pairs
  EXPECT_EQ(ScoreOrder({1, 2, 3, 4}, reference), (CardScore{4, 0, 100}));
  // Reversed: every pair is the wrong way round.
  EXPECT_EQ(ScoreOrder({4, 3, 2, 1}, reference), (CardScore{0, 6, 0}));
  // One neighbour swap: 2 cards misplaced, 1 pair discordant: 100 * 5/6 = 83.3.
  EXPECT_EQ(ScoreOrder({2, 1, 3, 4}, reference), (CardScore{2, 1, 83}));
  // The first card moved last: nobody is in place, yet only its 3 pairs are
  // wrong: rank correlation sees the order mostly right where exact matches see
  // nothing.
  EXPECT_EQ(ScoreOrder({2, 3, 4, 1}, reference), (CardScore{0, 3, 50}));
  // Edmondson's nine, with the two ends swapped: 8 + 7 = 15 of 36 pairs wrong.
  const std::vector<CardId> nine = {1, 2, 3, 4, 5, 6, 7, 8, 9};
  EXPECT_EQ(ScoreOrder({9, 2, 3, 4, 5, 6, 7, 8, 1}, nine),
            (CardScore{7, 15, 58}));
}

TEST(CardScoreTest, RanksShareTiesAndSkip) {
  auto ranked = RankScores({{1, {2, 1, 83}, 0},
                            {2, {4, 0, 100}, 0},
                            {3, {2, 1, 83}, 0},
                            {4, {0, 6, 0}, 0}});
  ASSERT_EQ(ranked.size(), 4u);
  EXPECT_EQ(ranked[0], (RankedScore{2, {4, 0, 100}, 1}));
  EXPECT_EQ(ranked[1], (RankedScore{1, {2, 1, 83}, 2}));
  EXPECT_EQ(ranked[2], (RankedScore{3, {2, 1, 83}, 2}));
  EXPECT_EQ(ranked[3], (RankedScore{4, {0, 6, 0}, 4}));
}

class CardSortTest : public WorkshopFixture {
 protected:
  std::vector<AgendaItem> Agenda() override {
    return {AgendaItem{.title = "Tarjetas",
                       .activity = ActivityKind::kCardSort,
                       .card_sort = {"Ordenen",
                                     std::chrono::minutes(10),
                                     {{0, "Desviación", ""},
                                      {0, "Falta de atención", ""},
                                      {0, "Falta de habilidad", ""},
                                      {0, "Prueba exploratoria", ""}},
                                     "Censurable",
                                     "Digno de elogio"}}};
  }
  void SetUp() override {
    WorkshopFixture::SetUp();
    ana = Join("Ana");
    beto = Join("Beto");
    Run(Actor::Facilitator(),
        cmd::SetupGroups{cmd::GroupMode::kManual, 2, 0, false});
    Run(Actor::Facilitator(), cmd::MoveParticipant{ana, 1});
    Run(Actor::Facilitator(), cmd::MoveParticipant{beto, 2});
    Run(Actor::Facilitator(), cmd::GotoAgendaItem{0});
  }
  const std::vector<CardId>& order(GroupNumber g) {
    return cache_ = state().card_sort.CardsOf(g).order;
  }

  ParticipantId ana = 0;
  ParticipantId beto = 0;
  std::vector<CardId> cache_;
};

TEST_F(CardSortTest, CardsGetRandomIdsAndTheAnswerStaysHidden) {
  const CardSortState& sort = state().card_sort;
  ASSERT_EQ(sort.reference.size(), 4u);
  for (size_t i = 0; i < 4; ++i)
    EXPECT_EQ(sort.config.cards[i].id, sort.reference[i]);
  EXPECT_NE(sort.reference, (std::vector<CardId>{1, 2, 3, 4}));
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kCardDeck, 0}),
            (Visibility{Audience::Everyone()}));
  EXPECT_TRUE(VisibilityOf(state(), {DocKind::kCardResults, 0}).empty())
      << "nothing to score before the start";
  Run(Actor::Facilitator(), cmd::StartCardSort{});
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kCardResults, 0}),
            (Visibility{Audience::Facilitators()}));
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kCardGroup, 1}),
            (Visibility{Audience::Staff(), Audience::Group(1)}));
  EXPECT_NE(order(1), sort.reference) << "never dealt already solved";
  EXPECT_EQ(order(1), order(2)) << "every group starts from the same deal";
}

TEST_F(CardSortTest, MovesAreAppliedInServerOrderSoPhonesConverge) {
  Run(Actor::Facilitator(), cmd::StartCardSort{});
  const std::vector<CardId> dealt = order(1);
  // Two members of group 1 move at once; whatever arrives second applies to the
  // result of the first, and every phone is sent that one order.
  const ParticipantId carla = Join("Carla");
  Run(Actor::Facilitator(), cmd::MoveParticipant{carla, 1});
  Run(Actor::Participant(ana), cmd::MoveCard{dealt[3], 0});
  Run(Actor::Participant(carla), cmd::MoveCard{dealt[0], 3});
  EXPECT_EQ(order(1),
            (std::vector<CardId>{dealt[3], dealt[1], dealt[2], dealt[0]}));
  EXPECT_EQ(order(2), dealt) << "other groups are untouched";
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::MoveCard{dealt[1], 4}),
            "rejected InvalidArgument: a position from 0 to 3");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::MoveCard{12345678, 0}),
            "rejected NotFound: no card 12345678");
}

TEST_F(CardSortTest, LockingStopsMovesAndTimeLocksTheRest) {
  Run(Actor::Facilitator(), cmd::StartCardSort{});
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::LockCards{}),
            "CardsLocked(group 1, at 1000000)");
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::MoveCard{order(1)[0], 1}),
            "rejected FailedPrecondition: your group has locked its order");
  EXPECT_EQ(workshop.NextDeadline(), FromUnixMillis(1'600'000))
      << "group 2 is still sorting";
  now = FromUnixMillis(1'600'000);
  EXPECT_EQ(Run(Actor::System(), cmd::Tick{}),
            "CardsLocked(group 2, at 1600000)");
  EXPECT_FALSE(workshop.NextDeadline().has_value());
}

TEST_F(CardSortTest, RevealLocksEveryoneAndShowsTheAnswerToAll) {
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RevealCards{}),
            "rejected FailedPrecondition: the card sort has not started");
  Run(Actor::Facilitator(), cmd::StartCardSort{});
  Run(Actor::Participant(beto), cmd::LockCards{});
  EXPECT_EQ(Run(Actor::Facilitator(), cmd::RevealCards{}),
            "CardsLocked(group 1, at 1000000); CardsRevealed");
  EXPECT_EQ(VisibilityOf(state(), {DocKind::kCardResults, 0}),
            (Visibility{Audience::Everyone()}));
  EXPECT_EQ(Run(Actor::Participant(ana), cmd::MoveCard{order(1)[0], 1}),
            "rejected FailedPrecondition: the answer has been revealed");
}

}  // namespace
}  // namespace campana::domain
