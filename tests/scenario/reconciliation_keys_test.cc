// The `reconciliation` and `support` sections: absent means off, present means
// on with documented defaults, and every bad key or value is one InputError line.
#include <gtest/gtest.h>

#include "sim/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace dupsim {
namespace {

constexpr Time kDay = 24 * kHour;

using testing::ErrorAfterBaseOf;
using testing::LoadAfterBase;

TEST(ReconciliationKeys, AbsentSectionsAreOff) {
  const Scenario s = LoadAfterBase("");
  EXPECT_FALSE(s.reconciliation.enabled);
  EXPECT_EQ(s.support.contact_probability, 0);
}

TEST(ReconciliationKeys, AnEmptySectionIsOnWithDefaults) {
  const Scenario s = LoadAfterBase("reconciliation: {}\n");
  ASSERT_TRUE(s.reconciliation.enabled);
  EXPECT_EQ(s.reconciliation.detection_delay->Min(), 0);
  EXPECT_EQ(s.reconciliation.detection_delay->Max(), kDay);
  EXPECT_EQ(s.reconciliation.refund_processing->Min(), kDay);
  EXPECT_EQ(s.reconciliation.refund_processing->Max(), 3 * kDay);
  EXPECT_EQ(s.reconciliation.refund_fraction, 1.0);
}

TEST(ReconciliationKeys, EveryKeyIsRead) {
  const Scenario s = LoadAfterBase(
      "reconciliation:\n"
      "  delay: { dist: constant, value: 6h }\n"
      "  refund_processing: { dist: constant, value: 48h }\n"
      "  refund: partial\n"
      "  partial_fraction: 0.25\n"
      "support: { contact_probability: 0.3, notice_delay: { dist: constant, value: 12h } }\n");
  EXPECT_TRUE(s.reconciliation.enabled);
  EXPECT_EQ(s.reconciliation.detection_delay->Max(), 6 * kHour);
  EXPECT_EQ(s.reconciliation.refund_processing->Max(), 2 * kDay);
  EXPECT_EQ(s.reconciliation.refund_fraction, 0.25);
  EXPECT_EQ(s.support.contact_probability, 0.3);
  EXPECT_EQ(s.support.notice_delay->Max(), 12 * kHour);
}

TEST(ReconciliationKeys, FullRefundsNeedNoFraction) {
  EXPECT_EQ(LoadAfterBase("reconciliation: { refund: full }\n").reconciliation.refund_fraction,
            1.0);
}

TEST(ReconciliationKeys, SupportDefaultsToNoticingTheNextDay) {
  const Scenario s = LoadAfterBase("support: { contact_probability: 0.1 }\n");
  EXPECT_EQ(s.support.notice_delay->Min(), kDay);
  EXPECT_EQ(s.support.notice_delay->Max(), kDay);
  EXPECT_FALSE(s.reconciliation.enabled);  // support alone refunds nothing
}

TEST(ReconciliationKeys, Errors) {
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { dealy: { dist: constant, value: 1h } }\n"),
            "x.yaml:4:19: reconciliation.dealy: unknown key; did you mean 'delay'? (allowed here: "
            "delay, "
            "refund_processing, refund, partial_fraction)");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { refund: half }\n"),
            "x.yaml:4:27: reconciliation.refund: expected one of full, partial; got 'half'");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { refund: partial }\n"),
            "x.yaml:4:17: reconciliation.partial_fraction: required key is missing");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { partial_fraction: 0.5 }\n"),
            "x.yaml:4:37: reconciliation.partial_fraction: only allowed with refund: partial");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { refund: partial, partial_fraction: 1 }\n"),
            "x.yaml:4:54: reconciliation.partial_fraction: must be > 0 and < 1 (a full refund is "
            "refund: full), got 1");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { refund: partial, partial_fraction: 0 }\n"),
            "x.yaml:4:54: reconciliation.partial_fraction: must be > 0 and < 1 (a full refund is "
            "refund: full), got 0");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { refund: partial, partial_fraction: 1.5 }\n"),
            "x.yaml:4:54: reconciliation.partial_fraction: probability must be in [0, 1], got 1.5");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation: { refund_processing: 48h }\n"),
            "x.yaml:4:38: reconciliation.refund_processing: expected a distribution such as "
            "{ dist: lognormal, median: 40ms, p99: 300ms }, got '48h'");
  EXPECT_EQ(ErrorAfterBaseOf("reconciliation:\n"),
            "x.yaml:4:1: reconciliation: expected a map, got nothing");
  EXPECT_EQ(ErrorAfterBaseOf("support: { notice_delay: { dist: constant, value: 1h } }\n"),
            "x.yaml:4:10: support.contact_probability: required key is missing");
  EXPECT_EQ(ErrorAfterBaseOf("support: { contact_probability: 2 }\n"),
            "x.yaml:4:33: support.contact_probability: probability must be in [0, 1], got 2");
  EXPECT_EQ(ErrorAfterBaseOf("support: { contact_probability: 0.1, delay: 1h }\n"),
            "x.yaml:4:38: support.delay: unknown key (allowed here: contact_probability, "
            "notice_delay)");
}

}  // namespace
}  // namespace dupsim
