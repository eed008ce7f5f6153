#ifndef CAMPANA_TESTS_DOMAIN_WORKSHOP_FIXTURE_H_
#define CAMPANA_TESTS_DOMAIN_WORKSHOP_FIXTURE_H_

#include <ostream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "domain/workshop.h"

namespace campana::domain {

inline void PrintTo(const Audience& audience, std::ostream* out) {
  *out << audience.Describe();
}
inline void PrintTo(const DocKey& key, std::ostream* out) {
  *out << key.Describe();
}

// A workshop driven the way the hub drives it (Decide, then Apply the record),
// with a clock the test moves and a seeded random source. Run() answers in the
// printed form of the events, or the Rejection, so tests compare one line.
class WorkshopFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    Run(Actor::System(),
        cmd::CreateWorkshop{"ABC234", "Taller", "es", Agenda()});
  }

  virtual std::vector<AgendaItem> Agenda() { return {}; }

  std::string Run(const Actor& actor, const Command& command,
                  uint64_t client_seq = 0) {
    auto decision = workshop.Decide(actor, command, now, rng);
    if (!decision.ok()) return "rejected " + decision.rejection().Describe();
    last = decision.value();
    std::string out;
    if (!last.events.empty()) {
      LogRecord record{workshop.offset() + 1, now, actor, client_seq,
                       last.events};
      Touched touched;
      workshop.Apply(record, touched);
      log.push_back(record);
      last_touched = touched;
    }
    for (const Event& e : last.events)
      out += (out.empty() ? "" : "; ") + Describe(e);
    return out.empty() ? "no change" : out;
  }

  // Joins and returns the new participant's id.
  ParticipantId Join(const std::string& name,
                     Presence presence = Presence::kInRoom) {
    const std::string key = "key-of-" + name + "-" + std::to_string(++joins_);
    Run(Actor::Participant(0), cmd::Join{name, presence, key});
    return last.joined;
  }

  const WorkshopState& state() const { return workshop.state(); }

  Workshop workshop;
  SplitMix64 rng{2023};
  Time now = FromUnixMillis(1'000'000);
  Decision last;
  Touched last_touched;
  std::vector<LogRecord> log;
  int joins_ = 0;
};

}  // namespace campana::domain

#endif  // CAMPANA_TESTS_DOMAIN_WORKSHOP_FIXTURE_H_
