// fuzz_seeds: writes the seeds of the fuzz corpus and the dictionary, from real
// messages built with the generated protobuf classes.
//
//   fuzz_seeds tests/fuzz     (deploy/dev.sh fuzz runs it before fuzzing)
//
// tests/fuzz/corpus/frames/seed-*    what a device sends on an open WebSocket
// tests/fuzz/corpus/commands/seed-*  message sequences for fuzz_commands
// tests/fuzz/client_message.dict     the JSON mapping's names, for libFuzzer
//
// Every seed-* file is written again from scratch; the other files of the
// corpus (what libFuzzer merged in, named by their SHA-1) are left alone. The
// output depends only on this file, the protos and the demo template, so a run
// changes nothing unless one of them changed. Every kind of command gets a
// seed, found through reflection: a command added to the proto gets one without
// an edit here.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <google/protobuf/descriptor.h>
#include <google/protobuf/util/json_util.h>

#include <campana/v1/template.pb.h>
#include <campana/v1/wire.pb.h>

#include "command_input.h"

namespace campana::fuzz {
namespace {

namespace fs = std::filesystem;
namespace gp = google::protobuf;
namespace pb = campana::v1;

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz_seeds: %s\n", what.c_str());
  std::exit(1);
}

std::string Json(const gp::Message& message) {
  std::string json;
  if (!gp::util::MessageToJsonString(message, &json).ok())
    Fail("cannot write JSON for " + message.GetTypeName());
  return json;
}

// ---- Messages --------------------------------------------------------------

// Where each activity is in the demo template, for GotoAgendaItem.
struct Agenda {
  int groups = 1, race = 2, cards = 3, dating = 4, question = 5;
};

Agenda ReadAgenda() {
  std::ifstream file(CAMPANA_TEMPLATES_DIR "/demo.es.json");
  std::stringstream json;
  json << file.rdbuf();
  pb::WorkshopTemplate plan;
  if (!gp::util::JsonStringToMessage(json.str(), &plan).ok())
    Fail("cannot read the demo template");
  Agenda agenda;
  const std::map<pb::AgendaItemSpec::ActivityCase, int*> where = {
      {pb::AgendaItemSpec::kGroups, &agenda.groups},
      {pb::AgendaItemSpec::kRace, &agenda.race},
      {pb::AgendaItemSpec::kCardSort, &agenda.cards},
      {pb::AgendaItemSpec::kSpeedDating, &agenda.dating},
      {pb::AgendaItemSpec::kQuestion, &agenda.question}};
  for (int i = 0; i < plan.items_size(); ++i) {
    auto it = where.find(plan.items(i).activity_case());
    if (it != where.end()) *it->second = i;
  }
  return agenda;
}

// Sets a number field of any integer type, or adds to a repeated one.
void SetNumber(gp::Message& m, const gp::FieldDescriptor* f, int64_t v) {
  const gp::Reflection* r = m.GetReflection();
  const bool rep = f->is_repeated();
  switch (f->cpp_type()) {
    case gp::FieldDescriptor::CPPTYPE_INT32:
      rep ? r->AddInt32(&m, f, static_cast<int32_t>(v))
          : r->SetInt32(&m, f, static_cast<int32_t>(v));
      break;
    case gp::FieldDescriptor::CPPTYPE_INT64:
      rep ? r->AddInt64(&m, f, v) : r->SetInt64(&m, f, v);
      break;
    case gp::FieldDescriptor::CPPTYPE_UINT32:
      rep ? r->AddUInt32(&m, f, static_cast<uint32_t>(v))
          : r->SetUInt32(&m, f, static_cast<uint32_t>(v));
      break;
    default:
      rep ? r->AddUInt64(&m, f, static_cast<uint64_t>(v))
          : r->SetUInt64(&m, f, static_cast<uint64_t>(v));
      break;
  }
}

// A plausible value for every field of a command, by the field's name: the
// participants, timers, groups and teams of a workshop a few steps in.
class Filler {
 public:
  explicit Filler(const Agenda& agenda) : agenda_(agenda) {}

