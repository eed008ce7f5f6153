#include "codec/wire_codec.h"

#include <gtest/gtest.h>

#include <campana/v1/wire.pb.h>

#include "codec/view_codec.h"

namespace campana::codec {
namespace {

namespace pb = ::campana::v1;

std::string Describe(const Inbound& in) {
  if (const auto* r = std::get_if<domain::Rejection>(&in.body))
    return "rejected " + r->Describe();
  if (const auto* h = std::get_if<Hello>(&in.body)) {
    return "hello " + h->workshop_code + " as " + domain::Describe(h->role) +
           (h->last_offset ? " from " + std::to_string(*h->last_offset) : "");
  }
  if (std::holds_alternative<Ping>(in.body)) return "ping";
  return std::string("command ") +
         domain::CommandName(std::get<domain::Command>(in.body));
}

TEST(WireCodecTest, DecodesBinaryAndJson) {
  pb::ClientMessage m;
  m.set_request_id(7);
  m.mutable_hello()->set_workshop_code("ABC234");
  m.mutable_hello()->set_role(pb::ROLE_PROJECTOR);
  m.mutable_hello()->set_last_offset(0);
  const Inbound binary =
      DecodeClientMessage(m.SerializeAsString(), Format::kBinary);
  EXPECT_EQ(binary.request_id, 7u);
  EXPECT_EQ(Describe(binary), "hello ABC234 as projector from 0")
      << "offset 0 is present, not absent";

  const Inbound json = DecodeClientMessage(
      R"({"requestId": "8", "command": {"clientSeq": "3", "join": {"displayName": "Ana", "joinKey": "k-12345678"}}})",
      Format::kJson);
  EXPECT_EQ(json.request_id, 8u);
  EXPECT_EQ(json.client_seq, 3u);
  EXPECT_EQ(Describe(json), "command Join");
}

TEST(WireCodecTest, BadInputIsARejectionWithWhatCouldBeRead) {
  EXPECT_EQ(Describe(DecodeClientMessage("\xff\xff\xff\xff", Format::kBinary)),
            "rejected InvalidMessage: not a campana.v1.ClientMessage");
  const Inbound unknown_field =
      DecodeClientMessage(R"({"requestId": "1", "helo": {}})", Format::kJson);
  EXPECT_EQ(Describe(unknown_field).substr(0, 62),
            "rejected InvalidMessage: not a campana.v1.ClientMessage in JSO");
  pb::ClientMessage empty;
  empty.set_request_id(9);
  const Inbound no_body =
      DecodeClientMessage(empty.SerializeAsString(), Format::kBinary);
  EXPECT_EQ(no_body.request_id, 9u) << "the reply can still name the request";
  EXPECT_EQ(Describe(no_body),
            "rejected InvalidMessage: a ClientMessage needs a hello, ping or "
            "command");
  pb::ClientMessage no_command;
  no_command.set_request_id(10);
  no_command.mutable_command()->set_client_seq(4);
  const Inbound empty_command =
      DecodeClientMessage(no_command.SerializeAsString(), Format::kBinary);
  EXPECT_EQ(empty_command.client_seq, 4u);
  EXPECT_EQ(
      Describe(empty_command),
      "rejected InvalidMessage: a command of a kind this server does not know");
  pb::ClientMessage long_code;
  long_code.mutable_hello()->set_workshop_code(std::string(100, 'A'));
  EXPECT_EQ(Describe(DecodeClientMessage(long_code.SerializeAsString(),
                                         Format::kBinary)),
            "rejected InvalidArgument: a Hello field is too long");
}

TEST(WireCodecTest, ASceneOutsideTheEnumIsRefusedNotWrapped) {
  pb::ClientMessage m;
  m.mutable_command()->mutable_show_scene()->set_scene(pb::SCENE_GROUPS);
  EXPECT_EQ(
      Describe(DecodeClientMessage(m.SerializeAsString(), Format::kBinary)),
      "command ShowScene");
  // 256 would be SCENE_AUTO after a cast to the domain's one-byte enum.
  for (const int bad : {-1, 5, 256}) {
    m.mutable_command()->mutable_show_scene()->set_scene(
        static_cast<pb::Scene>(bad));
    EXPECT_EQ(
        Describe(DecodeClientMessage(m.SerializeAsString(), Format::kBinary)),
        "rejected InvalidArgument: no such scene")
        << bad;
  }
}

TEST(WireCodecTest, TheAgendaCarriesTheSceneAndTheGroupsAnItemProposes) {
  domain::WorkshopState state;
  state.code = "ABC234";
  state.scene = domain::Scene::kTimers;
  state.agenda.push_back({.title = "Grupos",
                          .activity = domain::ActivityKind::kGroups,
                          .group_count = 4,
                          .teams = {{"A", {1, 3}}, {"B", {2, 4}}}});
  pb::Doc doc;
  ASSERT_TRUE(
      doc.ParseFromString(EncodeDoc(state, {domain::DocKind::kAgenda, 0})));
  EXPECT_EQ(doc.agenda().scene(), pb::SCENE_TIMERS);
  ASSERT_EQ(doc.agenda().items_size(), 1);
  const pb::Agenda::Item& item = doc.agenda().items(0);
  EXPECT_EQ(item.group_count(), 4u);
  ASSERT_EQ(item.teams_size(), 2);
  EXPECT_EQ(item.teams(1).name(), "B");
  EXPECT_EQ(std::vector<uint32_t>(item.teams(1).groups().begin(),
                                  item.teams(1).groups().end()),
            (std::vector<uint32_t>{2, 4}));
}

TEST(WireCodecTest, DeltaPartsConcatenateIntoOneDelta) {
  domain::WorkshopState state;
  state.code = "ABC234";
  state.title = "Taller";
  const std::string put =
      EncodePutPatch(EncodeDoc(state, {domain::DocKind::kWorkshop, 0}));
  const std::string remove =
      EncodeRemovePatch({domain::DocKind::kParticipant, 4});
  const std::string everyone = EncodeDelta("epoch-1", 12, {&put});
  const std::string group = EncodeDelta("epoch-1", 12, {&remove});

  pb::ServerMessage merged;
  ASSERT_TRUE(merged.ParseFromString(everyone + group));
  ASSERT_TRUE(merged.has_delta());
  EXPECT_EQ(merged.delta().offset(), 12u);
  EXPECT_EQ(merged.delta().epoch(), "epoch-1");
  ASSERT_EQ(merged.delta().patches_size(), 2);
  EXPECT_EQ(merged.delta().patches(0).put().workshop().title(), "Taller");
  EXPECT_EQ(merged.delta().patches(1).remove().id(), 4u);
  EXPECT_EQ(merged.delta().patches(1).remove().kind(),
            pb::DOC_KIND_PARTICIPANT);
}

TEST(WireCodecTest, RepliesEchoTheRequest) {
  pb::ServerMessage ack;
  ASSERT_TRUE(ack.ParseFromString(EncodeAck({.request_id = 5,
                                             .client_seq = 2,
                                             .offset = 40,
                                             .joined = 3,
                                             .resume_token = "t"})));
  EXPECT_EQ(ack.ack().request_id(), 5u);
  EXPECT_EQ(ack.ack().joined().participant_id(), 3u);
  pb::ServerMessage rejection;
  ASSERT_TRUE(rejection.ParseFromString(EncodeRejection(
      6, 2, domain::Rejection::InvalidName("the name is empty"))));
  EXPECT_EQ(rejection.rejection().code(), pb::REJECTION_CODE_INVALID_NAME);
  EXPECT_EQ(rejection.rejection().message(), "the name is empty");
  EXPECT_EQ(
      ServerMessageToJson(EncodePong(1, 100, domain::FromUnixMillis(250))),
      R"({"pong":{"requestId":"1","clientTimeMs":"100","serverTimeMs":"250"}})");
}

}  // namespace
}  // namespace campana::codec

namespace campana::codec {
namespace {

TEST(WireCodecTest, CoalescingKeepsTheLastPatchOfEachDocument) {
  domain::WorkshopState state;
  state.code = "ABC234";
  state.title = "Primero";
  const std::string first =
      EncodePutPatch(EncodeDoc(state, {domain::DocKind::kWorkshop, 0}));
  state.title = "Segundo";
  const std::string second =
      EncodePutPatch(EncodeDoc(state, {domain::DocKind::kWorkshop, 0}));
  const std::string removed =
      EncodeRemovePatch({domain::DocKind::kParticipant, 4});
  const std::string coalesced =
      CoalesceDelta(EncodeDelta("e", 3, {&first, &removed}) +
                    EncodeDelta("e", 5, {&second}) + EncodeDelta("e", 7, {}));
  pb::ServerMessage m;
  ASSERT_TRUE(m.ParseFromString(coalesced));
  EXPECT_EQ(m.delta().offset(), 7u);
  ASSERT_EQ(m.delta().patches_size(), 2);
  EXPECT_EQ(m.delta().patches(0).remove().id(), 4u);
  EXPECT_EQ(m.delta().patches(1).put().workshop().title(), "Segundo");
}

}  // namespace
}  // namespace campana::codec
