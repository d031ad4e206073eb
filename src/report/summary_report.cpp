#include "report/summary_report.hpp"

#include <algorithm>
#include <cmath>

#include "report/catalogue_report.hpp"
#include "report/labels.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

const std::vector<std::string> kSummaryCsvColumns = {"task",
                                                     "target",
                                                     "category",
                                                     "lead",
                                                     "text",
                                                     "unit",
                                                     "target_value",
                                                     "baseline",
                                                     "actual",
                                                     "completion_pct",
                                                     "time_pct",
                                                     "gap_pp",
                                                     "status",
                                                     "status_label",
                                                     "remaining",
                                                     "needed_per_month",
                                                     "projected_month",
                                                     "value_month",
                                                     "source",
                                                     "projected_late",
                                                     "name",
                                                     "milestone_state",
                                                     "report_month"};

namespace {

std::string time_line(const MonthReport& rep) {
  int elapsed = std::clamp(rep.time.elapsed, 0, rep.time.total);
  return "数据截至 " + rep.month.chinese() + "底；序时进度 " + format_pct(rep.time.pct) + "%（" +
         std::to_string(elapsed) + "/" + std::to_string(rep.time.total) + " 个月）；计划完成时限 " +
         rep.plan->deadline.chinese() + "。";
}

std::string actual_text(const TargetResult& r) {
  if (r.actual) return with_measure(r.actual, r.measure);
  if (r.state) return milestone_label(*r.state);
  return "—";
}

std::string gap_text(const TargetResult& r) {
  return r.gap_pp ? format_pct(*r.gap_pp) : "—";
}

}  // namespace

std::vector<std::string> gap_lines(const MonthReport& rep) {
  std::vector<std::string> out;
  for (const auto& g : rep.gaps) {
    std::string line = g.unit + "：";
    if (g.no_file && !g.unread_files.empty()) {
      line += "已报送文件但无法读取（" + join(g.unread_files, "、") + "）";
    } else if (g.no_file) {
      line += "本月未报送进度文件";
      if (g.last_month)
        line += "（沿用" + g.last_month->str() + "数据）";
      else
        line += "（此前也无报送）";
    } else {
      std::vector<std::string> labels;
      for (const auto& k : g.unreported) {
        const TargetResult* r = rep.find(k);
        labels.push_back(r ? r->task->label_of(*r->target) : std::to_string(k.task));
      }
      line += "本月未填报 " + join(labels, "、");
    }
    out.push_back(line);
  }
  return out;
}

std::string summary_table(const MonthReport& rep, const Style& style) {
  const Plan& p = *rep.plan;
  std::string out =
      paint(p.short_title + " " + rep.month.chinese() + "进展汇总", Color::bold, style) + "\n";
  out += time_line(rep) + "\n";
  out += headline(rep.task_counts, rep.tasks.size()) + "\n";
  if (rep.avg_completion) out += "数值指标平均完成率 " + pct_text(rep.avg_completion) + "\n";

  for (const auto& cat : p.categories) {
    out += "\n" + paint(category_heading(p, cat.id), Color::bold, style) + "\n";
    TextTable t({"编号", "指标", "牵头单位", "目标", "累计完成", "完成率", "进度", "差距", "状态"},
                {true, false, false, true, true, true, false, true, false});
    for (const auto& r : rep.targets) {
      if (r.task->category != cat.id) continue;
      Color c = status_info(r.status).color;
      std::string actual = actual_text(r);
      if (r.carried) actual += "*";
      t.add({{target_id(r), Color::none},
             {target_name(r), Color::none},
             {r.target->lead, Color::none},
             {goal_text(r), Color::none},
             {actual, r.carried ? Color::grey : Color::none},
             {pct_text(r.completion_pct), Color::none},
             {r.completion_pct ? progress_bar(*r.completion_pct, 10) : "", c},
             {gap_text(r), Color::none},
             {status_text(r), c}});
    }
    out += t.render(style, 28);
  }
  bool any_carried = std::any_of(rep.targets.begin(), rep.targets.end(),
                                 [](const TargetResult& r) { return r.carried; });
  if (any_carried) out += "\n* 本月未报送，沿用此前月份数据\n";
  out += "\n差距 = 序时进度 − 完成率（百分点）；≥" + format_number(p.settings.behind_pp) +
         " 为滞后，>" + format_number(p.settings.seriously_behind_pp) + " 为严重滞后\n";
  auto gaps = gap_lines(rep);
  if (!gaps.empty()) {
    out += "\n" + paint("未报送", Color::bold, style) + "\n";
    for (const auto& g : gaps) out += "  " + g + "\n";
  }
  if (!rep.problems.items().empty()) {
    out += "\n" + paint("数据问题", Color::bold, style) + "\n";
    for (const auto& d : rep.problems.items()) out += "  " + d.str() + "\n";
  }
  return out;
}

