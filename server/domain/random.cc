#include "domain/random.h"

#include <string_view>

namespace campana::domain {

uint32_t Random::Below(uint32_t n) {
  // Lemire's multiply-and-reject: unbiased, one draw in almost every case.
  uint64_t m = uint64_t{static_cast<uint32_t>(Next())} * n;
  auto low = static_cast<uint32_t>(m);
  if (low < n) {
    const uint32_t threshold = (0u - n) % n;
    while (low < threshold) {
      m = uint64_t{static_cast<uint32_t>(Next())} * n;
      low = static_cast<uint32_t>(m);
    }
  }
  return static_cast<uint32_t>(m >> 32);
}

std::string Random::Token() {
  static constexpr std::string_view kHex = "0123456789abcdef";
  std::string token(32, '0');
  for (int half = 0; half < 2; ++half) {
    uint64_t bits = Next();
    for (int i = 0; i < 16; ++i, bits >>= 4)
      token[half * 16 + i] = kHex[bits & 0xf];
  }
  return token;
}

uint64_t SplitMix64::Next() {
  uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

}  // namespace campana::domain
