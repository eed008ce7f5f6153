#ifndef CAMPANA_DOMAIN_INTERNAL_H_
#define CAMPANA_DOMAIN_INTERNAL_H_

// Shared by the domain's module files (participants.cc, groups.cc, timers.cc,
// agenda.cc); not for use outside server/domain.

#include <vector>

#include "domain/activities/registry.h"
#include "domain/commands.h"
#include "domain/docs.h"
#include "domain/events.h"
#include "domain/random.h"
#include "domain/rejection.h"
#include "domain/state.h"
#include "domain/workshop.h"

namespace campana::domain::internal {

inline constexpr size_t kMaxParticipants = 100'000;
inline constexpr uint32_t kMaxGroups = 1'000;
inline constexpr size_t kMaxTeams = 100;
inline constexpr size_t kMaxTimers = 200;
inline constexpr Millis kMaxTimerDuration = std::chrono::hours(24);
inline constexpr size_t kMaxAnswersPerItem = 20;
// Items a facilitator may bring the agenda to by adding (a template may hold
// more).
inline constexpr size_t kMaxAgendaItems = 200;
// How far ahead of "now" a bell rings: long enough for the delta to reach
// phones on venue Wi-Fi, so that they all ring together, and short enough to
// feel immediate.
inline constexpr Millis kBellLead{700};

struct Context {
  const WorkshopState& state;
  const Actor& actor;
  Time now;
  Random& rng;
};

inline Decision Events(std::vector<Event> events) {
  return Decision{.events = std::move(events)};
}
inline Decision Nothing() { return Decision{}; }

// Times and durations in Describe's text: milliseconds.
inline int64_t Ms(Time t) { return ToUnixMillis(t); }
inline int64_t Ms(Millis d) { return d.count(); }

// Every activity's TouchParticipant hook: `p` was renamed, changed presence,
// moved group or left.
inline void TouchActivitiesOf(const WorkshopState& s, ParticipantId p,
                              Touched& t) {
  ForEachActivity([&]<class A>() { A::TouchParticipant(s, p, t); });
}
// Every activity's TouchLayout hook: the groups or teams change.
inline void TouchActivitiesLayout(const WorkshopState& s, Touched& t) {
  ForEachActivity([&]<class A>() { A::TouchLayout(s, t); });
}

// participants.cc
Result<Decision> Decide(const Context& c, const cmd::CreateWorkshop& command);
Result<Decision> Decide(const Context& c, const cmd::Join& command);
Result<Decision> Decide(const Context& c,
                        const cmd::RenameParticipant& command);
Result<Decision> Decide(const Context& c,
                        const cmd::RemoveParticipant& command);
Result<Decision> Decide(const Context& c, const cmd::AllowBack& command);
Result<Decision> Decide(const Context& c,
                        const cmd::RotateProjectorKey& command);
Result<Decision> Decide(const Context& c, const cmd::CloseWorkshop& command);
// facilitators.cc
Result<Decision> Decide(const Context& c,
                        const cmd::InviteFacilitator& command);
Result<Decision> Decide(const Context& c,
                        const cmd::RevokeFacilitator& command);
void Apply(WorkshopState& s, const ev::FacilitatorInvited& e, Touched& t);
void Apply(WorkshopState& s, const ev::FacilitatorRevoked& e, Touched& t);
Result<Decision> Decide(const Context& c, const cmd::CountConsoles& command);
void Apply(WorkshopState& s, const ev::ConsolesCounted& e, Touched& t);
// personal_codes.cc
Result<Decision> Decide(const Context& c,
                        const cmd::ResetPersonalCode& command);
void Apply(WorkshopState& s, const ev::PersonalCodeReset& e, Touched& t);
void Apply(WorkshopState& s, const ev::IdentityReclaimed& e, Touched& t);
// A new personal code, unlike every other participant's.
std::string NewPersonalCode(const Context& c);
// As typed: any case, with or without dashes and spaces.
std::string NormalizePersonalCode(std::string_view typed);
// A Join with a personal code: the device becomes its participant.
Result<Decision> Reclaim(const Context& c, const cmd::Join& command);
Result<Decision> Decide(const Context& c, const cmd::SetPresence& command);
Result<Decision> Decide(const Context& c, const cmd::SetConnected& command);
void Apply(WorkshopState& s, const ev::WorkshopCreated& e, Touched& t);
void Apply(WorkshopState& s, const ev::ParticipantJoined& e, Touched& t);
void Apply(WorkshopState& s, const ev::ParticipantRenamed& e, Touched& t);
void Apply(WorkshopState& s, const ev::ParticipantRemoved& e, Touched& t);
void Apply(WorkshopState& s, const ev::BanLifted& e, Touched& t);
void Apply(WorkshopState& s, const ev::ProjectorKeyRotated& e, Touched& t);
void Apply(WorkshopState& s, const ev::WorkshopClosed& e, Touched& t);
void Apply(WorkshopState& s, const ev::PresenceChanged& e, Touched& t);
void Apply(WorkshopState& s, const ev::ConnectionChanged& e, Touched& t);

// groups.cc
Result<Decision> Decide(const Context& c, const cmd::SetupGroups& command);
Result<Decision> Decide(const Context& c, const cmd::MoveParticipant& command);
Result<Decision> Decide(const Context& c, const cmd::ChooseGroup& command);
Result<Decision> Decide(const Context& c, const cmd::SetGroupChoice& command);
Result<Decision> Decide(const Context& c, const cmd::DefineTeams& command);
void Apply(WorkshopState& s, const ev::GroupsSetUp& e, Touched& t);
void Apply(WorkshopState& s, const ev::ParticipantMoved& e, Touched& t);
void Apply(WorkshopState& s, const ev::GroupChoiceSet& e, Touched& t);
void Apply(WorkshopState& s, const ev::TeamsDefined& e, Touched& t);
// The group a newcomer goes to: the smallest that takes their presence (lowest
// number on a tie), or 0 when there are no groups or participants choose their
// own.
GroupNumber GroupForNewcomer(const WorkshopState& s, Presence presence);
// Marks every timer and bell scoped to a group or team: their visibility
// follows the layout.
void TouchScopedDocs(const WorkshopState& s, Touched& t);

// timers.cc
Result<Decision> Decide(const Context& c, const cmd::CreateTimer& command);
Result<Decision> Decide(const Context& c, const cmd::StartTimer& command);
Result<Decision> Decide(const Context& c, const cmd::PauseTimer& command);
Result<Decision> Decide(const Context& c, const cmd::AddTime& command);
Result<Decision> Decide(const Context& c, const cmd::ResetTimer& command);
Result<Decision> Decide(const Context& c, const cmd::DeleteTimer& command);
Result<Decision> Decide(const Context& c, const cmd::RingBell& command);
Result<Decision> Decide(const Context& c, const cmd::Tick& command);
void Apply(WorkshopState& s, const ev::TimerCreated& e, Touched& t);
void Apply(WorkshopState& s, const ev::TimerStarted& e, Touched& t);
void Apply(WorkshopState& s, const ev::TimerPaused& e, Touched& t);
void Apply(WorkshopState& s, const ev::TimerAdjusted& e, Touched& t);
void Apply(WorkshopState& s, const ev::TimerReset& e, Touched& t);
void Apply(WorkshopState& s, const ev::TimerExpired& e, Touched& t);
void Apply(WorkshopState& s, const ev::TimerDeleted& e, Touched& t);
void Apply(WorkshopState& s, const ev::BellRung& e, Touched& t);
// A timer created from an agenda item or a CreateTimer command, after
// validation.
Result<ev::TimerCreated> NewTimer(const WorkshopState& s, TimerId id,
                                  std::string_view name, Millis duration,
                                  const Scope& scope);
std::optional<Rejection> CheckScope(const WorkshopState& s, const Scope& scope);

// agenda.cc
Result<Decision> Decide(const Context& c, const cmd::GotoAgendaItem& command);
Result<Decision> Decide(const Context& c, const cmd::ShowScene& command);
Result<Decision> Decide(const Context& c, const cmd::SubmitAnswer& command);
Result<Decision> Decide(const Context& c, const cmd::ShowAnswers& command);
void Apply(WorkshopState& s, const ev::AgendaMoved& e, Touched& t);
// The current item's day; 0 before the agenda starts.
uint32_t CurrentDay(const WorkshopState& s);
// Attendance: `p` is connected now, so present on the current day.
void MarkPresent(const WorkshopState& s, Participant& p, Touched& t);
void Apply(WorkshopState& s, const ev::SceneShown& e, Touched& t);
void Apply(WorkshopState& s, const ev::AnswerSubmitted& e, Touched& t);
void Apply(WorkshopState& s, const ev::AnswersShown& e, Touched& t);
// agenda_editing.cc
Result<Decision> Decide(const Context& c, const cmd::EditAgendaItem& command);
Result<Decision> Decide(const Context& c, const cmd::MoveAgendaItem& command);
Result<Decision> Decide(const Context& c, const cmd::RemoveAgendaItem& command);
Result<Decision> Decide(const Context& c, const cmd::AddAgendaItem& command);
void Apply(WorkshopState& s, const ev::AgendaItemEdited& e, Touched& t);
void Apply(WorkshopState& s, const ev::AgendaItemMoved& e, Touched& t);
void Apply(WorkshopState& s, const ev::AgendaItemRemoved& e, Touched& t);
void Apply(WorkshopState& s, const ev::AgendaItemAdded& e, Touched& t);
// Marks the projector copies of a participant's shown answers (their author
// name changed).
void TouchShownAnswersBy(const WorkshopState& s, ParticipantId p, Touched& t);

}  // namespace campana::domain::internal

#endif  // CAMPANA_DOMAIN_INTERNAL_H_