std::string summary_markdown(const MonthReport& rep) {
  const Plan& p = *rep.plan;
  std::string out = "# " + p.short_title + " " + rep.month.chinese() + "进展汇总\n\n";
  out += "> " + time_line(rep) + "\n\n";
  out += "## 总体情况\n\n" + headline(rep.task_counts, rep.tasks.size()) + "。";
  if (rep.avg_completion) out += "数值指标平均完成率 " + pct_text(rep.avg_completion) + "。";
  out += "\n\n";

  out += "## 分类进展\n\n";
  TextTable cats(
      {"类别", "任务数", "已完成", "超序时", "序时推进", "滞后", "严重滞后", "其他", "平均完成率"},
      {false, true, true, true, true, true, true, true, true});
  for (std::size_t i = 0; i < p.categories.size(); ++i) {
    const Rollup& r = rep.by_category[i];
    auto n = [&](Status s) { return r.count(s); };
    int other = r.total() - n(Status::done) - n(Status::ahead) - n(Status::on_track) -
                n(Status::behind) - n(Status::seriously_behind);
    cats.add({category_heading(p, p.categories[i].id), std::to_string(r.total()),
              std::to_string(n(Status::done)), std::to_string(n(Status::ahead)),
              std::to_string(n(Status::on_track)), std::to_string(n(Status::behind)),
              std::to_string(n(Status::seriously_behind)), std::to_string(other),
              pct_text(r.avg_completion)});
  }
  out += cats.markdown() + "\n";

  for (const auto& cat : p.categories) {
    out += "### " + category_heading(p, cat.id) + "\n\n";
    TextTable t({"编号", "指标", "牵头单位", "目标", "累计完成", "完成率", "差距（百分点）", "状态",
                 "备注"},
                {false, false, false, true, true, true, true, false, false});
    for (const auto& r : rep.targets) {
      if (r.task->category != cat.id) continue;
      std::string note = carried_text(r);
      if (!r.note.empty()) note += (note.empty() ? "" : "；") + r.note;
      t.add({target_id(r), target_name(r), r.target->lead, goal_text(r), actual_text(r),
             pct_text(r.completion_pct), gap_text(r), status_text(r), note});
    }
    out += t.markdown() + "\n";
  }

  out += "## 滞后任务\n\n";
  auto lag = lagging_targets(rep);
  if (lag.empty()) {
    out += "本月无滞后任务。\n\n";
  } else {
    TextTable t({"编号", "指标", "牵头单位", "完成率", "序时进度", "落后（百分点）", "状态"},
                {false, false, false, true, true, true, false});
    for (const TargetResult* r : lag)
      t.add({target_id(*r), target_name(*r), r->target->lead, pct_text(r->completion_pct),
             pct_text(rep.time.pct), gap_text(*r), status_text(*r)});
    out += t.markdown() + "\n";
  }
  auto risk = at_risk_targets(rep);
  if (!risk.empty()) {
    out += "## 预计逾期\n\n按近三个月的平均进度推算，以下指标到 " + p.deadline.chinese() +
           " 完成率将低于 " + format_number(p.settings.projection_flag_pct) +
           "%，或近期没有进展：\n\n";
    TextTable t({"编号", "指标", "牵头单位", "完成率", "每月需完成", "预计完成月份", "状态"},
                {false, false, false, true, true, false, false});
    for (const TargetResult* r : risk)
      t.add({target_id(*r), target_name(*r), r->target->lead, pct_text(r->completion_pct),
             increment_text(r->needed_per_month, r->measure), opt_month(r->projected_month),
             result_label(*r)});
    out += t.markdown() + "\n";
  }

  out += "## 分单位情况\n\n";
  TextTable units({"牵头单位", "指标数", "已完成", "超序时", "序时推进", "滞后", "严重滞后",
                   "未报送", "其他", "平均完成率"},
                  {false, true, true, true, true, true, true, true, true, true});
  for (const auto& r : rep.by_unit) {
    auto n = [&](Status s) { return r.count(s); };
    int other = r.total() - n(Status::done) - n(Status::ahead) - n(Status::on_track) -
                n(Status::behind) - n(Status::seriously_behind) - n(Status::not_reported);
    units.add({r.name, std::to_string(r.total()), std::to_string(n(Status::done)),
               std::to_string(n(Status::ahead)), std::to_string(n(Status::on_track)),
               std::to_string(n(Status::behind)), std::to_string(n(Status::seriously_behind)),
               std::to_string(n(Status::not_reported)), std::to_string(other),
               pct_text(r.avg_completion)});
  }
  out += units.markdown() + "\n";
  // Each unit's own targets, the part staff send back to that unit.
  for (const auto& r : rep.by_unit) {
    TextTable t({"编号", "指标", "目标", "累计完成", "完成率", "差距（百分点）", "状态"},
                {false, false, true, true, true, true, false});
    for (const auto& x : rep.targets)
      if (x.target->lead == r.name)
        t.add({target_id(x), target_name(x), goal_text(x),
               actual_text(x) + (x.carried ? "（" + carried_text(x) + "）" : ""),
               pct_text(x.completion_pct), gap_text(x), status_text(x)});
    out += "### " + r.name + "\n\n" + t.markdown() + "\n";
  }

  out += "## 未报送单位\n\n";
  auto gaps = gap_lines(rep);
  if (gaps.empty()) out += "各牵头单位均已报送。\n\n";
  for (const auto& g : gaps) out += "- " + g + "\n";
  if (!gaps.empty()) out += "\n";

  if (!rep.problems.items().empty()) {
    out += "## 数据问题\n\n";
    for (const auto& d : rep.problems.items()) out += "- `" + d.str() + "`\n";
    out += "\n";
  }
  out +=
      "---\n\n说明：完成率 =（累计完成 − 基数）÷（目标 − 基数）；差距 = 序时进度 − 完成率。差距 "
      "≥ " +
      format_number(p.settings.behind_pp) + " 个百分点为滞后，> " +
      format_number(p.settings.seriously_behind_pp) +
      " 个百分点为严重滞后；“左右”类指标达到目标的 " +
      format_number((1 - p.settings.about_tolerance) * 100) +
      "% 即视为完成。平均完成率中单个指标按不超过 100% 计。\n";
  return out;
}

