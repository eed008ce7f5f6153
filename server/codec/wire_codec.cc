#include "codec/wire_codec.h"

#include <map>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <google/protobuf/util/json_util.h>

#include "codec/convert.h"

namespace campana::codec {
namespace {

namespace pb = internal::pb;
using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedOutputStream;

constexpr size_t kMaxCodeLength = 16;
constexpr size_t kMaxSecretLength = 128;

size_t LengthDelimitedSize(int field, size_t length) {
  return CodedOutputStream::VarintSize32(WireFormatLite::MakeTag(
             field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED)) +
         CodedOutputStream::VarintSize32(static_cast<uint32_t>(length)) +
         length;
}

void WriteLengthDelimited(CodedOutputStream& out, int field,
                          std::string_view bytes) {
  out.WriteTag(WireFormatLite::MakeTag(
      field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
  out.WriteVarint32(static_cast<uint32_t>(bytes.size()));
  out.WriteRaw(bytes.data(), static_cast<int>(bytes.size()));
}

// Writes ServerMessage{<envelope_field>: {epoch: 1, offset: 2, <items>: 3
// repeated}} with the items already serialized. Snapshot and Delta share this
// layout.
template <typename Items, typename Get>
std::string EncodeStream(int envelope_field, std::string_view epoch,
                         uint64_t offset, const Items& items, Get get) {
  size_t body = LengthDelimitedSize(1, epoch.size());
  if (offset != 0) {
    body += CodedOutputStream::VarintSize32(
                WireFormatLite::MakeTag(2, WireFormatLite::WIRETYPE_VARINT)) +
            CodedOutputStream::VarintSize64(offset);
  }
  for (const auto& item : items)
    body += LengthDelimitedSize(3, get(item).size());

  std::string out;
  out.reserve(LengthDelimitedSize(envelope_field, body));
  {
    google::protobuf::io::StringOutputStream stream(&out);
    CodedOutputStream coded(&stream);
    coded.WriteTag(WireFormatLite::MakeTag(
        envelope_field, WireFormatLite::WIRETYPE_LENGTH_DELIMITED));
    coded.WriteVarint32(static_cast<uint32_t>(body));
    WriteLengthDelimited(coded, 1, epoch);
    if (offset != 0) {
      coded.WriteTag(
          WireFormatLite::MakeTag(2, WireFormatLite::WIRETYPE_VARINT));
      coded.WriteVarint64(offset);
    }
    for (const auto& item : items) WriteLengthDelimited(coded, 3, get(item));
  }
  return out;
}

domain::Rejection Unreadable(std::string why) {
  return domain::Rejection::InvalidMessage(std::move(why));
}

}  // namespace

Inbound DecodeClientMessage(std::string_view frame, Format format) {
  Inbound in;
  pb::ClientMessage message;
  if (format == Format::kJson) {
    google::protobuf::util::JsonParseOptions options;
    options.ignore_unknown_fields = false;
    auto status = google::protobuf::util::JsonStringToMessage(
        google::protobuf::StringPiece(frame.data(), frame.size()), &message,
        options);
    if (!status.ok()) {
      in.body = Unreadable("not a campana.v1.ClientMessage in JSON: " +
                           std::string(status.message()));
      return in;
    }
  } else if (!message.ParseFromArray(frame.data(),
                                     static_cast<int>(frame.size()))) {
    in.body = Unreadable("not a campana.v1.ClientMessage");
    return in;
  }
  in.request_id = message.request_id();
  switch (message.body_case()) {
    case pb::ClientMessage::kHello: {
      const pb::Hello& h = message.hello();
      if (h.workshop_code().size() > kMaxCodeLength ||
          h.resume_token().size() > kMaxSecretLength ||
          h.facilitator_key().size() > kMaxSecretLength ||
          h.projector_key().size() > kMaxSecretLength ||
          h.epoch().size() > kMaxSecretLength) {
        in.body =
            domain::Rejection::InvalidArgument("a Hello field is too long");
        return in;
      }
      Hello hello{h.workshop_code(), internal::FromProto(h.role()),
                  h.resume_token(),  h.facilitator_key(),
                  h.epoch(),         std::nullopt,
                  h.projector_key()};
      if (h.has_last_offset()) hello.last_offset = h.last_offset();
      in.body = std::move(hello);
      return in;
    }
    case pb::ClientMessage::kPing:
      in.body = Ping{message.ping().client_time_ms()};
      return in;
    case pb::ClientMessage::kCommand: {
      in.client_seq = message.command().client_seq();
      in.is_command = true;
      auto command = internal::FromProto(message.command());
      if (command.ok()) {
        in.body = std::move(command).value();
      } else {
        in.body = command.rejection();
      }
      return in;
    }
    case pb::ClientMessage::BODY_NOT_SET:
      break;
  }
  in.body = Unreadable("a ClientMessage needs a hello, ping or command");
  return in;
}

std::string EncodeWelcome(const Welcome& welcome) {
  pb::ServerMessage m;
  pb::Welcome* w = m.mutable_welcome();
  w->set_request_id(welcome.request_id);
  w->set_role(internal::ToProto(welcome.role));
  w->set_participant_id(welcome.participant);
  w->set_server_time_ms(domain::ToUnixMillis(welcome.server_time));
  w->set_epoch(welcome.epoch);
  w->set_resumed(welcome.resumed);
  return m.SerializeAsString();
}

std::string EncodeAck(const Ack& ack) {
  pb::ServerMessage m;
  pb::Ack* a = m.mutable_ack();
  a->set_request_id(ack.request_id);
  a->set_client_seq(ack.client_seq);
  a->set_offset(ack.offset);
  a->set_duplicate(ack.duplicate);
  if (ack.joined != 0) {
    a->mutable_joined()->set_participant_id(ack.joined);
    a->mutable_joined()->set_resume_token(ack.resume_token);
    a->mutable_joined()->set_personal_code(ack.personal_code);
    a->mutable_joined()->set_last_client_seq(ack.last_client_seq);
  } else if (ack.created_id != 0) {
    a->set_created_id(ack.created_id);
  } else if (!ack.personal_code.empty()) {
    a->set_personal_code(ack.personal_code);
  }
  return m.SerializeAsString();
}

std::string EncodeRejection(uint64_t request_id, uint64_t client_seq,
                            const domain::Rejection& rejection) {
  pb::ServerMessage m;
  pb::Rejection* r = m.mutable_rejection();
  r->set_request_id(request_id);
  r->set_client_seq(client_seq);
  r->set_code(internal::ToProto(rejection.code));
  r->set_message(rejection.message);
  return m.SerializeAsString();
}

std::string EncodePong(uint64_t request_id, int64_t client_time_ms,
                       domain::Time server_time) {
  pb::ServerMessage m;
  pb::Pong* p = m.mutable_pong();
  p->set_request_id(request_id);
  p->set_client_time_ms(client_time_ms);
  p->set_server_time_ms(domain::ToUnixMillis(server_time));
  return m.SerializeAsString();
}

std::string EncodeSnapshot(std::string_view epoch, uint64_t offset,
                           const std::vector<std::string>& docs) {
  return EncodeStream(
      pb::ServerMessage::kSnapshotFieldNumber, epoch, offset, docs,
      [](const std::string& doc) -> std::string_view { return doc; });
}

std::string EncodeDelta(std::string_view epoch, uint64_t offset,
                        const std::vector<const std::string*>& patches) {
  return EncodeStream(
      pb::ServerMessage::kDeltaFieldNumber, epoch, offset, patches,
      [](const std::string* patch) -> std::string_view { return *patch; });
}

std::string CoalesceDelta(std::string_view concatenated) {
  pb::ServerMessage merged;
  if (!merged.ParseFromArray(concatenated.data(),
                             static_cast<int>(concatenated.size())) ||
      !merged.has_delta()) {
    return std::string(concatenated);
  }
  auto* patches = merged.mutable_delta()->mutable_patches();
  std::map<std::pair<int, uint64_t>, int>
      last;  // document -> index of its last patch
  for (int i = 0; i < patches->size(); ++i) {
    const pb::Patch& p = patches->Get(i);
    last[p.has_put() ? std::pair<int, uint64_t>(p.put().kind(), p.put().id())
                     : std::pair<int, uint64_t>(p.remove().kind(),
                                                p.remove().id())] = i;
  }
  google::protobuf::RepeatedPtrField<pb::Patch> kept;
  for (int i = 0; i < patches->size(); ++i) {
    const pb::Patch& p = patches->Get(i);
    const auto key =
        p.has_put()
            ? std::pair<int, uint64_t>(p.put().kind(), p.put().id())
            : std::pair<int, uint64_t>(p.remove().kind(), p.remove().id());
    if (last[key] == i) *kept.Add() = p;
  }
  patches->Swap(&kept);
  return merged.SerializeAsString();
}

std::string ServerMessageToJson(std::string_view binary) {
  pb::ServerMessage m;
  m.ParseFromArray(binary.data(), static_cast<int>(binary.size()));
  std::string json;
  google::protobuf::util::JsonPrintOptions options;
  (void)google::protobuf::util::MessageToJsonString(m, &json, options);
  return json;
}

}  // namespace campana::codec
