// People coming back over two days, on the real binary with the Guatemala
// workshop: attendance per day across a restart, a new phone taking its
// person's place with the personal code, a facilitator resetting a lost code,
// and each console seeing how many consoles are open with each link.

#include "server_fixture.h"

namespace campana::testing {
namespace {

// The index of the Guatemala workshop's first day-2 item (the race).
constexpr int kFirstItemOfDay2 = 9;

class IdentityTest : public ServerFixture {
 protected:
  std::string TemplatePath() override {
    return SourceDir() + "/deploy/templates/guatemala.es.json";
  }

  static pb::Command Goto(int index) {
    pb::Command c;
    c.mutable_goto_agenda_item()->set_index(index);
    return c;
  }

  static pb::Command JoinWithCode(const std::string& join_key,
                                  const std::string& personal_code) {
    pb::Command c;
    c.mutable_join()->set_join_key(join_key);
    c.mutable_join()->set_personal_code(personal_code);
    return c;
  }

  static std::vector<uint32_t> DaysOf(WsClient& client, uint32_t participant) {
    if (!client.device.Has(pb::DOC_KIND_PARTICIPANT, participant)) return {};
    const pb::Doc doc =
        client.device.Get(pb::DOC_KIND_PARTICIPANT, participant);
    const auto& days = doc.participant().days_present();
    return {days.begin(), days.end()};
  }

