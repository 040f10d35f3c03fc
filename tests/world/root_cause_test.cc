#include <gtest/gtest.h>

#include "metrics/root_cause.h"

namespace dupsim {
namespace {

TEST(RootCauseTest, OutermostDifferenceWins) {
  const ChargeOrigin first{0, 0, 1, false};
  EXPECT_EQ(ClassifyDuplicate(first, {1, 0, 1, false}), RootCause::kUserRepayNoConfirmation);
  EXPECT_EQ(ClassifyDuplicate(first, {1, 1, 3, true}), RootCause::kUserRepayNoConfirmation);
  EXPECT_EQ(ClassifyDuplicate(first, {0, 1, 2, false}), RootCause::kDoubleTap);
  EXPECT_EQ(ClassifyDuplicate(first, {0, 0, 2, true}), RootCause::kClientRetry);
  EXPECT_EQ(ClassifyDuplicate(first, {0, 0, 1, true}), RootCause::kNetworkDuplicate);
  // The copy can overtake the original: then the original is the duplicate.
  EXPECT_EQ(ClassifyDuplicate({0, 0, 1, true}, first), RootCause::kNetworkDuplicate);
}

TEST(RootCauseTest, AMissFlaggedOnTheFirstChargeStillNamesThePair) {
  // The request that checked second (flagged) committed first: the unflagged one is the
  // duplicate, and the race is still why it got through.
  ChargeOrigin flagged{0, 1, 1, false};
  flagged.dedup_miss = DedupMiss::kConcurrentInFlight;
  EXPECT_EQ(ClassifyDuplicate(flagged, {0, 0, 1, false}), RootCause::kConcurrentInFlight);
}

TEST(RootCauseTest, NamesAreTheReportKeys) {
  EXPECT_EQ(RootCauseName(RootCause::kDoubleTap), "double_tap");
  EXPECT_EQ(RootCauseName(RootCause::kClientRetry), "client_retry");
  EXPECT_EQ(RootCauseName(RootCause::kUserRepayNoConfirmation), "user_repay_no_confirmation");
  EXPECT_EQ(RootCauseName(RootCause::kNetworkDuplicate), "network_duplicate");
}

}  // namespace
}  // namespace dupsim
