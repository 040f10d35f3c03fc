#include "sim/engine/distribution.h"

#include <cassert>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

namespace dupsim {
namespace {

constexpr double kZ99 = 2.3263478740408408;  // standard normal 0.99 quantile

Time RoundToTime(double us) {
  if (!(us > 0)) return 0;
  constexpr double kLimit = static_cast<double>(std::numeric_limits<Time>::max() / 4);
  return us >= kLimit ? static_cast<Time>(kLimit) : static_cast<Time>(std::llround(us));
}

// Quantile at 1 - 2^-53, the largest a 53-bit open-unit draw can give: the true bound of samples.
constexpr double kMaxZ = 8.2095361516013860;

}  // namespace

std::string FormatNumber(double x) {
  char text[32];
  const std::to_chars_result end = std::to_chars(text, text + sizeof text, x);
  return std::string(text, end.ptr);
}

ConstantDistribution::ConstantDistribution(Time value) : value_(value) {
  assert(value >= 0);
}

Time ConstantDistribution::Sample(RandomStream& rng) const {
  rng.NextU64();  // keep one draw per sample, as every distribution does
  return value_;
}

std::string ConstantDistribution::DescribeIn(ValueText format) const {
  return "constant(" + format(value_) + ")";
}

UniformDistribution::UniformDistribution(Time min, Time max) : min_(min), max_(max) {
  assert(0 <= min && min <= max);
}

Time UniformDistribution::Sample(RandomStream& rng) const {
  const auto span = static_cast<std::uint64_t>(max_ - min_) + 1;
  // Multiply-shift maps 64 random bits onto [0, span) with negligible bias for spans < 2^40.
  const auto offset =
      static_cast<std::uint64_t>((static_cast<unsigned __int128>(rng.NextU64()) * span) >> 64);
  return min_ + static_cast<Time>(offset);
}

std::string UniformDistribution::DescribeIn(ValueText format) const {
  return "uniform(" + format(min_) + ".." + format(max_) + ")";
}

ExponentialDistribution::ExponentialDistribution(Time mean) : mean_(mean) {
  assert(mean >= 0);
}

Time ExponentialDistribution::Sample(RandomStream& rng) const {
  return RoundToTime(-static_cast<double>(mean_) * std::log(rng.NextOpenUnit()));
}

Time ExponentialDistribution::Max() const {
  return RoundToTime(static_cast<double>(mean_) * 53.0 * std::log(2.0));
}

std::string ExponentialDistribution::DescribeIn(ValueText format) const {
  return "exponential(mean=" + format(mean_) + ")";
}

LognormalDistribution::LognormalDistribution(Time median, Time p99)
    : median_(median),
      p99_(p99),
      mu_(std::log(static_cast<double>(median))),
      sigma_(std::log(static_cast<double>(p99) / static_cast<double>(median)) / kZ99) {
  assert(0 < median && median <= p99);
}

Time LognormalDistribution::Sample(RandomStream& rng) const {
  return RoundToTime(std::exp(mu_ + sigma_ * InverseNormalCdf(rng.NextOpenUnit())));
}

Time LognormalDistribution::Max() const {
  return RoundToTime(std::exp(mu_ + sigma_ * kMaxZ));
}

std::string LognormalDistribution::DescribeIn(ValueText format) const {
  return "lognormal(median=" + format(median_) + ", p99=" + format(p99_) + ")";
}

double InverseNormalCdf(double p) {
  assert(p > 0 && p < 1);
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  constexpr double kLow = 0.02425;
  double x;
  if (p < kLow) {
    double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - kLow) {
    double q = p - 0.5;
    double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley step against erfc brings the error to machine precision.
  double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
  double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

}  // namespace dupsim
