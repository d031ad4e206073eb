// minsheng site: the whole folder, deterministic, replaced as one. The browser checks (links,
// layout at 390 px, console, charts) are in tests/browser/site_check.py.
#include <catch2/catch.hpp>
#include <filesystem>
#include <map>

#include "harness.hpp"

using namespace minsheng::e2e;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::string> read_site(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    out[e.path().filename().string()] = slurp(e.path());
  return out;
}

}  // namespace

TEST_CASE("site writes a page per category, unit, 县市区 and task, byte-identical on re-run") {
  Sandbox s;
  Run r = run("--data demo/reports site --month 2024-06 -o out", s.dir());
  REQUIRE(r.rc == 0);
  auto first = read_site(s.dir() / "out");
  // 1 index + 10 categories + 22 lead units + 14 县市区 + 70 tasks, the one stylesheet they
  // share, and the marker that lets a later run replace this folder.
  CHECK(first.size() == 1 + 10 + 22 + 14 + 70 + 1 + 1);
  CHECK(r.err.find("等 117 个页面") != std::string::npos);
  CHECK(first.count(".minsheng-site") == 1);
  CHECK(first.count("index.html") == 1);
  // Investment beside physical completion (figures worked out in investment_cli_test).
  CHECK(first["index.html"].find("5 项任务填报了投资：计划投资 4.3亿元，累计完成投资 1.32亿元，"
                                 "投资完成率 30.7%") != std::string::npos);
  CHECK(first.count("task-70.html") == 1);
  CHECK(first.count("county-14.html") == 1);
  // No asset from anywhere else, no script needed to read it; the styles once, in style.css.
  REQUIRE(first.count("style.css") == 1);
  CHECK(first["style.css"].find("table.cards") != std::string::npos);
  for (const auto& [name, html] : first) {
    INFO(name);
    if (name == ".minsheng-site" || name == "style.css") continue;
    CHECK(html.find("<link rel=\"stylesheet\" href=\"style.css\">") != std::string::npos);
    CHECK(html.find("<style") == std::string::npos);
    CHECK(html.find("http://") == html.find("http://www.w3.org/2000/svg"));
    CHECK(html.find("https://") == std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
  }
  // The task page carries what the leaders ask about: the line, the values and their sources,
  // the projects, the problems and the status history.
  const std::string& t39 = first["task-39.html"];
  CHECK(t39.find("class=\"chart target-chart\"") != std::string::npos);
  CHECK(t39.find("<td>2024-04</td><td>3个</td><td>20.0%</td><td>滞后</td>") != std::string::npos);
  CHECK(t39.find("点军区全民健身中心") != std::string::npos);
  CHECK(t39.find("39-202404-点军区全民健身中心") != std::string::npos);
  CHECK(first["index.html"].find("id=\"trend-chart\"") != std::string::npos);
  REQUIRE(run("--data demo/reports site --month 2024-06 -o out", s.dir()).rc == 0);
  CHECK(read_site(s.dir() / "out") == first);
  // Pages are rendered and written on every core: one thread gives the same bytes.
  REQUIRE(run("--jobs 1 --data demo/reports site --month 2024-06 -o one", s.dir()).rc == 0);
  CHECK(read_site(s.dir() / "one") == first);
}

TEST_CASE("site replaces the old folder as a whole, and a failed run leaves it as it was") {
  Sandbox s;
  REQUIRE(run("--data demo/reports site --month 2024-05 --write", s.dir()).rc == 0);
  fs::path site = s.data() / "site";
  auto may = read_site(site);
  CHECK(may["index.html"].find("2024年5月") != std::string::npos);
  // Killed mid-way by the file size limit: the May site stays whole.
  Run killed =
      run("--data demo/reports site --month 2024-06 --write", s.dir(), "prlimit --fsize=20000");
  CHECK(killed.rc != 0);
  CHECK(read_site(site) == may);
  // A page that no longer exists goes with the old site; the dead run's half-written folder
  // (unlocked now) goes with the next write.
  s.write("demo/reports/site/stale.html", "old");
  REQUIRE(run("--data demo/reports site --month 2024-06 --write", s.dir()).rc == 0);
  for (const auto& e : fs::directory_iterator(s.data()))
    CHECK(e.path().filename().string().find("minsheng-tmp") == std::string::npos);
  auto june = read_site(site);
  CHECK(june.count("stale.html") == 0);
  CHECK(june["index.html"].find("2024年6月") != std::string::npos);
  CHECK(run("--data demo/reports site --month 2024-06", s.dir()).rc == 2);  // where to?
}

TEST_CASE("on a phone: sources fold into 数据来源, the county list is cards, charts fit") {
  Sandbox s;
  REQUIRE(run("--data demo/reports site --month 2024-06 -o site", s.dir()).rc == 0);
  std::string task = slurp(s.dir() / "site/task-4.html");
  CHECK(task.find("<th>来源</th>") == std::string::npos);
  CHECK(task.find("<details class=\"sources\"><summary>数据来源</summary><ul><li>2024-04：demo/"
                  "reports/2024-04/submissions/市卫健委.csv:") != std::string::npos);
  CHECK(task.find("viewBox=\"0 0 400 220\"") != std::string::npos);
  std::string county = slurp(s.dir() / "site/county-01.html");
  CHECK(county.find("<table class=\"cards\">") != std::string::npos);
  CHECK(county.find("<td class=\"name\">新增3岁以下婴幼儿托位") != std::string::npos);
  // Sparklines dot their months with one marker a page, not a circle a month.
  std::string category = slurp(s.dir() / "site/category-1.html");
  REQUIRE(category.find("<svg class=\"spark\"") != std::string::npos);
  auto at = category.find("id=\"spark-dot\"");
  CHECK(at != std::string::npos);
  CHECK(category.find("id=\"spark-dot\"", at + 1) == std::string::npos);
  CHECK(category.find("<svg class=\"marks\"") < category.find("<svg class=\"spark\""));
  CHECK(county.find("spark-dot") == std::string::npos);  // no sparkline, no marker
  // A target chart's months likewise, with one marker of their own, before the first chart.
  auto dot = task.find("id=\"chart-dot\"");
  CHECK(dot != std::string::npos);
  CHECK(task.find("id=\"chart-dot\"", dot + 1) == std::string::npos);
  CHECK(dot < task.find("<svg class=\"chart target-chart\""));
  CHECK(county.find("chart-dot") == std::string::npos);
}

TEST_CASE(
    "site --public: a page per category in plain words, nothing internal, every page linked") {
  Sandbox s;
  Run r = run("--data demo/reports site --month 2024-06 --public -o pub", s.dir());
  REQUIRE(r.rc == 0);
  CHECK(r.err.find("等 11 个页面（公开版）") != std::string::npos);
  auto site = read_site(s.dir() / "pub");
  // index, 10 categories, the stylesheet and the marker.
  CHECK(site.size() == 1 + 10 + 1 + 1);
  // June 2024 as the public bulletin tells it: 70 tasks, 13 done, 61.0% on average; the 8 滞后
  // and 1 严重滞后 tasks read 「正在加快推进」, each once, on its category's page.
  const std::string& index = site["index.html"];
  CHECK(index.find("确定的70项民生实事，已完成13项，其余57项正在推进，数值指标平均完成61.0%。") !=
        std::string::npos);
  CHECK(index.find("数据截至2024年6月底") != std::string::npos);
  CHECK(index.find("<svg") != std::string::npos);
  std::size_t speeding = 0;
  for (const auto& [name, html] : site)
    for (auto at = html.find("正在加快推进"); at != std::string::npos;
         at = html.find("正在加快推进", at + 1))
      ++speeding;
  CHECK(speeding == 9);
  CHECK(site["category-1.html"].find("数值指标平均完成58.5%") != std::string::npos);
  CHECK(site["category-8.html"].find("新改建农村公路：目标1000公里，累计完成200公里，完成20.0%") !=
        std::string::npos);
  // Every category page is linked from the index, and links back.
  for (int c = 1; c <= 10; ++c) {
    std::string page = "category-" + std::to_string(c) + ".html";
    INFO(page);
    CHECK(site.count(page) == 1);
    CHECK(index.find("href=\"" + page + "\"") != std::string::npos);
    CHECK(site[page].find("href=\"index.html\"") != std::string::npos);
  }
  // No problems, words of units, sources, file names, standings, investment owed, nor the
  // internal statuses, on any page.
  for (const auto& [name, html] : site) {
    if (name == ".minsheng-site") continue;
    for (const char* internal :
         {"存在问题",         "下步计划", "问题清单", "限期解决",     "滞后",
          "预计逾期",         "逾期",     "序时",     "排名",         "未报送",
          "未填报",           "数据有误", "目标待定", "超序时",       "来源",
          "demo/reports",     ".csv",     ".yaml",    "牵头",         "报送",
          "县市区",           "市民政局", "市卫健委", "市交通运输局", "团市委",
          "汛期影响施工进度", "投资",     "unit-",    "task-",        "county-"}) {
      INFO(name << ": " << internal);
      CHECK(html.find(internal) == std::string::npos);
    }
  }
  // Byte-identical on re-run; --write puts it in DATA/site_public/, beside the internal site.
  REQUIRE(run("--data demo/reports site --month 2024-06 --public -o pub", s.dir()).rc == 0);
  CHECK(read_site(s.dir() / "pub") == site);
  // A run that fails on bad data leaves the public site as it was.
  s.write("demo/reports/2024-06/submissions/市民政局.csv", "任务编号,累计完成\n14,九百\n");
  CHECK(run("--data demo/reports site --month 2024-06 --public -o pub", s.dir()).rc == 1);
  CHECK(read_site(s.dir() / "pub") == site);
  fs::remove(s.data() / "2024-06/submissions/市民政局.csv");
  REQUIRE(run("--data demo/reports site --month 2024-06 --public --write", s.dir()).rc == 0);
  CHECK(fs::exists(s.data() / "site_public/index.html"));
  CHECK_FALSE(fs::exists(s.data() / "site"));
}
