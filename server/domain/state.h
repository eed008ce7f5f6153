#ifndef CAMPANA_DOMAIN_STATE_H_
#define CAMPANA_DOMAIN_STATE_H_

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "domain/agenda_item.h"
#include "domain/events.h"
#include "domain/time.h"
#include "domain/types.h"

namespace campana::domain {

struct Participant {
  ParticipantId id = 0;
  std::string display_name;
  Presence presence = Presence::kInRoom;
  bool connected = false;
  GroupNumber group = 0;
  Time joined_at;
  std::string resume_token;  // secret: never in a view
  std::string join_key;      // secret: never in a view
  uint64_t last_client_seq =
      0;  // the highest applied; a resend at or below is a duplicate
  bool operator==(const Participant&) const = default;
};

using GroupKind = ev::GroupKind;
using Team = ev::Team;

struct GroupsState {
  std::vector<GroupKind> kinds;  // kinds[g - 1] is group g's; size() groups
  bool choice_open = false;
  std::vector<Team> teams;
  bool operator==(const GroupsState&) const = default;

  uint32_t count() const { return static_cast<uint32_t>(kinds.size()); }
  // The team group g belongs to, or 0.
  TeamId TeamOf(GroupNumber g) const;
};

enum class TimerState : uint8_t {
  kIdle = 1,
  kRunning = 2,
  kPaused = 3,
  kExpired = 4
};

struct Timer {
  TimerId id = 0;
  std::string name;
  Scope scope;
  Millis duration{0};
  TimerState state = TimerState::kIdle;
  Time ends_at;         // running or expired
  Millis remaining{0};  // idle or paused
  bool operator==(const Timer&) const = default;
};

struct Bell {
  Scope scope;
  uint32_t seq = 0;
  Time at;
  bool operator==(const Bell&) const = default;
};

struct Answer {
  AnswerId id = 0;
  ParticipantId participant = 0;
  int agenda_index = 0;
  std::string text;
  Time at;
  bool operator==(const Answer&) const = default;
};

enum class RacePhase : uint8_t {
  kNone = 0,
  kReady = 1,
  kStrategy = 2,
  kExecution = 3,
  kFinished = 4,
};

struct RaceRun {
  Millis elapsed{0};
  bool counted = false;
  bool voided = false;
  bool operator==(const RaceRun&) const = default;
};

struct RaceTeam {
  ParticipantId captain = 0;
  bool running = false;
  Time started_at;
  Time penalty_until;
  Millis best{0};  // fastest counted run; 0: none
  std::vector<RaceRun> runs;
  bool operator==(const RaceTeam&) const = default;
};

// The team race of the current (or last) race item. Teams are the workshop's
// teams; a team appears here once something happens to it.
struct RaceState {
  RacePhase phase = RacePhase::kNone;
  int agenda_index = -1;
  RaceConfig config;
  Time strategy_ends_at;
  Time window_opens_at;
  Time window_closes_at;
  std::map<TeamId, RaceTeam> teams;
  TeamId winner = 0;
  bool operator==(const RaceState&) const = default;
};

struct GroupCards {
  std::vector<CardId> order;
  bool locked = false;
  Time locked_at;
  bool operator==(const GroupCards&) const = default;
};

// The card sort of the current (or last) card-sort item. A group that has not
// moved a card yet has the initial order.
struct CardSortState {
  int agenda_index = -1;  // -1: none set up
  CardSortConfig config;
  std::vector<CardId> reference;
  bool started = false;
  Time ends_at;
  bool revealed = false;
  std::vector<CardId> initial_order;
  std::map<GroupNumber, GroupCards> groups;
  bool operator==(const CardSortState&) const = default;

  bool active() const { return agenda_index >= 0; }
  // The group's cards: its own order once it has one, else the initial order.
  GroupCards CardsOf(GroupNumber group) const;
};

using DatingPhase = ev::DatingPhase;

struct DatingUnit {
  std::vector<ParticipantId> members;
  uint32_t table = 0;
  std::string spot;
  bool remote = false;
  ParticipantId first_speaker = 0;
  bool drawn = false;  // the server chose the first speaker
  bool operator==(const DatingUnit&) const = default;
};

struct DatingRound {
  uint32_t number = 0;
  std::vector<DatingUnit> units;
  bool operator==(const DatingRound&) const = default;
};

struct DatingNote {
  std::string text;
  Time saved_at;
  bool operator==(const DatingNote&) const = default;
};

// Speed dating of the current (or last) speed-dating item: every round's pairs,
// and each participant's private notes per round.
struct DatingState {
  int agenda_index = -1;  // -1: none set up
  DatingConfig config;
  uint64_t circle_seed = 0;
  DatingPhase phase = DatingPhase::kNone;
  Time phase_ends_at;
  std::vector<DatingRound> rounds;
  std::map<std::pair<ParticipantId, uint32_t>, DatingNote>
      notes;  // (who, round)
  bool operator==(const DatingState&) const = default;

  bool active() const { return agenda_index >= 0; }
  const DatingRound* current() const {
    return rounds.empty() ? nullptr : &rounds.back();
  }
  // The unit of `p` in round `round` (1-based), or -1.
  int UnitOf(ParticipantId p, uint32_t round) const;
};

// A removed participant kept out: their device's join key may not join again
// until a facilitator lets them back.
struct Ban {
  ParticipantId participant = 0;  // the id they had
  std::string display_name;
  std::string join_key;
  bool operator==(const Ban&) const = default;
};

// Everything a workshop is. Mutated only by Workshop::Apply. Ordered maps keep
// iteration (and so views, snapshots and Describe) deterministic.
struct WorkshopState {
  uint64_t offset = 0;  // the last record applied
  std::string code;
  std::string title;
  std::string language;
  std::string facilitator_key;
  // The projector link's secret: without it a projector sees what every
  // participant sees, nothing per person or per group. Empty in workshops
  // created before projector links, until a facilitator makes one.
  std::string projector_key;
  std::vector<AgendaItem> agenda;
  int agenda_current = -1;

  std::map<ParticipantId, Participant> participants;
  ParticipantId next_participant_id = 1;
  std::map<ParticipantId, Ban> bans;

  GroupsState groups;

  std::map<TimerId, Timer> timers;
  TimerId next_timer_id = 1;
  std::map<Scope, Bell> bells;
  uint32_t next_bell_seq = 1;

  std::map<AnswerId, Answer> answers;
  AnswerId next_answer_id = 1;
  std::map<int, bool>
      answer_displays;  // agenda index shown on the projector -> with names

  RaceState race;
  CardSortState card_sort;
  DatingState dating;

  // Indexes derived from the above; rebuilt by RebuildIndexes() after loading a
  // snapshot.
  std::unordered_map<std::string, ParticipantId> by_token;
  std::unordered_map<std::string, ParticipantId> by_join_key;
  // How many participants have each name, folded (NameFold): names must not
  // repeat.
  std::unordered_map<std::string, uint32_t> name_folds;

  void RebuildIndexes();
  bool operator==(const WorkshopState&) const = default;

  const Participant* FindParticipant(ParticipantId id) const;
  const Ban* FindBan(std::string_view join_key) const;
  bool created() const { return !code.empty(); }
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_STATE_H_
