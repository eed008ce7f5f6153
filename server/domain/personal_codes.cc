// Personal codes: a participant's own short secret, shown on their first
// device. On a new device (a phone that died, a browser that forgot) a Join
// with it makes the device that participant again; a facilitator can reset it
// for someone who lost the code with the phone.

#include <algorithm>
#include <cctype>

#include "domain/internal.h"

namespace campana::domain::internal {
namespace {

// 32 symbols, none easy to mistake for another (no 0, 1, I, O): 8 of them are
// 40 bits, read out as "K7M4-QP2X". Guessing one of a room's codes is held
// back by the hub's limit on joins per second.
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
constexpr size_t kCodeLength = 8;

}  // namespace

std::string NormalizePersonalCode(std::string_view typed) {
  std::string code;
  for (char ch : typed) {
    if (ch == '-' || ch == ' ') continue;
    if (code.size() > kCodeLength) break;  // too long: not a code
    code.push_back(
        static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  }
  return code;
}

std::string NewPersonalCode(const Context& c) {
  std::string code(kCodeLength, ' ');
  // A clash is one in 2^40 per participant: drawing again is the exception.
  do {
    for (char& ch : code)
      ch = kAlphabet[c.rng.Below(static_cast<uint32_t>(kAlphabet.size()))];
  } while (c.state.by_personal_code.contains(code));
  return code;
}

Result<Decision> Reclaim(const Context& c, const cmd::Join& command) {
  auto it = c.state.by_personal_code.find(
      NormalizePersonalCode(command.personal_code));
  if (it == c.state.by_personal_code.end()) {
    return Rejection::NotFound(
        "nobody in this workshop has this personal code");
  }
  const Participant& p = c.state.participants.at(it->second);
  Decision decision{.joined = p.id,
                    .resume_token = p.resume_token,
                    .personal_code = p.personal_code,
                    .last_client_seq = p.last_client_seq};
  decision.events.emplace_back(
      ev::IdentityReclaimed{.participant = p.id, .join_key = command.join_key});
  return decision;
}

Result<Decision> Decide(const Context& c,
                        const cmd::ResetPersonalCode& command) {
  if (c.state.FindParticipant(command.participant) == nullptr) {
    return Rejection::NotFound("no participant " +
                               std::to_string(command.participant));
  }
  ev::PersonalCodeReset reset{.participant = command.participant,
                              .personal_code = NewPersonalCode(c)};
  Decision decision{.personal_code = reset.personal_code};
  decision.events.emplace_back(std::move(reset));
  return decision;
}

void Apply(WorkshopState& s, const ev::PersonalCodeReset& e, Touched&) {
  Participant& p = s.participants.at(e.participant);
  s.by_personal_code.erase(p.personal_code);
  p.personal_code = e.personal_code;
  s.by_personal_code[p.personal_code] = p.id;
}

void Apply(WorkshopState& s, const ev::IdentityReclaimed& e, Touched&) {
  Participant& p = s.participants.at(e.participant);
  // The old device's key goes: that device, if it still exists, comes back
  // with its resume token, which stays the same.
  s.by_join_key.erase(p.join_key);
  p.join_key = e.join_key;
  s.by_join_key[p.join_key] = p.id;
}

}  // namespace campana::domain::internal
