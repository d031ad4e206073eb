// A small plan for tests: a 10-month period (2024-01 to 2024-10) so that time progress is
// a round 10% a month and every boundary can be worked out by hand.
#pragma once
#include <string>
#include <vector>

#include "io/plan_loader.hpp"
#include "model/diagnostic.hpp"

namespace minsheng::test {

inline const std::string kPlanYaml = R"(plan:
  title: 测试计划
  short_title: 测试市2024年民生项目
  start: 2024-01
  deadline: 2024-10-31
  reporting: {to: 市发改委, due_day: 3}
measures: [个, 人, "%"]
units: [市民政局, 市住建局, 市农业农村局, 市委组织部]
categories:
  - {id: 1, name: 类别一}
  - {id: 2, name: 类别二}
tasks:
  - id: 1
    category: 1
    lead: 市民政局
    text: 新建社区养老服务综合体100个以上。
    targets:
      - {name: 综合体, value: 100, measure: 个, comparator: at_least}
  - id: 2
    category: 1
    lead: 市民政局
    text: 覆盖率达到50%左右。
    targets:
      - {name: 覆盖率, value: 50, measure: "%", comparator: about}
  - id: 3
    category: 2
    lead: 市住建局
    text: 推进物业服务提质。
  - id: 4
    category: 2
    lead: [市农业农村局, 市委组织部]
    text: 培训农民3000人，培训村干部100人左右。
    targets:
      - {name: 农民, lead: 市农业农村局, value: 3000, measure: 人}
      - {name: 村干部, lead: 市委组织部, value: 100, measure: 人, comparator: about}
  - id: 5
    category: 2
    lead: 市民政局
    text: 完成省下达年度任务。
    targets:
      - {name: 省下达, value: pending, measure: 人, comparator: at_least}
  - id: 6
    category: 2
    lead: 市住建局
    text: 改造到250个（原有50个）。
    targets:
      - {name: 改造, value: 250, baseline: 50, measure: 个}
)";

// The fixture plan, parsed once.
inline const Plan& plan() {
  static const Plan p = parse_plan(kPlanYaml, "p.yaml");
  return p;
}

// The fixture plan with three 县市区, for the county dimension.
inline const Plan& county_plan() {
  static const Plan p = [] {
    std::string y = kPlanYaml;
    y.replace(y.find("categories:"), 0, "counties: [甲县, 乙区, 丙市]\n");
    return parse_plan(y, "p.yaml");
  }();
  return p;
}

// Each diagnostic as printed, in order.
inline std::vector<std::string> strs(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& i : d.items()) out.push_back(i.str());
  return out;
}

}  // namespace minsheng::test
