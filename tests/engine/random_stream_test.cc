#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "sim/engine/random_stream.h"

namespace dupsim {
namespace {

TEST(RandomStreamTest, SameSeedAndNameGiveTheSameNumbers) {
  RandomStream a = RandomStream::ForComponent(7, "user");
  RandomStream b = RandomStream::ForComponent(7, "user");
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.NextU64(), b.NextU64());
}

TEST(RandomStreamTest, ComponentsAndSeedsGetDistinctStreams) {
  std::set<std::uint64_t> firsts;
  for (std::uint64_t seed : {1, 2, 3}) {
    for (const char* name : {"user", "client", "server", "network.request"}) {
      firsts.insert(RandomStream::ForComponent(seed, name).NextU64());
    }
  }
  EXPECT_EQ(firsts.size(), 12u);
}

TEST(RandomStreamTest, DerivedStreamsDoNotDependOnSiblingsUse) {
  const RandomStream parent = RandomStream::ForComponent(3, "server");
  RandomStream a = parent.Derive(17);
  RandomStream untouched_b = parent.Derive(17);
  RandomStream other = parent.Derive(18);
  for (int i = 0; i < 1000; ++i) other.NextU64();  // heavy use of a sibling
  for (int i = 0; i < 10; ++i) EXPECT_EQ(a.NextU64(), untouched_b.NextU64());
}

TEST(RandomStreamTest, UnitDrawsAreUniformEnough) {
  RandomStream rng(123);
  const int n = 200000;
  double sum = 0;
  int below_tenth = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.NextUnit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    below_tenth += u < 0.1;
  }
  EXPECT_NEAR(sum / n, 0.5, 4 * std::sqrt(1.0 / 12 / n));
  EXPECT_NEAR(below_tenth / double(n), 0.1, 4 * std::sqrt(0.09 / n));
}

TEST(RandomStreamTest, StableHashIsFnv1a) {
  // Published FNV-1a 64 test vectors: streams must not change between builds.
  EXPECT_EQ(StableHash(""), 0xcbf29ce484222325ULL);
  EXPECT_EQ(StableHash("a"), 0xaf63dc4c8601ec8cULL);
}

}  // namespace
}  // namespace dupsim
