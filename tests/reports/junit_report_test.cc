#include "reports/junit_report.h"

#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "reports/report_format_registry.h"
#include "reports/verdict_text.h"
#include "tests/reports/sample_report.h"

namespace dupsim {
namespace {

const std::string kGoldenDir = std::string(DUPSIM_SOURCE_DIR) + "/tests/reports/golden/";

std::string Render(const Report& report) {
  std::ostringstream out;
  JunitReport().Render(report, out);
  return out.str();
}

// DUPSIM_UPDATE_GOLDEN=1 rewrites the golden file after a deliberate format change.
void ExpectGolden(const std::string& text, const std::string& name) {
  const std::string path = kGoldenDir + name;
  if (std::getenv("DUPSIM_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << text;
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing " << path;
  std::stringstream golden;
  golden << in.rdbuf();
  EXPECT_EQ(text, golden.str());
}

// A parsed document, or the parser's complaints: any error or warning fails the test.
class Xml {
 public:
  explicit Xml(const std::string& text) {
    xmlSetStructuredErrorFunc(&errors_, &Xml::Collect);
    doc_ = xmlReadMemory(text.data(), static_cast<int>(text.size()), "report.xml", nullptr,
                         XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(nullptr, nullptr);
  }
  ~Xml() {
    if (doc_ != nullptr) xmlFreeDoc(doc_);
  }
  Xml(const Xml&) = delete;
  Xml& operator=(const Xml&) = delete;

  bool ok() const { return doc_ != nullptr && errors_.empty(); }
  std::string errors() const {
    std::string all;
    for (const std::string& e : errors_) all += e;
    return all;
  }

  double Number(const std::string& xpath) const {
    xmlXPathObjectPtr result = Eval(xpath);
    const double n = result != nullptr ? xmlXPathCastToNumber(result) : -1;
    xmlXPathFreeObject(result);
    return n;
  }
  std::size_t Count(const std::string& xpath) const {
    return static_cast<std::size_t>(Number("count(" + xpath + ")"));
  }
  // The string value of each node `xpath` selects: an attribute's value, an element's text.
  std::vector<std::string> Strings(const std::string& xpath) const {
    std::vector<std::string> values;
    xmlXPathObjectPtr result = Eval(xpath);
    if (result != nullptr && result->nodesetval != nullptr) {
      for (int i = 0; i < result->nodesetval->nodeNr; ++i) {
        xmlChar* value = xmlNodeGetContent(result->nodesetval->nodeTab[i]);
        values.emplace_back(reinterpret_cast<const char*>(value));
        xmlFree(value);
      }
    }
    xmlXPathFreeObject(result);
    return values;
  }

 private:
  static void Collect(void* errors, xmlErrorPtr error) {
    static_cast<std::vector<std::string>*>(errors)->push_back(
        error != nullptr && error->message != nullptr ? error->message : "unknown error\n");
  }

  xmlXPathObjectPtr Eval(const std::string& xpath) const {
    if (doc_ == nullptr) return nullptr;
    xmlXPathContextPtr context = xmlXPathNewContext(doc_);
    xmlXPathObjectPtr result =
        xmlXPathEvalExpression(reinterpret_cast<const xmlChar*>(xpath.c_str()), context);
    xmlXPathFreeContext(context);
    return result;
  }

  std::vector<std::string> errors_;
  xmlDocPtr doc_ = nullptr;
};

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(JunitReport, CheckedReportMatchesGoldenFile) {
  ExpectGolden(Render(SampleCheckedReport()), "checked.junit.xml");
}

TEST(JunitReport, UncheckedReportMatchesGoldenFile) {
  ExpectGolden(Render(SampleReport()), "report.junit.xml");
}

TEST(JunitReport, SameInputGivesIdenticalBytes) {
  EXPECT_EQ(Render(SampleCheckedReport()), Render(SampleCheckedReport()));
  EXPECT_EQ(Render(SampleReport()), Render(SampleReport()));
}

TEST(JunitReport, IsRegistered) {
  const auto& registry = ReportFormatRegistry::Builtin();
  ASSERT_NE(registry.Find("junit"), nullptr);
  EXPECT_EQ(registry.Find("junit")->name(), "junit");
}

TEST(JunitReport, DeclarationAndNoTimestampsOrHosts) {
  const std::string xml = Render(SampleCheckedReport());
  EXPECT_EQ(
      xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dupsim\" ", 0), 0u);
  EXPECT_EQ(xml.back(), '\n');
  EXPECT_FALSE(Contains(xml, "timestamp"));
  EXPECT_FALSE(Contains(xml, "hostname"));
  const Xml doc(xml);
  ASSERT_TRUE(doc.ok()) << doc.errors();
  for (const std::string& time : doc.Strings("//@time")) EXPECT_EQ(time, "0");
}

TEST(JunitReport, CountsMatchTheCheck) {
  const Report report = SampleCheckedReport();
  const CheckOutcome& check = report.check;
  const Xml doc(Render(report));
  ASSERT_TRUE(doc.ok()) << doc.errors();

  // Changed scenarios and those without a fingerprint in the baseline are a case each too.
  const std::size_t baseline_cases = check.comparisons.size() + check.not_in_baseline.size() +
                                     check.changed_scenarios.size() +
                                     check.without_fingerprint.size();
  const std::size_t tests = check.expectations.size() + baseline_cases;
  const std::size_t failures = check.Count(Verdict::kFail) + check.Count(Verdict::kInconclusive) +
                               check.Count(Change::kRegression);
  ASSERT_GT(check.Count(Verdict::kFail), 0u);
  ASSERT_GT(check.Count(Verdict::kInconclusive), 0u);
  ASSERT_GT(check.Count(Change::kRegression), 0u);

  EXPECT_EQ(doc.Count("/testsuites/testsuite/testcase"), tests);
  EXPECT_EQ(doc.Count("//failure"), failures);
  EXPECT_EQ(doc.Count("//failure[@type='fail']"), check.Count(Verdict::kFail));
  EXPECT_EQ(doc.Count("//failure[@type='inconclusive']"), check.Count(Verdict::kInconclusive));
  EXPECT_EQ(doc.Count("//failure[@type='regression']"), check.Count(Change::kRegression));
  EXPECT_EQ(doc.Count("//skipped"), check.not_in_baseline.size());
  EXPECT_EQ(doc.Count("//error"), 0u);

  EXPECT_EQ(doc.Number("/testsuites/@tests"), static_cast<double>(tests));
  EXPECT_EQ(doc.Number("/testsuites/@failures"), static_cast<double>(failures));
  EXPECT_EQ(doc.Number("/testsuites/@errors"), 0);
  EXPECT_EQ(doc.Number("/testsuites/@skipped"), static_cast<double>(check.not_in_baseline.size()));

  // One suite per scenario, then the baseline's.
  EXPECT_EQ(doc.Strings("/testsuites/testsuite/@name"),
            (std::vector<std::string>{"double_tap", "slow_network", "baseline"}));
  EXPECT_EQ(doc.Count("/testsuites/testsuite[@name='double_tap']/testcase"), 3u);
  EXPECT_EQ(doc.Count("/testsuites/testsuite[@name='slow_network']/testcase"), 2u);
  EXPECT_EQ(doc.Count("/testsuites/testsuite[@name='baseline']/testcase"), baseline_cases);
  // Each suite's counts are those of its cases.
  const std::size_t suites = doc.Count("/testsuites/testsuite");
  for (std::size_t i = 1; i <= suites; ++i) {
    const std::string suite = "/testsuites/testsuite[" + std::to_string(i) + "]";
    EXPECT_EQ(doc.Number(suite + "/@tests"), static_cast<double>(doc.Count(suite + "/testcase")));
    EXPECT_EQ(doc.Number(suite + "/@failures"),
              static_cast<double>(doc.Count(suite + "/testcase/failure")));
    EXPECT_EQ(doc.Number(suite + "/@skipped"),
              static_cast<double>(doc.Count(suite + "/testcase/skipped")));
  }
}

TEST(JunitReport, TestcasesAreNamedByRunMetricAndBound) {
  const Xml doc(Render(SampleCheckedReport()));
  ASSERT_TRUE(doc.ok()) << doc.errors();
  EXPECT_EQ(doc.Strings("/testsuites/testsuite[@name='double_tap']/testcase/@name"),
            (std::vector<std::string>{
                "none: duplicate_rate min: 5%",
                "client_debounce(window=1s): duplicate_rate max: 0",
                "client_debounce(window=1s): lost_payment_rate max: 0.01%",
            }));
  for (const std::string& classname :
       doc.Strings("/testsuites/testsuite[@name='double_tap']/testcase/@classname")) {
    EXPECT_EQ(classname, "dupsim.double_tap");
  }
  // A passing expectation says what was measured.
  EXPECT_EQ(doc.Strings("//testcase[@name='none: duplicate_rate min: 5%']/system-out"),
            (std::vector<std::string>{
                "\u2713 double_tap / none: duplicate_rate 9.98% (9.41-10.58%), min: 5%"}));
}

TEST(JunitReport, EachFailureMessageCarriesTheFigureItsIntervalAndTheBound) {
  const Report report = SampleCheckedReport();
  const Xml doc(Render(report));
  ASSERT_TRUE(doc.ok()) << doc.errors();
  const std::vector<std::string> messages = doc.Strings("//failure/@message");
  for (const ExpectationResult& e : report.check.expectations) {
    if (e.verdict == Verdict::kPass) continue;
    bool found = false;
    for (const std::string& message : messages) {
      if (message != ExpectationText(e)) continue;
      found = true;
      EXPECT_TRUE(Contains(message, MeasuredText(e))) << message;
      EXPECT_TRUE(Contains(message, e.expectation.text)) << message;
    }
    EXPECT_TRUE(found) << ExpectationText(e);
  }
  // Spelled out, so that a change of MeasuredText cannot make the above vacuous.
  const auto has = [&](const std::string& part) {
    for (const std::string& message : messages) {
      if (Contains(message, part)) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("lost_payment_rate 0.030% (0.010-0.088%), max: 0.01%: over the bound"));
  EXPECT_TRUE(has("duplicate_rate 0.031% (0.021-0.044%), max: 0.04%: inconclusive"));
  EXPECT_TRUE(has("time_to_confirmation_p99 2.35s, max: 2s: over the bound"));
  EXPECT_TRUE(
      has("regression double_tap / none: duplicate_rate 9.98% (9.41-10.58%), "
          "baseline 7.00% (6.52-7.52%)"));
}

TEST(JunitReport, BaselineImprovementsPassWithTheirComparison) {
  const Xml doc(Render(SampleCheckedReport()));
  ASSERT_TRUE(doc.ok()) << doc.errors();
  const std::string improvement =
      "//testsuite[@name='baseline']/testcase[@name='slow_network / idempotency_key(ttl=24h): "
      "duplicate_rate']";
  EXPECT_EQ(doc.Count(improvement + "/failure"), 0u);
  const auto out = doc.Strings(improvement + "/system-out");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].rfind("\u2713 improvement slow_network / idempotency_key(ttl=24h): "
                         "duplicate_rate 0.031% (0.021-0.044%), baseline 0.090%",
                         0),
            0u)
      << out[0];
  EXPECT_EQ(doc.Count("//testsuite[@name='baseline']/testcase[@name='double_tap / "
                      "client_debounce(window=1s)']/skipped"),
            1u);
}

TEST(JunitReport, WithoutACheckEachRunIsAPassingTestcase) {
  const Report report = SampleReport();
  const Xml doc(Render(report));
  ASSERT_TRUE(doc.ok()) << doc.errors();
  EXPECT_EQ(doc.Count("/testsuites/testsuite"), 2u);
  EXPECT_EQ(doc.Count("//testcase"), report.results.size());
  EXPECT_EQ(doc.Count("//failure"), 0u);
  EXPECT_EQ(doc.Number("/testsuites/@tests"), static_cast<double>(report.results.size()));
  EXPECT_EQ(doc.Number("/testsuites/@failures"), 0);
  EXPECT_EQ(doc.Strings("/testsuites/testsuite[@name='double_tap']/testcase/@name"),
            (std::vector<std::string>{"none", "client_debounce(window=1s)"}));
  const auto out = doc.Strings("//testcase[@name='none']/system-out");
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(Contains(out[0], "double_tap / none: duplicate_rate 9.98% (9.41-10.58%)")) << out[0];
  EXPECT_TRUE(Contains(out[0], "lost_payment_rate 0.12% (0.069-0.21%)")) << out[0];
}

TEST(JunitReport, EmptyReportIsAnEmptyTestsuites) {
  const std::string xml = Render(Report{});
  const Xml doc(xml);
  ASSERT_TRUE(doc.ok()) << doc.errors();
  EXPECT_EQ(doc.Number("/testsuites/@tests"), 0);
  EXPECT_EQ(doc.Count("//testsuite"), 0u);
}

TEST(JunitReport, SpecialCharactersAreEscapedAndParseBack) {
  const std::string config = "a<b & \"c\"";
  Report report = SampleCheckedReport();
  for (RunResult& r : report.results) r.strategy_config = config;
  for (ExpectationResult& e : report.check.expectations) e.strategy_config = config;
  for (BaselineComparison& c : report.check.comparisons) c.strategy_config = config;
  report.results[2].scenario = "slow]]>\tnet\x01\xff";
  report.check.expectations[3].scenario = report.results[2].scenario;
  report.check.expectations[4].scenario = report.results[2].scenario;
  const std::string xml = Render(report);
  EXPECT_FALSE(Contains(xml, config));
  EXPECT_TRUE(Contains(xml, "a&lt;b &amp; &quot;c&quot;"));
  EXPECT_FALSE(Contains(xml, "]]>"));

  const Xml doc(xml);
  ASSERT_TRUE(doc.ok()) << doc.errors();
  const auto names = doc.Strings("/testsuites/testsuite[1]/testcase/@name");
  ASSERT_EQ(names.size(), 3u);
  EXPECT_EQ(names[0], config + ": duplicate_rate min: 5%");
  const auto messages = doc.Strings("//failure[@type='fail']/@message");
  ASSERT_FALSE(messages.empty());
  EXPECT_EQ(messages[0], "double_tap / " + config +
                             ": lost_payment_rate 0.030% (0.010-0.088%), max: 0.01%: over the "
                             "bound");
  // The tab survives in an attribute; the control character and the invalid byte, which XML
  // cannot carry, become U+FFFD.
  EXPECT_EQ(doc.Strings("/testsuites/testsuite[2]/@name"),
            (std::vector<std::string>{"slow]]>\tnet\uFFFD\uFFFD"}));
}

TEST(XmlEscape, EscapesMarkupAndReplacesWhatXmlCannotCarry) {
  EXPECT_EQ(XmlEscape("plain 9.98% (9.41-10.58%)"), "plain 9.98% (9.41-10.58%)");
  EXPECT_EQ(XmlEscape("a<b & \"c\" > d"), "a&lt;b &amp; &quot;c&quot; &gt; d");
  EXPECT_EQ(XmlEscape("it's"), "it's");
  EXPECT_EQ(XmlEscape("a\tb\nc\rd"), "a&#9;b&#10;c&#13;d");
  EXPECT_EQ(XmlEscape(std::string("nul\0x", 5)), "nul\uFFFDx");
  EXPECT_EQ(XmlEscape("\x1b[31m"), "\uFFFD[31m");
  EXPECT_EQ(XmlEscape("\u2713 caf\u00e9 \U0001F4B3"), "\u2713 caf\u00e9 \U0001F4B3");
  EXPECT_EQ(XmlEscape("bad\xff\xc3"), "bad\uFFFD\uFFFD");      // invalid, truncated
  EXPECT_EQ(XmlEscape("\xc0\xaf"), "\uFFFD\uFFFD");            // overlong "/"
  EXPECT_EQ(XmlEscape("\xed\xa0\x80"), "\uFFFD\uFFFD\uFFFD");  // a surrogate
  EXPECT_EQ(XmlEscape("\xef\xbf\xbe"), "\uFFFD\uFFFD\uFFFD");  // U+FFFE, not a character
}

}  // namespace
}  // namespace dupsim
