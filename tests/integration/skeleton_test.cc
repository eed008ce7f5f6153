// The walking skeleton, end to end over real sockets: join, the roster reaching
// every device entitled to it, authority, and what each kind of bad input gets.

#include "server_fixture.h"

namespace campana::testing {
namespace {

class SkeletonTest : public ServerFixture {};

// Each connection's own lines are at debug; at info, one line every few
// seconds (here every 100 ms) sums them up.
class ConnectionLogTest : public ServerFixture {
 protected:
  std::vector<std::string> ExtraArgs() override {
    return {"--connection-summary-ms", "100", "--log-level", LogLevel()};
  }
  virtual std::string LogLevel() { return "info"; }

  // A console and a phone that joins and drops off: the log once it has
  // summed up the phone going away.
  std::string LogOfAPhoneThatLeft() {
    auto console = Open(pb::ROLE_FACILITATOR);
    auto phone = Open(pb::ROLE_PARTICIPANT);
    JoinAs(*phone, "Nombre Secreto");
    phone->Drop();
    EXPECT_TRUE(server->WaitForLog("went away)", 10s)) << server->log();
    return server->log();
  }
};
class DebugLogTest : public ConnectionLogTest {
 protected:
  std::string LogLevel() override { return "debug"; }
};

pb::Command Join(const std::string& name, const std::string& key) {
  pb::Command c;
  c.mutable_join()->set_display_name(name);
  c.mutable_join()->set_join_key(key);
  return c;
}

TEST_F(SkeletonTest, TheRosterReachesEveryDeviceAtOnce) {
  auto screen = Open(pb::ROLE_PROJECTOR);
  auto console = Open(pb::ROLE_FACILITATOR);
  auto ana = Open(pb::ROLE_PARTICIPANT);
  const uint32_t ana_id = JoinAs(*ana, "Ana");
  ASSERT_NE(ana_id, 0u);
  EXPECT_TRUE(Sees(*screen, ana_id, "Ana"));
  EXPECT_TRUE(Sees(*console, ana_id, "Ana"));
  EXPECT_TRUE(ana->device.Has(pb::DOC_KIND_PARTICIPANT, ana_id))
      << "a phone sees itself";
  EXPECT_TRUE(screen->Until([&] {
    return screen->device.Get(pb::DOC_KIND_PARTICIPANT, ana_id)
        .participant()
        .connected();
  }));

  // Phones see the people of their own group (a room of thousands is not sent
  // to every phone).
  auto beto = Open(pb::ROLE_PARTICIPANT);
  const uint32_t beto_id = JoinAs(*beto, "Beto");
  pb::Command groups;
  groups.mutable_setup_groups()->set_mode(pb::SetupGroups::MODE_RANDOM);
  groups.mutable_setup_groups()->set_count(1);
  console->Send(CommandMessage(10, groups));
  ASSERT_TRUE(console->Reply(10)->has_ack());
  EXPECT_TRUE(Sees(*ana, beto_id, "Beto"));
  pb::Command rename;
  rename.mutable_rename_participant()->set_participant_id(beto_id);
  rename.mutable_rename_participant()->set_display_name("Roberto");
  console->Send(CommandMessage(11, rename));
  EXPECT_TRUE(Sees(*ana, beto_id, "Roberto"));
  EXPECT_TRUE(Sees(*screen, beto_id, "Roberto"));
  EXPECT_TRUE(Sees(*beto, beto_id, "Roberto"));
}

TEST_F(SkeletonTest,
       FacilitatorCommandFromAParticipantIsRefusedAndChangesNothing) {
  auto console = Open(pb::ROLE_FACILITATOR);
  auto ana = Open(pb::ROLE_PARTICIPANT);
  auto beto = Open(pb::ROLE_PARTICIPANT);
  JoinAs(*ana, "Ana");
  const uint32_t beto_id = JoinAs(*beto, "Beto");
  ASSERT_TRUE(Sees(*console, beto_id, "Beto"));

  pb::Command remove;
  remove.mutable_remove_participant()->set_participant_id(beto_id);
  ana->Send(CommandMessage(20, remove));
  auto reply = ana->Reply(20);
  ASSERT_TRUE(reply && reply->has_rejection());
  EXPECT_EQ(reply->rejection().code(), pb::REJECTION_CODE_PERMISSION_DENIED);
  EXPECT_EQ(reply->rejection().message(),
            "RemoveParticipant is for facilitators");

  // The projector may not either; nothing changed: Beto is still there after a
  // later change.
  auto screen = Open(pb::ROLE_PROJECTOR);
  screen->Send(CommandMessage(21, remove));
  EXPECT_EQ(screen->Reply(21)->rejection().message(),
            "the projector is read-only");
  pb::Command rename;
  rename.mutable_rename_participant()->set_display_name("Ana María");
  ana->Send(CommandMessage(22, rename));
  ASSERT_TRUE(ana->Reply(22)->has_ack());
  console->Drain();
  EXPECT_TRUE(Sees(*console, 1, "Ana María"));
  EXPECT_TRUE(console->device.Has(pb::DOC_KIND_PARTICIPANT, beto_id));
}

TEST_F(SkeletonTest, FacilitatorRenamesAndRemoves) {
  auto console = Open(pb::ROLE_FACILITATOR);
  auto ana = Open(pb::ROLE_PARTICIPANT);
  const uint32_t ana_id = JoinAs(*ana, "Ana");
  pb::Command remove;
  remove.mutable_remove_participant()->set_participant_id(ana_id);
  console->Send(CommandMessage(30, remove));
  ASSERT_TRUE(console->Reply(30)->has_ack());
  EXPECT_TRUE(console->Until(
      [&] { return !console->device.Has(pb::DOC_KIND_PARTICIPANT, ana_id); }));
  EXPECT_TRUE(ana->Until([&] {
    return !ana->device.Has(pb::DOC_KIND_PARTICIPANT, ana_id);
  })) << "the phone learns it was removed";
}

TEST_F(SkeletonTest,
       BytesThatAreNotAMessageGetARejectionAndTheConnectionStaysUsable) {
  auto client = Open(pb::ROLE_PROJECTOR);
  client->SendRaw(std::string("\xff\xfe\x00garbage", 10), false);
  auto reply = client->WaitFor(
      [](const pb::ServerMessage& m) { return m.has_rejection(); });
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->rejection().code(), pb::REJECTION_CODE_INVALID_MESSAGE);
  EXPECT_EQ(reply->rejection().message(), "not a campana.v1.ClientMessage");
  client->SendRaw("{not json", true);
  reply = client->WaitFor(
      [](const pb::ServerMessage& m) { return m.has_rejection(); });
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->rejection().code(), pb::REJECTION_CODE_INVALID_MESSAGE);
  client->SendRaw("", true);  // an empty message, read without a buffer
  reply = client->WaitFor(
      [](const pb::ServerMessage& m) { return m.has_rejection(); });
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->rejection().code(), pb::REJECTION_CODE_INVALID_MESSAGE);
  client->Send(PingMessage(40, 123));
  auto pong = client->Reply(40);
  ASSERT_TRUE(pong && pong->has_pong()) << "still usable";
  EXPECT_EQ(pong->pong().client_time_ms(), 123);
}