std::string summary_csv(const MonthReport& rep) {
  std::string out(kUtf8Bom);
  out += csv_line(kSummaryCsvColumns);
  for (const auto& r : rep.targets) {
    out += csv_line({std::to_string(r.task->id), std::to_string(r.target->index),
                     std::to_string(r.task->category), r.target->lead, r.task->text, r.measure,
                     opt_num(r.target_value),
                     r.milestone_state_based() ? "" : format_number(r.baseline), opt_num(r.actual),
                     opt_pct(r.completion_pct), format_pct(rep.time.pct), opt_pct(r.gap_pp),
                     status_code(r.status), result_label(r), opt_num(r.remaining),
                     opt_num(round1(r.needed_per_month)), opt_month(r.projected_month),
                     opt_month(r.value_month), r.source.file.empty() ? "" : r.source.str(),
                     r.projected_late ? "1" : "0", r.target->name,
                     r.milestone_state_based() && r.state ? milestone_label(*r.state) : "",
                     rep.month.str()});
  }
  return out;
}

namespace {

void json_rollup(JsonWriter& j, const Rollup& r) {
  j.begin_object().field("name", r.name).field("total", r.total());
  j.key("counts").begin_object();
  for (Status s : kAllStatuses) j.field(status_code(s), r.count(s));
  j.end_object();
  j.key("avg_completion_pct").value(round1(r.avg_completion));
  j.end_object();
}

}  // namespace

