#ifndef CAMPANA_DOMAIN_EVENTS_H_
#define CAMPANA_DOMAIN_EVENTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/activities/registry.h"
#include "domain/agenda_item.h"
#include "domain/time.h"
#include "domain/types.h"

// What happened. Events carry everything Decide resolved (ids, tokens, the draw
// of a shuffle, the end time of a timer), so applying them needs no clock and
// no randomness.
namespace campana::domain::ev {

enum class GroupKind : uint8_t { kMixed = 1, kInRoom = 2, kRemote = 3 };

struct Team {
  TeamId id = 0;
  std::string name;
  std::vector<GroupNumber> groups;
  bool operator==(const Team&) const = default;
};

struct WorkshopCreated {
  std::string code;
  std::string title;
  std::string language;
  std::string facilitator_key;
  std::vector<AgendaItem> agenda;
  std::string projector_key;
  std::string series;  // a series' next workshop: its first one's code
  std::string previous;
  bool operator==(const WorkshopCreated&) const = default;
};

struct ParticipantJoined {
  ParticipantId participant = 0;
  std::string display_name;
  Presence presence = Presence::kInRoom;
  std::string resume_token;
  std::string join_key;
  GroupNumber group = 0;
  std::string personal_code;
  bool operator==(const ParticipantJoined&) const = default;
};
struct PersonalCodeReset {
  ParticipantId participant = 0;
  std::string personal_code;
  bool operator==(const PersonalCodeReset&) const = default;
};
// A new device became `participant` with their personal code: `join_key`, the
// device's, is now theirs.
struct IdentityReclaimed {
  ParticipantId participant = 0;
  std::string join_key;
  bool operator==(const IdentityReclaimed&) const = default;
};
struct ParticipantRenamed {
  ParticipantId participant = 0;
  std::string display_name;
  bool operator==(const ParticipantRenamed&) const = default;
};
struct ParticipantRemoved {
  ParticipantId participant = 0;
  bool banned = false;
  bool operator==(const ParticipantRemoved&) const = default;
};
struct BanLifted {
  ParticipantId participant = 0;
  bool operator==(const BanLifted&) const = default;
};
struct ProjectorKeyRotated {
  std::string projector_key;
  bool operator==(const ProjectorKeyRotated&) const = default;
};
struct WorkshopClosed {
  bool operator==(const WorkshopClosed&) const = default;
};
struct FacilitatorInvited {
  uint32_t link = 0;
  std::string name;
  std::string key;
  bool operator==(const FacilitatorInvited&) const = default;
};
struct FacilitatorRevoked {
  uint32_t link = 0;
  bool operator==(const FacilitatorRevoked&) const = default;
};
// `count` consoles are open now with link `link` (0: the workshop's own key).
struct ConsolesCounted {
  uint32_t link = 0;
  uint32_t count = 0;
  bool operator==(const ConsolesCounted&) const = default;
};
struct PresenceChanged {
  ParticipantId participant = 0;
  Presence presence = Presence::kInRoom;
  bool operator==(const PresenceChanged&) const = default;
};
struct ConnectionChanged {
  ParticipantId participant = 0;
  bool connected = false;
  bool operator==(const ConnectionChanged&) const = default;
};

// A whole new layout; participants not listed are in no group.
struct GroupsSetUp {
  std::vector<GroupKind> kinds;
  bool choice_open = false;
  std::vector<std::pair<ParticipantId, GroupNumber>> assignments;
  bool operator==(const GroupsSetUp&) const = default;
};
struct ParticipantMoved {
  ParticipantId participant = 0;
  GroupNumber group = 0;
  bool operator==(const ParticipantMoved&) const = default;
};
struct GroupChoiceSet {
  bool open = false;
  bool operator==(const GroupChoiceSet&) const = default;
};
struct TeamsDefined {
  std::vector<Team> teams;
  bool operator==(const TeamsDefined&) const = default;
};

struct TimerCreated {
  TimerId timer = 0;
  std::string name;
  Scope scope;
  Millis duration{0};
  bool operator==(const TimerCreated&) const = default;
};
struct TimerStarted {
  TimerId timer = 0;
  Time ends_at;
  bool operator==(const TimerStarted&) const = default;
};
struct TimerPaused {
  TimerId timer = 0;
  Millis remaining{0};
  bool operator==(const TimerPaused&) const = default;
};
// Running timers get a new end; stopped ones a new remainder.
struct TimerAdjusted {
  TimerId timer = 0;
  Time ends_at;
  Millis remaining{0};
  bool operator==(const TimerAdjusted&) const = default;
};
struct TimerReset {
  TimerId timer = 0;
  bool operator==(const TimerReset&) const = default;
};
struct TimerExpired {
  TimerId timer = 0;
  bool operator==(const TimerExpired&) const = default;
};
struct TimerDeleted {
  TimerId timer = 0;
  bool operator==(const TimerDeleted&) const = default;
};
struct BellRung {
  Scope scope;
  uint32_t seq = 0;
  Time at;
  bool operator==(const BellRung&) const = default;
};

// `at`: when (the report's agenda as it ran); the epoch in records written
// before it was kept.
struct AgendaMoved {
  int index = -1;
  Time at;
  bool operator==(const AgendaMoved&) const = default;
};

struct SceneShown {
  Scene scene = Scene::kAuto;
  bool operator==(const SceneShown&) const = default;
};

// The run of show edited (cmd::EditAgendaItem and the three after it).
struct AgendaItemEdited {
  int index = 0;
  std::string title;
  Millis duration{0};
  bool operator==(const AgendaItemEdited&) const = default;
};
struct AgendaItemMoved {
  int index = 0;
  int to = 0;
  uint32_t day = 0;  // the item's day afterwards
  bool operator==(const AgendaItemMoved&) const = default;
};
struct AgendaItemRemoved {
  int index = 0;
  bool operator==(const AgendaItemRemoved&) const = default;
};
// A presentation step.
struct AgendaItemAdded {
  int index = 0;
  std::string title;
  Millis duration{0};
  uint32_t day = 0;
  bool operator==(const AgendaItemAdded&) const = default;
};

struct AnswerSubmitted {
  AnswerId answer = 0;
  ParticipantId participant = 0;
  int agenda_index = 0;
  std::string text;
  Time at;
  bool operator==(const AnswerSubmitted&) const = default;
};
struct AnswersShown {
  int agenda_index = 0;
  bool show = false;
  bool with_names = false;
  bool operator==(const AnswersShown&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

// The core's own events; each activity lists its own (activities/).
using CoreEvents =
    TypeList<ev::WorkshopCreated, ev::ParticipantJoined, ev::ParticipantRenamed,
             ev::ParticipantRemoved, ev::BanLifted, ev::ProjectorKeyRotated,
             ev::WorkshopClosed, ev::FacilitatorInvited, ev::FacilitatorRevoked,
             ev::ConsolesCounted, ev::PersonalCodeReset, ev::IdentityReclaimed,
             ev::PresenceChanged, ev::ConnectionChanged, ev::GroupsSetUp,
             ev::ParticipantMoved, ev::GroupChoiceSet, ev::TeamsDefined,
             ev::TimerCreated, ev::TimerStarted, ev::TimerPaused,
             ev::TimerAdjusted, ev::TimerReset, ev::TimerExpired,
             ev::TimerDeleted, ev::BellRung, ev::AgendaMoved, ev::SceneShown,
             ev::AgendaItemEdited, ev::AgendaItemMoved, ev::AgendaItemRemoved,
             ev::AgendaItemAdded, ev::AnswerSubmitted, ev::AnswersShown>;
using EventVariant = VariantOf<Concat<CoreEvents, ActivityEvents>>;
// One event. A struct rather than an alias so that activity headers can
// declare hooks taking it before it is complete.
//
// Its copy, move, destruction and comparison are compiled once, in
// variants.cc. Each is a switch over every alternative; instantiated inline in
// each file that copies or destroys an event, they made that file take most of
// a minute (and 2 GB) to compile with the sanitizers.
struct Event : EventVariant {
  using variant::variant;
  Event();
  Event(const Event&);
  Event(Event&&) noexcept;
  Event& operator=(const Event&);
  Event& operator=(Event&&) noexcept;
  ~Event();
  bool operator==(const Event&) const;
};

// One accepted command's events: the unit of the log. Offsets count records
// from 1.
struct LogRecord {
  uint64_t offset = 0;
  Time at;
  Actor actor;
  uint64_t client_seq = 0;
  std::vector<Event> events;
  bool operator==(const LogRecord&) const = default;
};

// One line per event, e.g. "TimerStarted(2, ends 1000)": tests compare these.
std::string Describe(const Event& event);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_EVENTS_H_
