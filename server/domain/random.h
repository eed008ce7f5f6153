#ifndef CAMPANA_DOMAIN_RANDOM_H_
#define CAMPANA_DOMAIN_RANDOM_H_

#include <cstdint>
#include <string>

namespace campana::domain {

// The only source of randomness the domain sees; Decide resolves every draw
// into the events it returns, so replaying events needs no randomness at all.
// The server passes an unpredictable source (tokens and keys come from it);
// tests pass a seeded one.
class Random {
 public:
  virtual ~Random() = default;
  virtual uint64_t Next() = 0;

  // Uniform in [0, n), without modulo bias. n > 0.
  uint32_t Below(uint32_t n);
  // 128 random bits as 32 lowercase hex digits: resume tokens and facilitator
  // keys.
  std::string Token();
};

// Deterministic and fast: for tests and simulations.
class SplitMix64 final : public Random {
 public:
  explicit SplitMix64(uint64_t seed) : state_(seed) {}
  uint64_t Next() override;

 private:
  uint64_t state_;
};

}  // namespace campana::domain

#endif  // CAMPANA_DOMAIN_RANDOM_H_
