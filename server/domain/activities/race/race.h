#ifndef CAMPANA_DOMAIN_ACTIVITIES_RACE_RACE_H_
#define CAMPANA_DOMAIN_ACTIVITIES_RACE_RACE_H_

// The team race (ACTIVITIES.md item 3): a shared strategy countdown, then an
// execution window in which each team's runs are timed on the server clock. A
// dropped ball voids the run and the team waits out a penalty; the fastest
// counted run wins. Documents: kRace (everyone).

#include "domain/activity.h"

namespace campana::domain::cmd {

// The race of the current agenda item.
struct StartRaceStrategy {
  static constexpr const char* kName = "StartRaceStrategy";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct OpenRaceWindow {
  static constexpr const char* kName = "OpenRaceWindow";
  static constexpr Permission kAllowed = kForFacilitators;
};

struct NameCaptain {
  static constexpr const char* kName = "NameCaptain";
  static constexpr Permission kAllowed = kForFacilitators;
  TeamId team = 0;
  ParticipantId participant = 0;  // 0: nobody
};

// From a facilitator, or the team's captain (team 0: the captain's own team).
struct StartRun {
  static constexpr const char* kName = "StartRun";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  TeamId team = 0;
};

struct StopRun {
  static constexpr const char* kName = "StopRun";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  TeamId team = 0;
};

struct VoidRun {
  static constexpr const char* kName = "VoidRun";
  static constexpr Permission kAllowed = kForParticipantsAndFacilitators;
  TeamId team = 0;
};

struct FinishRace {
  static constexpr const char* kName = "FinishRace";
  static constexpr Permission kAllowed = kForFacilitators;
};

}  // namespace campana::domain::cmd

namespace campana::domain::ev {

struct RaceSetUp {
  int agenda_index = -1;
  RaceConfig config;
  bool operator==(const RaceSetUp&) const = default;
};

struct RaceStrategyStarted {
  Time ends_at;
  bool operator==(const RaceStrategyStarted&) const = default;
};

struct RaceWindowOpened {
  Time opens_at;
  Time closes_at;
  bool operator==(const RaceWindowOpened&) const = default;
};

struct CaptainNamed {
  TeamId team = 0;
  ParticipantId participant = 0;
  bool operator==(const CaptainNamed&) const = default;
};

struct RunStarted {
  TeamId team = 0;
  Time at;
  bool operator==(const RunStarted&) const = default;
};

struct RunStopped {
  TeamId team = 0;
  Millis elapsed{0};
  bool counted = false;
  bool operator==(const RunStopped&) const = default;
};

struct RunVoided {
  TeamId team = 0;
  Time penalty_until;
  bool operator==(const RunVoided&) const = default;
};

struct RaceFinished {
  TeamId winner = 0;
  bool operator==(const RaceFinished&) const = default;
};

}  // namespace campana::domain::ev

namespace campana::domain {

enum class RacePhase : uint8_t {
  kNone = 0,
  kReady = 1,
  kStrategy = 2,
  kExecution = 3,
  kFinished = 4,
};

struct RaceRun {
  Millis elapsed{0};
  bool counted = false;
  bool voided = false;
  bool operator==(const RaceRun&) const = default;
};

struct RaceTeam {
  ParticipantId captain = 0;
  bool running = false;
  Time started_at;
  Time penalty_until;
  Millis best{0};  // fastest counted run; 0: none
  std::vector<RaceRun> runs;
  bool operator==(const RaceTeam&) const = default;
};

// The team race of the current (or last) race item. Teams are the workshop's
// teams; a team appears here once something happens to it.
struct RaceState {
  RacePhase phase = RacePhase::kNone;
  int agenda_index = -1;
  RaceConfig config;
  Time strategy_ends_at;
  Time window_opens_at;
  Time window_closes_at;
  std::map<TeamId, RaceTeam> teams;
  TeamId winner = 0;
  bool operator==(const RaceState&) const = default;
};

// The engine's view of the activity: see domain/activity.h for each hook.
struct RaceActivity {
  using State = RaceState;
  using CommandTypes =
      TypeList<cmd::StartRaceStrategy, cmd::OpenRaceWindow, cmd::NameCaptain,
               cmd::StartRun, cmd::StopRun, cmd::VoidRun, cmd::FinishRace>;
  using EventTypes =
      TypeList<ev::RaceSetUp, ev::RaceStrategyStarted, ev::RaceWindowOpened,
               ev::CaptainNamed, ev::RunStarted, ev::RunStopped, ev::RunVoided,
               ev::RaceFinished>;
  static constexpr std::array kDocs{DocKind::kRace};

  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::StartRaceStrategy& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::OpenRaceWindow& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::NameCaptain& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::StartRun& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::StopRun& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::VoidRun& command);
  static Result<Decision> Decide(const internal::Context& c,
                                 const cmd::FinishRace& command);
  static void Apply(WorkshopState& s, const ev::RaceSetUp& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::RaceStrategyStarted& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::RaceWindowOpened& e,
                    Touched& t);
  static void Apply(WorkshopState& s, const ev::CaptainNamed& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::RunStarted& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::RunStopped& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::RunVoided& e, Touched& t);
  static void Apply(WorkshopState& s, const ev::RaceFinished& e, Touched& t);

  CAMPANA_ACTIVITY_HOOKS
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_ACTIVITIES_RACE_RACE_H_