TEST_F(SkeletonTest, EveryWrongCodeGetsTheSameAnswer) {
  WsClient client(server->port());
  ASSERT_TRUE(client.Connect());
  uint64_t id = 50;
  for (const std::string wrong :
       {"ZZZZZZ", "abc", "", "0O1IL5", "AAAAAAAAAAAAAAA"}) {
    client.Send(HelloMessage(++id, wrong, pb::ROLE_PARTICIPANT));
    auto reply = client.Reply(id);
    ASSERT_TRUE(reply && reply->has_rejection()) << wrong;
    EXPECT_EQ(reply->rejection().code(), pb::REJECTION_CODE_UNKNOWN_WORKSHOP)
        << wrong;
    EXPECT_EQ(reply->rejection().message(), "no workshop has this code")
        << wrong;
  }
  client.Send(HelloMessage(++id, code, pb::ROLE_PARTICIPANT));
  EXPECT_TRUE(client.Reply(id)->has_welcome())
      << "a right code still works on the same connection";
}

TEST_F(SkeletonTest, BadNamesGetAClearRejection) {
  auto phone = Open(pb::ROLE_PARTICIPANT);
  struct Case {
    std::string name;
    std::string message;
  };
  const std::vector<Case> cases = {
      {"", "the name is empty"},
      {"   ", "the name is empty"},
      {std::string(41, 'a'), "the name is longer than 40 characters"},
      {"\x01\x02", "the name contains a control character"},
      {"\u200b\u200c\u2060", "the name has no visible characters"},
      {"Ana\u202e", "the name contains a text-direction control character"},
  };
  uint64_t id = 60;
  for (const Case& c : cases) {
    phone->Send(CommandMessage(++id, Join(c.name, "device-key-123")));
    auto reply = phone->Reply(id);
    ASSERT_TRUE(reply && reply->has_rejection()) << c.message;
    EXPECT_EQ(reply->rejection().code(), pb::REJECTION_CODE_INVALID_NAME);
    EXPECT_EQ(reply->rejection().message(), c.message);
  }
  // Invalid UTF-8 cannot even be a protobuf string: the frame is refused whole.
  pb::ClientMessage raw = CommandMessage(++id, Join("x", "device-key-123"));
  std::string bytes = raw.SerializeAsString();
  bytes[bytes.find('x')] = '\xff';
  phone->SendRaw(bytes, false);
  auto reply = phone->WaitFor(
      [](const pb::ServerMessage& m) { return m.has_rejection(); });
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->rejection().code(), pb::REJECTION_CODE_INVALID_MESSAGE);
  // And then a good name goes through on the same connection.
  phone->Send(CommandMessage(++id, Join("Ana", "device-key-123")));
  EXPECT_TRUE(phone->Reply(id)->has_ack());
}

