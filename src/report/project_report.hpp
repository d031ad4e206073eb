// 具体项目 and the 问题清单: lists with filters, in every format.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "assess/problems.hpp"
#include "report/table.hpp"

namespace minsheng {

struct ProjectFilter {
  std::string unit;                   // lead unit; empty: all
  int county = -1;                    // -1: all
  std::optional<ProjectState> state;  // only this state
  bool late = false;                  // only late ones
  bool keep(const ProjectResult& p) const;
};

std::string projects_table(const MonthReport& rep, const ProjectFilter& f, const Style& style);
std::string projects_markdown(const MonthReport& rep, const ProjectFilter& f);
std::string projects_csv(const MonthReport& rep, const ProjectFilter& f);
std::string projects_json(const MonthReport& rep, const ProjectFilter& f);
extern const std::vector<std::string> kProjectCsvColumns;

// "未开工，计划2024-05完工已过" : why a project is listed as late.
std::string late_reason(const ProjectResult& p, const Settings& s);

struct ProblemFilter {
  enum class Which { all, open, closed } which = Which::all;
  std::string unit;
  bool keep(const Problem& p) const;
};

std::string problems_table(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                           const ProblemFilter& f, const Style& style);
std::string problems_markdown(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                              const ProblemFilter& f);
std::string problems_csv(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                         const ProblemFilter& f);
std::string problems_json(const Plan& plan, const std::vector<Problem>& list, YearMonth as_of,
                          const ProblemFilter& f);
extern const std::vector<std::string> kProblemCsvColumns;

// What a row of the 问题清单 names: "任务27 秭归县人民医院病理科" or "任务14（远安县）".
std::string problem_subject(const Plan& plan, const Problem& p);
// "2个月未更新", for a problem the reports stopped mentioning.
std::string problem_silence_text(const Problem& p, YearMonth as_of);
// 未销号 / 未销号（2个月未更新） / 已销号（2024-05，已解决）.
std::string problem_state_text(const Plan& plan, const Problem& p, YearMonth as_of);

}  // namespace minsheng
