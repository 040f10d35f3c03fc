// Both heaps against a sorted reference: they must agree event for event.
#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "sim/engine/dary_heap.h"
#include "sim/engine/random_stream.h"

namespace dupsim {
namespace {

template <class Q>
class EventQueueTest : public ::testing::Test {};
using Queues = ::testing::Types<BinaryHeap, QuaternaryHeap, DaryHeap<3>, DaryHeap<8>>;
TYPED_TEST_SUITE(EventQueueTest, Queues);

TYPED_TEST(EventQueueTest, PopsInTimeThenSequenceOrder) {
  TypeParam q;
  RandomStream rng(42);
  std::vector<Event> all;
  for (std::uint64_t seq = 0; seq < 5000; ++seq) {
    Event e{.at = static_cast<Time>(rng.NextU64() % 100),
            .seq = seq,
            .payload = seq};  // many equal times
    all.push_back(e);
    q.Insert(e);
  }
  std::sort(all.begin(), all.end(), FiresBefore);
  ASSERT_EQ(q.Size(), all.size());
  for (const Event& want : all) {
    ASSERT_FALSE(q.IsEmpty());
    EXPECT_EQ(q.PeekNext().seq, want.seq);
    const Event got = q.RemoveNext();
    ASSERT_EQ(got.at, want.at);
    ASSERT_EQ(got.seq, want.seq);
  }
  EXPECT_TRUE(q.IsEmpty());
}

TYPED_TEST(EventQueueTest, InterleavedInsertAndRemoveMatchesReference) {
  TypeParam q;
  std::vector<Event> ref;  // kept sorted descending so the next event is at the back
  RandomStream rng(7);
  std::uint64_t seq = 0;
  Time now = 0;
  for (int step = 0; step < 20000; ++step) {
    if (ref.empty() || rng.NextUnit() < 0.55) {
      Event e{.at = now + static_cast<Time>(rng.NextU64() % 50), .seq = seq++};
      q.Insert(e);
      ref.insert(std::upper_bound(ref.begin(), ref.end(), e,
                                  [](const Event& a, const Event& b) { return FiresBefore(b, a); }),
                 e);
    } else {
      const Event got = q.RemoveNext();
      const Event want = ref.back();
      ref.pop_back();
      ASSERT_EQ(got.seq, want.seq) << "step " << step;
      now = got.at;
    }
  }
  EXPECT_EQ(q.Size(), ref.size());
}

}  // namespace
}  // namespace dupsim
