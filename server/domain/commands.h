#ifndef CAMPANA_DOMAIN_COMMANDS_H_
#define CAMPANA_DOMAIN_COMMANDS_H_

#include <string>
#include <variant>
#include <vector>

#include "domain/agenda_item.h"
#include "domain/time.h"
#include "domain/types.h"

// What devices (and the server itself) ask a workshop to do. A command is a
// request: Decide checks it against the state and turns it into events, or
// refuses it.
namespace campana::domain::cmd {

// System: the first record of every workshop. The facilitator key is drawn in
// Decide.
struct CreateWorkshop {
  std::string code;
  std::string title;
  std::string language;
  std::vector<AgendaItem> agenda;
};

struct Join {
  std::string display_name;
  Presence presence = Presence::kInRoom;
  std::string join_key;
};
struct RenameParticipant {
  ParticipantId participant = 0;  // 0: the actor
  std::string display_name;
};
struct RemoveParticipant {
  ParticipantId participant = 0;
  bool ban = false;  // and keep their device out until AllowBack
};
// Lets a banned device join again; `participant` is the id it had.
struct AllowBack {
  ParticipantId participant = 0;
};
// A new projector secret; projectors with the old one drop to the public view.
struct RotateProjectorKey {};
struct SetPresence {
  ParticipantId participant = 0;  // 0: the actor
  Presence presence = Presence::kInRoom;
};
// System: a participant's first device connected or last device left.
struct SetConnected {
  ParticipantId participant = 0;
  bool connected = false;
};

enum class GroupMode : uint8_t {
  kRandom = 1,
  kBySize = 2,
  kChoose = 3,
  kManual = 4
};
struct SetupGroups {
  GroupMode mode = GroupMode::kRandom;
  uint32_t count = 0;
  uint32_t size = 0;
  bool separate_remote = false;
};
struct MoveParticipant {
  ParticipantId participant = 0;
  GroupNumber group = 0;
};
struct ChooseGroup {
  GroupNumber group = 0;
};
struct SetGroupChoice {
  bool open = false;
};
struct DefineTeams {
  std::vector<TeamSpec> teams;
};

struct CreateTimer {
  std::string name;
  Millis duration{0};
  Scope scope;
};
struct StartTimer {
  TimerId timer = 0;
};
struct PauseTimer {
  TimerId timer = 0;
};
struct AddTime {
  TimerId timer = 0;
  Millis delta{0};
};
struct ResetTimer {
  TimerId timer = 0;
};
struct DeleteTimer {
  TimerId timer = 0;
};
struct RingBell {
  Scope scope;
};
// System: the hub sends it when NextDeadline() has passed.
struct Tick {};

struct GotoAgendaItem {
  int index = -1;
};

struct SubmitAnswer {
  int agenda_index = 0;
  std::string text;
};
struct ShowAnswers {
  int agenda_index = 0;
  bool show = false;
  bool with_names = false;
};

// The race of the current agenda item.
struct StartRaceStrategy {};
struct OpenRaceWindow {};
struct NameCaptain {
  TeamId team = 0;
  ParticipantId participant = 0;  // 0: nobody
};
// From a facilitator, or the team's captain (team 0: the captain's own team).
struct StartRun {
  TeamId team = 0;
};
struct StopRun {
  TeamId team = 0;
};
struct VoidRun {
  TeamId team = 0;
};
struct FinishRace {};

// The card sort of the current agenda item.
struct StartCardSort {};
struct MoveCard {
  CardId card = 0;
  uint32_t to_index = 0;
};
struct LockCards {};
struct RevealCards {};

// Speed dating, for the current agenda item.
struct StartDatingRound {};
struct ChooseFirstSpeaker {};
struct StartSharing {};
struct SwapSpeakers {};
struct EndDate {};
struct PairLateJoiners {};
struct SaveNote {
  uint32_t round = 0;
  std::string text;
};
struct SetDatingOptions {
  std::string call_url_template;
  bool avoid_same_group = false;
  bool collect_notes = false;
};

}  // namespace campana::domain::cmd

namespace campana::domain {

using Command = std::variant<
    cmd::CreateWorkshop, cmd::Join, cmd::RenameParticipant,
    cmd::RemoveParticipant, cmd::AllowBack, cmd::RotateProjectorKey,
    cmd::SetPresence, cmd::SetConnected, cmd::SetupGroups, cmd::MoveParticipant,
    cmd::ChooseGroup, cmd::SetGroupChoice, cmd::DefineTeams, cmd::CreateTimer,
    cmd::StartTimer, cmd::PauseTimer, cmd::AddTime, cmd::ResetTimer,
    cmd::DeleteTimer, cmd::RingBell, cmd::Tick, cmd::GotoAgendaItem,
    cmd::SubmitAnswer, cmd::ShowAnswers, cmd::StartRaceStrategy,
    cmd::OpenRaceWindow, cmd::NameCaptain, cmd::StartRun, cmd::StopRun,
    cmd::VoidRun, cmd::FinishRace, cmd::StartCardSort, cmd::MoveCard,
    cmd::LockCards, cmd::RevealCards, cmd::StartDatingRound,
    cmd::ChooseFirstSpeaker, cmd::StartSharing, cmd::SwapSpeakers, cmd::EndDate,
    cmd::PairLateJoiners, cmd::SaveNote, cmd::SetDatingOptions>;

// "StartTimer", "Join"...: for logs and tests.
const char* CommandName(const Command& command);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_COMMANDS_H_
