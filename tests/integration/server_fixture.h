#ifndef CAMPANA_TESTS_INTEGRATION_SERVER_FIXTURE_H_
#define CAMPANA_TESTS_INTEGRATION_SERVER_FIXTURE_H_

#include <algorithm>
#include <memory>
#include <regex>
#include <string>

#include <gtest/gtest.h>

#include "support/server_process.h"
#include "support/temp_dir.h"
#include "support/ws_client.h"

namespace campana::testing {

// The campana binary with the Spanish demo workshop, and helpers to connect as
// each role.
class ServerFixture : public ::testing::Test {
 protected:
  void SetUp() override {
    server = std::make_unique<ServerProcess>(
        ServerProcess::Options{.binary = CampanaBinary(),
                               .db_path = DbPath(),
                               .web_root = dir.File("web"),
                               .demo_template = TemplatePath(),
                               .extra_args = ExtraArgs()});
    std::string error;
    ASSERT_TRUE(server->Start(&error)) << error;
    std::smatch match;
    const std::string out = server->out();
    ASSERT_TRUE(std::regex_search(
        out, match, std::regex(R"(/console/([A-Z0-9]{6})#key=([0-9a-f]+))")))
        << out;
    code = match[1];
    key = match[2];
    ASSERT_TRUE(std::regex_search(
        out, match, std::regex(R"(/screen/[A-Z0-9]{6}#key=([0-9a-f]+))")))
        << out;
    projector_key = match[1];
  }

  virtual std::vector<std::string> ExtraArgs() { return {}; }
  // Where the log is: an SQLite file here, or a postgresql:// URI.
  virtual std::string DbPath() { return dir.File("campana.db"); }
  virtual std::string TemplatePath() {
    return SourceDir() + "/deploy/templates/demo.es.json";
  }

  // A connected client that has said Hello and received its Welcome and first
  // view.
  std::unique_ptr<WsClient> Open(pb::Role role,
                                 const std::string& secret = "") {
    auto client = std::make_unique<WsClient>(server->port());
    std::string error;
    EXPECT_TRUE(client->Connect(&error)) << error;
    std::string given = secret;
    if (given.empty() && role == pb::ROLE_FACILITATOR) given = key;
    if (given.empty() && role == pb::ROLE_PROJECTOR) given = projector_key;
    client->Send(HelloMessage(1, code, role, given));
    auto welcome = client->Reply(1);
    EXPECT_TRUE(welcome && welcome->has_welcome())
        << (welcome ? welcome->ShortDebugString() : "no reply");
    auto view = client->WaitFor([](const pb::ServerMessage& m) {
      return m.has_snapshot() || m.has_delta();
    });
    EXPECT_TRUE(view.has_value());
    return client;
  }

  // A participant that has joined; returns its id.
  uint32_t JoinAs(WsClient& client, const std::string& name,
                  uint64_t request_id = 2,
                  pb::Presence presence = pb::PRESENCE_IN_ROOM) {
    pb::Command join;
    join.mutable_join()->set_display_name(name);
    join.mutable_join()->set_presence(presence);
    std::string key = "join-key-of-" + name;
    std::replace(key.begin(), key.end(), ' ', '-');
    join.mutable_join()->set_join_key(key);
    client.Send(CommandMessage(request_id, join));
    auto ack = client.Reply(request_id);
    EXPECT_TRUE(ack && ack->has_ack())
        << (ack ? ack->ShortDebugString() : "no reply");
    if (!ack || !ack->has_ack()) return 0;
    // The view of a participant arrives as a snapshot right after the Ack.
    client.WaitFor([](const pb::ServerMessage& m) { return m.has_snapshot(); });
    return ack->ack().joined().participant_id();
  }

  TempDir dir;
  std::unique_ptr<ServerProcess> server;
  std::string code;
  std::string key;
  std::string projector_key;
};

// The Hello of a participant's page coming back with what it had applied.
inline pb::ClientMessage ResumeHello(uint64_t request_id,
                                     const std::string& code,
                                     const std::string& token,
                                     const Device& had) {
  pb::ClientMessage hello =
      HelloMessage(request_id, code, pb::ROLE_PARTICIPANT, token);
  hello.mutable_hello()->set_epoch(had.epoch);
  hello.mutable_hello()->set_last_offset(had.offset);
  return hello;
}

// Sends `command` and returns the reply to it (an Ack or a Rejection).
inline pb::ServerMessage RunCommand(WsClient& client, uint64_t request_id,
                                    const pb::Command& command) {
  client.Send(CommandMessage(request_id, command));
  auto reply = client.Reply(request_id);
  EXPECT_TRUE(reply.has_value());
  return reply.value_or(pb::ServerMessage{});
}

// True once `client`'s view has participant `id` named `name`.
inline bool Sees(WsClient& client, uint32_t id, const std::string& name) {
  return client.Until([&] {
    return client.device.Has(pb::DOC_KIND_PARTICIPANT, id) &&
           client.device.Get(pb::DOC_KIND_PARTICIPANT, id)
                   .participant()
                   .display_name() == name;
  });
}

}  // namespace campana::testing

#endif  // CAMPANA_TESTS_INTEGRATION_SERVER_FIXTURE_H_
