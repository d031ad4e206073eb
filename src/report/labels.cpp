#include "report/labels.hpp"

#include <cmath>

#include "util/number.hpp"

namespace minsheng {

std::string chinese_numeral(int n) {
  static const char* digits[] = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (n < 0 || n >= 100) return std::to_string(n);
  if (n < 10) return digits[n];
  std::string s = n / 10 == 1 ? "" : digits[n / 10];
  s += "十";
  if (n % 10) s += digits[n % 10];
  return s;
}

namespace {
// 两个月, never 二个月, before a measure word.
std::string months_text(int n) {
  return (n == 2 ? std::string("两") : chinese_numeral(n)) + "个月";
}
}  // namespace

std::string pace_window_text(const Settings& s) {
  return "近" + months_text(s.pace_window_months);
}

std::string long_open_text(const Settings& s) {
  return months_text(s.long_open_months) + "以上";
}

std::string not_started_late_text(const Settings& s) {
  if (s.project_not_started_pct == 50) return "过半";
  return "超过" + format_number(s.project_not_started_pct) + "%";
}

std::string category_heading(const Plan& plan, int id) {
  const Category* c = plan.find_category(id);
  return "（" + chinese_numeral(id) + "）" + (c ? c->name : "");
}

std::string with_measure(std::optional<double> v, const std::string& measure) {
  if (!v) return "—";
  return format_human(*v) + measure;
}

std::string increment_text(std::optional<double> v, const std::string& measure) {
  if (!v) return "—";
  if (measure == "%") return format_human(*round1(*v)) + "个百分点";
  double x = is_discrete_measure(measure) ? std::ceil(*v - kEps) : *round1(*v);
  return format_human(x) + measure;
}

std::string time_text(const TargetResult& r) {
  if (!r.schedule) return pct_text(r.time_pct);
  return pct_text(r.time_pct) + "（" + time_basis(true).label + "）";
}

std::string by_nodes_text(const MonthReport& rep) {
  if (!rep.by_nodes) return {};
  return "；" + std::to_string(rep.by_nodes) + " 个指标" + time_basis(true).label;
}

std::string pct_text(std::optional<double> v) {
  return v ? format_pct(*v) + "%" : "—";
}

std::string counts_phrase(const std::map<Status, int>& counts, bool at_deadline, bool spaced) {
  std::string s, gap = spaced ? " " : "";
  for (Status st : kHeadlineOrder) {
    auto it = counts.find(st);
    if (it == counts.end() || it->second == 0) continue;
    if (!s.empty()) s += "、";
    s += std::string(status_label(st, at_deadline)) + gap + std::to_string(it->second) + gap + "项";
  }
  return s;
}

std::string headline(const std::map<Status, int>& counts, std::size_t total, bool at_deadline) {
  return std::to_string(total) + "项任务：" + counts_phrase(counts, at_deadline);
}

std::string target_id(const TargetResult& r) {
  return r.task->number_of(*r.target);
}

std::string target_name(const TargetResult& r) {
  return r.target->name.empty() ? r.task->text : r.target->name;
}

std::string figure_text(double value, const std::string& measure, Comparator c) {
  return format_human(value) + measure + comparator_suffix(c);
}

std::string goal_text(const TargetResult& r) {
  if (r.target->kind == TargetKind::milestone) return r.actual ? "100%" : "里程碑";
  if (!r.target_value) return "待定";
  return figure_text(*r.target_value, r.measure, r.target->comparator);
}

std::optional<double> round1(const std::optional<double>& v) {
  if (!v) return v;
  return round_to(*v, 1);
}

std::string opt_num(const std::optional<double>& v) {
  return v ? format_number(*v) : "";
}

std::string opt_pct(const std::optional<double>& v) {
  return v ? format_pct(*v) : "";
}

std::string opt_month(const std::optional<YearMonth>& m) {
  return m ? m->str() : "";
}

std::string carried_text(const TargetResult& r) {
  return r.carried && r.value_month ? "沿用" + r.value_month->str() + "数据" : "";
}

std::string status_text(const TargetResult& r) {
  std::string s = result_label(r);
  if (r.state && !r.actual && !is_done(r.status))
    s += "（" + std::string(milestone_label(*r.state)) + "）";
  if (r.projected_late && r.status != Status::overdue) s += "，预计逾期";
  return s;
}

const char* point_label(const HistoryPoint& p) {
  return p.reached_by_tolerance ? "基本完成" : status_label(p.status, p.at_deadline);
}

std::string change_text(const StatusChange& c) {
  return std::to_string(c.month.month) + "月 " + status_label(c.from, c.from_at_deadline) + "→" +
         status_label(c.to, c.to_at_deadline);
}

std::string cutoff_text(const MonthReport& rep) {
  if (rep.partial_as_of) return rep.partial_as_of->chinese() + "（本月尚未结束）";
  if (rep.no_files) return rep.month.chinese() + "底（本月尚无进度文件，全部沿用此前数据）";
  return rep.month.chinese() + "底";
}

std::string carried_mark(const TargetResult& r) {
  if (!r.carried || !r.value_month) return "";
  return "（沿用" + std::to_string(r.value_month->month) + "月）";
}

std::string corrected_mark(const std::optional<double>& was, const std::string& measure) {
  return was ? "（已更正，原 " + with_measure(was, measure) + "）" : "";
}

std::string corrected_mark(const TargetResult& r) {
  return corrected_mark(r.corrected_from, r.measure);
}

const char* move_label(const FinishMove& m) {
  return m.postponed() ? "延期" : "提前";
}

const char* move_code(const FinishMove& m) {
  return m.postponed() ? "postponed" : "advanced";
}

}  // namespace minsheng
