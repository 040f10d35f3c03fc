// Distributions of durations (latency, processing time, patience, gaps). Each
// one is immutable after construction and draws exactly one number from the
// stream per sample, so a stream stays aligned whichever distribution a
// scenario picks. Samples are rounded to whole microseconds and never negative.
//
// Scenarios choose a distribution by name through DistributionRegistry (see
// sim/scenario/distribution_registry.h); adding one is a new class here plus one
// registration line there.
#pragma once

#include <memory>
#include <string>

#include "sim/engine/duration_text.h"
#include "sim/engine/random_stream.h"
#include "sim/engine/virtual_time.h"

namespace dupsim {

class Distribution {
 public:
  virtual ~Distribution() = default;
  virtual Time Sample(RandomStream& rng) const = 0;
  virtual Time Min() const = 0;  // smallest value a sample can take
  virtual Time Max() const = 0;  // largest value a sample can take (a large bound if unbounded)
  // e.g. "lognormal(median=40ms, p99=300ms)": the parameters as durations, exactly.
  std::string Describe() const { return DescribeIn(DurationInLargestExactUnit); }
  // The same with each parameter written by `format`: a money distribution holds cents, and
  // "constant(1ms)" would misstate 10.00 (sim/scenario/scenario_fingerprint.h).
  using ValueText = std::string (*)(Time);
  virtual std::string DescribeIn(ValueText format) const = 0;
};

using DistributionPtr = std::shared_ptr<const Distribution>;

class ConstantDistribution final : public Distribution {
 public:
  explicit ConstantDistribution(Time value);
  Time Sample(RandomStream& rng) const override;
  Time Min() const override { return value_; }
  Time Max() const override { return value_; }
  std::string DescribeIn(ValueText format) const override;

 private:
  Time value_;
};

// Uniform over [min, max], both ends included.
class UniformDistribution final : public Distribution {
 public:
  UniformDistribution(Time min, Time max);
  Time Sample(RandomStream& rng) const override;
  Time Min() const override { return min_; }
  Time Max() const override { return max_; }
  std::string DescribeIn(ValueText format) const override;

 private:
  Time min_;
  Time max_;
};

class ExponentialDistribution final : public Distribution {
 public:
  explicit ExponentialDistribution(Time mean);
  Time Sample(RandomStream& rng) const override;
  Time Min() const override { return 0; }
  Time Max() const override;
  std::string DescribeIn(ValueText format) const override;

 private:
  Time mean_;
};

// Given as people quote latencies: the median and the 99th percentile.
// mu = ln(median), sigma = ln(p99 / median) / z(0.99).
class LognormalDistribution final : public Distribution {
 public:
  LognormalDistribution(Time median, Time p99);
  Time Sample(RandomStream& rng) const override;
  Time Min() const override { return 0; }
  Time Max() const override;
  std::string DescribeIn(ValueText format) const override;

 private:
  Time median_;
  Time p99_;
  double mu_;
  double sigma_;
};

// Inverse of the standard normal CDF (Acklam's rational approximation, refined
// by one Halley step; relative error below 1e-15). Precondition: 0 < p < 1.
double InverseNormalCdf(double p);

// "0.05", "1", "0.333": the shortest text that reads back to `x` (a probability, a weight).
std::string FormatNumber(double x);

}  // namespace dupsim
