#ifndef CAMPANA_NET_METRICS_H_
#define CAMPANA_NET_METRICS_H_

#include <string>

#include "app/lobby.h"
#include "store/group_commit.h"

namespace campana::net {

// The Prometheus text exposition of the server's counters. Call on the app
// thread.
std::string RenderMetrics(const app::Lobby& lobby,
                          const store::GroupCommitter& committer);

}  // namespace campana::net

#endif  // CAMPANA_NET_METRICS_H_
