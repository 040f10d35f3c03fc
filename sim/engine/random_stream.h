// Seeded random streams. Every component draws from its own stream, keyed by the
// scenario seed and the component's name, and components that act per intent
// derive one sub-stream per intent. Adding a component, or a strategy that
// changes how many messages one intent sends, never shifts another component's
// or another intent's numbers, which is what lets two strategies be compared on
// the same users (common random numbers).
//
// The generator is SplitMix64: 8 bytes of state, passes BigCrush, and is cheap
// to seed, so a fresh stream per (component, intent) costs two multiplies.
#pragma once

#include <cstdint>
#include <string_view>

namespace dupsim {

// Finalizer of SplitMix64 (Stafford's Mix13): a bijective avalanche on 64 bits.
constexpr std::uint64_t Mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

// FNV-1a: stable across compilers and runs, unlike std::hash.
constexpr std::uint64_t StableHash(std::string_view s) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

class RandomStream {
 public:
  explicit constexpr RandomStream(std::uint64_t key = 0) : state_(key) {}

  // The stream of component `name` under scenario seed `seed`.
  static constexpr RandomStream ForComponent(std::uint64_t seed, std::string_view name) {
    return RandomStream(Mix64(seed ^ Mix64(StableHash(name))));
  }

  // An independent sub-stream, e.g. one per intent: same parent and index, same numbers.
  constexpr RandomStream Derive(std::uint64_t index) const {
    return RandomStream(Mix64(state_ ^ Mix64(index + 0x9e3779b97f4a7c15ULL)));
  }

  constexpr std::uint64_t NextU64() {
    state_ += 0x9e3779b97f4a7c15ULL;
    return Mix64(state_);
  }

  // Uniform in [0, 1) with 53 random bits.
  constexpr double NextUnit() { return static_cast<double>(NextU64() >> 11) * 0x1.0p-53; }

  // Uniform in (0, 1): safe for log() and inverse CDFs.
  constexpr double NextOpenUnit() {
    return (static_cast<double>(NextU64() >> 11) + 0.5) * 0x1.0p-53;
  }

  // One draw whatever p is, so a probability of 0 or 1 keeps the stream aligned.
  constexpr bool Bernoulli(double p) { return NextUnit() < p; }

  std::uint64_t State() const { return state_; }

 private:
  std::uint64_t state_;
};

}  // namespace dupsim
