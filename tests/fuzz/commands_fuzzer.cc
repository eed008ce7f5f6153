// fuzz_commands: frames from devices, decoded and run through the engine the
// way the hub runs them, as every role.
//
// Each input is a sequence of messages (command_input.h). Every message is
// decoded by codec::DecodeClientMessage, binary or JSON; a command is then
// decided by a domain::Workshop (the demo template, five people joined) as a
// participant, the projector and a facilitator, and what is accepted is
// applied, as WorkshopHub::Execute does: a record at the next offset, the
// touched documents rendered. The clock is the input's; the randomness a
// seeded SplitMix64. One liberty: small card numbers name the deck's cards
// (see WithCardIds). Besides crashes, sanitizer reports and hangs, it stops on
// what would break a running server:
//   - a record the log cannot read back as written (a restart would differ);
//   - a state that replaying the decoded records does not rebuild, or that a
//     snapshot does not carry whole;
//   - a deadline that Ticks at its time do not move past (the lobby would wake
//     up again and again).

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "codec/log_codec.h"
#include "codec/template_codec.h"
#include "codec/view_codec.h"
#include "codec/wire_codec.h"
#include "command_input.h"
#include "domain/docs.h"
#include "domain/workshop.h"

namespace campana::fuzz {
namespace {

using namespace domain;  // NOLINT: test code

[[noreturn]] void Fail(const char* what, const std::string& detail = {}) {
  std::fprintf(stderr, "fuzz_commands: %s\n%s\n", what, detail.c_str());
  std::abort();
}

// Repeated Ticks at one instant must clear every deadline up to it within a
// few steps (a race can pass through a phase or two at once).
constexpr int kMaxTicksPerInstant = 8;

class Run {
 public:
  // The workshop every input starts from, built once.
  static const Run& Start() {
    static const Run* start = new Run(MakeStart());
    return *start;
  }

  // Everything one message does.
  void Message(const CommandMessage& message) {
    now_ += Millis(message.clock_step_ms());
    TickDue();
    const codec::Inbound inbound = codec::DecodeClientMessage(
        message.frame,
        message.json() ? codec::Format::kJson : codec::Format::kBinary);
    const ParticipantId who = message.participant();
    if ((message.flags & kRoleBits) == 0) {
      // A device of `who` comes or goes; the hub tells the engine.
      const Participant* p = live_.state().FindParticipant(who);
      if (p != nullptr)
        (void)Execute(Actor::System(), 0,
                      cmd::SetConnected{who, !p->connected});
      return;
    }
    const auto* decoded = std::get_if<Command>(&inbound.body);
    if (decoded == nullptr) return;  // a Hello, a Ping or a Rejection
    const Command translated = WithCardIds(*decoded);
    const Command* command = &translated;
    if (message.flags & kAsParticipant)
      (void)Execute(Actor::Participant(who), inbound.client_seq, *command);
    if (message.flags & kAsProjector)
      (void)Execute(Actor::Projector(), inbound.client_seq, *command);
    if (message.flags & kAsFacilitator)
      (void)Execute(Actor::Facilitator(), inbound.client_seq, *command);
  }

  // What must hold once the input is used up.
  void Finish() const {
    if (stored_.empty()) return;  // still the starting workshop
    Workshop replica = Start().live_;
    Touched ignored;
    for (const LogRecord& record : stored_) replica.Apply(record, ignored);
    if (replica.state() != live_.state()) {
      Fail("replaying the decoded records does not rebuild the state",
           "live:\n" + live_.Describe() + "\nreplayed:\n" + replica.Describe());
    }
    auto snapshot = codec::DecodeState(codec::EncodeState(live_.state()));
    if (!snapshot.ok()) {
      Fail("a snapshot the store cannot read back",
           snapshot.rejection().Describe());
    }
    if (snapshot.value() != live_.state()) {
      Fail("a snapshot does not carry the whole state",
           "live:\n" + live_.Describe() + "\nfrom the snapshot:\n" +
               Workshop(snapshot.value()).Describe());
    }
  }

 private:
  Run() = default;

