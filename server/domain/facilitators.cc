// More facilitators than the one who holds the workshop's key: each gets a
// console link of their own, by name, which any facilitator may revoke.

#include <algorithm>

#include "domain/internal.h"
#include "domain/text.h"

namespace campana::domain::internal {
namespace {

// Links per workshop, revoked ones included: a co-facilitation team, with room
// for mistakes, not a way to grow the state without end.
constexpr size_t kMaxFacilitatorLinks = 50;

}  // namespace

Result<Decision> Decide(const Context& c,
                        const cmd::InviteFacilitator& command) {
  auto name = CheckDisplayName(command.name);
  if (!name.ok()) return name.rejection();
  if (c.state.facilitator_links.size() >= kMaxFacilitatorLinks) {
    return Rejection::FailedPrecondition(
        "this workshop has 50 facilitator links already");
  }
  return Events({ev::FacilitatorInvited{.link = c.state.next_facilitator_link,
                                        .name = name.value(),
                                        .key = c.rng.Token()}});
}

Result<Decision> Decide(const Context& c,
                        const cmd::RevokeFacilitator& command) {
  auto it = c.state.facilitator_links.find(command.link);
  if (it == c.state.facilitator_links.end()) {
    return Rejection::NotFound("no facilitator link " +
                               std::to_string(command.link));
  }
  if (it->second.revoked) return Nothing();
  return Events({ev::FacilitatorRevoked{command.link}});
}

Result<Decision> Decide(const Context& c, const cmd::CountConsoles& command) {
  auto it = c.state.consoles_online.find(command.link);
  const uint32_t now = it == c.state.consoles_online.end() ? 0 : it->second;
  if (now == command.count) return Nothing();
  return Events({ev::ConsolesCounted{command.link, command.count}});
}

void Apply(WorkshopState& s, const ev::ConsolesCounted& e, Touched& t) {
  if (e.count == 0) {
    s.consoles_online.erase(e.link);
  } else {
    s.consoles_online[e.link] = e.count;
  }
  t.Add({DocKind::kAccess, 0});
}

void Apply(WorkshopState& s, const ev::FacilitatorInvited& e, Touched& t) {
  s.facilitator_links[e.link] = FacilitatorLink{e.link, e.name, e.key, false};
  s.next_facilitator_link = std::max(s.next_facilitator_link, e.link + 1);
  t.Add({DocKind::kAccess, 0});
}

void Apply(WorkshopState& s, const ev::FacilitatorRevoked& e, Touched& t) {
  s.facilitator_links.at(e.link).revoked = true;
  t.Add({DocKind::kAccess, 0});
}

}  // namespace campana::domain::internal
