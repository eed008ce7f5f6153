#ifndef CAMPANA_BOT_FLEET_H_
#define CAMPANA_BOT_FLEET_H_

#include <functional>
#include <memory>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <campana/v1/wire.pb.h>

#include "bot/connection.h"

namespace campana::bot {

struct FleetOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;
  std::string workshop;
  uint32_t count = 48;
  uint32_t source_addresses = 1;  // spread connections over 127.0.0.1..N
  double remote_fraction = 0.1;   // joined as remote attendees
  std::string name_prefix = "Bot";
  // Act like people: answer questions, move cards, choose groups, take turns.
  // Actions per second per bot, on average.
  bool act = false;
  double actions_per_second = 0.2;
  uint64_t seed = 1;
  // A Hello or Join answered BUSY (the server shedding load) is tried again
  // after 0.5-2.5 s, at random, as the pages do (clients/web/src/net/
  // connection.ts, busyRetryMs), rather than counted as failed.
  bool retry_busy = true;
};

// What one bot received: when, and what.
struct Received {
  int64_t at_ns;  // since the fleet started
  uint8_t kind;   // campana.v1.ServerMessage body case
  uint32_t bytes;
};

// N simulated participants of one workshop on one io_context: each connects
// (from one of the loopback source addresses), says Hello, joins, keeps what it
// may see, and (with `act`) acts. Every message received is logged with its
// time.
class Fleet : public ConnectionHandler {
 public:
  Fleet(boost::asio::io_context& io, FleetOptions options);
  ~Fleet() override;
  Fleet(const Fleet&) = delete;
  Fleet& operator=(const Fleet&) = delete;

  // Opens the connections, a batch at a time so that the server's accept queue
  // is never flooded.
  void Start();
  // Opens one bot's connection now: for a benchmark that chooses when each
  // phone arrives (Start not called).
  void Open(uint32_t bot);
  void Stop();

  uint32_t opened() const { return opened_; }
  uint32_t joined() const { return joined_; }
  uint32_t failed() const { return failed_; }
  const std::vector<Received>& log(uint32_t bot) const {
    return bots_[bot].log;
  }
  uint32_t participant(uint32_t bot) const { return bots_[bot].participant; }
  // When the bot first said Hello, and when its Join was acknowledged (the
  // epoch of the clock when not yet).
  Clock::time_point hello_at(uint32_t bot) const { return bots_[bot].hello_at; }
  Clock::time_point joined_at(uint32_t bot) const {
    return bots_[bot].joined_at;
  }
  // BUSY answers to Hellos and Joins, all bots together; other refusals.
  uint32_t busy() const { return busy_; }
  uint32_t refused() const { return refused_; }
  size_t size() const { return bots_.size(); }
  // The bots' sockets, in bot order (see Connection::native_handle).
  std::vector<int> sockets() const;

  // Sends a command as bot `bot` (with the next client_seq). The Ack or
  // Rejection is logged.
  void Send(uint32_t bot, campana::v1::Command command);
  // Called for every message, after it is logged (for benchmarks that look
  // inside).
  std::function<void(uint32_t bot, const campana::v1::ServerMessage&,
                     Clock::time_point)>
      on_message;
  // When set, every message goes here instead, unparsed and unlogged: for a
  // benchmark that only times arrivals and should cost no more per message than
  // its client of a peer.
  std::function<void(uint32_t bot, std::string_view payload, Clock::time_point)>
      on_raw_message;
  // Called for every Ack and Rejection, with the time since its command was
  // sent.
  std::function<void(uint32_t bot, const campana::v1::ServerMessage&,
                     Clock::duration)>
      on_reply;

  Clock::time_point started() const { return started_; }

  // ConnectionHandler.
  void OnOpen(Connection& connection) override;
  void OnMessage(Connection& connection, std::string_view payload,
                 Clock::time_point received) override;
  void OnClose(Connection& connection, const std::string& why) override;

 private:
  // What a bot keeps of its view: enough to act sensibly.
  struct View {
    int current = -1;  // agenda item
    std::vector<int>
        activities;  // per agenda item (campana.v1.Agenda.Activity)
    uint32_t groups = 0;
    bool choice_open = false;
    uint32_t group = 0;
    bool cards_started = false;
    bool cards_revealed = false;
    std::vector<uint32_t> order;  // my group's cards
    bool locked = false;
    uint32_t dating_round = 0;
    uint32_t answered = 0;
  };
  struct Bot {
    std::shared_ptr<Connection> connection;
    uint32_t participant = 0;
    uint64_t next_request = 1;
    uint64_t next_seq = 1;
    uint64_t hello_request = 0;
    uint64_t join_request = 0;
    Clock::time_point hello_at;
    Clock::time_point joined_at;
    bool opened = false;  // counted in opened_ (a BUSY Hello opens again)
    uint32_t chose_first_in = 0;
    std::vector<Received> log;
    std::vector<std::pair<uint64_t, Clock::time_point>>
        sent;  // request id, when
    View view;
  };

  void OpenBatch();
  void Hello(Bot& bot);
  void SendJoin(Bot& bot);
  // A BUSY answer to the bot's Hello (reopen) or Join (send it again), after a
  // moment of its own.
  void RetryLater(uint32_t index, bool reopen);
  void Apply(Bot& bot, const campana::v1::Doc& doc);
  void Act(uint32_t index);
  void ScheduleActions();
  void Tick();

  boost::asio::io_context& io_;
  FleetOptions options_;
  boost::asio::ip::tcp::endpoint server_;
  std::vector<Bot> bots_;
  uint32_t next_to_open_ = 0;
  uint32_t opened_ = 0;
  uint32_t joined_ = 0;
  uint32_t failed_ = 0;
  bool paced_ = false;  // opened by Open, one at a time, not by batches
  uint32_t busy_ = 0;
  uint32_t refused_ = 0;
  Clock::time_point started_;
  boost::asio::steady_timer timer_;
  std::mt19937_64 rng_;
  using Due = std::pair<Clock::time_point, uint32_t>;
  std::priority_queue<Due, std::vector<Due>, std::greater<>> due_;
  std::vector<std::shared_ptr<boost::asio::steady_timer>> retries_;
};

}  // namespace campana::bot

#endif  // CAMPANA_BOT_FLEET_H_
