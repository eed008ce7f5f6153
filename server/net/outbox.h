#ifndef CAMPANA_NET_OUTBOX_H_
#define CAMPANA_NET_OUTBOX_H_

#include <memory>
#include <mutex>
#include <vector>

#include <boost/asio/io_context.hpp>

#include "app/session_sink.h"

namespace campana::net {

class WebSocketSession;

// The frames on their way from the app thread to the sessions of one I/O thread
// (one per io_context, as an Asio service). They are handed over in batches: a
// broadcast to 10,000 phones wakes each I/O thread once, with a list, where a
// post per session would allocate, lock and queue 10,000 handlers on the app
// thread's critical path.
class Outbox : public boost::asio::io_context::service {
 public:
  static boost::asio::io_context::id id;

  // `shard`: which I/O thread this is, from 0 (SessionSink::shard). Made by
  // asio::make_service, whose context is an io_context.
  Outbox(boost::asio::execution_context& context, uint32_t shard);
  explicit Outbox(boost::asio::io_context& context);
  Outbox(const Outbox&) = delete;
  Outbox& operator=(const Outbox&) = delete;

  // Any thread. The session gets the frame on its own thread, in the order of
  // Add calls.
  void Add(std::shared_ptr<WebSocketSession> session, app::SharedBytes frame,
           bool text);
  // Any thread. Every device of the group (all WebSocketSessions of this I/O
  // thread) gets the binary frame.
  void AddGroup(app::SharedSinkGroup group, app::SharedBytes frame);

  uint32_t shard() const { return shard_; }

 private:
  struct Delivery {
    std::shared_ptr<WebSocketSession> session;  // one device,
    app::SharedSinkGroup group;                 // or many
    app::SharedBytes frame;
    bool text;
  };

  void Push(Delivery delivery);
  void Drain();
  void shutdown() override;

  const uint32_t shard_;
  std::mutex mutex_;
  std::vector<Delivery> pending_;   // guarded by mutex_
  bool scheduled_ = false;          // guarded by mutex_: a Drain is posted
  std::vector<Delivery> draining_;  // the I/O thread's; keeps its capacity
};

}  // namespace campana::net

#endif  // CAMPANA_NET_OUTBOX_H_
