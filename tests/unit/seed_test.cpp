// tasks.yaml against the published text of 宜府办发〔2024〕21号 (tests/data/seed.txt, a copy of
// ../shared/seed): every task's words and lead units, and every figure with its unit of measure.
#include <catch2/catch.hpp>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "io/plan_loader.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

using namespace minsheng;

namespace {

struct SeedTask {
  std::string text;
  std::string leads;
};

std::map<int, SeedTask> seed_tasks() {
  std::ifstream in(std::string(MINSHENG_SOURCE_DIR) + "/tests/data/seed.txt");
  std::stringstream ss;
  ss << in.rdbuf();
  std::map<int, SeedTask> out;
  std::string line;
  static const std::regex task(R"(^(\d+)\.(.*)\(牵头单位:(.*)\)$)");
  while (std::getline(ss, line)) {
    std::string t(trim(line));
    std::smatch m;
    if (std::regex_match(t, m, task)) out[std::stoi(m[1])] = {m[2], m[3]};
  }
  return out;
}

bool contains_any(const std::string& s, std::initializer_list<const char*> words) {
  for (const char* w : words)
    if (s.find(w) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("every task's text and lead units are the seed's, word for word") {
  Plan plan = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  auto seed = seed_tasks();
  REQUIRE(seed.size() == 70);
  REQUIRE(plan.tasks.size() == 70);
  for (const auto& task : plan.tasks) {
    INFO("task " << task.id);
    REQUIRE(seed.count(task.id));
    CHECK(task.text == seed[task.id].text);
    CHECK(join(lead_names(task), "、") == seed[task.id].leads);
  }
}

TEST_CASE("every figure, unit of measure and comparator is in the task's text") {
  Plan plan = load_plan(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  int figures = 0;
  for (const auto& task : plan.tasks)
    for (const auto& t : task.targets) {
      if (t.kind != TargetKind::numeric || t.pending) continue;
      INFO("task " << task.id << " target " << t.index);
      double v = *t.value;
      // Written as in the text: 1680个, or in 万 (3.5万人 for 35000).
      bool plain = task.text.find(format_number(v) + t.measure) != std::string::npos;
      bool wan = task.text.find(format_number(v / 10000) + "万" + t.measure) != std::string::npos;
      CHECK((plain || wan));
      if (t.comparator == Comparator::at_least)
        CHECK(contains_any(task.text, {"以上", "不少于", "不低于", "超"}));
      if (t.comparator == Comparator::about) CHECK(contains_any(task.text, {"左右", "力争"}));
      ++figures;
    }
  CHECK(figures == 53);
}
