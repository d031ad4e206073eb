// Wording shared by every human-facing renderer.
#pragma once
#include <map>
#include <optional>
#include <string>

#include "assess/assessment.hpp"
#include "assess/history.hpp"
#include "report/table.hpp"

namespace minsheng {

std::string chinese_numeral(int n);  // 1 → 一, 10 → 十, 12 → 十二
// The plan's settings in words, so no sentence restates a constant.
std::string pace_window_text(const Settings& s);         // 近三个月
std::string long_open_text(const Settings& s);           // 三个月以上
std::string not_started_late_text(const Settings& s);    // 过半 (50), 超过60%: of 序时进度
std::string category_heading(const Plan& plan, int id);  // （一）着力实现幼有善育
std::string with_measure(std::optional<double> v, const std::string& measure);  // "1100个", "96%"
std::string pct_text(std::optional<double> v);
// A target's own 序时进度: "50.0%", and "50.0%（按节点计划）" where a schedule sets it.
std::string time_text(const TargetResult& r);
// After the plan's 序时进度 in a report's opening line: "；12 个指标按节点计划", or empty.
std::string by_nodes_text(const MonthReport& rep);
// An amount still to add or added per month: rounded up for things counted whole (13个, never
// 12.5个), 个百分点 for % targets, 万 from 10,000 up.
std::string increment_text(std::optional<double> v, const std::string& measure);  // "54.5%" or "—"
// "已完成 3 项、超序时 20 项、…" — statuses with a count, best news first; `spaced` false gives
// the running-text form of a 通报, "已完成3项、超序时20项".
std::string counts_phrase(const std::map<Status, int>& counts, bool at_deadline,
                          bool spaced = true);
// "70项任务：已完成 3 项、超序时 20 项、…"
std::string headline(const std::map<Status, int>& counts, std::size_t total, bool at_deadline);

// "48.2" for the second target of a task with several, "4" otherwise.
std::string target_id(const TargetResult& r);
// The target's short name, or its task's text for a milestone without one.
std::string target_name(const TargetResult& r);
// "1680个以上": a figure as the plan writes it.
std::string figure_text(double value, const std::string& measure, Comparator c);
// The goal column: the figure, "待定", "里程碑", or "100%" for a milestone reported in percent.
std::string goal_text(const TargetResult& r);

// Derived rates and shares are shown to one decimal; more would be false precision.
std::optional<double> round1(const std::optional<double>& v);
// Cells of machine-read files: empty when absent.
std::string opt_num(const std::optional<double>& v);
std::string opt_pct(const std::optional<double>& v);
std::string opt_month(const std::optional<YearMonth>& m);
// "沿用2024-05数据" when the value is carried, else empty.
std::string carried_text(const TargetResult& r);
// The short status text a person reads: "推进中" for a milestone, else the label, plus 预计逾期.
std::string status_text(const TargetResult& r);

// A month of a target's history as a person reads it: 基本完成, 未完成 in the deadline month.
const char* point_label(const HistoryPoint& p);
// A moved 计划完工: 延期 / 提前, and its code postponed / advanced.
const char* move_label(const FinishMove& m);
const char* move_code(const FinishMove& m);
// "11月 序时推进→未完成".
std::string change_text(const StatusChange& c);

// What the data covers: "2024年6月底", or "2024年11月20日（本月尚未结束）" for a month asked
// about before it ended.
std::string cutoff_text(const MonthReport& rep);

// "（沿用5月）" after a figure carried from an earlier month, else nothing: every table that
// shows a carried value says so.
std::string carried_mark(const TargetResult& r);
// "（已更正，原 1,800个）" after a figure a later file set right, else nothing.
std::string corrected_mark(const std::optional<double>& was, const std::string& measure);
std::string corrected_mark(const TargetResult& r);

}  // namespace minsheng
