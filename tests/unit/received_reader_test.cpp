#include "io/received_reader.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"
#include "util/encoding.hpp"

using namespace minsheng;

namespace {

std::vector<std::string> strs(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& x : d.items()) out.push_back(x.str());
  return out;
}

}  // namespace

TEST_CASE("parse_received: columns in any order and names, GBK, dates as people write them") {
  Diagnostics d;
  std::string gbk = iconv_convert(
      "收到日期,牵头单位,备注,报送月份\r\n2024/5/6,市民政局,,2024年4月\r\n"
      "2024年6月3日,市住建局,电子邮件,2024-05\r\n,,,\r\n",
      "UTF-8", "GB18030");
  ReceivedLog log = parse_received(gbk, "收文.csv", test::plan(), d);
  CHECK(d.items().empty());
  REQUIRE(log.entries.size() == 2);
  const auto& a = log.entries.at({"市民政局", {2024, 4}});
  CHECK(a.date == Date{2024, 5, 6});
  CHECK(a.source.str() == "收文.csv:2");
  CHECK(log.entries.at({"市住建局", {2024, 5}}).date == Date{2024, 6, 3});
}

TEST_CASE("parse_received: a unit logged twice for a month keeps the earlier date, and says so") {
  Diagnostics d;
  ReceivedLog log = parse_received(
      "unit,month,date\n市民政局,2024-04,2024-05-09\n市民政局,2024-04,2024-05-02\n", "r.csv",
      test::plan(), d);
  CHECK(log.entries.at({"市民政局", {2024, 4}}).date == Date{2024, 5, 2});
  REQUIRE(d.items().size() == 1);
  CHECK(strs(d)[0] ==
        "r.csv:3: 警告: 市民政局 2024年4月登记了两次（r.csv:3 2024-05-02，r.csv:2 2024-05-09）：按较早的 "
        "2024-05-02 判断是否按时报送");
}

TEST_CASE("parse_received: a header without the three columns is one error per missing column") {
  Diagnostics d;
  ReceivedLog log = parse_received("单位,日期\n市民政局,2024-05-02\n", "r.csv", test::plan(), d);
  CHECK(log.empty());
  CHECK(strs(d) == std::vector<std::string>{"r.csv:1: 错误: 表头缺少“月份”列",
                                            "r.csv:1: 错误: 表头缺少“收文日期”列"});
  Diagnostics e;
  parse_received("\n\n", "empty.csv", test::plan(), e);
  CHECK(strs(e) ==
        std::vector<std::string>{"empty.csv: 错误: 收文登记是空的：应有 单位、月份、收文日期 三列"});
}

TEST_CASE("apply_received: the log's date replaces the file's, and names its evidence") {
  ReceivedLog log;
  log.entries[{"市民政局", {2024, 4}}] = {{2024, 5, 2}, {"r.csv", 2}};
  Submission s;
  s.unit = "市民政局";
  s.month = {2024, 4};
  s.submitted = Date{2024, 5, 8};
  s.submitted_from = DateFrom::form_line;
  apply_received(log, s);
  CHECK(s.submitted == Date{2024, 5, 2});
  CHECK(s.submitted_from == DateFrom::received);
  CHECK(std::string(date_from_label(s.submitted_from)) == "收文登记");
  Submission other;
  other.unit = "市住建局";
  other.month = {2024, 4};
  apply_received(log, other);
  CHECK(!other.submitted);
  CHECK(other.submitted_from == DateFrom::none);
}
