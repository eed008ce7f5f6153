#ifndef CAMPANA_DOMAIN_AUTHORITY_H_
#define CAMPANA_DOMAIN_AUTHORITY_H_

#include <optional>

#include "domain/commands.h"
#include "domain/permission.h"
#include "domain/rejection.h"
#include "domain/types.h"

namespace campana::domain {

// The command's own kAllowed.
Permission PermissionFor(const Command& command);

// The role check every command passes before Decide looks at the state:
// kPermissionDenied for a role the table does not allow, kNotJoined for a
// participant command from a device that has not joined, kAlreadyJoined for a
// second Join.
std::optional<Rejection> CheckAuthority(const Actor& actor,
                                        const Command& command);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_AUTHORITY_H_
