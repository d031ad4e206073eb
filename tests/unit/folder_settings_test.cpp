#include "io/folder_settings.hpp"

#include <catch2/catch.hpp>

#include "model/diagnostic.hpp"

using namespace minsheng;

TEST_CASE("minsheng.yaml's paths are taken relative to its own folder") {
  FolderSettings s = parse_folder_settings("plan: ../tasks.yaml\nreceived: 收文登记.csv\n",
                                           "/srv/minsheng/reports/minsheng.yaml");
  CHECK(s.plan == "/srv/minsheng/tasks.yaml");
  CHECK(s.received == "/srv/minsheng/reports/收文登记.csv");
  CHECK(s.data.empty());
  // In the current folder (as minsheng reads it), a relative path stays relative.
  CHECK(parse_folder_settings("plan: ../tasks.yaml\n", "minsheng.yaml").plan == "../tasks.yaml");
  CHECK(parse_folder_settings("data: /data/2024\n", "minsheng.yaml").data == "/data/2024");
  CHECK(parse_folder_settings("", "minsheng.yaml").plan.empty());
}

TEST_CASE("every mistake in minsheng.yaml is named at once, with the nearest key") {
  try {
    parse_folder_settings("plan: ../tasks.yaml\ndate: x\nreceived: [a, b]\n", "minsheng.yaml");
    FAIL("no error");
  } catch (const DataError& e) {
    const auto& items = e.diagnostics().items();
    REQUIRE(items.size() == 2);
    CHECK(
        items[0].str() ==
        "minsheng.yaml:2:1: 错误: 未知设置“date”（是否应为“data”？）；可用：plan、data、received");
    CHECK(items[1].str() == "minsheng.yaml:3:11: 错误: received 应为一个路径");
  }
  CHECK_THROWS_AS(parse_folder_settings("plan: [\n", "minsheng.yaml"), DataError);
  CHECK_THROWS_AS(parse_folder_settings("- a\n", "minsheng.yaml"), DataError);
}
