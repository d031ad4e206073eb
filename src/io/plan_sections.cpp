#include "io/plan_sections.hpp"

namespace minsheng::plan_detail {

template <class N>
void Loader<N>::load_meta(const N& root, Plan& plan) {
  N meta = require(root, "plan", "计划文件：");
  if (!meta.IsDefined() || !is_map(meta, "plan ", root)) return;
  check_keys(meta,
             {"title", "short_title", "city", "document_number", "issuer", "issued", "start",
              "deadline", "reporting", "wording"},
             "plan：");
  if (auto s = scalar(require(meta, "title", "plan："), "title")) plan.title = *s;
  plan.short_title = scalar(meta["short_title"], "short_title").value_or(plan.title);
  plan.city = scalar(meta["city"], "city").value_or(city_of_title(plan.short_title));
  plan.document_number = scalar(meta["document_number"], "document_number").value_or("");
  plan.issuer = scalar(meta["issuer"], "issuer").value_or("");
  if (auto s = scalar(meta["issued"], "issued")) {
    plan.issued = Date::parse(*s);
    if (!plan.issued)
      error(meta["issued"], "issued 应为日期（YYYY-MM-DD），实际为" + quote_value(*s));
  }
  N start = require(meta, "start", "plan：");
  if (auto s = scalar(start, "start")) {
    if (auto m = YearMonth::parse(*s))
      plan.start = *m;
    else
      error(start, "start 应为年月（YYYY-MM），实际为" + quote_value(*s));
  }
  N deadline = require(meta, "deadline", "plan：");
  if (auto s = scalar(deadline, "deadline")) {
    if (auto d = Date::parse(*s))
      plan.deadline = *d;
    else
      error(deadline, "deadline 应为日期（YYYY-MM-DD），实际为" + quote_value(*s));
  }
  if (plan.start.year && plan.deadline.year && plan.deadline.year_month() < plan.start)
    error(deadline, "deadline 早于 start");
  N words = meta["wording"];
  if (words.IsDefined() && is_map(words, "wording ", meta)) {
    check_keys(words, {"bulletin_to", "report_to", "issuer"}, "wording：");
    plan.wording.bulletin_to = scalar(words["bulletin_to"], "bulletin_to").value_or("");
    plan.wording.report_to = scalar(words["report_to"], "report_to").value_or("");
    plan.wording.issuer = scalar(words["issuer"], "issuer").value_or("");
  }
  N rep = meta["reporting"];
  if (rep.IsDefined() && is_map(rep, "reporting ", meta)) {
    check_keys(rep, {"to", "due_day", "from"}, "reporting：");
    plan.report_to = scalar(rep["to"], "to").value_or("");
    if (auto s = scalar(rep["from"], "from")) {
      if (auto m = YearMonth::parse_exact(*s)) {
        plan.reporting_from = *m;
        if (plan.start.year && *m < plan.start)
          error(rep["from"], "reporting.from（" + m->str() + "）早于计划开始月份 start（" +
                                 plan.start.str() + "）");
      } else
        error(rep["from"], "from 应为年月（YYYY-MM），实际为" + quote_value(*s));
    }
    if (rep["due_day"].IsDefined()) {
      if (auto d = integer(rep["due_day"], "due_day")) {
        if (*d < 1 || *d > 28)
          error(rep["due_day"], "due_day 应在 1 到 28 之间");
        else
          plan.due_day = *d;
      }
    }
  }
}

void default_reporting_from(Plan& plan) {
  if (plan.reporting_from.year) return;
  plan.reporting_from = plan.issued ? std::max(plan.issued->year_month(), plan.start) : plan.start;
}

template <class N>
void Loader<N>::load_settings(const N& root, Plan& plan) {
  N s = root["settings"];
  if (!s.IsDefined()) return;
  if (!is_map(s, "settings ", root)) return;
  check_keys(
      s,
      {"about_tolerance", "behind_pp", "seriously_behind_pp", "milestone_not_started_on_track_pct",
       "milestone_not_started_behind_pct", "projection_flag_pct", "problem_stale_months",
       "form_project_rows", "pace_window_months", "long_open_months", "project_not_started_pct",
       "bulletin_list_limit", "investment_gap_pp"},
      "settings：");
  auto set = [&](const char* key, double& field) {
    if (s[key].IsDefined())
      if (auto v = number(s[key], key)) field = *v;
  };
  Settings& st = plan.settings;
  set("about_tolerance", st.about_tolerance);
  set("behind_pp", st.behind_pp);
  set("seriously_behind_pp", st.seriously_behind_pp);
  set("milestone_not_started_on_track_pct", st.milestone_not_started_on_track_pct);
  set("milestone_not_started_behind_pct", st.milestone_not_started_behind_pct);
  set("projection_flag_pct", st.projection_flag_pct);
  set("project_not_started_pct", st.project_not_started_pct);
  set("investment_gap_pp", st.investment_gap_pp);
  // A whole number within [lo, hi]; `what` names what it counts.
  auto whole = [&](const char* key, int& field, int lo, int hi, const char* what) {
    double v = field;
    set(key, v);
    if (v < lo || v > hi || v != static_cast<int>(v))
      error(s[key], std::string(key) + " 应为 " + std::to_string(lo) + " 到 " + std::to_string(hi) +
                        " 的整数（" + what + "）");
    else
      field = static_cast<int>(v);
  };
  whole("problem_stale_months", st.problem_stale_months, 1, 24, "月数");
  whole("form_project_rows", st.form_project_rows, 0, 50, "行数");
  whole("pace_window_months", st.pace_window_months, 1, 12, "月数");
  whole("long_open_months", st.long_open_months, 1, 24, "月数");
  whole("bulletin_list_limit", st.bulletin_list_limit, 1, 100000, "条数");
  if (st.project_not_started_pct < 0 || st.project_not_started_pct > 100)
    error(s["project_not_started_pct"], "project_not_started_pct 应在 0 到 100 之间");
  if (st.investment_gap_pp < 0 || st.investment_gap_pp > 100)
    error(s["investment_gap_pp"], "investment_gap_pp 应在 0 到 100 之间");
  if (st.projection_flag_pct <= 0 || st.projection_flag_pct > 100)
    error(s["projection_flag_pct"], "projection_flag_pct 应大于 0 且不超过 100");
  if (st.about_tolerance < 0 || st.about_tolerance >= 1)
    error(s["about_tolerance"], "about_tolerance 应在 0 到 1 之间");
  if (st.behind_pp > st.seriously_behind_pp) error(s, "behind_pp 不能大于 seriously_behind_pp");
}

// A schedule's nodes ({2024-03: 20, …, 2024-11: 100}), or the name of one in `schedules:`.
template <class N>
SchedulePtr Loader<N>::load_schedule(const N& node, const Plan& plan, const std::string& what) {
  if (!node.IsDefined() || node.IsNull()) return nullptr;
  if (node.IsScalar()) {
    if (auto it = plan.schedules.find(node.Scalar()); it != plan.schedules.end()) return it->second;
    std::vector<std::string> names;
    for (const auto& [name, s] : plan.schedules) names.push_back(name);
    error(node, what + "未知节点计划" + quote_value(node.Scalar()) +
                    did_you_mean(node.Scalar(), names) + "；请先在 schedules 中定义");
    return nullptr;
  }
  if (!is_map(node, what + "schedule ", node)) return nullptr;
  auto s = std::make_shared<Schedule>();
  std::map<YearMonth, N> keys;  // where each node is written, for a message about it
  for (const auto& kv : node) {
    auto month = YearMonth::parse_exact(kv.first.template as<std::string>(""));
    std::string pct = scalar(kv.second, "schedule").value_or("");
    if (!pct.empty() && pct.back() == '%') pct.pop_back();
    auto v = parse_decimal(pct);
    if (!month || !v) {
      error(kv.first, what + "节点应写作“YYYY-MM: 累计进度%”，如 2024-06: 50");
      return nullptr;
    }
    s->nodes.push_back({*month, *v});
    keys.emplace(*month, kv.first);
  }
  if (auto problem = schedule_problem(s->nodes, plan.start, plan.deadline_month());
      !problem.empty()) {
    error(problem.at ? keys.at(*problem.at) : node, what + problem.text);
    return nullptr;
  }
  return s;
}

template class Loader<YAML::Node>;
template class Loader<lite::Node>;

}  // namespace minsheng::plan_detail
