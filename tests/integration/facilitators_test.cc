// Facilitator links over the real binary: a second console opened with its own
// link shares the workshop, and a revoked link's console is cut at once and
// cannot come back.

#include "server_fixture.h"
#include "support/http_get.h"

namespace campana::testing {
namespace {

using Clock = std::chrono::steady_clock;

class FacilitatorsTest : public ServerFixture {
 protected:
  // The links in `console`'s view of the Access doc.
  static std::vector<pb::FacilitatorLink> Links(WsClient& console) {
    if (!console.device.Has(pb::DOC_KIND_ACCESS, 0)) return {};
    const auto access = console.device.Get(pb::DOC_KIND_ACCESS, 0).access();
    return {access.facilitators().begin(), access.facilitators().end()};
  }

  // A console's Hello with `secret`: its Welcome or Rejection.
  std::unique_ptr<WsClient> Console(const std::string& secret,
                                    pb::ServerMessage* reply) {
    auto client = std::make_unique<WsClient>(server->port());
    EXPECT_TRUE(client->Connect());
    client->Send(HelloMessage(1, code, pb::ROLE_FACILITATOR, secret));
    *reply = client->Reply(1).value_or(pb::ServerMessage{});
    return client;
  }
};

TEST_F(FacilitatorsTest, ARevokedLinkIsCutWithinASecondAndStaysOut) {
  auto lead = Open(pb::ROLE_FACILITATOR);
  pb::Command invite;
  invite.mutable_invite_facilitator()->set_name("Marta");
  ASSERT_TRUE(RunCommand(*lead, 2, invite).has_ack());
  ASSERT_TRUE(lead->Until([&] { return Links(*lead).size() == 1; }));
  const pb::FacilitatorLink marta_link = Links(*lead)[0];
  EXPECT_EQ(marta_link.name(), "Marta");
  EXPECT_FALSE(marta_link.revoked());

  pb::ServerMessage hello;
  auto marta = Console(marta_link.key(), &hello);
  ASSERT_TRUE(hello.has_welcome()) << hello.ShortDebugString();
  // One workshop, two consoles: what Marta does, the lead sees.
  pb::Command invite_luis;
  invite_luis.mutable_invite_facilitator()->set_name("Luis");
  ASSERT_TRUE(RunCommand(*marta, 2, invite_luis).has_ack());
  EXPECT_TRUE(lead->Until([&] { return Links(*lead).size() == 2; }));

  pb::Command revoke;
  revoke.mutable_revoke_facilitator()->set_link_id(marta_link.link_id());
  const auto sent = Clock::now();
  ASSERT_TRUE(RunCommand(*lead, 3, revoke).has_ack());
  ASSERT_TRUE(marta->WaitClosed(std::chrono::seconds(5)).has_value());
  const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(
      Clock::now() - sent);
  std::printf("a revoked console was cut %lld ms after the revocation\n",
              static_cast<long long>(took.count()));
  EXPECT_LT(took.count(), 1000);

  auto again = Console(marta_link.key(), &hello);
  ASSERT_TRUE(hello.has_rejection()) << hello.ShortDebugString();
  EXPECT_EQ(hello.rejection().code(), pb::REJECTION_CODE_PERMISSION_DENIED);
  // The lead's console and Luis's link go on.
  EXPECT_TRUE(lead->Until([&] {
    auto links = Links(*lead);
    return links.size() == 2 && links[0].revoked() && !links[1].revoked();
  }));
  auto luis = Console(Links(*lead)[1].key(), &hello);
  EXPECT_TRUE(hello.has_welcome());
  // A link opens the console's exports too (the report, the zip), and a
  // revoked one no longer does.
  auto exported = [&](const std::string& secret) {
    return HttpGet(server->port(), "/api/workshops/" + code + "/export",
                   {{"Authorization", "Bearer " + secret}})
        .status;
  };
  EXPECT_EQ(exported(Links(*lead)[1].key()), 200);
  EXPECT_EQ(exported(marta_link.key()), 403);

  // After a restart the revocation holds: it is in the log.
  EXPECT_EQ(server->Stop(), 0);
  std::string error;
  ASSERT_TRUE(server->Start(&error)) << error;
  auto after_restart = Console(marta_link.key(), &hello);
  ASSERT_TRUE(hello.has_rejection());
  EXPECT_EQ(hello.rejection().code(), pb::REJECTION_CODE_PERMISSION_DENIED);
}

}  // namespace
}  // namespace campana::testing
