#ifndef CAMPANA_DOMAIN_COMMANDS_H_
#define CAMPANA_DOMAIN_COMMANDS_H_

#include <string>
#include <variant>
#include <vector>

#include "domain/activities/registry.h"
#include "domain/agenda_item.h"
#include "domain/events.h"
#include "domain/permission.h"
#include "domain/time.h"
#include "domain/types.h"

// What devices (and the server itself) ask a workshop to do. A command is a
// request: Decide checks it against the state and turns it into events, or
// refuses it.
namespace campana::domain::cmd {

// System: the first record of every workshop. The facilitator key is drawn in
// Decide.
struct CreateWorkshop {
  static constexpr const char* kName = "CreateWorkshop";
  static constexpr Permission kAllowed = kForSystem;
  std::string code;
  std::string title;
  std::string language;
  std::vector<AgendaItem> agenda;
  // The next workshop of a series: the first one's code, the previous one's,
  // and the previous one's people (each as they joined there, group 0), with
  // its groups and teams when they are kept (assignments: who is in which).
  std::string series;
  std::string previous;
  std::vector<ev::ParticipantJoined> roster;
  ev::GroupsSetUp groups;
  std::vector<ev::Team> teams;
};

struct Join {
  static constexpr const char* kName = "Join";
  static constexpr Permission kAllowed = kForParticipants;
  std::string display_name;
  Presence presence = Presence::kInRoom;
  std::string join_key;
  // Someone already in the workshop on a new device: their personal code. The
  // device becomes them; the name and presence are not used.
  std::string personal_code;
};
// A new personal code for a participant who lost their device (the old one
// stops working); the Decision carries it for the facilitator to hand over.
struct ResetPersonalCode {
  static constexpr const char* kName = "ResetPersonalCode";
  static constexpr Permission kAllowed = kForFacilitators;
  ParticipantId participant = 0;
};
struct RenameParticipant {
  static constexpr const char* kName = "RenameParticipant";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  ParticipantId participant = 0;  // 0: the actor
  std::string display_name;
};
struct RemoveParticipant {
  static constexpr const char* kName = "RemoveParticipant";
  static constexpr Permission kAllowed = kForFacilitators;
  ParticipantId participant = 0;
  bool ban = false;  // and keep their device out until AllowBack
};
// Lets a banned device join again; `participant` is the id it had.
struct AllowBack {
  static constexpr const char* kName = "AllowBack";
  static constexpr Permission kAllowed = kForFacilitators;
  ParticipantId participant = 0;
};
// A new projector secret; projectors with the old one drop to the public view.
struct RotateProjectorKey {
  static constexpr const char* kName = "RotateProjectorKey";
  static constexpr Permission kAllowed = kForFacilitators;
};
// The organizer ends the workshop: nobody new may join; everything else (the
// people in it, the report) stays.
struct CloseWorkshop {
  static constexpr const char* kName = "CloseWorkshop";
  static constexpr Permission kAllowed = kForSystem;
};
// A console link for one more facilitator (its secret in the Access doc).
struct InviteFacilitator {
  static constexpr const char* kName = "InviteFacilitator";
  static constexpr Permission kAllowed = kForFacilitators;
  std::string name;
};
// The link stops opening the console; consoles open with it are disconnected.
struct RevokeFacilitator {
  static constexpr const char* kName = "RevokeFacilitator";
  static constexpr Permission kAllowed = kForFacilitators;
  uint32_t link = 0;
};
// System: how many consoles are open with a link now (0: the workshop's own
// key), so that each console sees who else is at one.
struct CountConsoles {
  static constexpr const char* kName = "CountConsoles";
  static constexpr Permission kAllowed = kForSystem;
  uint32_t link = 0;
  uint32_t count = 0;
};
struct SetPresence {
  static constexpr const char* kName = "SetPresence";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  ParticipantId participant = 0;  // 0: the actor
  Presence presence = Presence::kInRoom;
};
// System: a participant's first device connected or last device left.
struct SetConnected {
  static constexpr const char* kName = "SetConnected";
  static constexpr Permission kAllowed = kForSystem;
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
  static constexpr const char* kName = "SetupGroups";
  static constexpr Permission kAllowed = kForFacilitators;
  GroupMode mode = GroupMode::kRandom;
  uint32_t count = 0;
  uint32_t size = 0;
  bool separate_remote = false;
};
struct MoveParticipant {
  static constexpr const char* kName = "MoveParticipant";
  static constexpr Permission kAllowed = kForFacilitators;
  ParticipantId participant = 0;
  GroupNumber group = 0;
};
struct ChooseGroup {
  static constexpr const char* kName = "ChooseGroup";
  static constexpr Permission kAllowed = kForParticipants;
  GroupNumber group = 0;
};
struct SetGroupChoice {
  static constexpr const char* kName = "SetGroupChoice";
  static constexpr Permission kAllowed = kForFacilitators;
  bool open = false;
};
struct DefineTeams {
  static constexpr const char* kName = "DefineTeams";
  static constexpr Permission kAllowed = kForFacilitators;
  std::vector<TeamSpec> teams;
};

struct CreateTimer {
  static constexpr const char* kName = "CreateTimer";
  static constexpr Permission kAllowed = kForFacilitators;
  std::string name;
  Millis duration{0};
  Scope scope;
};
struct StartTimer {
  static constexpr const char* kName = "StartTimer";
  static constexpr Permission kAllowed = kForFacilitators;
  TimerId timer = 0;
};
struct PauseTimer {
  static constexpr const char* kName = "PauseTimer";
  static constexpr Permission kAllowed = kForFacilitators;
  TimerId timer = 0;
};
struct AddTime {
  static constexpr const char* kName = "AddTime";
  static constexpr Permission kAllowed = kForFacilitators;
  TimerId timer = 0;
  Millis delta{0};
};
struct ResetTimer {
  static constexpr const char* kName = "ResetTimer";
  static constexpr Permission kAllowed = kForFacilitators;
  TimerId timer = 0;
};
struct DeleteTimer {
  static constexpr const char* kName = "DeleteTimer";
  static constexpr Permission kAllowed = kForFacilitators;
  TimerId timer = 0;
};
struct RingBell {
  static constexpr const char* kName = "RingBell";
  static constexpr Permission kAllowed = kForFacilitators;
  Scope scope;
};
// System: the hub sends it when NextDeadline() has passed.
struct Tick {
  static constexpr const char* kName = "Tick";
  static constexpr Permission kAllowed = kForSystem;
};

struct GotoAgendaItem {
  static constexpr const char* kName = "GotoAgendaItem";
  static constexpr Permission kAllowed = kForFacilitators;
  int index = -1;
};

struct ShowScene {
  static constexpr const char* kName = "ShowScene";
  static constexpr Permission kAllowed = kForFacilitators;
  Scene scene = Scene::kAuto;
};

// Editing the run of show while it runs: campana.v1.EditAgendaItem and the
// three after it say what each may do; agenda.cc checks it.
struct EditAgendaItem {
  static constexpr const char* kName = "EditAgendaItem";
  static constexpr Permission kAllowed = kForFacilitators;
  int index = 0;
  std::string title;
  Millis duration{0};
};
struct MoveAgendaItem {
  static constexpr const char* kName = "MoveAgendaItem";
  static constexpr Permission kAllowed = kForFacilitators;
  int index = 0;
  int to = 0;
};
struct RemoveAgendaItem {
  static constexpr const char* kName = "RemoveAgendaItem";
  static constexpr Permission kAllowed = kForFacilitators;
  int index = 0;
};
struct AddAgendaItem {
  static constexpr const char* kName = "AddAgendaItem";
  static constexpr Permission kAllowed = kForFacilitators;
  int index = 0;
  std::string title;
  Millis duration{0};
};

struct SubmitAnswer {
  static constexpr const char* kName = "SubmitAnswer";
  static constexpr Permission kAllowed = kForParticipants;
  int agenda_index = 0;
  std::string text;
};
struct ShowAnswers {
  static constexpr const char* kName = "ShowAnswers";
  static constexpr Permission kAllowed = kForFacilitators;
  int agenda_index = 0;
  bool show = false;
  bool with_names = false;
};

}  // namespace campana::domain::cmd

