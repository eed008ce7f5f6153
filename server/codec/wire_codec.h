#ifndef CAMPANA_CODEC_WIRE_CODEC_H_
#define CAMPANA_CODEC_WIRE_CODEC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/commands.h"
#include "domain/rejection.h"
#include "domain/time.h"
#include "domain/types.h"

// Frames on the WebSocket (campana.v1.ClientMessage in,
// campana.v1.ServerMessage out), without exposing protobuf to the layers above.
// Binary frames carry the protobuf encoding; text frames its JSON mapping.
namespace campana::codec {

enum class Format : uint8_t { kBinary, kJson };

// The WebSocket subprotocol a device names to talk JSON instead of binary.
inline constexpr std::string_view kJsonSubprotocol = "campana.v1.json";

struct Hello {
  std::string workshop_code;
  domain::Role role = domain::Role::kSystem;  // kSystem: not given
  std::string resume_token;
  std::string facilitator_key;
  std::string epoch;
  std::optional<uint64_t> last_offset;
  std::string projector_key;
};

struct Ping {
  int64_t client_time_ms = 0;
};

// One frame from a device, decoded as far as it could be: an unreadable frame
// has a Rejection (kInvalidMessage, or kInvalidArgument for a value out of
// range) as its body.
struct Inbound {
  uint64_t request_id = 0;
  uint64_t client_seq = 0;
  std::variant<Hello, Ping, domain::Command, domain::Rejection> body;
  // The frame was a Command, even if its body is a Rejection (a value out of
  // range): before Hello it is answered with kNotJoined, like any command.
  bool is_command = false;
};

Inbound DecodeClientMessage(std::string_view frame, Format format);

struct Welcome {
  uint64_t request_id = 0;
  domain::Role role = domain::Role::kParticipant;
  domain::ParticipantId participant = 0;
  domain::Time server_time;
  std::string epoch;
  bool resumed = false;
};

struct Ack {
  uint64_t request_id = 0;
  uint64_t client_seq = 0;
  uint64_t offset = 0;
  bool duplicate = false;
  domain::ParticipantId joined = 0;  // with resume_token, for Join
  std::string resume_token;
  uint32_t created_id = 0;
  // Join: the participant's personal code; ResetPersonalCode: the new one.
  std::string personal_code;
  uint64_t last_client_seq = 0;  // Join with a personal code
};

// Each returns a serialized campana.v1.ServerMessage (binary).
std::string EncodeWelcome(const Welcome& welcome);
std::string EncodeAck(const Ack& ack);
std::string EncodeRejection(uint64_t request_id, uint64_t client_seq,
                            const domain::Rejection& rejection);
std::string EncodePong(uint64_t request_id, int64_t client_time_ms,
                       domain::Time server_time);
// `docs` are serialized campana.v1.Doc (codec::EncodeDoc).
std::string EncodeSnapshot(std::string_view epoch, uint64_t offset,
                           const std::vector<std::string>& docs);
// `patches` are serialized campana.v1.Patch. Two Delta messages encoded this
// way and concatenated parse as one Delta with both lists of patches (protobuf
// merges repeated fields), which lets the hub send one frame made of parts
// shared between audiences.
std::string EncodeDelta(std::string_view epoch, uint64_t offset,
                        const std::vector<const std::string*>& patches);

// Parses concatenated Delta parts (as EncodeDelta writes them) and keeps, for
// each document, only its last patch: what a device catching up after a drop
// needs, in fewer bytes. The result ends at the offset of the last part.
std::string CoalesceDelta(std::string_view concatenated);

// The JSON mapping of a serialized ServerMessage, for devices that asked for
// text frames.
std::string ServerMessageToJson(std::string_view binary);

}  // namespace campana::codec

#endif  // CAMPANA_CODEC_WIRE_CODEC_H_
