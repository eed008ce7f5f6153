// campana: the server. See README.md for how to run it and docs/operations.md
// for the flags.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <spdlog/async.h>
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

// Every NAME.LANGUAGE.json in `dir`, sorted by file name. False (with every
// problem of the first bad file in `error`) if one does not parse or its
// language is not the one its name says: a deployment finds out at its start,
// not when an organizer picks that template.
bool LoadTemplates(const std::string& dir,
                   std::vector<campana::app::NamedTemplate>* templates,
                   std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return true;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    const std::string stem = file.stem().string();  // "guatemala.es"
    const size_t dot = stem.rfind('.');
    if (dot == std::string::npos || dot == 0) {
      *error =
          file.string() + ": a template's file is named NAME.LANGUAGE.json";
      return false;
    }
    bool ok = false;
    const std::string json = ReadFile(file.string(), &ok);
    if (!ok) {
      *error = "cannot read the template " + file.string();
      return false;
    }
    auto plan = campana::codec::ParseTemplateJson(json);
    if (!plan.ok()) {
      *error = file.string() + ": " + plan.rejection().message;
      return false;
    }
    if (plan.value().language != stem.substr(dot + 1)) {
      *error = file.string() + ": its language is \"" + plan.value().language +
               "\", not the one its name says";
      return false;
    }
    templates->push_back({stem.substr(0, dot), std::move(plan).value()});
  }
  return true;
}

int Run(int argc, char** argv) {
  campana::net::ServerOptions options;
  std::string demo_template;
  std::string templates_dir = "deploy/templates";
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
  cli.add_option(
         "--db", options.db_path,
         "the event log: an SQLite file, or a postgresql:// URI (a cluster)")
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
  cli.add_option("--templates", templates_dir,
                 "Folder of workshop templates (NAME.LANGUAGE.json) that "
                 "organizers create workshops from")
      ->envname("CAMPANA_TEMPLATES")
      ->capture_default_str();
  cli.add_option("--organizer-key", options.organizer_key,
                 "The organizer's secret (16 characters or more); default: "
                 "one made at the first start and kept in the database")
      ->envname("CAMPANA_ORGANIZER_KEY");
  cli.add_flag("--rotate-organizer-key", options.rotate_organizer_key,
               "Make a new organizer key (the old one stops working)");
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
  int64_t summary_ms = options.connection_summary_every.count();
  cli.add_option("--connection-summary-ms", summary_ms,
                 "How often the log sums up connections opened and closed "
                 "(each one's own lines are at debug)")
      ->check(CLI::PositiveNumber)
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
  options.connection_summary_every = std::chrono::milliseconds(summary_ms);

  // Asynchronous: a line is queued and written by the logger's own thread, so
  // that no I/O or app thread ever waits on stderr (a terminal, a pipe to
  // journald that is slow to read). Past 2,048 lines waiting, the oldest are
  // dropped rather than anyone blocked (the queue is allocated whole, about
  // 400 bytes a line: 8,192 lines cost 3.3 MB).
  spdlog::init_thread_pool(2048, 1);
  spdlog::set_default_logger(std::make_shared<spdlog::async_logger>(
      "campana", std::make_shared<spdlog::sinks::stderr_color_sink_mt>(),
      spdlog::thread_pool(), spdlog::async_overflow_policy::overrun_oldest));
  spdlog::set_level(spdlog::level::from_str(log_level));
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %v");
  campana::codec::RouteProtobufLogs(
      [](const std::string& line) { spdlog::warn("protobuf: {}", line); });

  std::string error;
  if (!LoadTemplates(templates_dir, &options.templates, &error)) {
    spdlog::error("{}", error);
    return 1;
  }
  const bool key_given = !options.organizer_key.empty();
  campana::net::Server server(options);
  if (!server.Start(&error)) {
    spdlog::error("{}", error);
    return 1;
  }
  if (!port_file.empty()) {
    std::ofstream(port_file + ".tmp") << server.port() << "\n";
    std::rename((port_file + ".tmp").c_str(), port_file.c_str());
  }

  const std::string host =
      public_host.empty() ? campana::net::LanAddress() : public_host;
  const std::string base =
      "http://" + host + ":" + std::to_string(server.port());
  // A key the operator gave is not echoed into logs: they have it.
  std::cout << "Organizer page:        " << base << "/"
            << (key_given ? " (with the organizer key you gave)"
                          : "#key=" + server.organizer_key())
            << std::endl;

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
  int code = 1;
  try {
    code = Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "campana: " << e.what() << std::endl;
  } catch (...) {
    std::cerr << "campana: stopped by an unknown exception" << std::endl;
  }
  // Writes what the asynchronous logger still holds.
  spdlog::shutdown();
  return code;
}
