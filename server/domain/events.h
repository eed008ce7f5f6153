#ifndef CAMPANA_DOMAIN_EVENTS_H_
#define CAMPANA_DOMAIN_EVENTS_H_

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

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
  bool operator==(const WorkshopCreated&) const = default;
};

struct ParticipantJoined {
  ParticipantId participant = 0;
  std::string display_name;
  Presence presence = Presence::kInRoom;
  std::string resume_token;
  std::string join_key;
  GroupNumber group = 0;
  bool operator==(const ParticipantJoined&) const = default;
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

struct AgendaMoved {
  int index = -1;
  bool operator==(const AgendaMoved&) const = default;
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

struct RaceSetUp {
  int agenda_index = -1;
  RaceConfig config;
  bool operator==(const RaceSetUp&) const = default;
};
struct RaceStrategyStarted {
  Time ends_at;
  bool operator==(const RaceStrategyStarted&) const = default;
};
struct RaceWindowOpened {
  Time opens_at;
  Time closes_at;
  bool operator==(const RaceWindowOpened&) const = default;
};
struct CaptainNamed {
  TeamId team = 0;
  ParticipantId participant = 0;
  bool operator==(const CaptainNamed&) const = default;
};
struct RunStarted {
  TeamId team = 0;
  Time at;
  bool operator==(const RunStarted&) const = default;
};
struct RunStopped {
  TeamId team = 0;
  Millis elapsed{0};
  bool counted = false;
  bool operator==(const RunStopped&) const = default;
};
struct RunVoided {
  TeamId team = 0;
  Time penalty_until;
  bool operator==(const RunVoided&) const = default;
};
struct RaceFinished {
  TeamId winner = 0;
  bool operator==(const RaceFinished&) const = default;
};

struct CardSortSetUp {
  int agenda_index = -1;
  CardSortConfig config;          // cards carry the ids drawn for them
  std::vector<CardId> reference;  // the ids in the right order
  bool operator==(const CardSortSetUp&) const = default;
};
struct CardSortStarted {
  std::vector<CardId> initial_order;
  Time ends_at;
  bool operator==(const CardSortStarted&) const = default;
};
struct CardMoved {
  GroupNumber group = 0;
  CardId card = 0;
  uint32_t to_index = 0;
  bool operator==(const CardMoved&) const = default;
};
struct CardsLocked {
  GroupNumber group = 0;
  Time at;
  bool operator==(const CardsLocked&) const = default;
};
struct CardsRevealed {
  bool operator==(const CardsRevealed&) const = default;
};

enum class DatingPhase : uint8_t {
  kNone = 1,
  kMeeting = 2,
  kFirstSharing = 3,
  kSecondSharing = 4,
  kDone = 5,
};

struct DatingSetUp {
  int agenda_index = -1;
  DatingConfig config;
  uint64_t circle_seed = 0;
  bool operator==(const DatingSetUp&) const = default;
};
struct DatingUnitDrawn {
  std::vector<ParticipantId> members;
  uint32_t table = 0;
  std::string spot;
  bool remote = false;
  bool operator==(const DatingUnitDrawn&) const = default;
};
struct DatingRoundStarted {
  uint32_t round = 0;
  std::vector<DatingUnitDrawn> units;
  bool operator==(const DatingRoundStarted&) const = default;
};
struct FirstSpeakerChosen {
  uint32_t round = 0;
  uint32_t unit = 0;
  ParticipantId participant = 0;
  bool drawn = false;
  bool operator==(const FirstSpeakerChosen&) const = default;
};
struct DatingPhaseChanged {
  DatingPhase phase = DatingPhase::kNone;
  Time ends_at;
  bool operator==(const DatingPhaseChanged&) const = default;
};
struct DatingMemberAdded {
  uint32_t round = 0;
  uint32_t unit = 0;
  ParticipantId participant = 0;
  bool operator==(const DatingMemberAdded&) const = default;
};
struct NoteSaved {
  ParticipantId participant = 0;
  uint32_t round = 0;
  std::string text;
  Time at;
  bool operator==(const NoteSaved&) const = default;
};
struct DatingOptionsSet {
  std::string call_url_template;
  bool avoid_same_group = false;
  bool collect_notes = false;
  bool operator==(const DatingOptionsSet&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

using Event = std::variant<
    ev::WorkshopCreated, ev::ParticipantJoined, ev::ParticipantRenamed,
    ev::ParticipantRemoved, ev::BanLifted, ev::ProjectorKeyRotated,
    ev::PresenceChanged, ev::ConnectionChanged, ev::GroupsSetUp,
    ev::ParticipantMoved, ev::GroupChoiceSet, ev::TeamsDefined,
    ev::TimerCreated, ev::TimerStarted, ev::TimerPaused, ev::TimerAdjusted,
    ev::TimerReset, ev::TimerExpired, ev::TimerDeleted, ev::BellRung,
    ev::AgendaMoved, ev::AnswerSubmitted, ev::AnswersShown, ev::RaceSetUp,
    ev::RaceStrategyStarted, ev::RaceWindowOpened, ev::CaptainNamed,
    ev::RunStarted, ev::RunStopped, ev::RunVoided, ev::RaceFinished,
    ev::CardSortSetUp, ev::CardSortStarted, ev::CardMoved, ev::CardsLocked,
    ev::CardsRevealed, ev::DatingSetUp, ev::DatingRoundStarted,
    ev::FirstSpeakerChosen, ev::DatingPhaseChanged, ev::DatingMemberAdded,
    ev::NoteSaved, ev::DatingOptionsSet>;

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
