#include "bench/cold_start.h"

#include <stdexcept>

#include "codec/log_codec.h"
#include "domain/workshop.h"
#include "store/event_store.h"
#include "support/random_commands.h"

namespace campana::bench {

std::string WriteLongLog(const std::string& path, const std::string& code,
                         uint64_t records) {
  store::Status status;
  auto store = store::EventStore::Open(path, &status);
  if (!store) throw std::runtime_error(status.message);
  using namespace domain;  // NOLINT
  testing::RandomCommands commands(2023);
  SplitMix64 rng(7);
  Time now = FromUnixMillis(1'700'000'000'000);
  Workshop workshop;
  Touched touched;
  store::WriteBatch batch{.workshops = {{1, code, "cold-start-epoch", 0}}};
  auto run = [&](const Actor& actor, const Command& command) {
    auto decision = workshop.Decide(actor, command, now, rng);
    if (!decision.ok() || decision.value().events.empty()) return;
    const LogRecord record{workshop.offset() + 1, now, actor, 0,
                           decision.value().events};
    workshop.Apply(record, touched);
    touched.Clear();
    batch.records.push_back({1, record.offset, codec::EncodeRecord(record)});
    if (record.offset % 1000 == 0) {
      batch.snapshots.push_back(
          {1, record.offset, codec::EncodeState(workshop.state())});
      if (!store->Write(batch).ok)
        throw std::runtime_error("cannot write the log");
      batch = {};
    }
  };
  run(Actor::System(), cmd::CreateWorkshop{code, "Arranque en frío", "es",
                                           testing::SampleAgenda()});
  while (workshop.offset() < records) {
    now += commands.Step() / 20;
    auto [actor, command] = commands.Next(workshop.state());
    run(actor, command);
  }
  if (!store->Write(batch).ok) throw std::runtime_error("cannot write the log");
  return workshop.state().facilitator_key;
}

}  // namespace campana::bench