  void Fill(gp::Message& message, int depth = 0) const {
    const gp::Descriptor* type = message.GetDescriptor();
    const gp::Reflection* r = message.GetReflection();
    for (int i = 0; i < type->field_count(); ++i) {
      const gp::FieldDescriptor* f = type->field(i);
      if (f->real_containing_oneof() != nullptr) continue;
      const std::string& name = f->name();
      switch (f->cpp_type()) {
        case gp::FieldDescriptor::CPPTYPE_INT32:
        case gp::FieldDescriptor::CPPTYPE_INT64:
        case gp::FieldDescriptor::CPPTYPE_UINT32:
        case gp::FieldDescriptor::CPPTYPE_UINT64: {
          std::vector<int64_t> values = Numbers(name);
          if (!f->is_repeated()) values.resize(1);
          for (int64_t v : values) SetNumber(message, f, v);
          break;
        }
        case gp::FieldDescriptor::CPPTYPE_BOOL:
          if (f->is_repeated())
            r->AddBool(&message, f, true);
          else
            r->SetBool(&message, f, true);
          break;
        case gp::FieldDescriptor::CPPTYPE_ENUM: {
          // The first value that means something (0 is "unspecified").
          const gp::EnumDescriptor* e = f->enum_type();
          const auto* value = e->value(e->value_count() > 1 ? 1 : 0);
          if (f->is_repeated())
            r->AddEnum(&message, f, value);
          else
            r->SetEnum(&message, f, value);
          break;
        }
        case gp::FieldDescriptor::CPPTYPE_STRING:
          if (f->is_repeated())
            r->AddString(&message, f, Text(name));
          else
            r->SetString(&message, f, Text(name));
          break;
        case gp::FieldDescriptor::CPPTYPE_MESSAGE:
          if (depth > 3) break;
          if (f->is_repeated())
            Fill(*r->AddMessage(&message, f), depth + 1);
          else
            Fill(*r->MutableMessage(&message, f), depth + 1);
          break;
        default:
          break;
      }
    }
  }

 private:
  std::vector<int64_t> Numbers(const std::string& name) const {
    static const std::map<std::string, std::vector<int64_t>> kByName = {
        {"participant_id", {2}},
        {"group", {1}},
        {"groups", {1, 3}},
        {"count", {2}},
        {"size", {3}},
        {"timer_id", {1}},
        {"duration_ms", {90000}},
        {"delta_ms", {-15000}},
        {"team_id", {1}},
        {"card_id", {2}},
        {"to_index", {0}},
        {"round", {1}},
        {"id", {1}},
        {"client_seq", {7}},
        {"request_id", {41}},
    };
    if (name == "index" || name == "agenda_index") return {agenda_.question};
    auto it = kByName.find(name);
    return it != kByName.end() ? it->second : std::vector<int64_t>{1};
  }

  static std::string Text(const std::string& name) {
    if (name == "display_name") return "Ana María";
    if (name == "join_key") return "join-key-0f3a9c";
    if (name == "call_url_template")
      return "https://meet.example.org/{workshop}-{round}-{pair}";
    if (name == "text") return "Aprendí que un fracaso a tiempo enseña";
    return "Equipo Ñandú";
  }

