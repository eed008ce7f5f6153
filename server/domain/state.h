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
  // Secret: shown to this participant only (in their Join's Ack); a new device
  // that Joins with it becomes them.
  std::string personal_code;
  uint32_t days_present = 0;  // bit d - 1: connected during day d's items
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

// A removed participant kept out: their device's join key may not join again
// until a facilitator lets them back.
struct Ban {
  ParticipantId participant = 0;  // the id they had
  std::string display_name;
  std::string join_key;
  bool operator==(const Ban&) const = default;
};

// A console link given to one more facilitator. Revoked links are kept: the
// console lists who had one.
struct FacilitatorLink {
  uint32_t id = 0;
  std::string name;
  std::string key;
  bool revoked = false;
  bool operator==(const FacilitatorLink&) const = default;
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
  // Closed by its organizer: nobody new may join.
  bool closed = false;
  // In a series: the first workshop's code and the previous one's (empty for
  // the first).
  std::string series;
  std::string previous;
  std::vector<AgendaItem> agenda;
  int agenda_current = -1;
  // The agenda as it ran: per item reached, when it first started and how long
  // it has been the current item in all (a return to it adds up); and since
  // when the current item is. Bounded by the agenda.
  std::map<int, AgendaRun> agenda_runs;
  Time agenda_since;
  Scene scene = Scene::kAuto;  // what the projector shows

  std::map<ParticipantId, Participant> participants;
  ParticipantId next_participant_id = 1;
  std::map<ParticipantId, Ban> bans;
  std::map<uint32_t, FacilitatorLink> facilitator_links;
  uint32_t next_facilitator_link = 1;
  // Consoles open now, per link (0: the workshop's own key); none: no entry.
  std::map<uint32_t, uint32_t> consoles_online;

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
  LiveQuestionState live_question;
  BoardState board;
  PollState poll;
  ActionPlanState action_plan;

  // Indexes derived from the above; rebuilt by RebuildIndexes() after loading a
  // snapshot.
  std::unordered_map<std::string, ParticipantId> by_token;
  std::unordered_map<std::string, ParticipantId> by_join_key;
  std::unordered_map<std::string, ParticipantId> by_personal_code;
  // How many participants have each name, folded (NameFold): names must not
  // repeat.
  std::unordered_map<std::string, uint32_t> name_folds;

  void RebuildIndexes();
  bool operator==(const WorkshopState&) const = default;

  const Participant* FindParticipant(ParticipantId id) const;
  const Ban* FindBan(std::string_view join_key) const;
  bool created() const { return !code.empty(); }
  // The first agenda index past every item the agenda has reached (its current
  // item, any item it ran, any item answered): activities, answers and runs
  // are keyed by index, so only items from here on may move, go or be added
  // before (agenda_editing.cc).
  int FirstEditableAgendaIndex() const;
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_STATE_H_
