// Nothing acknowledged is ever lost, and nothing is applied twice: phones keep
// submitting while the server is killed with SIGKILL at random moments and
// restarted, again and again. Each phone behaves as the web page does: one
// submission in flight, resent after reconnecting until acknowledged (its
// outbox), under a (participant, client_seq) the server deduplicates.

#include <algorithm>
#include <atomic>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "server_fixture.h"
#include "support/postgres_server.h"

namespace campana::testing {
namespace {

constexpr int kPhones = 6;
constexpr int kKills = 12;
constexpr int kQuestions = 40;

// Where the server is now; phones wait here for it to come back instead of
// polling.
struct ServerWatch {
  std::mutex mutex;
  std::condition_variable changed;
  uint16_t port = 0;
  uint64_t generation = 0;
  bool up = false;

  void Up(uint16_t new_port) {
    std::lock_guard lock(mutex);
    port = new_port;
    ++generation;
    up = true;
    changed.notify_all();
  }
  // Phones report each acknowledgement here, so the test can wait for progress.
  std::condition_variable progress;
  void Acked() {
    { std::lock_guard lock(mutex); }
    progress.notify_all();
  }
  void Down() {
    std::lock_guard lock(mutex);
    up = false;
  }
  // Waits until the server is up in a generation newer than `seen` (or any, if
  // seen is 0).
  std::pair<uint16_t, uint64_t> Await(uint64_t seen) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return up && generation != seen; });
    return {port, generation};
  }
};

struct Phone {
  int index = 0;
  std::string join_key;
  std::string token;
  uint32_t participant = 0;
  uint64_t next_seq = 1;
  std::optional<std::pair<uint64_t, std::string>>
      outbox;                             // the one submission in flight
  std::map<uint64_t, std::string> acked;  // seq -> text
  std::atomic<int> acks_in_generation{0};
  int duplicates = 0;
  int busy = 0;
  std::vector<std::string> unexpected;
};

