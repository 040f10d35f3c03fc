#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/engine/distribution.h"

namespace dupsim {
namespace {

std::vector<Time> Draw(const Distribution& d, int n, std::uint64_t seed = 5) {
  RandomStream rng(seed);
  std::vector<Time> v(n);
  for (Time& t : v) t = d.Sample(rng);
  std::sort(v.begin(), v.end());
  return v;
}

TEST(InverseNormalCdfTest, MatchesKnownQuantiles) {
  EXPECT_NEAR(InverseNormalCdf(0.5), 0.0, 1e-12);
  EXPECT_NEAR(InverseNormalCdf(0.99), 2.3263478740408408, 1e-12);
  EXPECT_NEAR(InverseNormalCdf(0.975), 1.959963984540054, 1e-12);
  EXPECT_NEAR(InverseNormalCdf(0.001), -3.090232306167813, 1e-11);
  EXPECT_NEAR(InverseNormalCdf(1e-10), -6.361340902404056, 1e-9);
}

TEST(DistributionTest, LognormalHitsItsMedianAndP99) {
  LognormalDistribution d(40 * kMillisecond, 300 * kMillisecond);
  const int n = 200000;
  const auto v = Draw(d, n);
  EXPECT_NEAR(static_cast<double>(v[n / 2]), 40000.0, 40000.0 * 0.01);
  EXPECT_NEAR(static_cast<double>(v[n * 99 / 100]), 300000.0, 300000.0 * 0.03);
}

TEST(DistributionTest, UniformCoversBothEndsAndNothingElse) {
  UniformDistribution d(50, 53);
  const auto v = Draw(d, 10000);
  EXPECT_EQ(v.front(), 50);
  EXPECT_EQ(v.back(), 53);
  EXPECT_EQ(std::count(v.begin(), v.end(), 51) > 2000, true);
}

TEST(DistributionTest, ExponentialHasItsMean) {
  ExponentialDistribution d(kSecond);
  const int n = 200000;
  const auto v = Draw(d, n);
  double sum = 0;
  for (Time t : v) sum += static_cast<double>(t);
  EXPECT_NEAR(sum / n, 1e6, 4 * 1e6 / std::sqrt(n));
}

TEST(DistributionTest, EverySampleTakesExactlyOneDraw) {
  // Streams stay aligned whichever distribution a scenario picks.
  const ConstantDistribution c(5);
  const UniformDistribution u(0, 10);
  const ExponentialDistribution e(100);
  const LognormalDistribution l(10, 100);
  for (const Distribution* d : std::vector<const Distribution*>{&c, &u, &e, &l}) {
    RandomStream a(1), b(1);
    d->Sample(a);
    b.NextU64();
    EXPECT_EQ(a.State(), b.State()) << d->Describe();
  }
}

TEST(DistributionTest, DescribeUsesCanonicalDurations) {
  EXPECT_EQ(LognormalDistribution(40 * kMillisecond, 300 * kMillisecond).Describe(),
            "lognormal(median=40ms, p99=300ms)");
  EXPECT_EQ(ConstantDistribution(30 * kSecond).Describe(), "constant(30s)");
  EXPECT_EQ(UniformDistribution(1500 * kMillisecond, 2 * kMinute).Describe(),
            "uniform(1500ms..2m)");
}

}  // namespace
}  // namespace dupsim