TEST_F(SkeletonTest, AMessageOver64KiBClosesWith1009) {
  auto client = Open(pb::ROLE_PROJECTOR);
  client->SendRaw(std::string(64 * 1024 + 1, 'x'), false);
  auto code = client->WaitClosed();
  ASSERT_TRUE(code.has_value());
  EXPECT_EQ(*code, 1009);
  // The server goes on serving others.
  auto other = Open(pb::ROLE_PROJECTOR);
  EXPECT_TRUE(other->device.Has(pb::DOC_KIND_WORKSHOP, 0));
}

TEST_F(SkeletonTest, JsonOnTextFramesForCommandLineClients) {
  WsClient client(server->port(), /*json=*/true);
  ASSERT_TRUE(client.Connect());
  EXPECT_EQ(client.negotiated_protocol(), "campana.v1.json");
  client.SendRaw(R"({"requestId": "1", "hello": {"workshopCode": ")" + code +
                     R"(", "role": "ROLE_PROJECTOR"}})",
                 true);
  auto welcome = client.Reply(1);
  ASSERT_TRUE(welcome && welcome->has_welcome());
  ASSERT_FALSE(client.texts.empty());
  EXPECT_NE(client.texts.front().find(R"("welcome":)"), std::string::npos)
      << client.texts.front();
  auto snapshot = client.WaitFor(
      [](const pb::ServerMessage& m) { return m.has_snapshot(); });
  ASSERT_TRUE(snapshot);
  EXPECT_NE(client.texts.back().find("Taller de demostraci"),
            std::string::npos);
}

TEST_F(ConnectionLogTest, ConnectionsAreSummedUpNotLoggedOneByOne) {
  const std::string log = LogOfAPhoneThatLeft();
  // Summaries cover what happened since the one before: the two opens may
  // fall into one line or two, the close into the one that says "went away".
  const std::regex summary(R"(connections: (\d+) opened, (\d+) closed)");
  int opened = 0;
  int closed = 0;
  for (std::sregex_iterator it(log.begin(), log.end(), summary), end; it != end;
       ++it) {
    opened += std::stoi((*it)[1]);
    closed += std::stoi((*it)[2]);
  }
  EXPECT_EQ(opened, 2) << log;
  EXPECT_EQ(closed, 1) << log;
  EXPECT_NE(log.find("closed (1 went away); 1 open"), std::string::npos) << log;
  EXPECT_EQ(log.find("opened from"), std::string::npos)
      << "each connection's own line is at debug\n"
      << log;
}

TEST_F(DebugLogTest, ConnectionEventsAreLoggedWithoutSecrets) {
  const std::string log = LogOfAPhoneThatLeft();
  EXPECT_NE(log.find("opened from 127.0.0.1"), std::string::npos) << log;
  EXPECT_EQ(log.find(key), std::string::npos)
      << "the facilitator key is never logged";
  EXPECT_EQ(log.find("Nombre Secreto"), std::string::npos)
      << "message bodies are never logged";
}

}  // namespace
}  // namespace campana::testing
