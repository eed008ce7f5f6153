// campana: the server. See README.md for how to run it and docs/operations.md
// for the flags.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "codec/protobuf_logs.h"
#include "codec/template_codec.h"
#include "net/lan_address.h"
#include "net/server.h"

namespace {

std::string ReadFile(const std::string& path, bool* ok) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  *ok = static_cast<bool>(in);
  return text.str();
}

int Run(int argc, char** argv) {
  campana::net::ServerOptions options;
  std::string demo_template;
  std::string public_host;
  std::string port_file;
  std::string log_level = "info";

  CLI::App cli{"Campana: a real-time server for hybrid workshops"};
  cli.add_option("--port", options.port,
                 "TCP port for HTTP and WebSocket (0: any free port)")
      ->envname("CAMPANA_PORT")
      ->capture_default_str();
  cli.add_option("--bind", options.bind_address, "Address to listen on")
      ->envname("CAMPANA_BIND")
      ->capture_default_str();
  cli.add_option("--db", options.db_path, "SQLite file for the event log")
      ->envname("CAMPANA_DB")
      ->capture_default_str();
  cli.add_option("--web-root", options.web_root,
                 "Built web clients (clients/web/dist)")
      ->envname("CAMPANA_WEB_ROOT")
      ->capture_default_str();
  cli.add_option("--io-threads", options.io_threads,
                 "Socket threads (0: one per core)")
      ->capture_default_str();
  cli.add_option("--demo", demo_template,
                 "Workshop template (JSON) to create a workshop from if the "
                 "database has none; "
                 "prints its join, projector and console URLs")
      ->envname("CAMPANA_DEMO");
  cli.add_option(
         "--public-host", public_host,
         "Host name or address in the printed URLs (default: LAN address)")
      ->envname("CAMPANA_PUBLIC_HOST");
  cli.add_option("--port-file", port_file,
                 "Write the port actually bound to this file (for tests)");
  cli.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->capture_default_str();
  cli.add_option("--snapshot-every", options.hub.snapshot_every,
                 "Log records between stored snapshots")
      ->capture_default_str();
  int64_t hello_timeout_ms = options.lobby.hello_timeout.count();
  cli.add_option("--hello-timeout-ms", hello_timeout_ms,
                 "A connection that has not said Hello by then is closed")
      ->capture_default_str();
  cli.add_option("--max-waiting", options.lobby.max_waiting,
                 "Connections that may wait for their Hello at once (the "
                 "oldest is closed past it)")
      ->capture_default_str();
  cli.add_option("--joins-per-second", options.hub.joins_per_second,
                 "New participants per workshop per second, beyond the burst")
      ->capture_default_str();
  cli.add_option("--join-burst", options.hub.join_burst,
                 "New participants a workshop takes at once")
      ->capture_default_str();
  cli.add_option("--workshop-commands-per-second",
                 options.hub.workshop_commands_per_second,
                 "Participants' commands per workshop per second, beyond the "
                 "burst")
      ->capture_default_str();
  cli.add_option("--workshop-command-burst", options.hub.workshop_command_burst,
                 "Participants' commands a workshop takes at once")
      ->capture_default_str();
  cli.add_option("--max-resume-records", options.hub.max_resume_records,
                 "A device further behind than this gets a snapshot")
      ->capture_default_str();
  cli.add_option("--allowed-origin", options.limits.allowed_origins,
                 "Another origin (scheme://host:port) whose pages may connect; "
                 "repeatable")
      ->envname("CAMPANA_ALLOWED_ORIGINS")
      ->delimiter(',');
  cli.add_option("--metrics-token", options.limits.metrics_token,
                 "If set, /metrics needs \"Authorization: Bearer TOKEN\"")
      ->envname("CAMPANA_METRICS_TOKEN");
  CLI11_PARSE(cli, argc, argv);
  options.lobby.hello_timeout = campana::domain::Millis(hello_timeout_ms);

  spdlog::set_default_logger(spdlog::stderr_color_mt("campana"));
  spdlog::set_level(spdlog::level::from_str(log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  campana::codec::RouteProtobufLogs(
      [](const std::string& line) { spdlog::warn("protobuf: {}", line); });

  campana::net::Server server(options);
  std::string error;
  if (!server.Start(&error)) {
    spdlog::error("{}", error);
    return 1;
  }
  if (!port_file.empty()) {
    std::ofstream(port_file + ".tmp") << server.port() << "\n";
    std::rename((port_file + ".tmp").c_str(), port_file.c_str());
  }

  if (!demo_template.empty()) {
    bool ok = false;
    const std::string json = ReadFile(demo_template, &ok);
    if (!ok) {
      spdlog::error("cannot read the template {}", demo_template);
      return 1;
    }
    auto plan = campana::codec::ParseTemplateJson(json);
    if (!plan.ok()) {
      spdlog::error("{}: {}", demo_template, plan.rejection().message);
      return 1;
    }
    auto access = server.OnAppThread(
        [&](campana::app::Lobby& lobby)
            -> campana::domain::Result<campana::app::WorkshopAccess> {
          if (auto first = lobby.FirstWorkshop()) return *first;
          return lobby.CreateWorkshop(plan.value());
        });
    if (!access.ok()) {
      spdlog::error("cannot create the demo workshop: {}",
                    access.rejection().message);
      return 1;
    }
    server.FlushStore();
    const std::string host =
        public_host.empty() ? campana::net::LanAddress() : public_host;
    const std::string base =
        "http://" + host + ":" + std::to_string(server.port());
    const auto& w = access.value();
    std::cout << "Join (phones):         " << base << "/j/" << w.code << "\n"
              << "Projector:             " << base << "/screen/" << w.code
              << "#key=" << w.projector_key << "\n"
              << "Facilitator console:   " << base << "/console/" << w.code
              << "#key=" << w.facilitator_key << std::endl;
  }

  server.RunUntilSignalled();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  // What throws on the way (a database folder that cannot be made, a logger
  // that cannot start) ends the process with its message and exit code 1,
  // rather than std::terminate's abort.
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "campana: " << e.what() << std::endl;
  } catch (...) {
    std::cerr << "campana: stopped by an unknown exception" << std::endl;
  }
  return 1;
}
