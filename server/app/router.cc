#include "app/router.h"

namespace campana::app {
namespace {

// A route plan is kept when it reaches this many devices (a room, not one
// person's own documents), and this many plans at most.
constexpr size_t kPlanWorthKeeping = 32;
constexpr size_t kPlansKept = 16;

}  // namespace

Router::Router(SessionTable& sessions, Multicast multicast,
               const domain::WorkshopState& state)
    : sessions_(sessions), multicast_(std::move(multicast)) {
  domain::ForEachDoc(state, [&](const domain::DocKey& key) {
    published_[key] = domain::VisibilityOf(state, key);
  });
}

std::vector<Part> Router::Encode(const std::vector<RenderedRecord>& records,
                                 const std::string& epoch, uint64_t offset) {
  FlushBuilder builder(published_);
  for (const RenderedRecord& record : records) {
    for (const RenderedDoc& doc : record.docs) builder.Add(doc);
  }
  return builder.Build(epoch, offset);
}

size_t Router::Route(const std::vector<Part>& parts) {
  std::vector<domain::Visibility> shape;
  shape.reserve(parts.size());
  for (const Part& part : parts) shape.push_back(part.audiences);
  auto cached = plans_.find(shape);
  RoutePlan built;  // used when the plan is not worth keeping
  const RoutePlan* plan = nullptr;
  if (cached != plans_.end()) {
    plan = &cached->second;
  } else {
    RoutePlan fresh = BuildPlan(parts);
    size_t devices = 0;
    for (const RoutePlan::Group& group : fresh.groups) devices += group.devices;
    if (devices >= kPlanWorthKeeping) {
      if (plans_.size() >= kPlansKept) plans_.clear();
      plan = &plans_.emplace(std::move(shape), std::move(fresh)).first->second;
    } else {
      built = std::move(fresh);
      plan = &built;
    }
  }
  size_t sent = 0;
  for (const RoutePlan::Group& group : plan->groups) {
    SharedBytes frame = parts[group.parts.front()].bytes;
    if (group.parts.size() > 1) {
      std::string bytes;
      for (uint32_t i : group.parts) bytes += *parts[i].bytes;
      frame = std::make_shared<const std::string>(std::move(bytes));
    }
    for (const SharedSinkGroup& sinks : group.binary) {
      if (multicast_) {
        multicast_(sinks, frame);
      } else {
        for (const auto& sink : sinks->sinks) sink->Send(frame, false);
      }
    }
    for (const auto& sink : group.json)
      SendFrame(*sink, codec::Format::kJson, frame);
    sent += group.devices;
  }
  return sent;
}

Router::RoutePlan Router::BuildPlan(const std::vector<Part>& parts) {
  // Which parts each live session gets, in the session's scratch; `mark` tells
  // this build's scratch from an earlier one's without clearing every session.
  const uint64_t mark = ++plans_built_;
  std::vector<Session*> receivers;
  for (uint32_t i = 0; i < parts.size(); ++i) {
    auto take = [&](Session& session) {
      if (!session.live()) return;
      Session::RouteScratch& scratch = session.route;
      if (scratch.mark != mark) {
        scratch.mark = mark;
        scratch.parts.clear();
        receivers.push_back(&session);
      }
      if (scratch.parts.empty() || scratch.parts.back() != i)
        scratch.parts.push_back(i);
    };
    for (const domain::Audience& audience : parts[i].audiences)
      sessions_.ForEachIn(audience, take);
  }
  RoutePlan plan;
  std::map<std::vector<uint32_t>, size_t> group_of;
  std::vector<std::vector<std::shared_ptr<SinkGroup>>> shards;
  for (Session* session : receivers) {
    auto [it, added] =
        group_of.try_emplace(session->route.parts, plan.groups.size());
    if (added) {
      plan.groups.push_back({.parts = session->route.parts});
      shards.emplace_back();
    }
    RoutePlan::Group& group = plan.groups[it->second];
    ++group.devices;
    if (session->format == codec::Format::kJson) {
      group.json.push_back(session->sink);
      continue;
    }
    const uint32_t shard = session->sink->shard();
    auto& by_shard = shards[it->second];
    if (by_shard.size() <= shard) by_shard.resize(shard + 1);
    if (!by_shard[shard]) {
      by_shard[shard] = std::make_shared<SinkGroup>();
      by_shard[shard]->shard = shard;
    }
    by_shard[shard]->sinks.push_back(session->sink);
  }
  for (size_t g = 0; g < plan.groups.size(); ++g) {
    for (auto& sinks : shards[g])
      if (sinks) plan.groups[g].binary.push_back(std::move(sinks));
  }
  return plan;
}

}  // namespace campana::app
