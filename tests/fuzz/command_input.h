#ifndef CAMPANA_TESTS_FUZZ_COMMAND_INPUT_H_
#define CAMPANA_TESTS_FUZZ_COMMAND_INPUT_H_

// The layout of a fuzz_commands input, shared by the target and the corpus
// generator: a sequence of messages, each
//
//   [flags] [clock] [length, 2 bytes little-endian] [frame: `length` bytes]
//
// flags, bit 0:     the frame's format (0: binary protobuf, 1: its JSON
// mapping) flags, bits 1-3:  who runs the command: bit 1 a participant, bit 2
// the
//                   projector, bit 3 a facilitator, in that order; none of
//                   them: the participant's device connects or drops instead
//                   (the hub's SetConnected)
// flags, bits 4-7:  which participant (0: a device that has not joined yet)
// clock:            how far the clock moves first: clock² × 100 ms (0 to 108
//                   minutes, small steps more likely)
//
// A length past the end takes what is left, so every byte string is an input.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace campana::fuzz {

inline constexpr uint8_t kJsonFlag = 1 << 0;
inline constexpr uint8_t kAsParticipant = 1 << 1;
inline constexpr uint8_t kAsProjector = 1 << 2;
inline constexpr uint8_t kAsFacilitator = 1 << 3;
inline constexpr uint8_t kAsEveryRole =
    kAsParticipant | kAsProjector | kAsFacilitator;
inline constexpr uint8_t kRoleBits = kAsEveryRole;

inline constexpr uint8_t ParticipantFlags(uint8_t participant) {
  return static_cast<uint8_t>((participant & 0x0f) << 4);
}

struct CommandMessage {
  uint8_t flags = 0;
  uint8_t clock = 0;
  std::string_view frame;

  bool json() const { return (flags & kJsonFlag) != 0; }
  uint32_t participant() const { return flags >> 4; }
  int64_t clock_step_ms() const { return int64_t{clock} * clock * 100; }
};

// Takes the next message off the front of `rest`; false when nothing is left.
inline bool NextMessage(std::string_view& rest, CommandMessage& message) {
  if (rest.empty()) return false;
  const auto byte = [&](size_t i) {
    return i < rest.size() ? static_cast<uint8_t>(rest[i]) : uint8_t{0};
  };
  message.flags = byte(0);
  message.clock = byte(1);
  const size_t length = byte(2) | size_t{byte(3)} << 8;
  rest.remove_prefix(std::min<size_t>(4, rest.size()));
  message.frame = rest.substr(0, std::min(length, rest.size()));
  rest.remove_prefix(message.frame.size());
  return true;
}

inline std::string EncodeMessage(uint8_t flags, uint8_t clock,
                                 std::string_view frame) {
  std::string out;
  out += static_cast<char>(flags);
  out += static_cast<char>(clock);
  out += static_cast<char>(frame.size() & 0xff);
  out += static_cast<char>((frame.size() >> 8) & 0xff);
  out += frame;
  return out;
}

}  // namespace campana::fuzz

#endif  // CAMPANA_TESTS_FUZZ_COMMAND_INPUT_H_
