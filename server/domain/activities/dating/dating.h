#ifndef CAMPANA_DOMAIN_ACTIVITIES_DATING_DATING_H_
#define CAMPANA_DOMAIN_ACTIVITIES_DATING_DATING_H_

// Speed dating: rounds of pairs (trios when odd) that take turns to speak, one
// speaker at a time, each participant with private notes per round that leave
// their phone only if they share them. Documents: kDating (everyone),
// kDatingUnit (the current round's pairs: their members and staff),
// kDatingNote (its writer only; the export carries the shared ones).

#include <optional>

#include "domain/activity.h"

namespace campana::domain {

// The room's tables as the facilitators set them: names, or a count.
struct DatingTables {
  uint32_t count = 0;
  std::vector<std::string> names;
  bool operator==(const DatingTables&) const = default;
};

}  // namespace campana::domain

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

// Round 0: all the notes the participant has written.
struct ShareNotes {
  static constexpr const char* kName = "ShareNotes";
  static constexpr Permission kAllowed = kForParticipants;
  uint32_t round = 0;
  bool shared = false;
};

struct SetDatingOptions {
  static constexpr const char* kName = "SetDatingOptions";
  static constexpr Permission kAllowed = kForFacilitators;
  std::string call_url_template;
  bool avoid_same_group = false;
  std::optional<DatingTables> tables;  // nullopt: unchanged
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

enum class DatingPhase : uint8_t {
  kNone = 1,
  kMeeting = 2,
  kFirstSharing = 3,
  kSecondSharing = 4,
  kDone = 5,
  kThirdSharing = 6,  // after kSecondSharing, when a round has trios
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
  // Recorded by older servers, whose facilitators' switch exported everyone's
  // notes while the phones said "only you see these notes". Replayed, it
  // shares nothing: notes leave a phone only by their writer's choice.
  bool collect_notes = false;
  std::optional<DatingTables> tables;  // nullopt (older logs): unchanged
  bool operator==(const DatingOptionsSet&) const = default;
};

struct NotesShared {
  ParticipantId participant = 0;
  std::vector<uint32_t> rounds;
  bool shared = false;
  bool operator==(const NotesShared&) const = default;
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

  // Who speaks in which turn: the first speaker, then the others in the order
  // of `members` (a late joiner last). Empty until the first speaker is known.
  std::vector<ParticipantId> Speakers() const;
  // Who speaks in `phase`, and who after them; 0 for nobody.
  ParticipantId SpeakerNow(DatingPhase phase) const;
  ParticipantId SpeakerNext(DatingPhase phase) const;
};

// The speaking turn of a phase (0 first, 1 second, 2 third), or -1.
int SharingTurn(DatingPhase phase);

struct DatingRound {
  uint32_t number = 0;
  std::vector<DatingUnit> units;
  bool operator==(const DatingRound&) const = default;
};

struct DatingNote {
  std::string text;
  Time saved_at;
  bool shared = false;  // its writer shares it with the facilitators' export
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
  // Whether the current round has a unit of three or more (a third turn).
  bool CurrentHasTrio() const;
  // How many participants share at least one note.
  size_t ParticipantsSharingNotes() const;
};

// The engine's view of the activity: see domain/activity.h for each hook.
struct DatingActivity {
  using State = DatingState;
  using CommandTypes =
      TypeList<cmd::StartDatingRound, cmd::ChooseFirstSpeaker,
               cmd::StartSharing, cmd::SwapSpeakers, cmd::EndDate,
               cmd::PairLateJoiners, cmd::SaveNote, cmd::ShareNotes,
               cmd::SetDatingOptions>;
  using EventTypes =
      TypeList<ev::DatingSetUp, ev::DatingRoundStarted, ev::FirstSpeakerChosen,
               ev::DatingPhaseChanged, ev::DatingMemberAdded, ev::NoteSaved,
               ev::DatingOptionsSet, ev::NotesShared>;
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
                                 const cmd::ShareNotes& command);
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
  static void Apply(WorkshopState& s, const ev::NotesShared& e, Touched& t);

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
