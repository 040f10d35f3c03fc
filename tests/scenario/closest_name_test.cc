// The "did you mean" rule (sim/input/closest_name.h): edit distances, the threshold
// relative to length, ties, and the hint's wording.
#include "sim/input/closest_name.h"

#include <gtest/gtest.h>

namespace dupsim {
namespace {

TEST(ClosestName, EditDistanceCountsInsertsDeletesSubstitutionsAndSwaps) {
  EXPECT_EQ(EditDistance("window", "window"), 0u);
  EXPECT_EQ(EditDistance("windw", "window"), 1u);    // an insert
  EXPECT_EQ(EditDistance("windoww", "window"), 1u);  // a delete
  EXPECT_EQ(EditDistance("wendow", "window"), 1u);   // a substitution
  EXPECT_EQ(EditDistance("iwndow", "window"), 1u);   // a swap of neighbours, not two edits
  EXPECT_EQ(EditDistance("Window", "window"), 0u);   // ASCII case does not count
  EXPECT_EQ(EditDistance("", "abc"), 3u);
  EXPECT_EQ(EditDistance("kitten", "sitting"), 3u);
  EXPECT_EQ(EditDistance("ca", "abc"), 3u);  // optimal string alignment: no edit of a swap
}

TEST(ClosestName, SuggestsOnlyNearMissesForTheLength) {
  const std::vector<std::string_view> commands = {"run", "check", "report", "list", "validate"};
  EXPECT_EQ(ClosestName("rn", commands), "run");
  EXPECT_EQ(ClosestName("chekc", commands), "check");
  EXPECT_EQ(ClosestName("vaildate", commands), "validate");
  EXPECT_EQ(ClosestName("valdiat", commands), "validate");  // 2 edits in 7 letters
  EXPECT_EQ(ClosestName("frobnicate", commands), std::nullopt);
  EXPECT_EQ(ClosestName("rpt", commands), std::nullopt);  // 3 edits from report
  EXPECT_EQ(ClosestName("r", commands), std::nullopt);    // never the whole word replaced
  EXPECT_EQ(ClosestName("", commands), std::nullopt);
  EXPECT_EQ(ClosestName("run", commands), std::nullopt);  // a known name needs no hint
  EXPECT_EQ(ClosestName("RUN", commands), "run");
}

TEST(ClosestName, TheNearestWinsAndTiesGoToTheFirstListed) {
  EXPECT_EQ(ClosestName("ab", {"ax", "ab_"}), "ax");  // both one edit: the first listed
  EXPECT_EQ(ClosestName("ab", {"ab_", "ax"}), "ab_");
  EXPECT_EQ(ClosestName("idempotency_kye", {"idempotency_key_per_attempt", "idempotency_key"}),
            "idempotency_key");
}

TEST(ClosestName, DidYouMeanIsAPhraseToAppendOrNothing) {
  EXPECT_EQ(DidYouMean("windw", {"window"}), "; did you mean 'window'?");
  EXPECT_EQ(DidYouMean("ttl", {"window"}), "");
}

}  // namespace
}  // namespace dupsim
