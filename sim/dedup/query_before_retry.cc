// `query_before_retry`: before retrying a timed-out or failed attempt, the app
// asks for the payment's status ("did it go through?"), and shows success
// instead of retrying when the charge is there (WeChat Pay and Alipay tell
// merchants to query the order before retrying: dedup-in-the-wild.md). No key
// is needed. It fails when the query itself fails or times out: the app
// cannot tell, retries, and pays twice. The query uses `user.status_query`'s
// latency and failure probability (default: 100 ms, never fails).
#include "sim/dedup/builtin_strategies.h"

namespace dupsim {
namespace {

class AskStatusBeforeRetry final : public Strategy {
 public:
  std::string Describe() const override { return "query_before_retry"; }
  bool QueryBeforeRetry() const override { return true; }
};

}  // namespace

StrategyInfo QueryBeforeRetryStrategy() {
  return {"query_before_retry",
          "the app asks for the payment's status before each retry; a failed query means a retry",
          [](StrategyParams&) { return [] { return std::make_unique<AskStatusBeforeRetry>(); }; }};
}

}  // namespace dupsim
