#include "report/explain.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "report/catalogue_report.hpp"
#include "report/labels.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

std::string n(double v) {
  return format_number(v);
}
std::string p(double v) {
  return format_pct(v);
}

// " → 已完成 (done)", or when it was reached after the deadline month, 逾期完成 and since when.
std::string done_when(const TargetResult& r, const Plan& plan) {
  std::string since = r.done_month ? "，" + r.done_month->str() + " 起达到" : "";
  if (r.status == Status::done_late)
    return since + "，晚于截止月份 " + plan.deadline_month().str() + " → 逾期完成 (done_late)";
  return " → " + std::string(result_label(r)) + " (done)";
}

// A schedule's 序时进度 worked out: its nodes, the two the month lies between, the share of the
// months between them.
std::string scheduled_time(const Plan& plan, const Schedule& sc, YearMonth m) {
  ScheduleSpan sp = schedule_span(plan, sc, m);
  std::string head = std::string(time_basis(true).label) + "（" +
                     (sc.name.empty() ? "" : "“" + sc.name + "”：") + schedule_text(sc) + "）；";
  if (!sp.to) return head + (sp.from ? "已过最后节点 → 100%" : "计划尚未开始 → 0%");
  double y0 = sp.from ? sp.from->pct : 0;
  std::string from = sp.from ? sp.from->month.str() + " 底 " + p(y0) + "%"
                             : "计划开始（" + plan.start.str() + " 初）0%";
  return head + m.str() + " 底介于 " + from + " 与 " + sp.to->month.str() + " 底 " + p(sp.to->pct) +
         "% 之间：" + p(y0) + " + (" + p(sp.to->pct) + " − " + p(y0) + ") × " +
         std::to_string(sp.months_in) + "/" + std::to_string(sp.months) + " = " + p(sp.pct) + "%";
}

std::string comparator_note(Comparator c, const Settings& s) {
  switch (c) {
    case Comparator::at_least:
      return "（不少于目标值）";
    case Comparator::about:
      return "（左右：达到目标值的 " + n((1 - s.about_tolerance) * 100) + "% 即视为完成）";
    case Comparator::exactly:
      return "（达到目标值即完成）";
  }
  return "";
}

