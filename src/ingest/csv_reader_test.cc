#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

namespace qq::ingest {
namespace {

TEST(CsvReader, QuotesEscapesLineBreaksAndLineNumbers) {
  std::string text =
      "\xEF\xBB\xBF"
      "a,b,c\r\n1,\"x, y\",\"he said \"\"hi\"\"\"\r\n2,\"two\nlines\",z\n3,,\n";
  CsvReader r(text);
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(r.line(), 1);
  ASSERT_TRUE(r.Next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"1", "x, y", "he said \"hi\""}));
  EXPECT_EQ(r.line(), 2);
  ASSERT_TRUE(r.Next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"2", "two\nlines", "z"}));
  EXPECT_EQ(r.line(), 3);
  ASSERT_TRUE(r.Next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"3", "", ""}));
  EXPECT_EQ(r.line(), 5);
  EXPECT_FALSE(r.Next(f));
}

TEST(CsvReader, TabSeparatedAndUnterminatedQuote) {
  CsvReader tsv("名称\t经营范围\n甲\t钢压延加工", '\t');
  std::vector<std::string> f;
  ASSERT_TRUE(tsv.Next(f));
  ASSERT_TRUE(tsv.Next(f));
  EXPECT_EQ(f, (std::vector<std::string>{"甲", "钢压延加工"}));
  CsvReader bad("a,\"open\n");
  ASSERT_TRUE(bad.Next(f));
  EXPECT_TRUE(bad.unterminated_quote());
}

TEST(CsvReader, UnterminatedQuoteNamesTheLineItOpenedOn) {
  CsvReader r("a,b\n1,\"x\ny\"\n2,\"open\nrest\nmore\n");
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(f));
  ASSERT_TRUE(r.Next(f));
  EXPECT_FALSE(r.unterminated_quote());
  ASSERT_TRUE(r.Next(f));
  EXPECT_EQ(r.line(), 4);
  EXPECT_TRUE(r.unterminated_quote());
  EXPECT_EQ(r.quote_line(), 4);
  EXPECT_EQ(f, (std::vector<std::string>{"2", "open\nrest\nmore\n"}));
  EXPECT_FALSE(r.Next(f));
}

}  // namespace
}  // namespace qq::ingest