std::string summary_json(const MonthReport& rep) {
  JsonWriter j;
  j.begin_object();
  j.field("plan", rep.plan->title).field("month", rep.month.str());
  j.field("time_pct", *round1(rep.time.pct)).field("months_left", rep.time.months_left());
  j.field("headline", headline(rep.task_counts, rep.tasks.size()));
  j.key("task_counts").begin_object();
  for (Status s : kAllStatuses) j.field(status_code(s), rep.task_count(s));
  j.end_object();
  j.key("avg_completion_pct").value(round1(rep.avg_completion));
  j.key("tasks").begin_array();
  for (const auto& t : rep.tasks)
    j.begin_object().field("task", t.task->id).field("status", status_code(t.status)).end_object();
  j.end_array();
  j.key("rows").begin_array();
  for (const auto& r : rep.targets) {
    j.begin_object();
    j.field("task", r.task->id)
        .field("target", r.target->index)
        .field("category", r.task->category);
    j.field("lead", r.target->lead).field("text", r.task->text).field("name", r.target->name);
    j.field("unit", r.measure).field("target_value", r.target_value).field("baseline", r.baseline);
    j.field("actual", r.actual);
    j.key("milestone_state");
    if (r.state)
      j.value(milestone_label(*r.state));
    else
      j.null();
    j.field("completion_pct", round1(r.completion_pct)).field("time_pct", *round1(rep.time.pct));
    j.field("gap_pp", round1(r.gap_pp));
    j.field("status", status_code(r.status)).field("status_label", result_label(r));
    j.field("remaining", r.remaining).field("needed_per_month", round1(r.needed_per_month));
    j.key("projected_month")
        .value(r.projected_month ? std::optional<std::string>(r.projected_month->str())
                                 : std::nullopt);
    j.field("projected_late", r.projected_late).field("carried", r.carried);
    j.key("value_month")
        .value(r.value_month ? std::optional<std::string>(r.value_month->str()) : std::nullopt);
    j.field("source", r.source.file.empty() ? std::string() : r.source.str());
    j.field("note", r.note);
    j.end_object();
  }
  j.end_array();
  j.key("by_category").begin_array();
  for (const auto& r : rep.by_category) json_rollup(j, r);
  j.end_array();
  j.key("by_unit").begin_array();
  for (const auto& r : rep.by_unit) json_rollup(j, r);
  j.end_array();
  j.key("not_reported").begin_array();
  for (const auto& g : rep.gaps) {
    j.begin_object().field("unit", g.unit).field("no_file", g.no_file);
    j.key("targets").begin_array();
    for (const auto& k : g.unreported)
      j.begin_object().field("task", k.task).field("target", k.target).end_object();
    j.end_array();
    j.key("last_month")
        .value(g.last_month ? std::optional<std::string>(g.last_month->str()) : std::nullopt);
    j.key("unread_files").begin_array();
    for (const auto& f : g.unread_files) j.value(f);
    j.end_array();
    j.end_object();
  }
  j.end_array();
  j.key("problems").begin_array();
  for (const auto& d : rep.problems.items()) {
    j.begin_object().field("file", d.file).field("line", d.line).field("col", d.col);
    j.field("severity", d.severity == Severity::error ? "error" : "warning")
        .field("message", d.message);
    j.end_object();
  }
  j.end_array();
  j.end_object();
  return j.str();
}

}  // namespace minsheng
