// What every benchmark of campana-bench shares: its options, starting campana,
// a facilitator's connection, a joined fleet of bots, running the io_context
// until something holds.

#ifndef CAMPANA_BENCH_DRIVER_H_
#define CAMPANA_BENCH_DRIVER_H_

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <campana/v1/wire.pb.h>

#include "bench/process.h"
#include "bench/stats.h"
#include "bot/connection.h"
#include "bot/fleet.h"

namespace campana::bench {

namespace asio = boost::asio;
namespace pb = ::campana::v1;
using bot::Clock;
using bot::Connection;
using bot::ConnectionHandler;

struct Config {
  std::string campana;
  std::string web_root;
  std::string floor;
  std::string beast_chat;
  std::string node_ws;
  std::string demo;
  std::string out;
  std::string scratch;
  // 19,000: a process here may hold 20,000 descriptors (docs/performance.md).
  std::vector<uint32_t> fanout_sizes = {100, 1000, 5000, 10000, 19000};
  std::vector<uint32_t> storm_sizes = {1000, 5000};
  std::vector<uint32_t> join_sizes = {1000, 5000, 10000, 19000};
  std::vector<uint32_t> memory_sizes = {1000, 5000, 10000, 19000};
  uint32_t sources = 8;
  bool quick = false;
  std::vector<std::string> only;          // sections to run; all when empty
  std::vector<std::string> campana_args;  // more options for the server
  // Rooms of 10,000 join here in seconds: the benchmarks but the join storm
  // measure fan-out, memory and storms, not the join rate that holds back a
  // join flood (HostileTest), so that budget is lifted.
  std::vector<std::string> join_budget = {"--join-burst", "1000000",
                                          "--joins-per-second", "1000000"};

  bool Wants(const std::string& section) const {
    return only.empty() ||
           std::find(only.begin(), only.end(), section) != only.end();
  }
};

double Ms(Clock::duration d);
// The p-quantile (0 to 1) of v, nearest rank; 0 when empty.
double Percentile(std::vector<double> v, double p);
// "median [min-max]", for the printed tables.
std::string Cell(const Summary& s);

// Runs the io_context until `done` holds or the timeout passes.
bool RunUntil(asio::io_context& io, const std::function<bool()>& done,
              std::chrono::milliseconds timeout);
// Runs until nothing has arrived for `quiet`, counted from now at the earliest.
void Quiesce(asio::io_context& io, const Clock::time_point& last_message,
             std::chrono::milliseconds quiet);

// Calls send(bot) at each moment, in order, running the io_context between.
void Paced(asio::io_context& io,
           std::vector<std::pair<Clock::time_point, uint32_t>>& moments,
           const std::function<void(uint32_t)>& send);
// `per` moments for each of n bots, uniform over the window from t0.
std::vector<std::pair<Clock::time_point, uint32_t>> Moments(
    uint32_t n, uint32_t per, Clock::time_point t0, Clock::duration window,
    std::mt19937& rng);
// The machine's 1-minute load average: the tails follow whatever else runs.
double LoadAverage();

// A facilitator's connection to campana: Hello with the key, then commands.
class Facilitator : public ConnectionHandler {
 public:
  // With no key: a projector, with `projector_key` if given.
  Facilitator(asio::io_context& io, const asio::ip::tcp::endpoint& endpoint,
              std::string code, std::string key, std::string projector_key = "")
      : code_(std::move(code)),
        key_(std::move(key)),
        projector_key_(std::move(projector_key)),
        connection_(std::make_shared<Connection>(io, 0, *this)) {
    connection_->Open(endpoint, bot::LoopbackSource(0, 1), "/ws");
  }
  // Returns the request id its Ack will carry.
  uint64_t Command(pb::Command command) {
    pb::ClientMessage m;
    const uint64_t id = next_++;
    m.set_request_id(id);
    *m.mutable_command() = std::move(command);
    connection_->Send(m.SerializeAsString());
    return id;
  }
  void OnOpen(Connection& c) override {
    pb::ClientMessage m;
    m.set_request_id(next_++);
    m.mutable_hello()->set_workshop_code(code_);
    m.mutable_hello()->set_role(key_.empty() ? pb::ROLE_PROJECTOR
                                             : pb::ROLE_FACILITATOR);
    m.mutable_hello()->set_facilitator_key(key_);
    m.mutable_hello()->set_projector_key(projector_key_);
    c.Send(m.SerializeAsString());
  }
  void OnMessage(Connection&, std::string_view payload,
                 Clock::time_point at) override {
    last_message = at;
    ++messages;
    if (on_message) {
      pb::ServerMessage m;
      if (m.ParseFromArray(payload.data(), static_cast<int>(payload.size())))
        on_message(m, at);
    }
  }
  void OnClose(Connection&, const std::string& why) override { closed = why; }
  bool open() const { return connection_->open(); }
  void Close() { connection_->Close(); }

  std::function<void(const pb::ServerMessage&, Clock::time_point)> on_message;
  Clock::time_point last_message = Clock::now();
  uint64_t messages = 0;
  std::string closed;

 private:
  std::string code_;
  std::string key_;
  std::string projector_key_;
  std::shared_ptr<Connection> connection_;
  uint64_t next_ = 1;
};

// campana on a fresh database (or the given one), and the demo workshop's code
// and key.
struct Campana {
  std::unique_ptr<Process> process;
  asio::ip::tcp::endpoint endpoint;
  std::string code;
  std::string key;
  std::string projector_key;
};

Campana StartCampana(const Config& cfg, const std::string& name,
                     const std::string& db = "");
// campana on `db` (a path or a PostgreSQL URI), with the demo workshop made
// in it if `demo` (an empty database).
Campana StartCampanaWith(const Config& cfg, const std::string& db, bool demo);

// Options for n bots in c's demo workshop: spread over cfg's source addresses,
// one in ten remote.
bot::FleetOptions FleetFor(const Config& cfg, const Campana& c, uint32_t n);

// n participants joined to c's demo workshop, and the io quiet again;
// last_message follows what the bots receive.
std::unique_ptr<bot::Fleet> JoinFleet(asio::io_context& io, const Config& cfg,
                                      const Campana& c, uint32_t n,
                                      Clock::time_point& last_message);

}  // namespace campana::bench

#endif  // CAMPANA_BENCH_DRIVER_H_