// On both stores: an SQLite file, and PostgreSQL (a cluster's; a server the
// test starts for itself, tests/support/postgres_server.h). "failover": two
// nodes on one PostgreSQL database, and each SIGKILL hits the node serving
// the workshop; the phones go to the other one (as the front would send
// them), which takes the workshop, while the killed one restarts to stand by.
class DurabilityTest : public ServerFixture,
                       public ::testing::WithParamInterface<std::string> {
 protected:
  bool OnPostgres() const { return GetParam() != "sqlite"; }
  std::string DbPath() override {
    if (!OnPostgres()) return ServerFixture::DbPath();
    // An unusable URI if the server did not start: campana then says it
    // cannot connect, and the test body says why.
    database_ = SharedPostgres().error().empty()
                    ? SharedPostgres().NewDatabase("durability")
                    : "postgresql://nowhere/none";
    return database_;
  }
  std::string database_;

  std::string TemplatePath() override {
    // Forty open questions, so that each phone may answer many times (20
    // answers each).
    std::ofstream out(dir.File("questions.json"));
    out << R"({"title": "Durabilidad", "language": "es", "items": [)";
    for (int i = 0; i < kQuestions; ++i) {
      out << (i ? "," : "") << R"({"title": "P)" << i
          << R"(", "question": {"prompt": "¿?"}})";
    }
    out << "]}";
    return dir.File("questions.json");
  }

  // One phone's life: connect, (re)join or resume, resend its outbox, keep
  // answering.
  void RunPhone(Phone& phone, ServerWatch& watch,
                const std::atomic<bool>& keep_submitting) {
    uint64_t generation = 0;
    uint64_t request = 1000;
    int question = 0;
    while (true) {
      auto [port, gen] = watch.Await(generation);
      generation = gen;
      WsClient client(port);
      if (!client.Connect())
        continue;  // already gone again; wait for the next generation
      client.Send(
          HelloMessage(++request, code, pb::ROLE_PARTICIPANT, phone.token));
      auto welcome = client.Reply(request, 5s);
      if (!welcome) continue;
      if (!welcome->has_welcome()) {
        phone.unexpected.push_back("hello: " + welcome->ShortDebugString());
        return;
      }
      if (phone.token.empty()) {
        pb::Command join;
        join.mutable_join()->set_display_name("Teléfono " +
                                              std::to_string(phone.index));
        join.mutable_join()->set_join_key(phone.join_key);
        client.Send(CommandMessage(++request, join));
        auto ack = client.Reply(request, 5s);
        if (!ack) continue;
        if (!ack->has_ack()) {
          phone.unexpected.push_back("join: " + ack->ShortDebugString());
          return;
        }
        phone.token = ack->ack().joined().resume_token();
        phone.participant = ack->ack().joined().participant_id();
      }
      while (true) {
        if (!phone.outbox) {
          if (!keep_submitting) return;
          // A quick typist's pace, inside the server's per-device rate limit.
          std::this_thread::sleep_for(40ms);
          const uint64_t seq = phone.next_seq++;
          phone.outbox = {seq, "phone" + std::to_string(phone.index) + "-seq" +
                                   std::to_string(seq)};
        }
        pb::Command answer;
        answer.set_client_seq(phone.outbox->first);
        answer.mutable_submit_answer()->set_agenda_index(question);
        answer.mutable_submit_answer()->set_text(phone.outbox->second);
        client.Send(CommandMessage(++request, answer));
        auto reply = client.Reply(request, 5s);
        if (!reply) break;  // the server died: reconnect and resend
        if (reply->has_ack()) {
          phone.duplicates += reply->ack().duplicate();
          phone.acked[phone.outbox->first] = phone.outbox->second;
          phone.outbox.reset();
          ++phone.acks_in_generation;
          watch.Acked();
        } else if (reply->has_rejection() &&
                   reply->rejection().code() == pb::REJECTION_CODE_BUSY) {
          // Asked to slow down: back off as the page does, then resend the same
          // one.
          std::this_thread::sleep_for(250ms);
          if (++phone.busy > 200) {
            phone.unexpected.push_back("busy for ever: " +
                                       reply->ShortDebugString());
            return;
          }
          continue;
        } else if (reply->has_rejection() &&
                   reply->rejection().code() ==
                       pb::REJECTION_CODE_FAILED_PRECONDITION) {
          question = (question + 1) %
                     kQuestions;  // this question is full: answer the next
        } else {
          phone.unexpected.push_back("answer: " + reply->ShortDebugString());
          phone.outbox.reset();
        }
      }
    }
  }
};

INSTANTIATE_TEST_SUITE_P(Stores, DurabilityTest,
                         ::testing::Values("sqlite", "postgresql", "failover"),
                         [](const auto& info) { return info.param; });

