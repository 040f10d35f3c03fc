#include <gtest/gtest.h>

#include "sim/input/money.h"
#include "sim/scenario/scenario_loader.h"

namespace dupsim {
namespace {

TEST(MoneyTest, ParsesCurrencyUnitsIntoCents) {
  std::string why;
  EXPECT_EQ(ParseMoney("25", &why), 2500);
  EXPECT_EQ(ParseMoney("19.99", &why), 1999);
  EXPECT_EQ(ParseMoney("0.5", &why), 50);
  EXPECT_EQ(ParseMoney("0", &why), 0);
  EXPECT_FALSE(ParseMoney("1.999", &why));
  EXPECT_EQ(why, "more than two decimals");
  EXPECT_FALSE(ParseMoney("-3", &why));
  EXPECT_EQ(why, "negative amount");
  EXPECT_FALSE(ParseMoney("3 EUR", &why));
  EXPECT_EQ(FormatMoney(1999), "19.99");
  EXPECT_EQ(FormatMoney(5), "0.05");
  EXPECT_EQ(FormatMoney(10000), "100.00");
}

constexpr char kBase[] = "name: x\nintents: 10\narrivals: { rate_per_s: 1 }\n";

TEST(MoneyTest, UserAmountIsAMoneyDistribution) {
  const Scenario s = LoadScenarioText(
      std::string(kBase) + "user: { amount: { dist: uniform, min: 5, max: 19.99 } }\n", "x.yaml");
  EXPECT_EQ(s.user.amount->Min(), 500);
  EXPECT_EQ(s.user.amount->Max(), 1999);
  EXPECT_EQ(LoadScenarioText(kBase, "x.yaml").user.amount->Max(), 1000);  // 10.00 by default
}

TEST(MoneyTest, BadAmountsNameTheirPosition) {
  try {
    LoadScenarioText(std::string(kBase) + "user: { amount: { dist: constant, value: 2.505 } }\n",
                     "x.yaml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_STREQ(e.what(),
                 "x.yaml:4:42: user.amount.value: expected an amount such as 25 or 19.99, got "
                 "'2.505': more than two decimals");
  }
  try {
    LoadScenarioText(std::string(kBase) + "user: { amount: { dist: constant, value: 3s } }\n",
                     "x.yaml");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("user.amount.value: expected an amount"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
}  // namespace dupsim