  static Run MakeStart() {
    Run run;
    std::ifstream file(CAMPANA_TEMPLATES_DIR "/demo.es.json");
    std::stringstream json;
    json << file.rdbuf();
    auto plan = codec::ParseTemplateJson(json.str());
    if (!plan.ok())
      Fail("the demo template does not parse", plan.rejection().Describe());
    (void)run.Execute(
        Actor::System(), 0,
        cmd::CreateWorkshop{"K7M2QX", plan.value().title, plan.value().language,
                            plan.value().agenda});
    const char* names[] = {"Ana", "Beto", "Carla", "Diego", "Elena"};
    for (int i = 0; i < 5; ++i) {
      run.now_ += Millis(1500);
      const auto decision = run.Execute(
          Actor::Participant(0), 0,
          cmd::Join{names[i],
                    i % 3 == 1 ? Presence::kRemote : Presence::kInRoom,
                    "join-key-" + std::to_string(i)});
      if (!decision.ok() || decision.value().joined == 0)
        Fail("a participant of the starting workshop cannot join");
      (void)run.Execute(Actor::System(), 0,
                        cmd::SetConnected{decision.value().joined, true});
    }
    run.stored_.clear();  // the start, not replayed
    return run;
  }

  // Card ids are drawn at random when a sort is set up; a device knows them
  // from its view, the fuzzer cannot. So card 1 to N of a MoveCard stand for
  // the deck's first to Nth card (other numbers stay what they are).
  Command WithCardIds(const Command& command) const {
    Command out = command;
    if (auto* move = std::get_if<cmd::MoveCard>(&out)) {
      const auto& cards = live_.state().card_sort.config.cards;
      if (move->card >= 1 && move->card <= cards.size())
        move->card = cards[move->card - 1].id;
    }
    return out;
  }

  // WorkshopHub::RunCommand and Execute, without the sockets and the store.
  Result<Decision> Execute(const Actor& actor, uint64_t client_seq,
                           const Command& command) {
    if (live_.IsDuplicate(actor, client_seq))
      return Rejection::InvalidMessage("duplicate");
    auto decision = live_.Decide(actor, command, now_, rng_);
    if (trace_) Trace(actor, command, decision);
    if (decision.ok() && !decision.value().events.empty()) {
      const LogRecord record{.offset = live_.offset() + 1,
                             .at = now_,
                             .actor = actor,
                             .client_seq = client_seq,
                             .events = decision.value().events};
      Touched touched;
      live_.Apply(record, touched);
      for (const DocKey& key : touched.keys()) {
        if (!VisibilityOf(live_.state(), key).empty())
          (void)codec::EncodeDoc(live_.state(), key);
      }
      // What the store keeps, and what a restart replays.
      auto stored = codec::DecodeRecord(codec::EncodeRecord(record));
      if (!stored.ok()) {
        Fail("a record the store cannot read back",
             stored.rejection().Describe());
      }
      if (stored.value() != record) {
        Fail("a record reads back different from what was written",
             CommandName(command));
      }
      stored_.push_back(std::move(stored).value());
    }
    return decision;
  }

  // Lobby::OnWakeup: a Tick whenever a deadline has passed.
  void TickDue() {
    for (int i = 0; i < kMaxTicksPerInstant; ++i) {
      const auto deadline = live_.NextDeadline();
      if (!deadline || *deadline > now_) return;
      (void)Execute(Actor::System(), 0, cmd::Tick{});
    }
    const auto deadline = live_.NextDeadline();
    if (deadline && *deadline <= now_) {
      Fail("Ticks do not move past a deadline that has passed",
           live_.Describe());
    }
  }

  // FUZZ_TRACE=1 fuzz_commands FILE: what each command of the input did.
  static void Trace(const Actor& actor, const Command& command,
                    const Result<Decision>& decision) {
    std::string line = actor.Describe() + " " + CommandName(command) + ": ";
    if (!decision.ok()) {
      line += "rejected " + decision.rejection().Describe();
    } else if (decision.value().events.empty()) {
      line += "no change";
    } else {
      for (const Event& e : decision.value().events) line += Describe(e) + "; ";
    }
    std::fprintf(stderr, "%s\n", line.c_str());
  }

  bool trace_ = std::getenv("FUZZ_TRACE") != nullptr;
  Workshop live_;
  // This input's records as the store reads them back, to replay.
  std::vector<LogRecord> stored_;
  SplitMix64 rng_{20231129};
  Time now_ = FromUnixMillis(1'700'000'000'000);
};

}  // namespace
}  // namespace campana::fuzz

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace campana::fuzz;
  Run run = Run::Start();
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  CommandMessage message;
  while (NextMessage(rest, message)) run.Message(message);
  run.Finish();
  return 0;
}