TEST_P(DurabilityTest, AcknowledgedSubmissionsSurviveRepeatedSigkill) {
  ASSERT_EQ(OnPostgres() ? SharedPostgres().error() : "", "");
  std::unique_ptr<ServerProcess> standby;
  if (GetParam() == "failover") {
    standby = std::make_unique<ServerProcess>(
        ServerProcess::Options{.binary = CampanaBinary(),
                               .db_path = database_,
                               .web_root = dir.File("web"),
                               .demo_template = TemplatePath()});
    std::string error;
    ASSERT_TRUE(standby->Start(&error)) << error;
  }
  {
    auto console = Open(pb::ROLE_FACILITATOR);
    pb::Command go;
    go.mutable_goto_agenda_item()->set_index(kQuestions -
                                             1);  // every question open
    console->Send(CommandMessage(2, go));
    ASSERT_TRUE(console->Reply(2)->has_ack());
  }

  ServerWatch watch;
  watch.Up(server->port());
  std::atomic<bool> keep_submitting{true};
  std::vector<std::unique_ptr<Phone>> phones;
  std::vector<std::thread> threads;
  for (int i = 0; i < kPhones; ++i) {
    phones.push_back(std::make_unique<Phone>());
    phones.back()->index = i;
    phones.back()->join_key = "durability-phone-" + std::to_string(i);
  }
  for (auto& phone : phones)
    threads.emplace_back(
        [&, p = phone.get()] { RunPhone(*p, watch, keep_submitting); });

  std::mt19937 random(20231109);
  int kills_under_load = 0;
  std::vector<double> failover_ms;
  for (int kill = 0; kill < kKills; ++kill) {
    // Let the phones get going in this life of the server, then kill it at a
    // random moment.
    for (auto& phone : phones) phone->acks_in_generation = 0;
    {
      std::unique_lock lock(watch.mutex);
      watch.progress.wait_for(lock, 10s, [&] {
        int busy = 0;
        for (auto& phone : phones) busy += phone->acks_in_generation > 0;
        return busy == kPhones;
      });
    }
    // The fault lands at a random moment of normal traffic.
    std::this_thread::sleep_for(std::chrono::milliseconds(
        std::uniform_int_distribution(0, 400)(random)));
    int acked_now = 0;
    for (auto& phone : phones) acked_now += phone->acks_in_generation;
    kills_under_load += acked_now > 0;
    watch.Down();
    server->Kill();
    std::string error;
    if (standby) {
      // The phones go to the other node; the killed one comes back to stand
      // by for the next fault. Failover time: from the kill until every phone
      // has had a new submission acknowledged by the other node.
      const auto killed_at = std::chrono::steady_clock::now();
      for (auto& phone : phones) phone->acks_in_generation = 0;
      watch.Up(standby->port());
      {
        std::unique_lock lock(watch.mutex);
        EXPECT_TRUE(watch.progress.wait_for(lock, 10s, [&] {
          int busy = 0;
          for (auto& phone : phones) busy += phone->acks_in_generation > 0;
          return busy == kPhones;
        })) << "every phone is acknowledged again on the other node";
      }
      failover_ms.push_back(std::chrono::duration<double, std::milli>(
                                std::chrono::steady_clock::now() - killed_at)
                                .count());
      ASSERT_TRUE(server->Start(&error)) << "restart " << kill << ": " << error;
      std::swap(server, standby);
      continue;
    }
    ASSERT_TRUE(server->Start(&error)) << "restart " << kill << ": " << error;
    watch.Up(server->port());
  }
  keep_submitting = false;
  for (auto& thread : threads) thread.join();

  // Everything acknowledged is there exactly once; nothing is there that was
  // not submitted.
  auto console = Open(pb::ROLE_FACILITATOR);
  std::map<std::pair<uint32_t, std::string>, int> stored;
  size_t answers = 0;
  for (const auto& [key, bytes] : console->device.docs) {
    if (key.first != pb::DOC_KIND_ANSWER) continue;
    pb::Doc doc;
    doc.ParseFromString(bytes);
    ++stored[{doc.answer().participant_id(), doc.answer().text()}];
    ++answers;
  }
  size_t acked = 0;
  int duplicates = 0;
  for (auto& phone : phones) {
    EXPECT_TRUE(phone->unexpected.empty()) << phone->unexpected.front();
    duplicates += phone->duplicates;
    for (const auto& [seq, text] : phone->acked) {
      ++acked;
      EXPECT_EQ((stored[{phone->participant, text}]), 1)
          << text << " stored once";
    }
  }
  EXPECT_EQ(answers, acked) << "no answer stored that was not acknowledged";
  int participants = 0;
  for (const auto& [key, bytes] : console->device.docs)
    participants += key.first == pb::DOC_KIND_PARTICIPANT;
  EXPECT_EQ(participants, kPhones)
      << "every phone joined exactly once, resent Joins included";
  EXPECT_GE(kills_under_load, 10)
      << "kills must land while phones are submitting";
  EXPECT_GT(acked, 100u);
  std::printf(
      "[ durability, %s ] %d SIGKILLs (%d under load), %zu acknowledged "
      "answers, "
      "%d duplicates answered, "
      "%zu stored\n",
      GetParam().c_str(), kKills, kills_under_load, acked, duplicates, answers);
  if (!failover_ms.empty()) {
    std::sort(failover_ms.begin(), failover_ms.end());
    std::printf(
        "[ durability, failover ] kill to every phone acknowledged on the "
        "other "
        "node: median %.0f ms, min %.0f, max %.0f, over %zu failovers\n",
        failover_ms[failover_ms.size() / 2], failover_ms.front(),
        failover_ms.back(), failover_ms.size());
  }
}

}  // namespace
}  // namespace campana::testing
