#include "tagger/rules.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

namespace qq::tagger {
namespace {

std::string RealRules() {
  std::ifstream in(std::string(QQ_SOURCE_DIR) + "/data/tagger/rules.toml");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The real file with one line replaced.
std::string WithLine(const std::string& prefix, const std::string& replacement) {
  std::string text = RealRules();
  size_t at = text.find("\n" + prefix);
  EXPECT_NE(at, std::string::npos) << prefix;
  size_t end = text.find('\n', at + 1);
  return text.substr(0, at + 1) + replacement + text.substr(end);
}

TEST(TaggerRules, ParsesTheShippedFile) {
  auto r = LoadTaggerRules(std::string(QQ_SOURCE_DIR) + "/data/tagger/rules.toml");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->production.empty());
  EXPECT_FALSE(r->sales.empty());
  EXPECT_FALSE(r->sales_only.empty());
  EXPECT_FALSE(r->no_chain_codes.empty());
  EXPECT_DOUBLE_EQ(r->threshold, 1.0);
  ASSERT_FALSE(r->operations.empty());
  EXPECT_EQ(r->operations[0].chain, "氢能");
  EXPECT_GT(r->operations[0].line, 1);
}

TEST(TaggerRules, SyntaxErrorNamesFileAndLine) {
  auto r = ParseTaggerRules("[segmentation]\nitem_separators = [\"；\"\n", "rules.toml");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("rules.toml:"), std::string::npos) << r.status().message();
}

TEST(TaggerRules, UnknownKeyNamesItsLine) {
  std::string text = WithLine("lease = ", "lease = [\"租赁\"]\nleasing = [\"出租\"]");
  auto r = ParseTaggerRules(text, "x/rules.toml");
  ASSERT_FALSE(r.ok());
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("unknown key 'leasing'"), std::string::npos) << m;
  size_t line =
      1 + static_cast<size_t>(std::count(
              text.begin(), text.begin() + static_cast<long>(text.find("leasing")), '\n'));
  EXPECT_NE(m.find("x/rules.toml:" + std::to_string(line) + ":"), std::string::npos) << m;
}

TEST(TaggerRules, RejectsBadValues) {
  auto two_chars =
      ParseTaggerRules(WithLine("object_separators", "object_separators = [\"、、\"]"), "r.toml");
  ASSERT_FALSE(two_chars.ok());
  EXPECT_NE(two_chars.status().message().find("must be one character"), std::string::npos);

  auto dup = ParseTaggerRules(WithLine("lease = ", "lease = [\"租赁\", \"租赁\"]"), "r.toml");
  ASSERT_FALSE(dup.ok());
  EXPECT_NE(dup.status().message().find("listed twice"), std::string::npos);

  auto empty_term = ParseTaggerRules(WithLine("lease = ", "lease = [\"\"]"), "r.toml");
  EXPECT_FALSE(empty_term.ok());

  auto two_roles = ParseTaggerRules(WithLine("lease = ", "lease = [\"租赁\", \"销售\"]"), "r.toml");
  ASSERT_FALSE(two_roles.ok());
  EXPECT_NE(two_roles.status().message().find("both sales and lease"), std::string::npos)
      << two_roles.status().message();

  auto weight = ParseTaggerRules(WithLine("threshold = ", "threshold = -1"), "r.toml");
  ASSERT_FALSE(weight.ok());
  EXPECT_NE(weight.status().message().find("'threshold'"), std::string::npos);

  auto code = ParseTaggerRules(WithLine("no_chain = ", "no_chain = [\"5X\"]"), "r.toml");
  EXPECT_FALSE(code.ok());

  auto op = ParseTaggerRules(
      RealRules() + "\n[[operation]]\nchain = \"氢能\"\nterms = [\"加氢\"]\n", "r.toml");
  ASSERT_FALSE(op.ok());
  EXPECT_NE(op.status().message().find("'link'"), std::string::npos);
}

TEST(TaggerRules, MissingTableAndMissingFile) {
  auto r = ParseTaggerRules("[segmentation]\n", "r.toml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("r.toml:"), std::string::npos);
  auto f = LoadTaggerRules("/nonexistent/rules.toml");
  EXPECT_EQ(f.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace qq::tagger
