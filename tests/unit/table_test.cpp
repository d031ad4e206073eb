#include "report/table.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

namespace {
TextTable sample() {
  TextTable t({"编号", "指标", "进度", "状态"}, {true, false, false, false});
  t.optional_column(2);
  t.add(std::vector<std::string>{"4", "新增3岁以下婴幼儿托位", "██████░░░░", "超序时"});
  t.add(std::vector<std::string>{"12", "发布精品旅游线路", "██████████", "已完成"});
  return t;
}
}  // namespace

TEST_CASE("a table as wide as its rows when no width is asked") {
  // 编号 4, 指标 21 (ten CJK characters and a digit), 进度 10, 状态 6, two spaces between: 47.
  std::string rule;
  for (int i = 0; i < 47; ++i) rule += "─";
  CHECK(sample().render(Style{}) == "编号  指标                   进度        状态\n" + rule +
                                        "\n"
                                        "   4  新增3岁以下婴幼儿托位  ██████░░░░  超序时\n"
                                        "  12  发布精品旅游线路       ██████████  已完成\n");
}

TEST_CASE("a table narrower than its rows drops the optional column, then cuts the widest") {
  // 指标 is 21 columns (ten CJK characters and a digit). Without 进度: 4+2+21+2+6 = 35 fits 36.
  std::string rule35, rule30;
  for (int i = 0; i < 35; ++i) rule35 += "─";
  for (int i = 0; i < 30; ++i) rule30 += "─";
  CHECK(sample().render(Style{false, 36}) == "编号  指标                   状态\n" + rule35 +
                                                 "\n"
                                                 "   4  新增3岁以下婴幼儿托位  超序时\n"
                                                 "  12  发布精品旅游线路       已完成\n");
  // At 30 the 指标 column gives up 5 columns: 16 wide. The longer name is cut with "…"; 发布精品
  // 旅游线路 is 16 columns and stays whole.
  CHECK(sample().render(Style{false, 30}) == "编号  指标              状态\n" + rule30 +
                                                 "\n"
                                                 "   4  新增3岁以下婴幼…  超序时\n"
                                                 "  12  发布精品旅游线路  已完成\n");
  // The last column gives way only when the others are down to 6: 指标 21→10 (10+2+18 = 30).
  TextTable t({"指标", "状态"});
  t.add(std::vector<std::string>{"新增3岁以下婴幼儿托位", "序时推进，预计逾期"});
  std::string fitted = t.render(Style{false, 30});
  CHECK(fitted.find("新增3岁以…  序时推进，预计逾期\n") != std::string::npos);
  // Numbers (right-aligned) are never cut; text columns stop at 6.
  std::string tiny = sample().render(Style{false, 10});
  CHECK(tiny.find("   4  新增3…  超序时\n") != std::string::npos);
}