  // link id -> consoles open, as `console` sees it.
  static std::map<uint32_t, uint32_t> Consoles(WsClient& console) {
    std::map<uint32_t, uint32_t> open;
    if (!console.device.Has(pb::DOC_KIND_ACCESS, 0)) return open;
    const pb::Doc access = console.device.Get(pb::DOC_KIND_ACCESS, 0);
    for (const auto& c : access.access().consoles_online())
      open[c.link_id()] = c.count();
    return open;
  }
};

TEST_F(IdentityTest, PeopleComeBackOnDayTwoAndOnNewPhones) {
  auto desk = Open(pb::ROLE_FACILITATOR);
  // The agenda says which day each item is on.
  ASSERT_TRUE(desk->Until([&] {
    return desk->device.Has(pb::DOC_KIND_AGENDA, 0) &&
           desk->device.Get(pb::DOC_KIND_AGENDA, 0).agenda().items_size() > 9;
  }));
  const auto agenda = desk->device.Get(pb::DOC_KIND_AGENDA, 0).agenda();
  EXPECT_EQ(agenda.items(kFirstItemOfDay2 - 1).day(), 1u);
  EXPECT_EQ(agenda.items(kFirstItemOfDay2).day(), 2u);
  EXPECT_EQ(agenda.items(agenda.items_size() - 1).day(), 2u);

  // Day 1: Ana and Beto are there; Ana's first phone shows her code.
  auto ana_phone = Open(pb::ROLE_PARTICIPANT);
  pb::Command join;
  join.mutable_join()->set_display_name("Ana");
  join.mutable_join()->set_join_key("first-phone-of-ana");
  const pb::ServerMessage joined = RunCommand(*ana_phone, 2, join);
  ASSERT_TRUE(joined.has_ack()) << joined.ShortDebugString();
  const uint32_t ana = joined.ack().joined().participant_id();
  const std::string ana_token = joined.ack().joined().resume_token();
  const std::string ana_code = joined.ack().joined().personal_code();
  ASSERT_EQ(ana_code.size(), 8u);
  auto beto_phone = Open(pb::ROLE_PARTICIPANT);
  const uint32_t beto = JoinAs(*beto_phone, "Beto");
  ASSERT_TRUE(RunCommand(*desk, 2, Goto(0)).has_ack());
  EXPECT_TRUE(desk->Until([&] {
    return DaysOf(*desk, ana) == std::vector<uint32_t>{1} &&
           DaysOf(*desk, beto) == std::vector<uint32_t>{1};
  }));

  // Overnight the server restarts; Ana's phone is gone with the night.
  ana_phone.reset();
  beto_phone.reset();
  EXPECT_EQ(server->Stop(), 0);
  std::string error;
  ASSERT_TRUE(server->Start(&error)) << error;

  // Day 2: Beto's phone resumes; Ana, on a new phone, types her code.
  desk = Open(pb::ROLE_FACILITATOR);
  ASSERT_TRUE(RunCommand(*desk, 2, Goto(kFirstItemOfDay2)).has_ack());
  auto ana_new = Open(pb::ROLE_PARTICIPANT);
  const std::string typed = ana_code.substr(0, 4) + "-" + ana_code.substr(4);
  const pb::ServerMessage back =
      RunCommand(*ana_new, 2, JoinWithCode("new-phone-of-ana", typed));
  ASSERT_TRUE(back.has_ack()) << back.ShortDebugString();
  EXPECT_EQ(back.ack().joined().participant_id(), ana);
  EXPECT_EQ(back.ack().joined().resume_token(), ana_token);
  EXPECT_EQ(back.ack().joined().personal_code(), ana_code);
  // Beto's phone comes back by its join key (as one whose Ack was lost).
  auto beto_back = Open(pb::ROLE_PARTICIPANT);
  EXPECT_EQ(JoinAs(*beto_back, "Beto"), beto);
  EXPECT_TRUE(desk->Until([&] {
    return DaysOf(*desk, ana) == std::vector<uint32_t>{1, 2} &&
           DaysOf(*desk, beto) == std::vector<uint32_t>{1, 2};
  })) << "days: Ana "
      << DaysOf(*desk, ana).size() << ", Beto " << DaysOf(*desk, beto).size();

  // Beto lost his code with his phone: the facilitator resets it.
  const pb::ServerMessage reset = [&] {
    pb::Command c;
    c.mutable_reset_personal_code()->set_participant_id(beto);
    return RunCommand(*desk, 3, c);
  }();
  ASSERT_TRUE(reset.has_ack()) << reset.ShortDebugString();
  const std::string beto_code = reset.ack().personal_code();
  ASSERT_EQ(beto_code.size(), 8u);
  auto wrong = Open(pb::ROLE_PARTICIPANT);
  const pb::ServerMessage refused =
      RunCommand(*wrong, 2, JoinWithCode("a-guessing-phone", "ZZZZ-ZZZZ"));
  ASSERT_TRUE(refused.has_rejection());
  EXPECT_EQ(refused.rejection().code(), pb::REJECTION_CODE_NOT_FOUND);
  auto beto_new = Open(pb::ROLE_PARTICIPANT);
  const pb::ServerMessage beto_again =
      RunCommand(*beto_new, 2, JoinWithCode("new-phone-of-beto", beto_code));
  ASSERT_TRUE(beto_again.has_ack());
  EXPECT_EQ(beto_again.ack().joined().participant_id(), beto);
}

TEST_F(IdentityTest, EachConsoleSeesWhoElseHasOneOpen) {
  auto desk = Open(pb::ROLE_FACILITATOR);
  EXPECT_TRUE(desk->Until([&] {
    return Consoles(*desk) == std::map<uint32_t, uint32_t>{{0, 1}};
  }));
  pb::Command invite;
  invite.mutable_invite_facilitator()->set_name("Marta");
  ASSERT_TRUE(RunCommand(*desk, 2, invite).has_ack());
  ASSERT_TRUE(desk->Until([&] {
    return desk->device.Get(pb::DOC_KIND_ACCESS, 0)
               .access()
               .facilitators_size() == 1;
  }));
  const auto link =
      desk->device.Get(pb::DOC_KIND_ACCESS, 0).access().facilitators(0);
  auto marta = Open(pb::ROLE_FACILITATOR, link.key());
  auto marta_tablet = Open(pb::ROLE_FACILITATOR, link.key());
  EXPECT_TRUE(desk->Until([&] {
    return Consoles(*desk) ==
           std::map<uint32_t, uint32_t>{{0, 1}, {link.link_id(), 2}};
  }));
  EXPECT_TRUE(marta->Until([&] {
    return Consoles(*marta) ==
           std::map<uint32_t, uint32_t>{{0, 1}, {link.link_id(), 2}};
  }));
  marta_tablet.reset();
  EXPECT_TRUE(desk->Until([&] {
    return Consoles(*desk) ==
           std::map<uint32_t, uint32_t>{{0, 1}, {link.link_id(), 1}};
  }));

  // Consoles counted before a restart are not counted after it.
  marta.reset();
  desk.reset();
  EXPECT_EQ(server->Stop(), 0);
  std::string error;
  ASSERT_TRUE(server->Start(&error)) << error;
  auto back = Open(pb::ROLE_FACILITATOR);
  EXPECT_TRUE(back->Until([&] {
    return Consoles(*back) == std::map<uint32_t, uint32_t>{{0, 1}};
  })) << Consoles(*back).size();
}

}  // namespace
}  // namespace campana::testing
