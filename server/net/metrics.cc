#include "net/metrics.h"

#include <prometheus/counter.h>
#include <prometheus/gauge.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "net/transport.h"

namespace campana::net {

std::string RenderMetrics(const app::Lobby& lobby,
                          const store::GroupCommitter& committer) {
  prometheus::Registry registry;
  auto gauge = [&](const char* name, const char* help, double value) {
    prometheus::BuildGauge()
        .Name(name)
        .Help(help)
        .Register(registry)
        .Add({})
        .Set(value);
  };
  auto counter = [&](const char* name, const char* help, double value) {
    prometheus::BuildCounter()
        .Name(name)
        .Help(help)
        .Register(registry)
        .Add({})
        .Increment(value);
  };
  const app::HubStats stats = lobby.TotalStats();
  gauge("campana_workshops_loaded", "Workshops in memory",
        static_cast<double>(lobby.loaded_workshops()));
  gauge("campana_sessions_open", "WebSocket sessions open",
        static_cast<double>(lobby.open_sessions()));
  gauge("campana_sessions_waiting_hello",
        "Connections that have not said Hello yet",
        static_cast<double>(lobby.waiting_sessions()));
  counter("campana_hello_timeouts_total",
          "Connections closed for not saying Hello in time",
          static_cast<double>(lobby.hello_timeouts()));
  counter("campana_waiting_evicted_total",
          "Connections closed to keep the Hello waiting list bounded",
          static_cast<double>(lobby.evicted_waiting()));
  gauge("campana_queued_bytes", "Bytes waiting to be written to devices",
        static_cast<double>(Transport::TotalQueuedBytes()));
  counter("campana_commands_total", "Commands received from devices",
          static_cast<double>(stats.commands));
  counter("campana_rejections_total", "Requests refused",
          static_cast<double>(stats.rejections));
  counter("campana_duplicates_total",
          "Resent commands answered with their original Ack",
          static_cast<double>(stats.duplicates));
  counter("campana_flushes_total", "Deltas fanned out",
          static_cast<double>(stats.flushes));
  counter("campana_frames_sent_total", "Frames handed to sessions",
          static_cast<double>(stats.frames_sent));
  counter("campana_snapshots_sent_total", "Snapshots sent",
          static_cast<double>(stats.snapshots_sent));
  counter("campana_resumes_total", "Reconnections served from history",
          static_cast<double>(stats.resumes));
  counter("campana_commits_total", "Transactions committed to the event log",
          static_cast<double>(committer.commits()));
  counter("campana_records_written_total", "Log records written",
          static_cast<double>(committer.records_written()));
  counter("campana_fenced_appends_total",
          "Appends to a workshop refused: another node had taken it",
          static_cast<double>(committer.fenced_appends()));
  return prometheus::TextSerializer().Serialize(registry.Collect());
}

}  // namespace campana::net
