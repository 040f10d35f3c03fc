// Money held by mistake, integrated over time: for each duplicate charge, its
// amount times how long the customer was without it, until it was refunded or,
// for whatever was never given back, until a horizon (the end of the run).
// A customer out of 10.00 for two days is 480 money-hours. Kept exactly in
// cent-microseconds (128-bit, so no run can overflow it) and turned into
// currency-unit hours only when read.
#pragma once

#include <cassert>
#include <cstdint>

#include "sim/engine/virtual_time.h"
#include "sim/input/money.h"

namespace dupsim {

class HeldMoneyMeter {
 public:
  // `amount` was taken by mistake at `since`.
  void Hold(Money amount, Time since) {
    open_ += amount;
    open_since_ += static_cast<Wide>(amount) * since;
  }

  // `amount` of what was taken at `since` came back at `at`.
  void Release(Money amount, Time since, Time at) {
    assert(at >= since);
    closed_ += static_cast<Wide>(amount) * (at - since);
    open_ -= amount;
    open_since_ -= static_cast<Wide>(amount) * since;
  }

  // Currency-unit hours, counting what is still held as held until `end` (no earlier
  // than any Hold). Exact whenever the total is a whole number of money-hours.
  double MoneyHoursUntil(Time end) const {
    const Wide total = closed_ + static_cast<Wide>(open_) * end - open_since_;
    assert(total >= 0);
    constexpr Wide kCentMicrosPerMoneyHour = 100 * static_cast<Wide>(kHour);
    // Whole money-hours first, then the fraction: one rounding at most.
    return static_cast<double>(total / kCentMicrosPerMoneyHour) +
           static_cast<double>(total % kCentMicrosPerMoneyHour) /
               static_cast<double>(kCentMicrosPerMoneyHour);
  }

 private:
  using Wide = __int128;
  Wide closed_ = 0;      // refunded: amount x time held
  Money open_ = 0;       // still held
  Wide open_since_ = 0;  // still held: sum of amount x time taken
};

}  // namespace dupsim
