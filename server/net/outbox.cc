#include "net/outbox.h"

#include <boost/asio/post.hpp>

#include "net/websocket_session.h"

namespace campana::net {

boost::asio::io_context::id Outbox::id;

Outbox::Outbox(boost::asio::execution_context& context, uint32_t shard)
    : boost::asio::io_context::service(
          static_cast<boost::asio::io_context&>(context)),
      shard_(shard) {}

Outbox::Outbox(boost::asio::io_context& context)
    : boost::asio::io_context::service(context), shard_(0) {}

void Outbox::Add(std::shared_ptr<WebSocketSession> session,
                 app::SharedBytes frame, bool text) {
  Push(
      {.session = std::move(session), .frame = std::move(frame), .text = text});
}

void Outbox::AddGroup(app::SharedSinkGroup group, app::SharedBytes frame) {
  Push({.group = std::move(group), .frame = std::move(frame), .text = false});
}

void Outbox::Push(Delivery delivery) {
  bool schedule = false;
  {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(delivery));
    schedule = !scheduled_;
    scheduled_ = true;
  }
  if (schedule) boost::asio::post(get_io_context(), [this] { Drain(); });
}

void Outbox::Drain() {
  {
    std::lock_guard lock(mutex_);
    draining_.swap(pending_);
    scheduled_ = false;
  }
  for (Delivery& delivery : draining_) {
    if (delivery.session) {
      delivery.session->Deliver(delivery.frame, delivery.text);
      continue;
    }
    // The hub grouped these by shard(), so each is one of this thread's
    // sessions.
    for (const auto& sink : delivery.group->sinks)
      static_cast<WebSocketSession&>(*sink).Deliver(delivery.frame, false);
  }
  draining_.clear();
}

// The io_context is going away: let go of the sessions (their destructors need
// it alive).
void Outbox::shutdown() {
  std::lock_guard lock(mutex_);
  pending_.clear();
  draining_.clear();
}

}  // namespace campana::net
