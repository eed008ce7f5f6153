#ifndef CAMPANA_DOMAIN_AGENDA_ITEM_H_
#define CAMPANA_DOMAIN_AGENDA_ITEM_H_

#include <string>
#include <vector>

#include "domain/time.h"
#include "domain/types.h"

namespace campana::domain {

struct TeamSpec {
  std::string name;
  std::vector<GroupNumber> groups;
  bool operator==(const TeamSpec&) const = default;
};

struct TimerTemplate {
  std::string name;
  Millis duration{0};
  Scope scope;
  bool operator==(const TimerTemplate&) const = default;
};

enum class ActivityKind : uint8_t {
  kPresentation = 1,
  kGroups = 2,
  kQuestion = 3,
  kRace = 4,
  kCardSort = 5,
  kSpeedDating = 6,
  kBoard = 7,
  kPoll = 8,
  kActionPlan = 9,
};

struct DatingConfig {
  Millis share{0};  // each speaker's time
  std::string speaker_prompt;
  std::vector<std::string> listener_stems;
  std::string call_url_template;           // {workshop}, {round}, {pair}
  std::vector<std::string> meeting_spots;  // the room's tables, by name
  bool avoid_same_group = false;
  uint32_t table_count = 0;  // without names: numbered tables; 0: one per unit
  bool operator==(const DatingConfig&) const = default;
};

struct RaceConfig {
  Millis strategy{0};
  Millis execution{0};
  Millis penalty{0};
  std::string rules;
  bool operator==(const RaceConfig&) const = default;
};

using CardId = uint32_t;

struct Card {
  CardId id = 0;  // 0 in a template; drawn at random when the sort is set up
  std::string title;
  std::string description;
  bool operator==(const Card&) const = default;
};

struct CardSortConfig {
  std::string instructions;
  Millis round{0};
  std::vector<Card> cards;  // in the reference order
  std::string first_label;
  std::string last_label;
  bool operator==(const CardSortConfig&) const = default;
};

struct BoardLane {
  std::string title;
  std::string hint;          // shown while writing
  std::string later_prompt;  // shown over the lane from the reveal on
  bool operator==(const BoardLane&) const = default;
};

// A board item (domain/activities/board/). The defaults suit a room: one board
// per group, notes hidden until revealed, anonymous, grouping by anyone, 5
// dots each and at most 3 on one note or cluster, tallies hidden until the
// results.
struct BoardConfig {
  std::string prompt;
  std::vector<BoardLane> columns;  // at least one
  std::vector<BoardLane> rows;     // none: one row
  bool one_board_for_room = false;
  bool notes_live = false;
  bool named = false;
  bool grouping_by_facilitators_only = false;
  uint32_t dot_budget = 5;
  uint32_t dot_cap = 3;  // per person on one note or cluster
  bool tallies_live = false;
  bool links = false;
  bool operator==(const BoardConfig&) const = default;

  uint32_t row_count() const {
    return rows.empty() ? 1 : static_cast<uint32_t>(rows.size());
  }
};

enum class PollQuestionType : uint8_t {
  kSingle = 1,
  kMultiple = 2,
  kScale = 3,
  kLikert = 4,
  kRecommend = 5,  // 0-10, with the recommend score
  kOpen = 6,
  kWords = 7,  // a few words each, for a word cloud
};

// One question of a poll (domain/activities/poll/): see
// campana.v1.PollQuestionSpec for what each field means to each type; poll.h's
// CheckQuestion states the limits.
struct PollQuestionSpec {
  PollQuestionType type = PollQuestionType::kSingle;
  std::string prompt;
  std::vector<std::string> options;  // choices; a Likert matrix's levels
  uint32_t max_choices = 0;          // kMultiple: 0 means every option
  bool allow_other = false;
  std::string why_prompt;
  int32_t scale_min = 1;
  int32_t scale_max = 5;
  uint32_t scale_step = 1;
  std::string min_label;
  std::string max_label;
  std::vector<std::string> statements;  // kLikert
  uint32_t max_words = 3;               // kWords
  bool operator==(const PollQuestionSpec&) const = default;
};

// A poll item: a live poll (one question at a time, moved by the facilitator)
// or a survey (self-paced).
struct PollSpec {
  std::vector<PollQuestionSpec> questions;
  bool self_paced = false;
  bool anonymous = false;
  bool results_live = false;
  bool operator==(const PollSpec&) const = default;
};

// An action plan item (domain/activities/action_plan/): one plan per group,
// headed by the objective the group writes in answer to `prompt`, with rows of
// six fixed columns (steps to take, people responsible, resources needed,
// progress indicators, completion date, evidence of success: PlanField).
// CheckActionPlanSpec (action_plan.h) states the limits.
struct ActionPlanSpec {
  std::string prompt;  // the objective's question; empty: the pages' own
  bool operator==(const ActionPlanSpec&) const = default;
};

// One step of the run of show, as the template describes it.
struct AgendaItem {
  std::string title;
  Millis duration{0};
  std::string notes;
  ActivityKind activity = ActivityKind::kPresentation;
  uint32_t group_count = 0;     // kGroups: suggested number of groups
  std::vector<TeamSpec> teams;  // kGroups: suggested teams
  std::string prompt;           // kQuestion
  RaceConfig race;              // kRace
  CardSortConfig card_sort;     // kCardSort
  DatingConfig dating;          // kSpeedDating
  BoardConfig board;            // kBoard
  PollSpec poll;                // kPoll
  ActionPlanSpec action_plan;   // kActionPlan
  std::vector<TimerTemplate>
      timers;  // created when the agenda reaches the item
  // The day it is on, from 1 (0 in a template: the previous item's; see
  // WithDays).
  uint32_t day = 0;
  bool operator==(const AgendaItem&) const = default;
};

// A workshop's agenda has days: at most two weeks of them (a longer programme
// is a series of workshops).
inline constexpr uint32_t kMaxDays = 14;
// The day of an item written with `day` (0: the previous item's) that follows
// an item on day `previous` (0 for the first item): from 1, or 0 if it cannot
// be (a day before `previous`, or past kMaxDays).
uint32_t ResolveDay(uint32_t day, uint32_t previous);

// How an agenda item ran (WorkshopState::agenda_runs).
struct AgendaRun {
  Time first_started;
  Millis spent{0};  // before the current visit, if it is the current item
  bool operator==(const AgendaRun&) const = default;
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_AGENDA_ITEM_H_
