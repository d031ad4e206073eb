#include <algorithm>
#include <catch2/catch.hpp>

#include "harness.hpp"

using namespace minsheng::e2e;

TEST_CASE("history --format csv has every (month, target) row, checked by hand for three targets") {
  Run r = run("--data demo/reports history --to 2024-06 --format csv");
  REQUIRE(r.rc == 0);
  // corrected_from is empty (no figure was set right); time_basis is linear, as none of the
  // three has nodes.
  // Reporting starts in April (reporting.from): April, May and June for 73 targets.
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 1 + 3 * 73);
  auto has = [&](const std::string& row) {
    INFO(row);
    CHECK(r.out.find("\r\n" + row + "\r\n") != std::string::npos);
  };
  // Task 66 (4000): April 1200, May 1500, June 1450; time 4/11, 5/11, 6/11.
  has("2024-04,66,1,市城管委,更换改造存在安全隐患的井盖,1200,2024-04,30.0,36.4,6.4,on_track,,"
      "linear");
  has("2024-05,66,1,市城管委,更换改造存在安全隐患的井盖,1500,2024-05,37.5,45.5,8.0,on_track,,"
      "linear");
  has("2024-06,66,1,市城管委,更换改造存在安全隐患的井盖,1450,2024-06,36.3,54.5,18.3,behind,,"
      "linear");
  // Task 33 (3 hospitals): 0, 1, 1 — 36.4 points behind in April (严重滞后), then 滞后.
  has("2024-04,33,1,市卫健委,新增县级三级医院,0,2024-04,0.0,36.4,36.4,seriously_behind,,linear");
  has("2024-05,33,1,市卫健委,新增县级三级医院,1,2024-05,33.3,45.5,12.1,behind,,linear");
  has("2024-06,33,1,市卫健委,新增县级三级医院,1,2024-06,33.3,54.5,21.2,behind,,linear");
  // Task 57: nothing in June, May's 450 carried with its month.
  has("2024-06,57,1,市乡村振兴局,提档升级村级寄递物流服务站点,450,2024-05,45.0,54.5,9.5,on_track,,"
      "linear");
  // Task 54 (1000 公里) follows its 分解方案's nodes: 20% by June, 200 done, on pace.
  has("2024-06,54,1,市交通运输局,新改建农村公路,200,2024-06,20.0,20.0,0.0,on_track,,nodes");
}

TEST_CASE("history shows sparklines and status changes, and --changes lists them worst first") {
  Run t = run("--data demo/reports history --to 2024-06 --task 33 --format md");
  REQUIRE(t.rc == 0);
  // 0%, 33%, 33%: the lowest bar, then 33.3 × 7 / 100 = 2.3 → the third.
  CHECK(t.out.find("| 33 | 新增县级三级医院 | 市卫健委 | ▁▃▃ | 滞后 | 5月 严重滞后→滞后 |") !=
        std::string::npos);
  Run c = run("--data demo/reports history --to 2024-06 --changes --format csv");
  REQUIRE(c.rc == 0);
  // The first change is the worst new status: 34 became 严重滞后 in June. Task 54, 严重滞后 in
  // May on the straight line, keeps pace with its 分解方案's nodes (5%、20% … by 3月、6月 …).
  CHECK(c.out.find("month,task,target,lead,from,to,kind,project\r\n2024-06,34,1,市卫健委,behind,"
                   "seriously_behind,status,\r\n") != std::string::npos);
  CHECK(c.out.find(",54,1,") == std::string::npos);
  CHECK(c.out.find("2024-06,66,1,市城管委,on_track,behind,status,\r\n") != std::string::npos);
  CHECK(run("--data demo/reports history --task 99").rc == 2);
  CHECK(run("--data demo/reports history --unit 市城管委 --format csv").out.find(",市城管委,") !=
        std::string::npos);
}

TEST_CASE("the monthly summary says which targets fell behind and which recovered") {
  Run md = run("--data demo/reports summary --month 2024-06 --format md");
  CHECK(md.out.find("与上月相比，4 项指标转为滞后或严重滞后，1 项恢复：") != std::string::npos);
  // Task 30 on its nodes: May 20 + 50 × 2/3 = 53.3 − 44.0 = 9.3 序时推进, June 70 − 54 = 16 滞后.
  CHECK(md.out.find("| 30 | 适龄妇女“两癌”免费筛查 | 市妇联 | 序时推进 | 滞后 |") !=
        std::string::npos);
  CHECK(md.out.find("| 66 | 更换改造存在安全隐患的井盖 | 市城管委 | 序时推进 | 滞后 |") !=
        std::string::npos);
  CHECK(md.out.find("| 41 | 文化广场提档升级 | 市文旅局 | 滞后 | 序时推进 |") != std::string::npos);
}
