#include "domain/authority.h"

#include <string>

namespace campana::domain {
Permission PermissionFor(const Command& command) {
  return std::visit([]<class C>(const C&) { return C::kAllowed; }, command);
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
