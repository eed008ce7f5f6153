// The race activity's part of the codec (domain/activities/race/).

#include <algorithm>

#include "codec/activities/registry.h"
#include "codec/convert.h"
#include "domain/activities/race/race.h"

namespace campana::codec {

using domain::Millis;
using domain::Overloaded;
using internal::At;
using internal::FromProto;
using internal::Ms;
using internal::Ms32;
using internal::ToProto;
namespace cmd = domain::cmd;
namespace ev = domain::ev;
namespace pb = internal::pb;

bool RaceCodec::EncodeEvent(const domain::Event& event, pb::Event* out) {
  bool encoded = true;
  std::visit(
      Overloaded{
          [&](const ev::RaceSetUp& e) {
            auto* m = out->mutable_race_set_up();
            m->set_agenda_index(e.agenda_index);
            m->set_strategy_ms(Ms32(e.config.strategy));
            m->set_execution_ms(Ms32(e.config.execution));
            m->set_penalty_ms(Ms32(e.config.penalty));
            m->set_rules(e.config.rules);
          },
          [&](const ev::RaceStrategyStarted& e) {
            out->mutable_race_strategy_started()->set_ends_at_ms(Ms(e.ends_at));
          },
          [&](const ev::RaceWindowOpened& e) {
            auto* m = out->mutable_race_window_opened();
            m->set_opens_at_ms(Ms(e.opens_at));
            m->set_closes_at_ms(Ms(e.closes_at));
          },
          [&](const ev::CaptainNamed& e) {
            auto* m = out->mutable_captain_named();
            m->set_team_id(e.team);
            m->set_participant_id(e.participant);
          },
          [&](const ev::RunStarted& e) {
            auto* m = out->mutable_run_started();
            m->set_team_id(e.team);
            m->set_at_ms(Ms(e.at));
          },
          [&](const ev::RunStopped& e) {
            auto* m = out->mutable_run_stopped();
            m->set_team_id(e.team);
            m->set_elapsed_ms(Ms32(e.elapsed));
            m->set_counted(e.counted);
          },
          [&](const ev::RunVoided& e) {
            auto* m = out->mutable_run_voided();
            m->set_team_id(e.team);
            m->set_penalty_until_ms(Ms(e.penalty_until));
          },
          [&](const ev::RaceFinished& e) {
            out->mutable_race_finished()->set_winner_team_id(e.winner);
          },
          [&](const auto&) { encoded = false; },
      },
      event);
  return encoded;
}

std::optional<domain::Result<domain::Event>> RaceCodec::DecodeEvent(
    const pb::Event& event) {
  switch (event.body_case()) {
    case pb::Event::kRaceSetUp: {
      const auto& m = event.race_set_up();
      return domain::Event(
          ev::RaceSetUp{m.agenda_index(),
                        {Millis(m.strategy_ms()), Millis(m.execution_ms()),
                         Millis(m.penalty_ms()), m.rules()}});
    }
    case pb::Event::kRaceStrategyStarted:
      return domain::Event(ev::RaceStrategyStarted{
          At(event.race_strategy_started().ends_at_ms())});
    case pb::Event::kRaceWindowOpened:
      return domain::Event(
          ev::RaceWindowOpened{At(event.race_window_opened().opens_at_ms()),
                               At(event.race_window_opened().closes_at_ms())});
    case pb::Event::kCaptainNamed:
      return domain::Event(
          ev::CaptainNamed{event.captain_named().team_id(),
                           event.captain_named().participant_id()});
    case pb::Event::kRunStarted:
      return domain::Event(ev::RunStarted{event.run_started().team_id(),
                                          At(event.run_started().at_ms())});
    case pb::Event::kRunStopped:
      return domain::Event(
          ev::RunStopped{event.run_stopped().team_id(),
                         Millis(event.run_stopped().elapsed_ms()),
                         event.run_stopped().counted()});
    case pb::Event::kRunVoided:
      return domain::Event(
          ev::RunVoided{event.run_voided().team_id(),
                        At(event.run_voided().penalty_until_ms())});
    case pb::Event::kRaceFinished:
      return domain::Event(
          ev::RaceFinished{event.race_finished().winner_team_id()});
    default:
      return std::nullopt;
  }
}

std::optional<domain::Result<domain::Command>> RaceCodec::DecodeCommand(
    const pb::Command& command) {
  using domain::Command;
  switch (command.body_case()) {
    case pb::Command::kStartRaceStrategy:
      return Command(cmd::StartRaceStrategy{});
    case pb::Command::kOpenRaceWindow:
      return Command(cmd::OpenRaceWindow{});
    case pb::Command::kNameCaptain:
      return Command(cmd::NameCaptain{command.name_captain().team_id(),
                                      command.name_captain().participant_id()});
    case pb::Command::kStartRun:
      return Command(cmd::StartRun{command.start_run().team_id()});
    case pb::Command::kStopRun:
      return Command(cmd::StopRun{command.stop_run().team_id()});
    case pb::Command::kVoidRun:
      return Command(cmd::VoidRun{command.void_run().team_id()});
    case pb::Command::kFinishRace:
      return Command(cmd::FinishRace{});
    default:
      return std::nullopt;
  }
}

bool RaceCodec::EncodeDoc(const domain::WorkshopState& s,
                          const domain::DocKey& key, pb::Doc* out) {
  pb::Doc& doc = *out;
  switch (key.kind) {
    case domain::DocKind::kRace:
      ToProto(s, doc.mutable_race());
      return true;
    default:
      return false;
  }
}

void RaceCodec::SaveState(const domain::WorkshopState& s,
                          pb::WorkshopState* out) {
  pb::WorkshopState& m = *out;
  if (s.race.phase != domain::RacePhase::kNone) ToProto(s, m.mutable_race());
}

void RaceCodec::LoadState(const pb::WorkshopState& m,
                          domain::WorkshopState* out) {
  domain::WorkshopState& s = *out;
  if (m.has_race()) s.race = internal::RaceFromProto(m.race());
}

}  // namespace campana::codec
