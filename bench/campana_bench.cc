// The benchmarks of docs/performance.md, in one run so that every figure sits
// beside its peers on the same noisy machine: fan-out (campana beside the
// kernel floor, Beast's chat idiom and Node's ws), the vote storm, memory per
// idle connection and cold start. Prints a table and writes JSON. Run by
// `deploy/dev.sh bench` on a release build.

#include <cstdio>
#include <fstream>

#include <CLI/CLI.hpp>

#include "bench/board_storm.h"
#include "bench/command_flood.h"
#include "bench/fanout.h"
#include "bench/footprint.h"
#include "bench/join_storm.h"
#include "bench/poll_storm.h"
#include "bench/vote_storm.h"
#include "support/postgres_server.h"

namespace campana::bench {
namespace {

int Run(int argc, char** argv) {
  Config cfg;
  CLI::App cli{
      "campana-bench: fan-out, vote storm, memory and cold start, beside "
      "peers"};
  cli.add_option("--campana", cfg.campana)->required();
  cli.add_option("--web-root", cfg.web_root)->required();
  cli.add_option("--demo", cfg.demo)->required();
  cli.add_option("--floor", cfg.floor)->required();
  cli.add_option("--beast-chat", cfg.beast_chat)->required();
  cli.add_option("--node-ws", cfg.node_ws)->required();
  cli.add_option("--scratch", cfg.scratch)->required();
  cli.add_option("--out", cfg.out)->required();
  cli.add_option("--fanout", cfg.fanout_sizes)->capture_default_str();
  cli.add_option("--storm", cfg.storm_sizes)->capture_default_str();
  cli.add_option("--join", cfg.join_sizes, "Phones in the join storm")
      ->capture_default_str();
  cli.add_option("--memory", cfg.memory_sizes)->capture_default_str();
  cli.add_option("--sources", cfg.sources)->capture_default_str();
  uint32_t board_size = 500;
  cli.add_option("--board", board_size, "Participants in the board storm")
      ->capture_default_str();
  uint32_t poll_size = 5000;
  cli.add_option("--poll", poll_size, "Participants in the poll storm")
      ->capture_default_str();
  cli.add_flag("--quick", cfg.quick, "Fewer repetitions, for a smoke test");
  cli.add_option("--campana-arg", cfg.campana_args,
                 "An option for campana, e.g. --campana-arg=--io-threads=1")
      ->allow_extra_args(false);
  cli.add_option("--only", cfg.only, "Run only these sections")
      ->check(CLI::IsMember({"fanout", "join", "storm", "flood", "memory",
                             "cold", "board-storm", "board-render",
                             "poll-storm", "report-render"}));
  CLI11_PARSE(cli, argc, argv);

  std::string json = "{\n  \"fanout\": [";
  std::printf(
      "\nFan-out: a facilitator's command (or a peer's broadcast) to N "
      "connected clients; ms from\n"
      "the trigger to the receipt; medians over broadcasts [min-max]\n");
  std::printf("%-11s %6s %18s %20s %20s %20s %13s %11s %11s %6s %10s\n",
              "server", "N", "first ms", "p50 ms", "p99 ms", "last ms",
              "deliveries/s", "server cpu", "client cpu", "drops",
              "bytes/conn");
  bool first = true;
  for (uint32_t n : cfg.fanout_sizes) {
    if (!cfg.Wants("fanout")) break;
    std::vector<FanoutResult> results;
    results.push_back(FanoutCampana(cfg, n));
    // The peers send a message of the size of campana's delta.
    const std::string payload = std::to_string(results[0].payload);
    results.push_back(
        FanoutPeer(cfg, "floor", {cfg.floor, "--payload", payload}, n));
    results.push_back(FanoutPeer(
        cfg, "beast-chat",
        {cfg.beast_chat, "--threads", "2", "--payload", payload}, n));
    results.push_back(FanoutPeer(
        cfg, "node-ws", {"node", cfg.node_ws, "--payload", payload}, n));
    for (FanoutResult& r : results) r.payload = results[0].payload;
    for (const FanoutResult& r : results) {
      std::printf(
          "%-11s %6u %18s %20s %20s %20s %13.0f %8.1f us %8.1f us %6lu "
          "%10.0f\n",
          r.server.c_str(), n, Cell(r.first).c_str(), Cell(r.p50).c_str(),
          Cell(r.p99).c_str(), Cell(r.max).c_str(), r.rate.median,
          r.server_cpu_us, r.client_cpu_us,
          static_cast<unsigned long>(r.backlog_drops), r.rss_per_connection);
      json += std::string(first ? "" : ",") + "\n    {\"server\": \"" +
              r.server + "\", \"n\": " + std::to_string(n) +
              ", \"payload_bytes\": " + std::to_string(r.payload) +
              ", \"first_ms\": " + Json(r.first) +
              ", \"p50_ms\": " + Json(r.p50) + ", \"p99_ms\": " + Json(r.p99) +
              ", \"last_ms\": " + Json(r.max) +
              ", \"deliveries_per_s\": " + Json(r.rate) +
              ", \"server_cpu_us_per_delivery\": " +
              std::to_string(r.server_cpu_us) +
              ", \"client_cpu_us_per_delivery\": " +
              std::to_string(r.client_cpu_us) +
              ", \"backlog_drops\": " + std::to_string(r.backlog_drops) +
              ", \"rss_bytes_per_connection\": " +
              std::to_string(r.rss_per_connection) + "}";
      first = false;
    }
    const double floor_ms = results[1].max.median;
    std::printf(
        "%-11s %6u   campana/floor %.2fx, campana/node-ws %.2fx, "
        "campana/beast-chat %.2fx\n",
        "ratio", n, results[0].max.median / floor_ms,
        results[0].max.median / results[3].max.median,
        results[0].max.median / results[2].max.median);
    std::fflush(stdout);
  }
  json += "\n  ],\n  \"join_storm\": [";
  std::printf(
      "\nJoin storm: N phones open, say Hello and Join at random moments, "
      "950 a second (19,000 in\n20 s), with a keynote's join budget; ms from "
      "the Hello to the Join's Ack; ms from the last\nAck to the projector "
      "knowing all N; medians over runs\n");
  std::printf("%6s %18s %18s %20s %18s %16s %14s %16s %14s %18s\n", "N",
              "ack p50 ms", "ack p99 ms", "ack max ms", "projector ms",
              "wave s", "busy", "console frames", "cpu us/join",
              "server RSS MiB");
  first = true;
  for (uint32_t n : cfg.join_sizes) {
    if (!cfg.Wants("join")) break;
    const JoinStormResult r = JoinStorm(cfg, n);
    std::printf("%6u %18s %18s %20s %18s %16s %14s %16s %14s %18s\n", n,
                Cell(r.ack_p50).c_str(), Cell(r.ack_p99).c_str(),
                Cell(r.ack_max).c_str(), Cell(r.projector_ms).c_str(),
                Cell(r.wave_s).c_str(), Cell(r.busy).c_str(),
                Cell(r.console_frames).c_str(), Cell(r.cpu_us_per_join).c_str(),
                Cell(r.rss_mib).c_str());
    if (r.refused > 0 || r.missing > 0)
      std::printf("%6s %u refused (not BUSY), %u not joined\n", "", r.refused,
                  r.missing);
    json += std::string(first ? "" : ",") +
            "\n    {\"n\": " + std::to_string(n) +
            ", \"window_s\": " + std::to_string(r.window_s) +
            ", \"refused\": " + std::to_string(r.refused) +
            ", \"not_joined\": " + std::to_string(r.missing) +
            ",\n     \"hello_to_join_ack_p50_ms\": " + Json(r.ack_p50) +
            ", \"hello_to_join_ack_p99_ms\": " + Json(r.ack_p99) +
            ", \"hello_to_join_ack_max_ms\": " + Json(r.ack_max) +
            ",\n     \"projector_all_known_after_last_ack_ms\": " +
            Json(r.projector_ms) + ", \"wave_s\": " + Json(r.wave_s) +
            ", \"busy_answers\": " + Json(r.busy) +
            ",\n     \"console_frames\": " + Json(r.console_frames) +
            ", \"console_bytes\": " + Json(r.console_bytes) +
            ", \"server_cpu_us_per_join\": " + Json(r.cpu_us_per_join) +
            ", \"server_rss_mib\": " + Json(r.rss_mib) + "}";
    first = false;
    std::fflush(stdout);
  }
  json += "\n  ],\n  \"vote_storm\": [";
  std::printf(
      "\nVote storm: N participants each submit within one second; the log "
      "in an SQLite file,\nand in PostgreSQL (a cluster's store: a server "
      "started here, on a Unix socket)\n");
  std::printf("%-11s %6s %22s %22s %26s\n", "store", "N", "ack p50 ms",
              "ack p99 ms", "tally after last vote ms");
  first = true;
  int databases = 0;
  const std::function<std::string()> fresh_postgres = [&] {
    return testing::SharedPostgres().NewDatabase("storm" +
                                                 std::to_string(++databases));
  };
  for (uint32_t n : cfg.storm_sizes) {
    if (!cfg.Wants("storm")) break;
    std::vector<StormResult> results = {VoteStorm(cfg, n)};
    if (testing::SharedPostgres().error().empty()) {
      results.push_back(VoteStorm(cfg, n, fresh_postgres));
    } else {
      std::fprintf(stderr, "  no PostgreSQL for the vote storm: %s\n",
                   testing::SharedPostgres().error().c_str());
    }
    for (const StormResult& r : results) {
      std::printf("%-11s %6u %22s %22s %26s\n", r.store.c_str(), n,
                  Cell(r.ack_p50).c_str(), Cell(r.ack_p99).c_str(),
                  Cell(r.tally_after_last_vote).c_str());
      json +=
          std::string(first ? "" : ",") + "\n    {\"store\": \"" + r.store +
          "\", \"n\": " + std::to_string(n) +
          ", \"ack_p50_ms\": " + Json(r.ack_p50) +
          ", \"ack_p99_ms\": " + Json(r.ack_p99) +
          ", \"tally_after_last_vote_ms\": " + Json(r.tally_after_last_vote) +
          "}";
      first = false;
    }
    if (results.size() == 2) {
      std::printf("%-11s %6u   ack p99 postgresql/sqlite %.2fx\n", "ratio", n,
                  results[1].ack_p99.median / results[0].ack_p99.median);
    }
    std::fflush(stdout);
  }
  json += "\n  ],\n  \"command_flood\": [";
  std::printf(
      "\nCommand flood: 120 devices each renaming itself 30 times a second "
      "(its own limit) while a\nfacilitator moves the agenda every 100 ms; "
      "the facilitator's ms to the Ack, medians over runs\n");
  std::printf("%-8s %20s %20s %20s %24s\n", "budget", "facilitator p50",
              "facilitator p99", "facilitator max", "crowd records/s");
  first = true;
  for (bool budget : {true, false}) {
    if (!cfg.Wants("flood")) break;
    const FloodResult r = CommandFlood(cfg, 120, budget);
    std::printf(
        "%-8s %20s %20s %20s %24s\n", r.budget.c_str(),
        Cell(r.facilitator_p50).c_str(), Cell(r.facilitator_p99).c_str(),
        Cell(r.facilitator_max).c_str(), Cell(r.accepted_per_s).c_str());
    json += std::string(first ? "" : ",") + "\n    {\"budget\": \"" + r.budget +
            "\", \"devices\": " + std::to_string(r.devices) +
            ", \"facilitator_ack_p50_ms\": " + Json(r.facilitator_p50) +
            ", \"facilitator_ack_p99_ms\": " + Json(r.facilitator_p99) +
            ", \"facilitator_ack_max_ms\": " + Json(r.facilitator_max) +
            ", \"crowd_records_per_s\": " + Json(r.accepted_per_s) + "}";
    first = false;
    std::fflush(stdout);
  }
  json += "\n  ],\n  \"board_storm\": [";
  std::printf(
      "\nBoard storm: %u participants in groups of 8 each post 5 notes within "
      "60 s, then spend 5\ndots within 30 s; ms from the send to the durable "
      "Ack, bytes received per note (dot)\nacknowledged, medians over runs\n",
      board_size);
  std::printf("%-8s %5s %18s %18s %18s %22s %18s\n", "board", "what",
              "ack p50 ms", "ack p99 ms", "ack max ms", "bytes: all devices",
              "projector");
  first = true;
  for (BoardKind kind :
       {BoardKind::kPrivatePerGroup, BoardKind::kLiveForRoom}) {
    if (!cfg.Wants("board-storm")) break;
    const BoardStormResult r = BoardStorm(cfg, board_size, kind);
    if (r.notes.runs == 0) continue;
    std::printf("%-8s %5s %18s %18s %18s %22s %18s\n", r.board.c_str(), "notes",
                Cell(r.note_ack_p50).c_str(), Cell(r.note_ack_p99).c_str(),
                Cell(r.note_ack_max).c_str(),
                Cell(r.note_bytes_devices).c_str(),
                Cell(r.note_bytes_projector).c_str());
    std::printf("%-8s %5s %18s %18s %18s %22s %18s\n", "", "dots",
                Cell(r.dot_ack_p50).c_str(), Cell(r.dot_ack_p99).c_str(),
                Cell(r.dot_ack_max).c_str(), Cell(r.dot_bytes_devices).c_str(),
                Cell(r.dot_bytes_projector).c_str());
    std::printf(
        "%-8s item %d, %u groups, %.0f notes and %.0f dots acknowledged, %u "
        "refused; the move to the\n%-8s vote: %s bytes per device, %s to the "
        "projector, the last delta after %s ms;\n%-8s the machine's load "
        "average %s\n",
        "", r.agenda_index, r.groups, r.notes.median, r.dots.median, r.refused,
        "", Cell(r.vote_move_bytes_per_device).c_str(),
        Cell(r.vote_move_bytes_projector).c_str(),
        Cell(r.vote_move_last_ms).c_str(), "", Cell(r.load).c_str());
    json +=
        std::string(first ? "" : ",") + "\n    {\"board\": \"" + r.board +
        "\", \"agenda_index\": " + std::to_string(r.agenda_index) +
        ", \"n\": " + std::to_string(r.n) +
        ", \"groups\": " + std::to_string(r.groups) +
        ", \"notes\": " + Json(r.notes) + ", \"dots\": " + Json(r.dots) +
        ", \"refused\": " + std::to_string(r.refused) +
        ",\n     \"note_ack_p50_ms\": " + Json(r.note_ack_p50) +
        ", \"note_ack_p99_ms\": " + Json(r.note_ack_p99) +
        ", \"note_ack_max_ms\": " + Json(r.note_ack_max) +
        ",\n     \"dot_ack_p50_ms\": " + Json(r.dot_ack_p50) +
        ", \"dot_ack_p99_ms\": " + Json(r.dot_ack_p99) +
        ", \"dot_ack_max_ms\": " + Json(r.dot_ack_max) +
        ",\n     \"bytes_per_note_all_devices\": " +
        Json(r.note_bytes_devices) +
        ", \"bytes_per_note_projector\": " + Json(r.note_bytes_projector) +
        ", \"bytes_per_note_facilitator\": " + Json(r.note_bytes_facilitator) +
        ",\n     \"bytes_per_dot_all_devices\": " + Json(r.dot_bytes_devices) +
        ", \"bytes_per_dot_projector\": " + Json(r.dot_bytes_projector) +
        ", \"bytes_per_dot_facilitator\": " + Json(r.dot_bytes_facilitator) +
        ",\n     \"vote_move_bytes_per_device\": " +
        Json(r.vote_move_bytes_per_device) +
        ", \"vote_move_bytes_projector\": " +
        Json(r.vote_move_bytes_projector) +
        ", \"vote_move_last_delta_ms\": " + Json(r.vote_move_last_ms) +
        ",\n     \"load_average\": " + Json(r.load) + "}";
    first = false;
    std::fflush(stdout);
  }
  json += "\n  ],\n  \"poll_storm\": [";
  std::printf(
      "\nPoll storm: %u participants answer one live scale question (1-5) "
      "within 10 s (and 42, 125\nor 208 ms: a part of the tallies' 250 ms) "
      "while a projector and the console watch; ms from\nthe send to the "
      "durable Ack; delta frames carrying the tally during the burst; ms "
      "from the\nlast Ack to the final count; medians over runs\n",
      poll_size);
  std::printf("%-7s %18s %18s %18s %16s %16s %18s %18s\n", "results",
              "ack p50 ms", "ack p99 ms", "ack max ms", "tally frames: con",
              "projector", "final ms: console", "projector");
  first = true;
  for (PollResults results : {PollResults::kHidden, PollResults::kLive}) {
    if (!cfg.Wants("poll-storm")) break;
    const PollStormResult r = PollStorm(cfg, poll_size, results);
    if (r.answers.runs == 0) continue;
    std::printf("%-7s %18s %18s %18s %16s %16s %18s %18s\n", r.results.c_str(),
                Cell(r.ack_p50).c_str(), Cell(r.ack_p99).c_str(),
                Cell(r.ack_max).c_str(), Cell(r.console_tally_frames).c_str(),
                Cell(r.projector_tally_frames).c_str(),
                Cell(r.console_final_ms).c_str(),
                Cell(r.projector_final_ms).c_str());
    std::printf(
        "%-7s %.0f answers acknowledged, %u refused; delta frames in all: "
        "console %s, projector %s;\n%-7s bytes: console %s, projector %s, "
        "all devices per answer %s;\n%-7s tally frames per phone %s; the "
        "shortest gap between two tallies\n%-7s %s ms as the console received "
        "them;\n",
        "", r.answers.median, r.refused, Cell(r.console_frames).c_str(),
        Cell(r.projector_frames).c_str(), "", Cell(r.console_bytes).c_str(),
        Cell(r.projector_bytes).c_str(),
        Cell(r.device_bytes_per_answer).c_str(), "",
        Cell(r.phone_tally_frames).c_str(), "",
        Cell(r.console_min_gap_ms).c_str());
    if (r.reveal_last_phone_ms.runs > 0)
      std::printf(
          "%-7s the reveal: the projector's tally after %s ms, the last "
          "phone's after %s ms, %s bytes a phone;\n",
          "", Cell(r.reveal_projector_ms).c_str(),
          Cell(r.reveal_last_phone_ms).c_str(),
          Cell(r.reveal_bytes_per_phone).c_str());
    std::printf("%-7s the machine's load average %s\n", "",
                Cell(r.load).c_str());
    json +=
        std::string(first ? "" : ",") + "\n    {\"results\": \"" + r.results +
        "\", \"n\": " + std::to_string(r.n) +
        ", \"window_s\": " + std::to_string(r.window_s) +
        ", \"answers\": " + Json(r.answers) +
        ", \"refused\": " + std::to_string(r.refused) +
        ",\n     \"ack_p50_ms\": " + Json(r.ack_p50) +
        ", \"ack_p99_ms\": " + Json(r.ack_p99) +
        ", \"ack_max_ms\": " + Json(r.ack_max) +
        ",\n     \"console_tally_frames\": " + Json(r.console_tally_frames) +
        ", \"console_delta_frames\": " + Json(r.console_frames) +
        ", \"console_bytes\": " + Json(r.console_bytes) +
        ",\n     \"projector_tally_frames\": " +
        Json(r.projector_tally_frames) +
        ", \"projector_delta_frames\": " + Json(r.projector_frames) +
        ", \"projector_bytes\": " + Json(r.projector_bytes) +
        ",\n     \"phone_tally_frames\": " + Json(r.phone_tally_frames) +
        ", \"bytes_per_answer_all_devices\": " +
        Json(r.device_bytes_per_answer) +
        ", \"console_min_tally_gap_ms\": " + Json(r.console_min_gap_ms) +
        ",\n     \"console_final_after_last_ack_ms\": " +
        Json(r.console_final_ms) + ", \"projector_final_after_last_ack_ms\": " +
        Json(r.projector_final_ms) +
        ",\n     \"reveal_projector_ms\": " + Json(r.reveal_projector_ms) +
        ", \"reveal_last_phone_ms\": " + Json(r.reveal_last_phone_ms) +
        ", \"reveal_bytes_per_phone\": " + Json(r.reveal_bytes_per_phone) +
        ",\n     \"load_average\": " + Json(r.load) + "}";
    first = false;
    std::fflush(stdout);
  }
  json += "\n  ]";
  json += ",\n  \"memory\": [";
  first = true;
  for (uint32_t n : cfg.memory_sizes) {
    if (!cfg.Wants("memory")) break;
    std::vector<double> per_connection;
    for (int run = 0; run < (cfg.quick ? 1 : 3); ++run) {
      const MemoryResult mem = Memory(cfg, n);
      std::printf(
          "\nMemory: %u idle participants: RSS %.1f MiB -> %.1f MiB: %.0f "
          "bytes each",
          mem.n, mem.rss_before / 1048576.0, mem.rss_after / 1048576.0,
          mem.bytes_per_connection);
      per_connection.push_back(mem.bytes_per_connection);
    }
    const Summary s = Summarize(per_connection);
    std::printf("\nMemory per idle participant, %u: %.0f bytes [%.0f-%.0f]\n",
                n, s.median, s.min, s.max);
    json += std::string(first ? "" : ",") +
            "\n    {\"n\": " + std::to_string(n) +
            ", \"bytes_per_connection\": " + Json(s) + "}";
    first = false;
    std::fflush(stdout);
  }
  json += "\n  ]";
  if (cfg.Wants("cold")) {
    const ColdResult cold = ColdStart(cfg, 100'000);
    std::printf(
        "Cold start with %lu logged records: %.0f ms to the first snapshot "
        "[%.0f-%.0f]\n",
        static_cast<unsigned long>(cold.records), cold.ms.median, cold.ms.min,
        cold.ms.max);
    json +=
        ",\n  \"cold_start\": {\"records\": " + std::to_string(cold.records) +
        ", \"ms\": " + Json(cold.ms) + "}";
  }
  json += "\n}\n";
  std::ofstream(cfg.out) << json;
  return 0;
}

}  // namespace
}  // namespace campana::bench

int main(int argc, char** argv) { return campana::bench::Run(argc, argv); }
