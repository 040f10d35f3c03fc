// `query_before_retry`: before retrying a timed-out or failed attempt, the app
// asks for the payment's status ("did it go through?"), and shows success
// instead of retrying when the charge is there (WeChat Pay and Alipay tell
// merchants to query the order before retrying:
// docs/client-side.md#querying-the-status-before-repeating). No key
// is needed. With `asks: app_and_user`, every user about to pay again on a new
// page looks the payment up first too. It fails when the query itself fails or
// times out, or reads a replica that has not seen the charge yet
// (`user.status_query.stale_by`): the asker cannot tell, retries or pays
// again, and pays twice. Queries use `user.status_query`'s latency, failure
// probability and staleness (default: 100 ms, never failing, never stale).
#include "sim/dedup/strategy_registry.h"

namespace dupsim {
namespace {

class AskStatusBeforeRetry final : public Strategy, public AppDefence {
 public:
  explicit AskStatusBeforeRetry(bool users_too) : users_too_(users_too) {}

  std::string Describe() const override {
    return users_too_ ? "query_before_retry(asks=app_and_user)" : "query_before_retry";
  }
  AppDefence* AppLayer() override { return this; }
  AppSetup Setup() const override {
    AppSetup setup;
    setup.query_before_retry = true;
    setup.users_query_before_paying_again = users_too_;
    return setup;
  }

 private:
  bool users_too_;
};

}  // namespace

StrategyInfo QueryBeforeRetryStrategy() {
  return {"query_before_retry",
          "the app (asks: app) or also the user paying again (asks: app_and_user) asks for the "
          "payment's status first; a failed or stale query means a retry",
          [](StrategyParams& params) {
            const bool users_too = params.Choice("asks", {"app", "app_and_user"}, 0) == 1;
            return [users_too] { return std::make_unique<AskStatusBeforeRetry>(users_too); };
          }};
}

DUPSIM_REGISTER_STRATEGY(QueryBeforeRetryStrategy);

}  // namespace dupsim
