// campana-bot: simulated participants for a workshop, for rehearsals and load.
//
//   campana-bot --workshop K7M2QX --count 48 --act
//
// opens 48 participant connections, joins them, and acts like people (answers
// questions, moves cards, chooses groups, takes turns) until Ctrl-C; then
// prints what the bots received.

#include <cstdio>
#include <fstream>
#include <map>

#include <CLI/CLI.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>

#include "bot/fleet.h"

namespace pb = ::campana::v1;

int main(int argc, char** argv) {
  campana::bot::FleetOptions options;
  double seconds = 0;
  std::string report;
  CLI::App cli{"campana-bot: simulated participants"};
  cli.add_option("--host", options.host, "Server address")
      ->capture_default_str();
  cli.add_option("--port", options.port, "Server port")->capture_default_str();
  cli.add_option("--workshop", options.workshop, "Workshop code")->required();
  cli.add_option("--count", options.count, "How many participants")
      ->capture_default_str();
  cli.add_flag(
      "--act", options.act,
      "Act like people: answer, move cards, choose groups, take turns");
  cli.add_option("--rate", options.actions_per_second,
                 "Actions per second per bot, on average")
      ->capture_default_str();
  cli.add_option("--sources", options.source_addresses,
                 "Spread connections over 127.0.0.1..N")
      ->capture_default_str();
  cli.add_option("--remote", options.remote_fraction,
                 "Share joining as remote attendees")
      ->capture_default_str();
  cli.add_option("--name", options.name_prefix, "Display name prefix")
      ->capture_default_str();
  cli.add_option("--seconds", seconds, "Stop after this long (0: at Ctrl-C)")
      ->capture_default_str();
  cli.add_option(
      "--report", report,
      "Write every message received, one JSON line each, to this file");
  CLI11_PARSE(cli, argc, argv);

  boost::asio::io_context io(1);
  campana::bot::Fleet fleet(io, options);
  std::vector<double> reply_ms;
  fleet.on_reply = [&](uint32_t, const pb::ServerMessage&,
                       campana::bot::Clock::duration d) {
    reply_ms.push_back(std::chrono::duration<double, std::milli>(d).count());
  };
  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code, int) {
    fleet.Stop();
    io.stop();
  });
  boost::asio::steady_timer deadline(io);
  if (seconds > 0) {
    deadline.expires_after(
        std::chrono::duration_cast<std::chrono::steady_clock::duration>(
            std::chrono::duration<double>(seconds)));
    deadline.async_wait([&](boost::system::error_code ec) {
      if (!ec) {
        fleet.Stop();
        io.stop();
      }
    });
  }
  boost::asio::steady_timer status(io);
  std::function<void()> print = [&] {
    status.expires_after(std::chrono::seconds(2));
    status.async_wait([&](boost::system::error_code ec) {
      if (ec) return;
      std::fprintf(stderr, "campana-bot: %u connected, %u joined, %u failed\n",
                   fleet.opened(), fleet.joined(), fleet.failed());
      print();
    });
  };
  print();
  fleet.Start();
  io.run();

  std::map<int, size_t> kinds;
  size_t total = 0;
  std::ofstream out;
  if (!report.empty()) out.open(report);
  for (uint32_t bot = 0; bot < fleet.size(); ++bot) {
    for (const auto& r : fleet.log(bot)) {
      ++kinds[r.kind];
      ++total;
      if (out) {
        out << R"({"bot": )" << bot << R"(, "participant": )"
            << fleet.participant(bot) << R"(, "at_ms": )" << r.at_ns / 1e6
            << R"(, "kind": ")"
            << pb::ServerMessage::descriptor()
                   ->FindFieldByNumber(r.kind)
                   ->name()
            << R"(", "bytes": )" << r.bytes << "}\n";
      }
    }
  }
  std::sort(reply_ms.begin(), reply_ms.end());
  auto pct = [&](double p) {
    return reply_ms.empty()
               ? 0.0
               : reply_ms[static_cast<size_t>(p * (reply_ms.size() - 1))];
  };
  std::printf("bots %u, joined %u, failed %u; messages received %zu\n",
              fleet.size() > 0 ? static_cast<unsigned>(fleet.size()) : 0u,
              fleet.joined(), fleet.failed(), total);
  for (const auto& [kind, n] : kinds) {
    std::printf("  %-10s %zu\n",
                pb::ServerMessage::descriptor()
                    ->FindFieldByNumber(kind)
                    ->name()
                    .c_str(),
                n);
  }
  std::printf("replies %zu: p50 %.1f ms, p99 %.1f ms\n", reply_ms.size(),
              pct(0.5), pct(0.99));
  return 0;
}
