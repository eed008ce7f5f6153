#include "domain/authority.h"

#include <string>

namespace campana::domain {
namespace {

constexpr Permission kFacilitator{.facilitator = true};
constexpr Permission kParticipant{.participant = true};
constexpr Permission kParticipantOrFacilitator{.participant = true,
                                               .facilitator = true};
constexpr Permission kSystem{.system = true};

// The table: one line per command.
constexpr Permission Allowed(const cmd::CreateWorkshop&) { return kSystem; }
constexpr Permission Allowed(const cmd::Join&) { return kParticipant; }
constexpr Permission Allowed(const cmd::RenameParticipant&) {
  return kParticipantOrFacilitator;
}
constexpr Permission Allowed(const cmd::RemoveParticipant&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::AllowBack&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::RotateProjectorKey&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::SetPresence&) {
  return kParticipantOrFacilitator;
}
constexpr Permission Allowed(const cmd::SetConnected&) { return kSystem; }
constexpr Permission Allowed(const cmd::SetupGroups&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::MoveParticipant&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::ChooseGroup&) { return kParticipant; }
constexpr Permission Allowed(const cmd::SetGroupChoice&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::DefineTeams&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::CreateTimer&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::StartTimer&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::PauseTimer&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::AddTime&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::ResetTimer&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::DeleteTimer&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::RingBell&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::Tick&) { return kSystem; }
constexpr Permission Allowed(const cmd::GotoAgendaItem&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::SubmitAnswer&) { return kParticipant; }
constexpr Permission Allowed(const cmd::ShowAnswers&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::StartRaceStrategy&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::OpenRaceWindow&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::NameCaptain&) { return kFacilitator; }
// Captains run their own team's stopwatch; the domain checks who is captain of
// what.
constexpr Permission Allowed(const cmd::StartRun&) {
  return kParticipantOrFacilitator;
}
constexpr Permission Allowed(const cmd::StopRun&) {
  return kParticipantOrFacilitator;
}
constexpr Permission Allowed(const cmd::VoidRun&) {
  return kParticipantOrFacilitator;
}
constexpr Permission Allowed(const cmd::FinishRace&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::StartCardSort&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::MoveCard&) { return kParticipant; }
constexpr Permission Allowed(const cmd::LockCards&) { return kParticipant; }
constexpr Permission Allowed(const cmd::RevealCards&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::StartDatingRound&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::ChooseFirstSpeaker&) {
  return kParticipant;
}
constexpr Permission Allowed(const cmd::StartSharing&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::SwapSpeakers&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::EndDate&) { return kFacilitator; }
constexpr Permission Allowed(const cmd::PairLateJoiners&) {
  return kFacilitator;
}
constexpr Permission Allowed(const cmd::SaveNote&) { return kParticipant; }
constexpr Permission Allowed(const cmd::SetDatingOptions&) {
  return kFacilitator;
}

}  // namespace

Permission PermissionFor(const Command& command) {
  return std::visit([](const auto& c) { return Allowed(c); }, command);
}

std::optional<Rejection> CheckAuthority(const Actor& actor,
                                        const Command& command) {
  const Permission allowed = PermissionFor(command);
  const std::string name = CommandName(command);
  switch (actor.role) {
    case Role::kSystem:
      if (allowed.system) return std::nullopt;
      break;
    case Role::kFacilitator:
      if (allowed.facilitator) return std::nullopt;
      break;
    case Role::kProjector:
      return Rejection::PermissionDenied("the projector is read-only");
    case Role::kParticipant:
      if (!allowed.participant) break;
      if (std::holds_alternative<cmd::Join>(command)) {
        if (actor.participant != 0) {
          return Rejection{RejectionCode::kAlreadyJoined,
                           "this device has already joined"};
        }
        return std::nullopt;
      }
      if (actor.participant == 0)
        return Rejection::NotJoined("join the workshop first");
      return std::nullopt;
  }
  return Rejection::PermissionDenied(
      name + " is for " +
      (allowed.facilitator ? "facilitators" : "the server"));
}

}  // namespace campana::domain
