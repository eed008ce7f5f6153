#include "bot/fleet.h"

#include <boost/asio/ip/address.hpp>

namespace campana::bot {

namespace asio = boost::asio;
namespace pb = ::campana::v1;

namespace {

constexpr uint32_t kBatch = 256;  // connections opening at once

std::string Frame(const pb::ClientMessage& message) {
  return message.SerializeAsString();
}

}  // namespace

Fleet::Fleet(asio::io_context& io, FleetOptions options)
    : io_(io),
      options_(std::move(options)),
      server_(asio::ip::make_address(options_.host), options_.port),
      bots_(options_.count),
      timer_(io),
      rng_(options_.seed) {}

Fleet::~Fleet() {
  for (auto& retry : retries_) retry->cancel();
}

void Fleet::Start() {
  started_ = Clock::now();
  OpenBatch();
  if (options_.act) ScheduleActions();
}

void Fleet::Stop() {
  timer_.cancel();
  for (auto& retry : retries_) retry->cancel();
  retries_.clear();
  for (Bot& bot : bots_) {
    if (bot.connection) bot.connection->Close();
  }
}

void Fleet::OpenBatch() {
  const uint32_t end =
      std::min<uint32_t>(next_to_open_ + kBatch, options_.count);
  for (; next_to_open_ < end; ++next_to_open_) {
    auto connection = std::make_shared<Connection>(io_, next_to_open_, *this);
    bots_[next_to_open_].connection = connection;
    connection->Open(server_,
                     LoopbackSource(next_to_open_, options_.source_addresses),
                     "/ws");
  }
}

void Fleet::Open(uint32_t index) {
  paced_ = true;
  auto connection = std::make_shared<Connection>(io_, index, *this);
  bots_[index].connection = connection;
  connection->Open(server_, LoopbackSource(index, options_.source_addresses),
                   "/ws");
}

void Fleet::OnOpen(Connection& connection) {
  Bot& bot = bots_[connection.index()];
  if (!bot.opened) {
    bot.opened = true;
    ++opened_;
  }
  Hello(bot);
  // The next batch opens when this one is through.
  if (!paced_ && opened_ + failed_ == next_to_open_ &&
      next_to_open_ < options_.count)
    OpenBatch();
}

void Fleet::Hello(Bot& bot) {
  pb::ClientMessage hello;
  bot.hello_request = bot.next_request++;
  hello.set_request_id(bot.hello_request);
  hello.mutable_hello()->set_workshop_code(options_.workshop);
  hello.mutable_hello()->set_role(pb::ROLE_PARTICIPANT);
  if (bot.hello_at == Clock::time_point()) bot.hello_at = Clock::now();
  bot.connection->Send(Frame(hello));
  SendJoin(bot);
}

void Fleet::SendJoin(Bot& bot) {
  const uint32_t i = bot.connection->index();
  pb::Command join;
  join.mutable_join()->set_display_name(options_.name_prefix + " " +
                                        std::to_string(i + 1));
  std::bernoulli_distribution remote(options_.remote_fraction);
  join.mutable_join()->set_presence(remote(rng_) ? pb::PRESENCE_REMOTE
                                                 : pb::PRESENCE_IN_ROOM);
  // The same key on every try: a Join whose Ack was lost adds nobody twice.
  join.mutable_join()->set_join_key("bot-" + options_.workshop + "-" +
                                    std::to_string(i) + "-" +
                                    std::to_string(options_.seed));
  pb::ClientMessage message;
  bot.join_request = bot.next_request++;
  message.set_request_id(bot.join_request);
  *message.mutable_command() = join;
  bot.sent.emplace_back(message.request_id(), Clock::now());
  bot.connection->Send(Frame(message));
}

void Fleet::RetryLater(uint32_t index, bool reopen) {
  Bot& bot = bots_[index];
  if (reopen) {
    // A connection says Hello once: the page closes it and opens another.
    bot.connection->Close();
    bot.connection.reset();
  }
  std::uniform_int_distribution<int> jitter(500, 2500);
  auto timer = std::make_shared<asio::steady_timer>(
      io_, std::chrono::milliseconds(jitter(rng_)));
  retries_.push_back(timer);
  // Cancelled by Stop (or the destructor) before `this` is gone.
  timer->async_wait([this, index, reopen, timer](boost::system::error_code ec) {
    if (ec) return;
    std::erase(retries_, timer);
    Bot& bot = bots_[index];
    if (reopen) return Open(index);
    if (bot.connection && bot.connection->open()) SendJoin(bot);
  });
}

void Fleet::Send(uint32_t index, pb::Command command) {
  Bot& bot = bots_[index];
  if (!bot.connection || !bot.connection->open()) return;
  command.set_client_seq(bot.next_seq++);
  pb::ClientMessage message;
  message.set_request_id(bot.next_request++);
  *message.mutable_command() = std::move(command);
  bot.sent.emplace_back(message.request_id(), Clock::now());
  bot.connection->Send(Frame(message));
}

std::vector<int> Fleet::sockets() const {
  std::vector<int> fds;
  for (const Bot& bot : bots_) fds.push_back(bot.connection->native_handle());
  return fds;
}

void Fleet::OnMessage(Connection& connection, std::string_view payload,
                      Clock::time_point received) {
  if (on_raw_message)
    return on_raw_message(connection.index(), payload, received);
  Bot& bot = bots_[connection.index()];
  pb::ServerMessage message;
  if (!message.ParseFromArray(payload.data(), static_cast<int>(payload.size())))
    return;
  bot.log.push_back(
      {std::chrono::duration_cast<std::chrono::nanoseconds>(received - started_)
           .count(),
       static_cast<uint8_t>(message.body_case()),
       static_cast<uint32_t>(payload.size())});
  uint64_t reply_to = 0;
  switch (message.body_case()) {
    case pb::ServerMessage::kAck:
      reply_to = message.ack().request_id();
      if (message.ack().has_joined() && bot.participant == 0) {
        bot.participant = message.ack().joined().participant_id();
        bot.joined_at = received;
        ++joined_;
      }
      break;
    case pb::ServerMessage::kRejection: {
      reply_to = message.rejection().request_id();
      const bool busy = message.rejection().code() == pb::REJECTION_CODE_BUSY;
      const bool hello = reply_to == bot.hello_request;
      if (hello || reply_to == bot.join_request) {
        if (busy && options_.retry_busy) {
          ++busy_;
          // After a refused Hello its Join is refused too (NOT_JOINED): that
          // connection is closed before it is read.
          RetryLater(connection.index(), hello);
          return;
        }
        ++refused_;
      }
      break;
    }
    case pb::ServerMessage::kSnapshot:
      bot.view = View{.answered = bot.view.answered};
      for (const pb::Doc& doc : message.snapshot().docs()) Apply(bot, doc);
      break;
    case pb::ServerMessage::kDelta:
      for (const pb::Patch& patch : message.delta().patches()) {
        if (patch.has_put()) Apply(bot, patch.put());
      }
      break;
    default:
      break;
  }
  if (reply_to != 0 && on_reply) {
    for (auto it = bot.sent.begin(); it != bot.sent.end(); ++it) {
      if (it->first == reply_to) {
        on_reply(connection.index(), message, received - it->second);
        bot.sent.erase(it);
        break;
      }
    }
  }
  if (on_message) on_message(connection.index(), message, received);
}

void Fleet::Apply(Bot& bot, const pb::Doc& doc) {
  View& v = bot.view;
  switch (doc.body_case()) {
    case pb::Doc::kAgenda:
      v.current = doc.agenda().current();
      v.activities.clear();
      for (const auto& item : doc.agenda().items())
        v.activities.push_back(item.activity());
      break;
    case pb::Doc::kGroups:
      v.groups = static_cast<uint32_t>(doc.groups().kinds_size());
      v.choice_open = doc.groups().choice_open();
      break;
    case pb::Doc::kParticipant:
      if (doc.participant().id() == bot.participant)
        v.group = doc.participant().group();
      break;
    case pb::Doc::kCardDeck:
      v.cards_started = doc.card_deck().started();
      v.cards_revealed = doc.card_deck().revealed();
      break;
    case pb::Doc::kCardGroup:
      v.order.assign(doc.card_group().order().begin(),
                     doc.card_group().order().end());
      v.locked = doc.card_group().locked();
      break;
    case pb::Doc::kDating:
      v.dating_round = doc.dating().round();
      break;
    default:
      break;
  }
}

void Fleet::ScheduleActions() {
  std::exponential_distribution<double> wait(options_.actions_per_second);
  const auto now = Clock::now();
  for (uint32_t i = 0; i < options_.count; ++i) {
    due_.push({now + std::chrono::duration_cast<Clock::duration>(
                         std::chrono::duration<double>(wait(rng_))),
               i});
  }
  Tick();
}

// Every 20 ms, the bots whose moment has come act once and draw their next
// moment.
void Fleet::Tick() {
  timer_.expires_after(std::chrono::milliseconds(20));
  timer_.async_wait([this](boost::system::error_code ec) {
    if (ec) return;
    std::exponential_distribution<double> wait(options_.actions_per_second);
    const auto now = Clock::now();
    while (!due_.empty() && due_.top().first <= now) {
      const uint32_t index = due_.top().second;
      due_.pop();
      Act(index);
      due_.push({now + std::chrono::duration_cast<Clock::duration>(
                           std::chrono::duration<double>(wait(rng_))),
                 index});
    }
    Tick();
  });
}

void Fleet::Act(uint32_t index) {
  Bot& bot = bots_[index];
  const View& v = bot.view;
  if (bot.participant == 0 || v.current < 0 ||
      static_cast<size_t>(v.current) >= v.activities.size())
    return;
  std::uniform_int_distribution<uint32_t> any(0, 1u << 30);
  pb::Command c;
  switch (v.activities[static_cast<size_t>(v.current)]) {
    case pb::Agenda::ACTIVITY_QUESTION:
      if (v.answered >= 3) return;
      c.mutable_submit_answer()->set_agenda_index(v.current);
      c.mutable_submit_answer()->set_text(
          "Idea " + std::to_string(any(rng_) % 1000) + " de " +
          options_.name_prefix + " " + std::to_string(index + 1));
      ++bot.view.answered;
      break;
    case pb::Agenda::ACTIVITY_CARD_SORT:
      if (!v.cards_started || v.cards_revealed || v.locked ||
          v.order.size() < 2)
        return;
      c.mutable_move_card()->set_card_id(v.order[any(rng_) % v.order.size()]);
      c.mutable_move_card()->set_to_index(
          any(rng_) % static_cast<uint32_t>(v.order.size()));
      break;
    case pb::Agenda::ACTIVITY_GROUPS:
      if (!v.choice_open || v.groups == 0 || v.group != 0) return;
      c.mutable_choose_group()->set_group(1 + any(rng_) % v.groups);
      break;
    case pb::Agenda::ACTIVITY_SPEED_DATING:
      if (v.dating_round == 0 || bot.chose_first_in == v.dating_round) return;
      bot.chose_first_in = v.dating_round;
      c.mutable_choose_first_speaker();
      break;
    default:
      return;
  }
  Send(index, std::move(c));
}

void Fleet::OnClose(Connection& connection, const std::string& why) {
  // A connection closed by RetryLater is not the bot's any more.
  if (&connection != bots_[connection.index()].connection.get()) return;
  if (!connection.open() && bots_[connection.index()].participant == 0 &&
      opened_ < options_.count) {
    ++failed_;
    if (opened_ + failed_ == next_to_open_ && next_to_open_ < options_.count)
      OpenBatch();
  }
}

}  // namespace campana::bot
