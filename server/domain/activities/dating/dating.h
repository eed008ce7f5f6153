#ifndef CAMPANA_DOMAIN_ACTIVITIES_DATING_DATING_H_
#define CAMPANA_DOMAIN_ACTIVITIES_DATING_DATING_H_

// Speed dating: rounds of pairs (trios when odd) that take turns to speak,
// each participant with private notes per round. Documents: kDating (everyone),
// kDatingUnit (the current round's pairs: their members and staff),
// kDatingNote (its writer only).

#include "domain/activity.h"

namespace campana::domain::cmd {

// Speed dating, for the current agenda item.
struct StartDatingRound {
  static constexpr const char* kName = "StartDatingRound";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct ChooseFirstSpeaker {
  static constexpr const char* kName = "ChooseFirstSpeaker";
  static constexpr Permission kAllowed = kForParticipants;
};

struct StartSharing {
  static constexpr const char* kName = "StartSharing";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct SwapSpeakers {
  static constexpr const char* kName = "SwapSpeakers";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct EndDate {
  static constexpr const char* kName = "EndDate";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct PairLateJoiners {
  static constexpr const char* kName = "PairLateJoiners";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct SaveNote {
  static constexpr const char* kName = "SaveNote";
  static constexpr Permission kAllowed = kForParticipants;
  uint32_t round = 0;
  std::string text;
};

struct SetDatingOptions {
  static constexpr const char* kName = "SetDatingOptions";
  static constexpr Permission kAllowed = kForFacilitators;
  std::string call_url_template;
  bool avoid_same_group = false;
  bool collect_notes = false;
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

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

using DatingPhase = ev::DatingPhase;

// Ids of the speed-dating documents.
inline uint64_t DatingUnitDocId(uint32_t round, uint32_t unit) {
  return (uint64_t{round} << 20) | unit;
}
inline uint64_t DatingNoteDocId(ParticipantId p, uint32_t round) {
  return (uint64_t{p} << 20) | round;
}

struct DatingUnit {
  std::vector<ParticipantId> members;
  uint32_t table = 0;
  std::string spot;
  bool remote = false;
  ParticipantId first_speaker = 0;
  bool drawn = false;  // the server chose the first speaker
  bool operator==(const DatingUnit&) const = default;
};

struct DatingRound {
  uint32_t number = 0;
  std::vector<DatingUnit> units;
  bool operator==(const DatingRound&) const = default;
};

struct DatingNote {
  std::string text;
  Time saved_at;
  bool operator==(const DatingNote&) const = default;
};

// Speed dating of the current (or last) speed-dating item: every round's pairs,
// and each participant's private notes per round.
struct DatingState {
  int agenda_index = -1;  // -1: none set up
  DatingConfig config;
  uint64_t circle_seed = 0;
  DatingPhase phase = DatingPhase::kNone;
  Time phase_ends_at;
  std::vector<DatingRound> rounds;
  std::map<std::pair<ParticipantId, uint32_t>, DatingNote>
      notes;  // (who, round)
  bool operator==(const DatingState&) const = default;

  bool active() const { return agenda_index >= 0; }
  const DatingRound* current() const {
    return rounds.empty() ? nullptr : &rounds.back();
  }
  // The unit of `p` in round `round` (1-based), or -1.
  int UnitOf(ParticipantId p, uint32_t round) const;
};

// The engine's view of the activity: see domain/activity.h for each hook.
struct DatingActivity {
  using State = DatingState;
  using CommandTypes =
      TypeList<cmd::StartDatingRound, cmd::ChooseFirstSpeaker,
               cmd::StartSharing, cmd::SwapSpeakers, cmd::EndDate,
               cmd::PairLateJoiners, cmd::SaveNote, cmd::SetDatingOptions>;
  using EventTypes =
      TypeList<ev::DatingSetUp, ev::DatingRoundStarted, ev::FirstSpeakerChosen,
               ev::DatingPhaseChanged, ev::DatingMemberAdded, ev::NoteSaved,
               ev::DatingOptionsSet>;
  static constexpr std::array kDocs{DocKind::kDating, DocKind::kDatingUnit,
                                    DocKind::kDatingNote};

  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::StartDatingRound& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::ChooseFirstSpeaker& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::StartSharing& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::SwapSpeakers& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::EndDate& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::PairLateJoiners& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::SaveNote& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::SetDatingOptions& command);
  static void Apply(WorkshopState& s, const ev::DatingSetUp& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::DatingRoundStarted& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::FirstSpeakerChosen& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::DatingPhaseChanged& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::DatingMemberAdded& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::NoteSaved& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::DatingOptionsSet& e,
                    Touched& t);

  // A remote unit's video-call link: {workshop}, {round} and {pair} in the
  // facilitator's template replaced (the code, the round, the unit from 1).
  // Empty for a unit in the room or without a template.
  static std::string CallUrl(const WorkshopState& s, uint32_t round,
                             uint32_t unit);
  // The names of `who`'s partners in round `round` who are still here: their
  // note shows them, to them alone.
  static std::vector<std::string> PartnerNames(const WorkshopState& s,
                                               ParticipantId who,
                                               uint32_t round);

  CAMPANA_ACTIVITY_HOOKS
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_DATING_DATING_H_