namespace campana::domain {

// The core's own commands; each activity lists its own (activities/).
using CoreCommands =
    TypeList<cmd::CreateWorkshop, cmd::Join, cmd::RenameParticipant,
             cmd::RemoveParticipant, cmd::AllowBack, cmd::RotateProjectorKey,
             cmd::CloseWorkshop, cmd::InviteFacilitator, cmd::RevokeFacilitator,
             cmd::CountConsoles, cmd::ResetPersonalCode, cmd::SetPresence,
             cmd::SetConnected, cmd::SetupGroups, cmd::MoveParticipant,
             cmd::ChooseGroup, cmd::SetGroupChoice, cmd::DefineTeams,
             cmd::CreateTimer, cmd::StartTimer, cmd::PauseTimer, cmd::AddTime,
             cmd::ResetTimer, cmd::DeleteTimer, cmd::RingBell, cmd::Tick,
             cmd::GotoAgendaItem, cmd::ShowScene, cmd::EditAgendaItem,
             cmd::MoveAgendaItem, cmd::RemoveAgendaItem, cmd::AddAgendaItem,
             cmd::SubmitAnswer, cmd::ShowAnswers>;
using CommandVariant = VariantOf<Concat<CoreCommands, ActivityCommands>>;
// One command. Its copy, move and destruction are compiled once, in
// variants.cc, as Event's are (events.h says why).
struct Command : CommandVariant {
  using variant::variant;
  Command();
  Command(const Command&);
  Command(Command&&) noexcept;
  Command& operator=(const Command&);
  Command& operator=(Command&&) noexcept;
  ~Command();
};

// "StartTimer", "Join"...: for logs and tests.
const char* CommandName(const Command& command);

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_COMMANDS_H_