  Agenda agenda_;
};

// One ClientMessage with the command `kind` (a field of Command's oneof),
// filled in.
pb::ClientMessage CommandOfKind(const Filler& filler,
                                const gp::FieldDescriptor* kind) {
  pb::ClientMessage message;
  message.set_request_id(41);
  pb::Command* command = message.mutable_command();
  command->set_client_seq(7);
  filler.Fill(*command->GetReflection()->MutableMessage(command, kind));
  return message;
}

// The kinds of command the proto has, in field order.
std::vector<const gp::FieldDescriptor*> CommandKinds() {
  std::vector<const gp::FieldDescriptor*> kinds;
  const gp::OneofDescriptor* body =
      pb::Command::descriptor()->FindOneofByName("body");
  for (int i = 0; i < body->field_count(); ++i) kinds.push_back(body->field(i));
  return kinds;
}

// Small builders for the scenarios, with the fields every version has.
uint64_t next_request = 100;

pb::ClientMessage Command(uint64_t client_seq = 0) {
  pb::ClientMessage m;
  m.set_request_id(++next_request);
  m.mutable_command()->set_client_seq(client_seq);
  return m;
}

pb::ClientMessage Hello(pb::Role role) {
  pb::ClientMessage m;
  m.set_request_id(1);
  m.mutable_hello()->set_workshop_code("K7M2QX");
  m.mutable_hello()->set_role(role);
  if (role == pb::ROLE_FACILITATOR)
    m.mutable_hello()->set_facilitator_key("0123456789abcdef0123456789abcdef");
  if (role == pb::ROLE_PARTICIPANT) {
    m.mutable_hello()->set_resume_token("fedcba9876543210fedcba9876543210");
    m.mutable_hello()->set_epoch("ep-3f9a");
    m.mutable_hello()->set_last_offset(12);
  }
  return m;
}

pb::ClientMessage Ping(int64_t client_time_ms) {
  pb::ClientMessage m;
  m.set_request_id(2);
  m.mutable_ping()->set_client_time_ms(client_time_ms);
  return m;
}

// A field of a command, by name ("scope.kind" for a field of a field), and its
// value: a number (also for enums and bools) or a string.
struct Field {
  using Value = std::variant<int64_t, std::string>;
  std::string name;
  Value value;
};

void Set(gp::Message& message, std::string_view name,
         const Field::Value& value);

// The command `kind` (its field name in Command's oneof) with `fields` set.
pb::ClientMessage Cmd(const std::string& kind,
                      const std::vector<Field>& fields = {},
                      uint64_t client_seq = 0) {
  pb::ClientMessage m = Command(client_seq);
  pb::Command* command = m.mutable_command();
  const gp::FieldDescriptor* f =
      pb::Command::descriptor()->FindFieldByName(kind);
  if (f == nullptr) Fail("no command " + kind);
  gp::Message* body = command->GetReflection()->MutableMessage(command, f);
  for (const Field& field : fields) Set(*body, field.name, field.value);
  return m;
}

void Set(gp::Message& message, std::string_view name,
         const Field::Value& value) {
  const gp::Descriptor* type = message.GetDescriptor();
  const gp::Reflection* r = message.GetReflection();
  const size_t dot = name.find('.');
  const gp::FieldDescriptor* f =
      type->FindFieldByName(std::string(name.substr(0, dot)));
  if (f == nullptr) Fail("no field " + std::string(name));
  if (dot != std::string_view::npos) {
    Set(*r->MutableMessage(&message, f), name.substr(dot + 1), value);
  } else if (const auto* text = std::get_if<std::string>(&value)) {
    r->SetString(&message, f, *text);
  } else if (f->cpp_type() == gp::FieldDescriptor::CPPTYPE_BOOL) {
    r->SetBool(&message, f, std::get<int64_t>(value) != 0);
  } else if (f->cpp_type() == gp::FieldDescriptor::CPPTYPE_ENUM) {
    r->SetEnumValue(&message, f, static_cast<int>(std::get<int64_t>(value)));
  } else {
    SetNumber(message, f, std::get<int64_t>(value));
  }
}

pb::ClientMessage Join(const std::string& name, pb::Presence presence,
                       uint64_t seq) {
  static int joins = 0;
  return Cmd("join",
             {{"display_name", name},
              {"presence", presence},
              {"join_key", "join-key-seed-" + std::to_string(++joins)}},
             seq);
}

pb::ClientMessage TwoTeams() {
  pb::ClientMessage m = Command();
  auto* teams = m.mutable_command()->mutable_define_teams();
  auto* a = teams->add_teams();
  a->set_name("A");
  a->add_groups(1);
  a->add_groups(3);
  auto* b = teams->add_teams();
  b->set_name("B");
  b->add_groups(2);
  b->add_groups(4);
  return m;
}

// ---- fuzz_commands inputs --------------------------------------------------

class Sequence {
 public:
  // `flags` says who runs it (command_input.h); the format is added here.
  Sequence& Add(const pb::ClientMessage& m, uint8_t flags, uint8_t clock = 2,
                bool json = false) {
    const std::string frame = json ? Json(m) : m.SerializeAsString();
    if (frame.size() > 0xffff) Fail("a message too long for a seed");
    bytes_ += EncodeMessage(json ? flags | kJsonFlag : flags, clock, frame);
    return *this;
  }
  Sequence& Raw(std::string_view frame, uint8_t flags, uint8_t clock = 2) {
    bytes_ += EncodeMessage(flags, clock, frame);
    return *this;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  std::string bytes_;
};

constexpr uint8_t kFacilitator = kAsFacilitator;
constexpr uint8_t Participant(uint8_t id) {
  return kAsParticipant | ParticipantFlags(id);
}
constexpr uint8_t Connection(uint8_t id) { return ParticipantFlags(id); }

std::map<std::string, std::string> CommandSeeds(const Agenda& agenda) {
  std::map<std::string, std::string> seeds;
  const Filler filler(agenda);

  // Every kind of command, binary then JSON, each run as every role.
  for (const gp::FieldDescriptor* kind : CommandKinds()) {
    const pb::ClientMessage m = CommandOfKind(filler, kind);
    seeds["seed-" + kind->name()] =
        Sequence()
            .Add(m, kAsEveryRole | ParticipantFlags(1), 10)
            .Add(m, kAsEveryRole | ParticipantFlags(2), 30, true)
            .bytes();
  }

  // What is not a command: decoded, then nothing.
  seeds["seed-hello-and-ping"] =
      Sequence()
          .Add(Hello(pb::ROLE_PARTICIPANT), Participant(1))
          .Add(Hello(pb::ROLE_FACILITATOR), kFacilitator, 2, true)
          .Add(Ping(1'700'000'123'456), Participant(1))
          .Add(Ping(-1), Participant(1), 2, true)
          .Raw("\x0a\xff\xff", Participant(1))
          .bytes();

  seeds["seed-people"] =
      Sequence()
          .Add(Join("Fabián", pb::PRESENCE_IN_ROOM, 1), Participant(0))
          .Add(Join("José María", pb::PRESENCE_REMOTE, 1), Participant(0), 3,
               true)
          .Add(Cmd("rename_participant", {{"display_name", "Carla Inés"}}, 2),
               Participant(3))
          .Add(Cmd("set_presence", {{"presence", pb::PRESENCE_REMOTE}}, 3),
               Participant(3), 2, true)
          .Raw("", Connection(2), 20)
          .Raw("", Connection(2), 20)
          .Add(Cmd("remove_participant", {{"participant_id", 4}}), kFacilitator)
          .bytes();

  const pb::ClientMessage random_groups = Cmd(
      "setup_groups", {{"mode", pb::SetupGroups::MODE_RANDOM}, {"count", 4}});
  seeds["seed-groups"] =
      Sequence()
          .Add(Cmd("goto_agenda_item", {{"index", agenda.groups}}),
               kFacilitator)
          .Add(random_groups, kFacilitator)
          .Add(TwoTeams(), kFacilitator, 2, true)
          .Add(Cmd("move_participant", {{"participant_id", 3}, {"group", 2}}),
               kFacilitator)
          .Add(Cmd("setup_groups", {{"mode", pb::SetupGroups::MODE_CHOOSE},
                                    {"count", 3},
                                    {"separate_remote", true}}),
               kFacilitator)
          .Add(Cmd("set_group_choice", {{"open", true}}), kFacilitator)
          .Add(Cmd("choose_group", {{"group", 2}}, 4), Participant(1), 2, true)
          .bytes();

  const pb::ClientMessage start_timer_1 = Cmd("start_timer", {{"timer_id", 1}});
  seeds["seed-timers"] =
      Sequence()
          .Add(Cmd("create_timer", {{"name", "Pausa"},
                                    {"duration_ms", 60'000},
                                    {"scope.kind", pb::Scope::KIND_ROOM}}),
               kFacilitator)
          .Add(start_timer_1, kFacilitator)
          .Add(Cmd("pause_timer", {{"timer_id", 1}}), kFacilitator, 8, true)
          .Add(Cmd("add_time", {{"timer_id", 1}, {"delta_ms", -20'000}}),
               kFacilitator)
          .Add(start_timer_1, kFacilitator)
          // Past its end: a Tick first, then the bell.
          .Add(Cmd("ring_bell", {{"scope.kind", pb::Scope::KIND_ROOM}}),
               kFacilitator, 25)
          .Add(Cmd("reset_timer", {{"timer_id", 1}}), kFacilitator)
          .Add(Cmd("delete_timer", {{"timer_id", 1}}), kFacilitator, 2, true)
          .bytes();

  const auto answer = [&](const std::string& text) {
    return Cmd("submit_answer",
               {{"agenda_index", agenda.question}, {"text", text}}, 1);
  };
  seeds["seed-question"] =
      Sequence()
          .Add(Cmd("goto_agenda_item", {{"index", agenda.question}}),
               kFacilitator)
          .Add(answer("Escuchar antes de hablar"), Participant(1))
          .Add(answer("Probar rápido\ny barato"), Participant(2), 2, true)
          // Resent after a lost Ack: a duplicate.
          .Add(answer("Probar rápido\ny barato"), Participant(2), 2, true)
          .Add(Cmd("show_answers", {{"agenda_index", agenda.question},
                                    {"show", true},
                                    {"with_names", true}}),
               kFacilitator)
          .bytes();

  seeds["seed-race"] =
      Sequence()
          .Add(random_groups, kFacilitator)
          .Add(TwoTeams(), kFacilitator)
          .Add(Cmd("goto_agenda_item", {{"index", agenda.race}}), kFacilitator)
          .Add(Cmd("start_race_strategy"), kFacilitator)
          .Add(Cmd("open_race_window"), kFacilitator, 12, true)
          .Add(Cmd("move_participant", {{"participant_id", 1}, {"group", 1}}),
               kFacilitator)
          .Add(Cmd("name_captain", {{"team_id", 1}, {"participant_id", 1}}),
               kFacilitator)
          // The captain, for their own team (0).
          .Add(Cmd("start_run"), Participant(1))
          .Add(Cmd("stop_run"), Participant(1), 5)
          .Add(Cmd("start_run", {{"team_id", 2}}), kFacilitator)
          .Add(Cmd("void_run", {{"team_id", 2}}), kFacilitator, 3, true)
          // After the penalty (30 s in the demo).
          .Add(Cmd("start_run", {{"team_id", 2}}), kFacilitator, 18)
          .Add(Cmd("stop_run", {{"team_id", 2}}), kFacilitator, 5)
          .Add(Cmd("finish_race"), kFacilitator, 2, true)
          .bytes();

  // Cards 1 to N are the deck's (see WithCardIds in commands_fuzzer.cc).
  seeds["seed-cards"] =
      Sequence()
          .Add(Cmd("setup_groups",
                   {{"mode", pb::SetupGroups::MODE_RANDOM}, {"count", 2}}),
               kFacilitator)
          .Add(Cmd("goto_agenda_item", {{"index", agenda.cards}}), kFacilitator)
          .Add(Cmd("start_card_sort"), kFacilitator)
          .Add(Cmd("move_card", {{"card_id", 3}, {"to_index", 0}}, 1),
               Participant(1))
          .Add(Cmd("move_card", {{"card_id", 1}, {"to_index", 5}}, 1),
               Participant(2), 2, true)
          .Add(Cmd("lock_cards"), Participant(1))
          .Add(Cmd("reveal_cards"), kFacilitator, 40)
          .bytes();

  seeds["seed-dating"] =
      Sequence()
          .Add(Cmd("goto_agenda_item", {{"index", agenda.dating}}),
               kFacilitator)
          .Add(Cmd("set_dating_options",
                   {{"call_url_template",
                     "https://meet.example.org/{workshop}-{round}-{pair}"},
                    {"collect_notes", true}}),
               kFacilitator)
          .Add(Cmd("start_dating_round"), kFacilitator)
          .Add(Cmd("choose_first_speaker"), Participant(1))
          .Add(Cmd("start_sharing"), kFacilitator)
          .Add(Cmd("swap_speakers"), kFacilitator, 18)
          .Add(Cmd("save_note",
                   {{"round", 1}, {"text", "Me impresionó tu calma"}}, 5),
               Participant(2), 2, true)
          .Add(Join("Gabriela", pb::PRESENCE_REMOTE, 1), Participant(0))
          .Add(Cmd("pair_late_joiners"), kFacilitator)
          .Add(Cmd("end_date"), kFacilitator, 18)
          .Add(Cmd("start_dating_round"), kFacilitator, 2, true)
          .bytes();
  return seeds;
}

// ---- fuzz_frames inputs ----------------------------------------------------

// How a device masks its frames. A browser draws a key for every frame; most
// seeds use the key 0, which leaves the payload as it is, so that the fuzzer's
// edits (and the dictionary's JSON names) land in the message itself.
enum class Mask { kZero, kDrawn, kNone };

// One frame from the device.
std::string Frame(int opcode, std::string_view payload, bool fin = true,
                  Mask mask = Mask::kZero) {
  static constexpr uint8_t kDrawn[4] = {0x9e, 0x37, 0x79, 0xb9};
  static constexpr uint8_t kZero[4] = {0, 0, 0, 0};
  const bool masked = mask != Mask::kNone;
  const uint8_t* kMask = mask == Mask::kDrawn ? kDrawn : kZero;
  std::string out;
  out += static_cast<char>((fin ? 0x80 : 0) | opcode);
  const uint8_t mask_bit = masked ? 0x80 : 0;
  if (payload.size() < 126) {
    out += static_cast<char>(mask_bit | payload.size());
  } else if (payload.size() <= 0xffff) {
    out += static_cast<char>(mask_bit | 126);
    out += static_cast<char>(payload.size() >> 8);
    out += static_cast<char>(payload.size() & 0xff);
  } else {
    out += static_cast<char>(mask_bit | 127);
    for (int shift = 56; shift >= 0; shift -= 8)
      out += static_cast<char>((uint64_t{payload.size()} >> shift) & 0xff);
  }
  if (masked) out.append(reinterpret_cast<const char*>(kMask), 4);
  for (size_t i = 0; i < payload.size(); ++i)
    out += static_cast<char>(payload[i] ^ (masked ? kMask[i % 4] : 0));
  return out;
}

constexpr int kContinuation = 0, kText = 1, kBinary = 2, kClose = 8, kPing = 9,
              kPong = 10;

std::string Binary(const pb::ClientMessage& m, Mask mask = Mask::kZero) {
  return Frame(kBinary, m.SerializeAsString(), true, mask);
}
std::string Text(const pb::ClientMessage& m, Mask mask = Mask::kZero) {
  return Frame(kText, Json(m), true, mask);
}

std::string CloseFrame(uint16_t code, std::string_view reason) {
  std::string payload;
  payload += static_cast<char>(code >> 8);
  payload += static_cast<char>(code & 0xff);
  payload += reason;
  return Frame(kClose, payload);
}

// A fuzz_frames input: first the bytes per read (0: all at once).
std::string Reads(uint8_t chunk, std::string_view frames) {
  return std::string(1, static_cast<char>(chunk)) + std::string(frames);
}

std::map<std::string, std::string> FrameSeeds(const Agenda& agenda) {
  std::map<std::string, std::string> seeds;
  const pb::ClientMessage hello = Hello(pb::ROLE_PARTICIPANT);
  const pb::ClientMessage join = Join("Ana", pb::PRESENCE_IN_ROOM, 1);
  pb::ClientMessage answer = Command(2);
  answer.mutable_command()->mutable_submit_answer()->set_agenda_index(
      agenda.question);
  answer.mutable_command()->mutable_submit_answer()->set_text(
      std::string(180, 'a') + " ñ");  // a 16-bit length

  seeds["seed-hello-binary"] = Reads(0, Binary(hello));
  seeds["seed-hello-json"] = Reads(0, Text(Hello(pb::ROLE_PROJECTOR)));
  seeds["seed-join-answer-binary"] =
      Reads(0, Binary(hello, Mask::kDrawn) + Binary(join, Mask::kDrawn) +
                   Binary(answer, Mask::kDrawn));
  seeds["seed-join-answer-json"] =
      Reads(0, Text(hello, Mask::kDrawn) + Text(join, Mask::kDrawn) +
                   Text(answer, Mask::kDrawn));
  seeds["seed-ping-message"] =
      Reads(0, Binary(Ping(1'700'000'000'000)) + Text(Ping(5)));
  seeds["seed-ping-pong-frames"] =
      Reads(0, Binary(hello) + Frame(kPing, "hola") + Frame(kPong, "") +
                   Binary(join));

  // One message in three fragments, a ping between them.
  const std::string bytes = join.SerializeAsString();
  const size_t third = bytes.size() / 3;
  seeds["seed-fragmented-binary"] =
      Reads(0, Frame(kBinary, bytes.substr(0, third), false) +
                   Frame(kPing, "", true) +
                   Frame(kContinuation, bytes.substr(third, third), false) +
                   Frame(kContinuation, bytes.substr(2 * third), true));
  // JSON cut inside a two-byte character, read a few bytes at a time.
  const std::string json = Json(Join("José", pb::PRESENCE_REMOTE, 1));
  const size_t accent = json.find("é");
  const size_t cut = accent == std::string::npos ? json.size() / 2 : accent + 1;
  seeds["seed-fragmented-text"] =
      Reads(5, Frame(kText, json.substr(0, cut), false, Mask::kDrawn) +
                   Frame(kContinuation, json.substr(cut), true, Mask::kDrawn));

  seeds["seed-close"] = Reads(0, Binary(hello) + CloseFrame(1000, "adiós"));
  seeds["seed-close-then-more"] = Reads(0, CloseFrame(1001, "") + Binary(join));
  seeds["seed-empty-messages"] =
      Reads(0, Frame(kBinary, "") + Frame(kText, "") + Binary(hello));
  // Announces more than the server's 64 KiB limit, with a 64-bit length.
  seeds["seed-too-big"] =
      Reads(0, Frame(kBinary, std::string(70'000, 'x')).substr(0, 64));
  seeds["seed-unmasked"] =
      Reads(0, Frame(kBinary, "\x08\x01", true, Mask::kNone));
  seeds["seed-bad-utf8"] =
      Reads(0, Frame(kText, "{\"requestId\": \"\xc3\x28\"}"));
  seeds["seed-reserved-opcode"] = Reads(0, Frame(3, "?") + Binary(hello));

  // Every kind of command in one connection, read a byte at a time (binary)
  // and seven at a time (JSON).
  const Filler filler(agenda);
  std::string all_binary, all_json;
  for (const gp::FieldDescriptor* kind : CommandKinds()) {
    const pb::ClientMessage m = CommandOfKind(filler, kind);
    all_binary += Binary(m);
    all_json += Text(m);
  }
  seeds["seed-every-command-binary"] = Reads(1, Binary(hello) + all_binary);
  seeds["seed-every-command-json"] = Reads(7, Text(hello) + all_json);
  return seeds;
}

// ---- The dictionary --------------------------------------------------------

void CollectNames(const gp::Descriptor* type,
                  std::set<const gp::Descriptor*>& seen,
                  std::set<std::string>& names) {
  if (!seen.insert(type).second) return;
  for (int i = 0; i < type->field_count(); ++i) {
    const gp::FieldDescriptor* f = type->field(i);
    names.insert('"' + f->json_name() + '"');
    if (f->enum_type() != nullptr) {
      for (int v = 0; v < f->enum_type()->value_count(); ++v)
        names.insert('"' + f->enum_type()->value(v)->name() + '"');
    }
    if (f->message_type() != nullptr)
      CollectNames(f->message_type(), seen, names);
  }
}

std::string Dictionary() {
  std::set<const gp::Descriptor*> seen;
  std::set<std::string> names;
  CollectNames(pb::ClientMessage::descriptor(), seen, names);
  std::string out =
      "# The names of campana.v1.ClientMessage's JSON mapping, for libFuzzer\n"
      "# (-dict). Written by fuzz_seeds (tests/fuzz/make_seeds.cc).\n";
  for (const char* token :
       {"{", "}", "[", "]", ":", ",", "true", "false", "null", "\"\"", "\"0\"",
        "-1", "1e9", "\"\\u0000\"", "\"18446744073709551615\""}) {
    names.insert(token);
  }
  for (const std::string& name : names) {
    out += "\"";
    for (char c : name) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    out += "\"\n";
  }
  return out;
}

// ---- Writing ---------------------------------------------------------------

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) Fail("cannot write " + path.string());
}

void WriteSeeds(const fs::path& dir,
                const std::map<std::string, std::string>& seeds) {
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().starts_with("seed-"))
      fs::remove(entry.path());
  }
  for (const auto& [name, bytes] : seeds) WriteFile(dir / name, bytes);
  std::printf("%zu seeds in %s\n", seeds.size(), dir.c_str());
}

}  // namespace
}  // namespace campana::fuzz

int main(int argc, char** argv) {
  using namespace campana::fuzz;
  if (argc != 2) {
    std::fprintf(stderr, "usage: fuzz_seeds DIR (tests/fuzz)\n");
    return 2;
  }
  const fs::path dir = argv[1];
  const Agenda agenda = ReadAgenda();
  WriteSeeds(dir / "corpus" / "commands", CommandSeeds(agenda));
  WriteSeeds(dir / "corpus" / "frames", FrameSeeds(agenda));
  WriteFile(dir / "client_message.dict", Dictionary());
  return 0;
}
