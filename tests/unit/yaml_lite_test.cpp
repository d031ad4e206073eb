#include "io/yaml_lite.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "fixtures.hpp"
#include "io/plan_loader.hpp"
#include "util/number.hpp"

using namespace minsheng;

namespace {

std::string nodes(const SchedulePtr& s) {
  return s ? "[" + s->name + ":" + schedule_text(*s) + "]" : "-";
}

// Every field of a plan, as text: two plans are the same when these are.
std::string dump(const Plan& p) {
  std::ostringstream o;
  o << p.title << '|' << p.short_title << '|' << p.document_number << '|' << p.issuer << '|'
    << (p.issued ? p.issued->str() : "") << '|' << p.start.str() << '|' << p.deadline.str() << '|'
    << p.report_to << '|' << p.due_day << '|' << p.reporting_from.str() << '|'
    << p.wording.bulletin_to << '|' << p.wording.report_to << '|' << p.wording.issuer << '\n';
  const Settings& s = p.settings;
  o << s.about_tolerance << ',' << s.behind_pp << ',' << s.seriously_behind_pp << ','
    << s.milestone_not_started_on_track_pct << ',' << s.milestone_not_started_behind_pct << ','
    << s.projection_flag_pct << '\n';
  for (const auto& c : p.categories) o << c.id << ':' << c.name << nodes(c.schedule) << ';';
  for (const auto& [name, sc] : p.schedules) o << name << nodes(sc) << ';';
  for (const auto& u : p.units) o << u << ';';
  for (const auto& [a, u] : p.aliases) o << a << '=' << u << ';';
  for (const auto& m : p.measures) o << m << ';';
  for (const auto& c : p.counties) o << c << ';';
  o << '\n';
  for (const auto& t : p.tasks) {
    o << t.id << ',' << t.category << ',' << t.text << ',' << t.line << ',';
    for (const auto& l : t.leads) o << l.str() << '/';
    for (const auto& g : t.targets)
      o << "\n  " << g.index << ',' << g.name << ',' << g.lead.str() << ','
        << static_cast<int>(g.kind) << ',' << (g.value ? format_number(*g.value) : "-") << ','
        << g.pending << ',' << g.measure << ',' << static_cast<int>(g.comparator) << ','
        << g.baseline << ',' << g.line << ',' << nodes(g.schedule);
    o << '\n';
  }
  return o.str();
}

std::string slurp(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

}  // namespace

TEST_CASE("the fast YAML reader gives the same plan as yaml-cpp for the real and the test plans") {
  std::string real = slurp(std::string(MINSHENG_SOURCE_DIR) + "/tasks.yaml");
  REQUIRE(lite::parse(real));  // the real plan is in the subset: it takes the fast path
  CHECK(dump(parse_plan(real, "tasks.yaml")) == dump(parse_plan_with_yaml_cpp(real, "tasks.yaml")));
  CHECK(dump(parse_plan(test::kPlanYaml, "p.yaml")) ==
        dump(parse_plan_with_yaml_cpp(test::kPlanYaml, "p.yaml")));
  CHECK(dump(test::county_plan()).find("甲县;乙区;丙市;") != std::string::npos);
  // Schedules in block style and flat flow maps, named and a target's own: in the subset too.
  std::string y = test::kPlanYaml;
  y.replace(y.find("categories:\n"), 0,
            "schedules:\n  后置: {2024-06: 20, 2024-10: 100}\n  前置:\n    2024-03: 50\n"
            "    2024-06: 100\n");
  const std::string cat = "{id: 2, name: 类别二}";
  y.replace(y.find(cat), cat.size(), "{id: 2, name: 类别二, schedule: 前置}");
  y.replace(
      y.find("      - {name: 综合体, value: 100, measure: 个, comparator: at_least}"),
      std::string("      - {name: 综合体, value: 100, measure: 个, comparator: at_least}").size(),
      "      - name: 综合体\n        value: 100\n        measure: 个\n"
      "        schedule:\n          2024-04: 30\n          2024-10: 100");
  REQUIRE(lite::parse(y));
  std::string fast = dump(parse_plan(y, "p.yaml"));
  CHECK(fast == dump(parse_plan_with_yaml_cpp(y, "p.yaml")));
  CHECK(fast.find("2:类别二[前置:2024年3月50%、2024年6月100%];") != std::string::npos);
  CHECK(fast.find(",[:2024年4月30%、2024年10月100%]") != std::string::npos);
}

TEST_CASE("the fast YAML reader: values, positions, and what it leaves to yaml-cpp") {
  auto root = lite::parse(
      "a: 1\n"
      "b:   x y  # a comment\n"
      "c:\n"
      "  - {k: v, n: \"2\", m: '3', e: }\n"
      "  - key: 值\n"
      "    other: ~\n"
      "d:\n"
      "- one\n"
      "e: \"%\"\n");
  REQUIRE(root);
  CHECK(root->IsMap());
  CHECK(root->size() == 5);
  CHECK((*root)["a"].Scalar() == "1");
  CHECK((*root)["b"].Scalar() == "x y");
  CHECK((*root)["b"].Mark().line == 1);
  CHECK((*root)["b"].Mark().column == 5);
  auto c = (*root)["c"];
  REQUIRE(c.IsSequence());
  CHECK(c.size() == 2);
  CHECK(c[0].IsMap());
  CHECK(c[0].Mark().column == 4);  // at the "{"
  CHECK(c[0]["n"].Scalar() == "2");
  CHECK(c[0]["m"].Mark().column == 22);  // at the quote
  CHECK(c[0]["e"].IsNull());
  CHECK(c[1]["key"].Scalar() == "值");
  CHECK(c[1].Mark().column == 4);  // a block mapping is where its first key is
  CHECK(c[1]["other"].IsNull());
  CHECK((*root)["d"][0].Scalar() == "one");
  CHECK((*root)["e"].Scalar() == "%");
  CHECK_FALSE((*root)["missing"].IsDefined());
  int keys = 0;
  for (const auto& kv : *root) keys += kv.first.IsScalar();
  CHECK(keys == 5);
  // Outside the subset: yaml-cpp reads these, with its own messages.
  for (const char* y : {"a: &x 1\nb: *x\n", "a: |\n  text\n", "a: [1 #\n  2]\n", "a: \"q\\n\"\n",
                        "a: b: c\n", "a: plain\n  continued\n", "---\na: 1\n", "a: 1\na: 2\n",
                        "a:\n\t- 1\n", "a: 'it''s'\n", "a: !tag x\n", "? complex\n: key\n",
                        // a collection inside a flow collection: the plan never nests them
                        "a: {k: [1, 2]}\n", "a: [[1]]\n", "- {s: {2024-06: 50}}\n"})
    CHECK_FALSE(lite::parse(y));
  // Deep nesting is left to yaml-cpp's guard (which refuses it with a message), not recursed into.
  CHECK_FALSE(lite::parse("a: " + std::string(100000, '[')));
  std::string deep;
  for (int i = 0; i < 40; ++i) deep += std::string(static_cast<std::size_t>(2 * i), ' ') + "k:\n";
  CHECK_FALSE(lite::parse(deep));
  // A flow list may go on over several lines, with comments (as tasks.yaml's counties do).
  auto multi = lite::parse("a: [x, y,  # two\n     z]\nb: 1\n");
  REQUIRE(multi);
  CHECK((*multi)["a"].size() == 3);
  CHECK((*multi)["a"][2].Mark().line == 1);
  CHECK((*multi)["a"][2].Mark().column == 5);
  CHECK((*multi)["b"].Scalar() == "1");
  // A plan that needs yaml-cpp still loads, the same way.
  std::string anchored = test::kPlanYaml;
  anchored.replace(anchored.find("title: 测试计划"), std::string("title: 测试计划").size(),
                   "title: |\n    测试计划");
  CHECK(parse_plan(anchored, "p.yaml").title == "测试计划\n");
}
