#ifndef CAMPANA_APP_ROUTER_H_
#define CAMPANA_APP_ROUTER_H_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "app/fanout.h"
#include "app/session_sink.h"
#include "app/session_table.h"
#include "domain/docs.h"
#include "domain/state.h"

namespace campana::app {

// Delivers the deltas of one workshop: turns the records a commit made durable
// into delta parts (each changed document once, each part encoded once for its
// audiences), and hands every live session the parts it may see as one frame.
//
// Route plans: devices that get the same parts share one frame. The router
// groups them by the parts they get and by I/O thread, and keeps that plan for
// the next delta of the same shape (the audiences of its parts) until the
// sessions change, so that a broadcast to a steady room costs the app thread a
// step per group and thread, not one per device.
//
// Owns the visibility each document was last published with, and the plans.
// Borrows the SessionTable, which must outlive it; whoever owns both calls
// ForgetPlans whenever the table reports a change (plans hold the sessions'
// sinks, so forgetting them at once also lets a closed connection go).
//
// Thread: not thread-safe; the hub's thread (the app thread) only.
class Router {
 public:
  // `state`: what devices are told first comes from snapshots of it, so its
  // documents count as published with their visibility now. `multicast` as in
  // HubEnvironment: without it, each device is sent to in turn.
  Router(SessionTable& sessions, Multicast multicast,
         const domain::WorkshopState& state);
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  // The parts of the delta that covers `records` and ends at `offset`: each
  // document once (its last version), removals for the audiences that lost it,
  // grouped by audience and encoded once per group.
  std::vector<Part> Encode(const std::vector<RenderedRecord>& records,
                           const std::string& epoch, uint64_t offset);
  // Sends each live session the parts it may see, concatenated into one frame.
  // Returns how many sessions got a frame.
  size_t Route(const std::vector<Part>& parts);
  // Who receives what has changed.
  void ForgetPlans() { plans_.clear(); }

 private:
  struct RoutePlan {
    struct Group {
      std::vector<uint32_t> parts;
      std::vector<SharedSinkGroup> binary;  // one per shard
      // Converted one by one (command-line tools).
      std::vector<std::shared_ptr<SessionSink>> json;
      size_t devices = 0;
    };
    std::vector<Group> groups;
  };

  RoutePlan BuildPlan(const std::vector<Part>& parts);

  SessionTable& sessions_;
  const Multicast multicast_;
  std::map<domain::DocKey, domain::Visibility> published_;
  // By the audiences of a delta's parts.
  std::map<std::vector<domain::Visibility>, RoutePlan> plans_;
  uint64_t plans_built_ = 0;  // marks the sessions seen by one BuildPlan
};

}  // namespace campana::app

#endif  // CAMPANA_APP_ROUTER_H_
