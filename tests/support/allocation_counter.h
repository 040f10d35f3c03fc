// Counts every call of the global operator new in a test executable, for tests
// that assert the simulator's hot path does not allocate. Linking
// allocation_counter.cc replaces the global operator new and delete.
#pragma once

namespace dupsim::testing {

long AllocationCount();

}  // namespace dupsim::testing
