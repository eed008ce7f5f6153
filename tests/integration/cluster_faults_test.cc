// Issue 17's Jepsen-style test: three campana nodes behind HAProxy (Debian's,
// started here with the routing rules of deploy/haproxy/campana.cfg), one
// PostgreSQL that each node reaches through a TCP hop of HAProxy's which the
// test can cut, and 500 phones answering open questions across 10 workshops.
// Faults, each while the phones answer: SIGKILL the node that owns a busy
// workshop (it restarts); SIGSTOP it until every phone is acknowledged by
// another node, then SIGCONT; cut it from the database until the same, then
// mend the cut; restart PostgreSQL. After each fault every phone is
// acknowledged again. At the end: every acknowledged answer is stored exactly
// once and nothing else is; every workshop's log holds offsets 1..n with no
// gap; every phone stayed the same person.
//
// CAMPANA_CLUSTER_FULL=1 runs each fault three times and keeps a stopped node
// stopped for 30 s; deploy/dev.sh test runs each once.

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include <fcntl.h>
#include <google/protobuf/util/json_util.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include <campana/v1/organizer.pb.h>

#include "codec/log_codec.h"
#include "server_fixture.h"
#include "store/event_store.h"
#include "support/http_get.h"
#include "support/postgres_server.h"

extern char** environ;

namespace campana::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kNodes = 3;
constexpr int kWorkshops = 10;
constexpr int kPhonesPerWorkshop = 50;
constexpr int kQuestions = 40;
constexpr char kOrganizerKey[] = "organizer-cluster-faults-0123456789";

std::string Tail(const std::string& text, size_t n) {
  return text.size() <= n ? text : text.substr(text.size() - n);
}

bool FullRun() {
  const char* full = std::getenv("CAMPANA_CLUSTER_FULL");
  return full != nullptr && std::string(full) == "1";
}

// A free TCP port on 127.0.0.1 (asked of the kernel, then let go).
uint16_t FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  close(fd);
  return ntohs(address.sin_port);
}

// The lines of deploy/haproxy/campana.cfg's `backend campana` that route and
// check (everything but its `server` line), so that this test runs the
// shipped rules.
std::string ShippedBackendRules() {
  std::ifstream in(SourceDir() + "/deploy/haproxy/campana.cfg");
  std::string line;
  std::string rules;
  bool inside = false;
  while (std::getline(in, line)) {
    if (line.rfind("backend campana", 0) == 0) {
      inside = true;
      continue;
    }
    if (!inside) continue;
    if (!line.empty() && line[0] != ' ') break;
    if (line.find(" server ") != std::string::npos) continue;
    rules += line + "\n";
  }
  return rules;
}

// Debian's HAProxy, in the foreground, with an admin socket.
class Haproxy {
 public:
  ~Haproxy() { Stop(); }
  // Its output goes to `log`.
  bool Start(const std::string& config, const std::string& log) {
    std::vector<std::string> args = {CAMPANA_HAPROXY, "-db", "-f", config};
    std::vector<char*> argv;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    const int rc =
        posix_spawn(&pid_, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    return rc == 0;
  }
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  // One command on the admin socket; its answer.
  std::string Admin(const std::string& socket_path,
                    const std::string& command) {
    const int fd = socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::snprintf(address.sun_path, sizeof address.sun_path, "%s",
                  socket_path.c_str());
    if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) !=
        0) {
      close(fd);
      return "cannot connect";
    }
    const std::string line = command + "\n";
    (void)write(fd, line.data(), line.size());
    std::string answer;
    char buffer[512];
    ssize_t n;
    while ((n = read(fd, buffer, sizeof buffer)) > 0) answer.append(buffer, n);
    close(fd);
    return answer;
  }

 private:
  pid_t pid_ = -1;
};

struct Workshop {
  std::string code;
  std::string key;
};

struct Phone {
  int index = 0;
  const Workshop* workshop = nullptr;
  std::string join_key;
  std::string token;
  uint32_t participant = 0;
  uint64_t next_seq = 1;
  std::optional<std::pair<uint64_t, std::string>> outbox;
  std::map<uint64_t, std::string> acked;
  int duplicates = 0;
  int busy = 0;
  std::atomic<int64_t> last_ack_ns{0};
  std::vector<std::string> unexpected;
};

