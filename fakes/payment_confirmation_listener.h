// Whoever learns that an intent was paid: the user, told by the app's success
// screen or by the confirmation notification.
#pragma once

#include "sim/model/ids.h"

namespace dupsim {

class PaymentConfirmationListener {
 public:
  virtual void OnPaymentConfirmed(IntentId intent) = 0;

 protected:
  ~PaymentConfirmationListener() = default;
};

}  // namespace dupsim