std::string explain_target(const MonthReport& rep, const TargetResult& r) {
  const Plan& plan = *rep.plan;
  const Settings& s = plan.settings;
  const Target& t = *r.target;
  std::string out = "指标" + std::to_string(t.index) + (t.name.empty() ? "" : " " + t.name) +
                    "（牵头：" + t.lead.str() + "）\n";
  auto row = [&](const std::string& k, const std::string& v) {
    out += "  " + pad_right(k, 10) + v + "\n";
  };

  if (t.kind == TargetKind::milestone && !r.actual)
    row("目标", "里程碑：未启动 / 推进中 / 已完成");
  else if (!r.target_value)
    row("目标", "待定（目标值由省或其他文件下达，须在进度文件“目标值”列填写）");
  else
    row("目标", with_measure(r.target_value, r.measure) +
                    (t.kind == TargetKind::milestone ? "（里程碑以百分比报送，按 100% 计）"
                                                     : comparator_note(t.comparator, s)));
  if (t.pending && r.target_value)
    row("目标来源", "进度文件填写的目标值（" + r.target_value_source.str() + "）");

  if (r.value_month) {
    std::string v = r.actual ? with_measure(r.actual, r.measure) : milestone_label(*r.state);
    row("累计完成", v + "（" + r.value_month->str() + "，来源 " + r.source.str() + "）" +
                        (r.carried ? "，本月未填报，沿用" + r.value_month->str() + "数据" : ""));
  } else {
    row("累计完成", "无（本月及此前月份均未填报）");
  }
  std::vector<const TargetResult*> counties;
  for (const auto& c : rep.county_targets)
    if (c.key() == r.key()) counties.push_back(&c);
  if (r.derived_from != SumOf::none)
    row("全市值", std::string("单位未填全市值，取") + sum_label(r.derived_from) +
                      "（各行之和，本月未填的沿用以前月份值）");
  else if (!counties.empty() && r.value_month)
    row("全市值", "取单位填报的全市值（县市区合计不同时以全市值为准，并在数据问题中提示）");
  if (!counties.empty()) {
    out += "  分解到县市区（" + std::to_string(counties.size()) + " 个）：\n";
    for (const TargetResult* c : counties) {
      std::string line = "    " +
                         pad_right(plan.counties[static_cast<std::size_t>(c->county)], 18) +
                         "分解目标 " + with_measure(c->target_value, c->measure) + "，累计完成 ";
      if (c->actual)
        line += with_measure(c->actual, c->measure) + "（" + c->value_month->str() + "，" +
                c->source.str() + "）";
      else
        line += "—";
      line += "，完成率 " + pct_text(c->completion_pct) + "，" + status_text(*c);
      if (c->schedule && c->schedule != r.schedule)  // the 县市区's own nodes
        line += "，序时进度 " + time_text(*c) + "：" + schedule_text(*c->schedule);
      out += line + "\n";
    }
  }
  int total = rep.time.total, elapsed = rep.time.elapsed;
  if (r.schedule)
    row("序时进度", scheduled_time(plan, *r.schedule, rep.month));
  else
    row("序时进度", "(" + rep.month.str() + " − " + plan.start.str() + " + 1) ÷ (" +
                        plan.deadline_month().str() + " − " + plan.start.str() +
                        " + 1) = " + std::to_string(elapsed) + "/" + std::to_string(total) +
                        (elapsed > total || elapsed < 0 ? "，取值限定在 0–100%" : "") + " = " +
                        p(rep.time.pct) + "%");

  if (r.status == Status::invalid) {
    row("判定", "本月该指标的报送行有误（见数据问题），标记为“数据有误”");
    return out;
  }
  if (r.status == Status::pending) {
    row("判定", "目标值未知 → 目标待定 (pending)");
    return out;
  }
  if (r.status == Status::not_reported) {
    row("判定", "没有任何月份的数据 → 未填报 (not_reported)");
    return out;
  }
  if (!r.actual) {
    MilestoneState st = *r.state;
    std::string why;
    if (st == MilestoneState::completed)
      why = "已完成" + done_when(r, plan);
    else if (r.status == Status::overdue)
      why = "报告月份已到截止月份 " + plan.deadline_month().str() + " 且未完成 → " +
            result_label(r) + " (overdue)";
    else if (st == MilestoneState::in_progress)
      why = "推进中 → 序时推进 (on_track)";
    else
      why = "未启动：序时进度 < " + n(s.milestone_not_started_on_track_pct) + "% 为序时推进，< " +
            n(s.milestone_not_started_behind_pct) + "% 为滞后，其后为严重滞后；当前 " +
            p(r.time_pct) + "% → " + status_label(r.status) + " (" + status_code(r.status) + ")";
    row("判定", why);
    return out;
  }

  double tv = *r.target_value, a = *r.actual;
  row("基数", n(r.baseline));
  row("完成率", "(" + n(a) + " − " + n(r.baseline) + ") ÷ (" + n(tv) + " − " + n(r.baseline) +
                    ") × 100 = " + p(*r.completion_pct) + "%");
  row("差距", p(r.time_pct) + " − " + p(*r.completion_pct) + " = " + p(*r.gap_pp) + " 个百分点");
  std::string verdict;
  if (is_done(r.status)) {
    verdict = r.reached_by_tolerance ? n(a) + " ≥ " + n(tv) + " × (1 − " + n(s.about_tolerance) +
                                           ") = " + n(tv * (1 - s.about_tolerance)) +
                                           "，“左右”类指标在容差内 → 基本完成 (done)"
                                     : n(a) + " ≥ " + n(tv) + done_when(r, plan);
  } else if (r.status == Status::overdue) {
    verdict = "未达到目标，且报告月份已到截止月份 " + plan.deadline_month().str() + " → " +
              result_label(r) + " (overdue)";
  } else {
    std::string reach = t.comparator == Comparator::about
                            ? n(a) + " < " + n(tv * (1 - s.about_tolerance)) + "（目标的 " +
                                  n((1 - s.about_tolerance) * 100) + "%）"
                            : n(a) + " < " + n(tv);
    verdict = "未达到目标（" + reach + "）；差距 " + p(*r.gap_pp) + " → " + status_label(r.status) +
              " (" + status_code(r.status) + ")";
  }
  row("判定", verdict);
  row("阈值", "差距 < 0 超序时；0 ≤ 差距 < " + n(s.behind_pp) + " 序时推进；" + n(s.behind_pp) +
                  " ≤ 差距 ≤ " + n(s.seriously_behind_pp) + " 滞后；> " + n(s.seriously_behind_pp) +
                  " 严重滞后（差距按显示的一位小数判定）；截止月份 " + plan.deadline_month().str() +
                  " 起只分完成与未完成");
  if (!is_done(r.status)) {
    row("剩余", increment_text(r.remaining, r.measure) +
                    (r.needed_per_month
                         ? "，距截止还有 " + std::to_string(rep.time.months_left()) +
                               " 个月，每月需完成 " + increment_text(r.needed_per_month, r.measure)
                         : "，已无剩余月份"));
    if (r.recent_pace) {
      std::string since =
          r.pace_from ? "自 " + r.pace_from->str() + " 以来" : "自计划开始（仅有一次报送）以来";
      // A pace is a mean, not an amount to deliver: it keeps its decimal.
      std::string pace = r.measure == "%" ? increment_text(r.recent_pace, r.measure)
                                          : with_measure(round1(r.recent_pace), r.measure);
      row("近期进度", since + "平均每月 " + pace);
      std::string proj = r.projected_month ? "预计 " + r.projected_month->str() + " 达到目标；"
                                           : "无进展，无法推算完成月份；";
      // A scheduled target is projected on its schedule (assess::projection), not at a flat pace.
      std::string how = r.schedule ? "按近期完成节点计划的比例推进余下节点，" : "按此进度";
      row("预计完成", proj + how + "到截止月份完成率约 " + p(*r.projected_completion_pct) + "%");
      row("预计逾期", std::string(r.projected_late ? "是" : "否") +
                          (r.schedule ? "（" : "（近期进度为零，或") + "到截止月份完成率低于 " +
                          n(s.projection_flag_pct) + "% 时为预计逾期）");
    }
  }
  return out;
}

}  // namespace

std::string explain_task(const MonthReport& rep, int task_id, int target) {
  auto it = std::find_if(rep.tasks.begin(), rep.tasks.end(),
                         [&](const TaskResult& t) { return t.task->id == task_id; });
  if (it == rep.tasks.end()) throw std::out_of_range("no such task");
  const Task& task = *it->task;
  std::string out = "任务" + std::to_string(task.id) + "：" + task.text + "\n牵头单位：" +
                    join(lead_names(task), "、") + "；报告月份：" + rep.month.str() + "\n\n";
  for (std::size_t i : it->targets)
    if (target == 0 || rep.targets[i].target->index == target)
      out += explain_target(rep, rep.targets[i]) + "\n";
  out +=
      "任务状态：" + std::string(status_label(it->status)) + " (" + status_code(it->status) + ")";
  if (it->targets.size() > 1) out += "，取各指标中最差的状态";
  return out + "\n";
}

}  // namespace minsheng