template <class Message>
Message FromJson(const std::string& json) {
  Message m;
  (void)google::protobuf::util::JsonStringToMessage(json, &m);
  return m;
}

// One SQL query's rows, each as its columns' text.
std::vector<std::vector<std::string>> Query(const std::string& uri,
                                            const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  PGconn* conn = PQconnectdb(uri.c_str());
  PGresult* r = PQexec(conn, sql.c_str());
  if (PQresultStatus(r) == PGRES_TUPLES_OK) {
    for (int i = 0; i < PQntuples(r); ++i) {
      rows.emplace_back();
      for (int c = 0; c < PQnfields(r); ++c)
        rows.back().emplace_back(PQgetvalue(r, i, c));
    }
  }
  PQclear(r);
  PQfinish(conn);
  return rows;
}

class ClusterFaultsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(SharedPostgres().error(), "");
    database_ = SharedPostgres().NewDatabase("faults");
    // The database's Unix socket, from its URI (?host=DIR&port=PORT).
    const std::regex where(R"(host=([^&]+)&port=(\d+))");
    std::smatch match;
    ASSERT_TRUE(std::regex_search(database_, match, where)) << database_;
    const std::string socket = match[1].str() + "/.s.PGSQL." + match[2].str();
    const std::string name = database_.substr(
        database_.find('/', std::string("postgresql://").size()) + 1,
        database_.find('?') -
            (database_.find('/', std::string("postgresql://").size()) + 1));

    front_port_ = FreePort();
    admin_ = dir_.File("haproxy.sock");
    std::ostringstream config;
    config << "global\n"
           << "    stats socket " << admin_ << " mode 600 level admin\n"
           << "defaults\n"
           << "    timeout connect 2s\n"
           << "    timeout client 30s\n"
           // A node that does not answer an upgrade (stopped) fails the
           // handshake soon, and the phone tries again.
           << "    timeout server 3s\n"
           << "    timeout tunnel 60s\n"
           << "    timeout client-fin 5s\n"
           << "frontend phones\n"
           << "    mode http\n"
           << "    bind 127.0.0.1:" << front_port_ << "\n"
           << "    default_backend campana\n"
           << "backend campana\n"
           << "    mode http\n"
           << ShippedBackendRules();
    for (int n = 0; n < kNodes; ++n) {
      node_ports_[n] = FreePort();
      config << "    server node" << n << " 127.0.0.1:" << node_ports_[n]
             << " check\n";
    }
    // Each node's way to the database: a TCP hop the test can cut.
    for (int n = 0; n < kNodes; ++n) {
      const uint16_t port = FreePort();
      config << "listen pg_node" << n << "\n"
             << "    mode tcp\n"
             << "    timeout client 1h\n"
             << "    timeout server 1h\n"
             << "    bind 127.0.0.1:" << port << "\n"
             << "    server pg unix@" << socket << "\n";
      node_db_[n] = "postgresql://campana@127.0.0.1:" + std::to_string(port) +
                    "/" + name + "?application_name=node" + std::to_string(n);
    }
    {
      std::ofstream out(dir_.File("haproxy.cfg"));
      out << config.str();
    }
    ASSERT_TRUE(
        haproxy_.Start(dir_.File("haproxy.cfg"), dir_.File("haproxy.log")));

    // Forty open questions, so that each phone may answer many times.
    const std::string templates = dir_.File("templates");
    ASSERT_EQ(mkdir(templates.c_str(), 0700), 0);
    {
      std::ofstream out(templates + "/questions.es.json");
      out << R"({"title": "Fallos", "language": "es", "items": [)";
      for (int i = 0; i < kQuestions; ++i) {
        out << (i ? "," : "") << R"({"title": "P)" << i
            << R"(", "question": {"prompt": "¿?"}})";
      }
      out << "]}";
    }
    for (int n = 0; n < kNodes; ++n) {
      nodes_[n] = std::make_unique<ServerProcess>(ServerProcess::Options{
          .binary = CampanaBinary(),
          .db_path = node_db_[n],
          .extra_args = {"--organizer-key", kOrganizerKey, "--templates",
                         templates},
          .port = node_ports_[n]});
      std::string error;
      ASSERT_TRUE(nodes_[n]->Start(&error)) << error;
    }
    // HAProxy finds every node up (two good checks each).
    const auto until = Clock::now() + 20s;
    while (HttpGet(front_port_, "/healthz").status != 200) {
      ASSERT_LT(Clock::now(), until) << "HAProxy never passed a request on";
      std::this_thread::sleep_for(50ms);
    }
  }

  void TearDown() override {
    for (auto& node : nodes_) {
      if (!node || !node->running()) continue;
      kill(node->pid(), SIGCONT);  // a test that failed midway may leave one
      node->Stop();
    }
    haproxy_.Stop();
  }

  // Creates a workshop through the front and opens all its questions.
  Workshop CreateWorkshop() {
    HttpResponse created =
        HttpRequest(front_port_, "POST", "/api/workshops",
                    {{"authorization", std::string("Bearer ") + kOrganizerKey}},
                    R"({"template": "questions", "language": "es"})");
    EXPECT_EQ(created.status, 201) << created.body;
    const auto reply = FromJson<pb::WorkshopCreatedReply>(created.body);
    Workshop w{reply.workshop().code(), reply.facilitator_key()};
    WsClient console(front_port_);
    EXPECT_TRUE(console.Connect(nullptr, "/ws/" + w.code));
    console.Send(HelloMessage(1, w.code, pb::ROLE_FACILITATOR, w.key));
    auto welcome = console.Reply(1);
    EXPECT_TRUE(welcome && welcome->has_welcome());
    pb::Command go;
    go.mutable_goto_agenda_item()->set_index(kQuestions - 1);
    console.Send(CommandMessage(2, go));
    auto ack = console.Reply(2);
    EXPECT_TRUE(ack && ack->has_ack());
    return w;
  }

  // One phone's life, as the page lives it: connect through the front,
  // (re)join or resume, resend its outbox until acknowledged, keep answering
  // about once a second.
  void RunPhone(Phone& phone) {
    uint64_t request = 1000;
    int question = static_cast<int>(phone.index % kQuestions);
    std::mt19937 jitter(phone.index);
    while (!stop_) {
      WsClient client(front_port_);
      if (!client.Connect(nullptr, "/ws/" + phone.workshop->code)) {
        std::this_thread::sleep_for(
            std::chrono::milliseconds(100 + jitter() % 200));
        continue;
      }
      client.Send(HelloMessage(++request, phone.workshop->code,
                               pb::ROLE_PARTICIPANT, phone.token));
      auto welcome = client.Reply(request, 5s);
      if (!welcome) continue;
      if (welcome->has_rejection() &&
          welcome->rejection().code() == pb::REJECTION_CODE_BUSY) {
        // A node taking over many workshops at once asks for patience: back
        // off with jitter and come again, as the page does.
        ++phone.busy;
        std::this_thread::sleep_for(
            std::chrono::milliseconds(200 + jitter() % 800));
        continue;
      }
      if (!welcome->has_welcome()) {
        phone.unexpected.push_back("hello: " + welcome->ShortDebugString());
        return;
      }
      if (phone.participant != 0 &&
          welcome->welcome().participant_id() != phone.participant) {
        phone.unexpected.push_back("resumed as someone else");
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
      while (!stop_ || phone.outbox) {
        if (!phone.outbox) {
          std::this_thread::sleep_for(
              std::chrono::milliseconds(800 + jitter() % 400));
          const uint64_t seq = phone.next_seq++;
          phone.outbox = {seq, "p" + std::to_string(phone.index) + "-" +
                                   std::to_string(seq)};
        }
        pb::Command answer;
        answer.set_client_seq(phone.outbox->first);
        answer.mutable_submit_answer()->set_agenda_index(question);
        answer.mutable_submit_answer()->set_text(phone.outbox->second);
        client.Send(CommandMessage(++request, answer));
        // The page's outbox waits this long for an Ack before it reconnects.
        auto reply = client.Reply(request, 4s);
        if (!reply) break;
        if (reply->has_ack()) {
          phone.duplicates += reply->ack().duplicate();
          phone.acked[phone.outbox->first] = phone.outbox->second;
          phone.outbox.reset();
          phone.last_ack_ns = Clock::now().time_since_epoch().count();
          std::lock_guard lock(mutex_);
          progress_.notify_all();
        } else if (reply->has_rejection() &&
                   reply->rejection().code() == pb::REJECTION_CODE_BUSY) {
          ++phone.busy;
          std::this_thread::sleep_for(
              std::chrono::milliseconds(200 + jitter() % 300));
        } else if (reply->has_rejection() &&
                   reply->rejection().code() ==
                       pb::REJECTION_CODE_FAILED_PRECONDITION) {
          question = (question + 1) % kQuestions;  // full: the next one
        } else {
          phone.unexpected.push_back("answer: " + reply->ShortDebugString());
          phone.outbox.reset();
        }
      }
    }
  }

  // Waits until every phone has had an answer acknowledged after `since`;
  // how long that took from `since`, in ms (or -1 if not within `limit`).
  double AllAcknowledgedAfter(Clock::time_point since,
                              std::chrono::seconds limit) {
    const int64_t since_ns = since.time_since_epoch().count();
    std::unique_lock lock(mutex_);
    const bool all = progress_.wait_for(lock, limit, [&] {
      return std::all_of(phones_.begin(), phones_.end(),
                         [&](auto& p) { return p->last_ack_ns > since_ns; });
    });
    if (!all) {
      // Who is behind, and what they met, for the failure's message.
      std::map<std::string, int> behind;
      for (auto& p : phones_) {
        if (p->last_ack_ns > since_ns) continue;
        ++behind[p->workshop->code];
        if (!p->unexpected.empty())
          std::printf("phone %d: %s\n", p->index, p->unexpected.back().c_str());
      }
      for (const auto& [code, n] : behind) {
        const auto rows = Query(
            database_,
            "SELECT owner, fence FROM workshops WHERE code = '" + code + "'");
        std::printf(
            "workshop %s: %d phones not acknowledged; owner %s\n", code.c_str(),
            n,
            rows.empty() ? "?" : (rows[0][0] + " fence " + rows[0][1]).c_str());
        DescribeLog(code);
      }
      for (int n = 0; n < kNodes; ++n) {
        std::printf("node %d (pid %d):\n%s\n", n, nodes_[n]->pid(),
                    Tail(nodes_[n]->log(), 3000).c_str());
      }
      return -1;
    }
    int64_t last = since_ns;
    for (auto& p : phones_) last = std::max(last, p->last_ack_ns.load());
    return static_cast<double>(last - since_ns) / 1e6;
  }

  // What the database holds of a workshop's log: gaps, snapshots, and records
  // that do not decode or sit at another offset than their own.
  void DescribeLog(const std::string& code) {
    const std::string id =
        "(SELECT id FROM workshops WHERE code = '" + code + "')";
    for (const auto& gap :
         Query(database_,
               "SELECT previous, log_offset FROM (SELECT log_offset, "
               "lag(log_offset) OVER (ORDER BY log_offset) AS previous FROM "
               "records WHERE workshop_id = " +
                   id + ") AS o WHERE log_offset <> previous + 1"))
      std::printf("  gap: %s then %s\n", gap[0].c_str(), gap[1].c_str());
    for (const auto& snap :
         Query(database_,
               "SELECT log_offset FROM snapshots WHERE workshop_id = " + id))
      std::printf("  snapshot at %s\n", snap[0].c_str());
    for (const auto& all :
         Query(database_,
               "SELECT MIN(log_offset), MAX(log_offset), COUNT(*) FROM records "
               "WHERE workshop_id = " +
                   id))
      std::printf("  records %s..%s (%s)\n", all[0].c_str(), all[1].c_str(),
                  all[2].c_str());
    store::Status opened;
    auto reader = store::EventStore::Open(database_, &opened);
    const auto row = reader ? reader->FindWorkshop(code) : std::nullopt;
    if (!row) return;
    (void)reader->ReadRecords(
        row->id, 0, [&](uint64_t offset, std::string_view body) {
          auto record = codec::DecodeRecord(body);
          if (!record.ok()) {
            std::printf("  record %lu: %s\n",
                        static_cast<unsigned long>(offset),
                        record.rejection().message.c_str());
          } else if (record.value().offset != offset) {
            std::printf("  record %lu holds offset %lu\n",
                        static_cast<unsigned long>(offset),
                        static_cast<unsigned long>(record.value().offset));
          }
          return true;
        });
  }

  // The node whose process is the workshop's owner in the database.
  int OwnerOf(const Workshop& w) {
    const auto rows = Query(
        database_, "SELECT owner FROM workshops WHERE code = '" + w.code + "'");
    if (rows.empty()) return -1;
    const std::string owner = rows[0][0];
    const std::string pid = owner.substr(owner.rfind(':') + 1);
    for (int n = 0; n < kNodes; ++n) {
      if (nodes_[n]->running() && std::to_string(nodes_[n]->pid()) == pid)
        return n;
    }
    return -1;
  }

  // The node's appends the database refused, its workshops having been taken
  // by another node (campana_fenced_appends_total in /metrics).
  int Fenced(int n) {
    const std::string body = HttpGet(node_ports_[n], "/metrics").body;
    const std::regex line(R"(campana_fenced_appends_total (\d+))");
    std::smatch match;
    return std::regex_search(body, match, line) ? std::stoi(match[1]) : 0;
  }

  TempDir dir_;
  std::string database_;
  std::string admin_;
  uint16_t front_port_ = 0;
  std::array<uint16_t, kNodes> node_ports_{};
  std::array<std::string, kNodes> node_db_;
  std::array<std::unique_ptr<ServerProcess>, kNodes> nodes_;
  Haproxy haproxy_;
  std::atomic<bool> stop_{false};
  std::mutex mutex_;
  std::condition_variable progress_;
  std::vector<std::unique_ptr<Phone>> phones_;
};

