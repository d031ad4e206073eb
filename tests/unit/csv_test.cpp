#include "util/csv.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("plain records keep their line numbers and field columns") {
  auto r = parse_csv("任务编号,累计完成\n4,1680\n");
  REQUIRE(r.size() == 2);
  CHECK(r[1].line == 2);
  REQUIRE(r[1].fields.size() == 2);
  CHECK(r[1].fields[1].value == "1680");
  CHECK(r[1].fields[1].col == 3);
  CHECK(r[0].fields[1].col == 6);  // columns count code points: 任务编号 is 4, then ','
}

TEST_CASE("RFC 4180 quoting: separators, doubled quotes and line breaks inside quotes") {
  auto r = parse_csv("a,b\n\"1,680\",\"说\"\"明\"\"\"\n\"两\n行\",x\nlast,y\n");
  REQUIRE(r.size() == 4);
  CHECK(r[1].fields[0].value == "1,680");
  CHECK(r[1].fields[1].value == "说\"明\"");
  CHECK(r[2].fields[0].value == "两\n行");
  CHECK(r[2].line == 3);
  CHECK(r[3].line == 5);  // the quoted line break counted
}

TEST_CASE("CRLF line endings are the same as LF") {
  auto lf = parse_csv("a,b\n1,2\n");
  auto crlf = parse_csv("a,b\r\n1,2\r\n");
  REQUIRE(crlf.size() == 2);
  CHECK(crlf[1].fields[1].value == "2");
  CHECK(crlf[1].line == lf[1].line);
}

TEST_CASE("empty fields and a trailing separator are kept — blank rows are left out") {
  auto r = parse_csv("a,b,c\n1,,\n,,\n  ,\n\n2,x\n");
  REQUIRE(r.size() == 3);
  CHECK(r[1].fields.size() == 3);
  CHECK_FALSE(r[1].blank());
  // The record after the blank lines keeps its own line number.
  CHECK(r[2].line == 6);
  CHECK(r[2].fields[1].value == "x");
}

TEST_CASE("blank lines after a very wide line cost no memory per line") {
  // 20,000 columns, then 200,000 blank lines: the audit's file took 817 MB. Each blank line now
  // reuses the record before it; the kept records are only the two with text.
  std::string text = "a";
  for (int i = 0; i < 20000; ++i) text += ",x";
  text += "\n1,2\n" + std::string(200000, '\n') + "3,4\n";
  auto r = parse_csv(text);
  REQUIRE(r.size() == 3);
  CHECK(r[2].line == 200003);
  CHECK(r[2].fields.capacity() <= 256);
}

TEST_CASE("a file without a final newline still yields its last record") {
  auto r = parse_csv("a\n1");
  REQUIRE(r.size() == 2);
  CHECK(r[1].fields[0].value == "1");
}

TEST_CASE("tab-separated text is detected from the header") {
  auto r = parse_csv("任务编号\t累计完成\n4\t1,680\n");
  REQUIRE(r[1].fields.size() == 2);
  CHECK(r[1].fields[1].value == "1,680");
}

TEST_CASE("an unterminated quote is an error at the opening quote") {
  try {
    parse_csv("a,b\n1,\"open\n2,3\n");
    FAIL("expected CsvError");
  } catch (const CsvError& e) {
    CHECK(e.line == 2);
    CHECK(e.col == 3);
  }
}

TEST_CASE("writing quotes only what needs quoting, with CRLF") {
  CHECK(csv_field("1680") == "1680");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("说\"明") == "\"说\"\"明\"");
  CHECK(csv_line({"a", "b,c"}) == "a,\"b,c\"\r\n");
}

TEST_CASE("a text cell that a spreadsheet would run as a formula is neutralised, numbers are not") {
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"点我\")") ==
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\"");
  CHECK(csv_field("+1+1") == "'+1+1");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("-5.5") == "-5.5");  // a negative gap stays a number
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("市民政局") == "市民政局");
}

TEST_CASE("a tab inside a quoted field does not make the file tab-separated") {
  auto r = parse_csv("\"a\tb\nc\",x\r\n1,2\r\n");
  REQUIRE(r.size() == 2);
  REQUIRE(r[0].fields.size() == 2);
  CHECK(r[0].fields[0].value == "a\tb\nc");
  CHECK(r[0].fields[1].value == "x");
  CHECK(parse_csv("a\tb\n1\t2\n")[1].fields.size() == 2);  // a real TSV still reads as one
}

TEST_CASE("a text guarded against formulas reads back as it was written") {
  for (std::string text : {"=危旧房改造", "+86 0717", "-东山大道", "@市民政局"}) {
    INFO(text);
    std::string line = csv_line({text});
    CHECK(line.find('\'') != std::string::npos);  // guarded when written
    auto recs = parse_csv(line);
    REQUIRE(recs.size() == 1);
    CHECK(strip_formula_guard(recs[0].fields[0].value) == text);
  }
  // Only one ', and only before a formula start: other text is left as typed.
  CHECK(strip_formula_guard("''=x") == "''=x");
  CHECK(strip_formula_guard("'项目") == "'项目");
  CHECK(strip_formula_guard("'") == "'");
  CHECK(strip_formula_guard("-5.5") == "-5.5");
}
