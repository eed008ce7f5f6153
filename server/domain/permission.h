#ifndef CAMPANA_DOMAIN_PERMISSION_H_
#define CAMPANA_DOMAIN_PERMISSION_H_

namespace campana::domain {

// Which roles may send a command; every command struct declares its own as
// `static constexpr Permission kAllowed` (Redis's command table, spelled beside
// each command). The projector is read-only: it may send none.
struct Permission {
  bool participant = false;  // a participant, about itself only
  bool facilitator = false;
  bool system = false;  // the server itself (connections, timers, creation)
};

inline constexpr Permission kForFacilitators{.facilitator = true};
inline constexpr Permission kForParticipants{.participant = true};
inline constexpr Permission kForParticipantsAndFacilitators{
    .participant = true, .facilitator = true};
inline constexpr Permission kForSystem{.system = true};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_PERMISSION_H_