TEST_F(ClusterFaultsTest, NoAcknowledgedAnswerIsLostOrDoubledThroughFaults) {
  std::vector<Workshop> workshops;
  for (int w = 0; w < kWorkshops; ++w) workshops.push_back(CreateWorkshop());
  for (int w = 0; w < kWorkshops; ++w) {
    for (int i = 0; i < kPhonesPerWorkshop; ++i) {
      auto phone = std::make_unique<Phone>();
      phone->index = w * kPhonesPerWorkshop + i;
      phone->workshop = &workshops[w];
      phone->join_key = "faults-phone-" + std::to_string(phone->index);
      phones_.push_back(std::move(phone));
    }
  }
  std::vector<std::thread> threads;
  for (auto& phone : phones_)
    threads.emplace_back([this, p = phone.get()] { RunPhone(*p); });
  ASSERT_GE(AllAcknowledgedAfter(Clock::now(), 120s), 0)
      << "every phone joins and is acknowledged";

  const int rounds = FullRun() ? 3 : 1;
  const auto stopped_for = FullRun() ? 30s : 0s;
  std::map<std::string, std::vector<double>> recovery_ms;
  std::mt19937 random(20261203);
  int fenced = 0;
  for (int round = 0; round < rounds; ++round) {
    // 1. SIGKILL the owner of a busy workshop; it restarts and stands by.
    {
      const int n = OwnerOf(workshops[random() % kWorkshops]);
      ASSERT_GE(n, 0);
      const auto at = Clock::now();
      nodes_[n]->Kill();
      const double ms = AllAcknowledgedAfter(at, 60s);
      EXPECT_GE(ms, 0) << "every phone acknowledged after the kill";
      recovery_ms["kill -9"].push_back(ms);
      std::string error;
      ASSERT_TRUE(nodes_[n]->Start(&error)) << error;
    }
    // 2. SIGSTOP the owner of a busy workshop until every phone is answered
    // elsewhere (and, in the full run, 30 s); then SIGCONT: its writes from
    // before are refused, and it lets those workshops go.
    {
      const int n = OwnerOf(workshops[random() % kWorkshops]);
      ASSERT_GE(n, 0);
      const int fenced_before = Fenced(n);
      const auto at = Clock::now();
      kill(nodes_[n]->pid(), SIGSTOP);
      const double ms = AllAcknowledgedAfter(at, 60s);
      EXPECT_GE(ms, 0) << "every phone acknowledged while a node is stopped";
      recovery_ms["SIGSTOP"].push_back(ms);
      std::this_thread::sleep_for(stopped_for);
      kill(nodes_[n]->pid(), SIGCONT);
      EXPECT_GE(AllAcknowledgedAfter(Clock::now(), 60s), 0)
          << "and after it wakes";
      fenced += Fenced(n) - fenced_before;
    }
    // 3. Cut the owner of a busy workshop from the database; its /healthz
    // fails, the front sends its phones elsewhere; then mend the cut.
    {
      const int n = OwnerOf(workshops[random() % kWorkshops]);
      ASSERT_GE(n, 0);
      const int fenced_before = Fenced(n);
      const std::string server = "pg_node" + std::to_string(n) + "/pg";
      const auto at = Clock::now();
      haproxy_.Admin(admin_, "set server " + server + " state maint");
      haproxy_.Admin(admin_, "shutdown sessions server " + server);
      const double ms = AllAcknowledgedAfter(at, 60s);
      EXPECT_GE(ms, 0) << "every phone acknowledged while a node is cut off";
      recovery_ms["cut from the database"].push_back(ms);
      haproxy_.Admin(admin_, "set server " + server + " state ready");
      EXPECT_GE(AllAcknowledgedAfter(Clock::now(), 60s), 0)
          << "and after the cut is mended";
      EXPECT_TRUE(nodes_[n]->running()) << "a node cut off keeps running";
      fenced += Fenced(n) - fenced_before;
    }
    // 4. Restart PostgreSQL: every node reconnects.
    {
      const auto at = Clock::now();
      ASSERT_TRUE(SharedPostgres().Restart());
      const double ms = AllAcknowledgedAfter(at, 60s);
      EXPECT_GE(ms, 0) << "every phone acknowledged after the restart";
      recovery_ms["PostgreSQL restart"].push_back(ms);
    }
  }
  stop_ = true;
  for (auto& thread : threads) thread.join();

  // Every log: offsets 1..n, no gap (the primary key forbids a duplicate).
  for (const auto& row :
       Query(database_,
             "SELECT workshop_id, COUNT(*), MIN(log_offset), MAX(log_offset) "
             "FROM records GROUP BY workshop_id")) {
    EXPECT_EQ(row[2], "1") << "workshop " << row[0];
    EXPECT_EQ(row[1], row[3]) << "workshop " << row[0] << ": a gap";
  }
  // Every acknowledged answer is there once, and nothing else is.
  size_t acked = 0;
  size_t stored_total = 0;
  int duplicates = 0;
  int busy = 0;
  for (const Workshop& w : workshops) {
    WsClient console(front_port_);
    ASSERT_TRUE(console.Connect(nullptr, "/ws/" + w.code));
    console.Send(HelloMessage(1, w.code, pb::ROLE_FACILITATOR, w.key));
    auto first = console.Reply(1, 30s);
    ASSERT_TRUE(first && first->has_welcome())
        << w.code << ": " << (first ? first->ShortDebugString() : "no reply");
    ASSERT_TRUE(console.WaitFor(
        [](const pb::ServerMessage& m) { return m.has_snapshot(); }, 30s));
    std::map<std::pair<uint32_t, std::string>, int> stored;
    for (const auto& [key, bytes] : console.device.docs) {
      if (key.first != pb::DOC_KIND_ANSWER) continue;
      pb::Doc doc;
      doc.ParseFromString(bytes);
      ++stored[{doc.answer().participant_id(), doc.answer().text()}];
      ++stored_total;
    }
    for (auto& phone : phones_) {
      if (phone->workshop != &w) continue;
      EXPECT_TRUE(phone->unexpected.empty()) << phone->unexpected.front();
      duplicates += phone->duplicates;
      busy += phone->busy;
      for (const auto& [seq, text] : phone->acked) {
        ++acked;
        EXPECT_EQ((stored[{phone->participant, text}]), 1)
            << text << " stored once";
      }
    }
  }
  EXPECT_EQ(stored_total, acked) << "no answer stored unacknowledged";
  std::printf(
      "[ cluster faults ] %d nodes, %zu phones in %d workshops, %d round(s) "
      "of faults: %zu answers acknowledged, %zu stored, %d acknowledged as "
      "duplicates of a resend, %d BUSY; %d appends refused by the fence "
      "(from the stopped and the cut-off node)\n",
      kNodes, phones_.size(), kWorkshops, rounds, acked, stored_total,
      duplicates, busy, fenced);
  for (auto& [fault, ms] : recovery_ms) {
    std::sort(ms.begin(), ms.end());
    std::printf(
        "[ cluster faults ] %s: every phone acknowledged again after median "
        "%.0f ms, max %.0f (%zu times)\n",
        fault.c_str(), ms[ms.size() / 2], ms.back(), ms.size());
  }
}

}  // namespace
}  // namespace campana::testing
