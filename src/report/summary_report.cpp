#include "report/summary_report.hpp"

#include <algorithm>
#include <cmath>

#include "report/catalogue_report.hpp"
#include "report/county_report.hpp"
#include "report/investment_report.hpp"
#include "report/labels.hpp"
#include "report/project_report.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"
#include "util/parallel.hpp"
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
                                                     "report_month",
                                                     "corrected_from",
                                                     "time_basis",
                                                     "planned_investment",
                                                     "invested",
                                                     "funded",
                                                     "investment_pct"};

namespace {

// The footnote's words for the deadline rule (assess::deadline_reached).
std::string deadline_rule(const Plan& p) {
  return "截止月份 " + p.deadline_month().str() +
         " 起未达到目标为未完成（其后各月为逾期未完成），截止月份之后才达到为逾期完成";
}

}  // namespace

namespace {

std::string time_line(const MonthReport& rep) {
  int elapsed = std::clamp(rep.time.elapsed, 0, rep.time.total);
  return "数据截至 " + cutoff_text(rep) + "；序时进度 " + format_pct(rep.time.pct) + "%（" +
         std::to_string(elapsed) + "/" + std::to_string(rep.time.total) + " 个月" +
         by_nodes_text(rep) + "）；计划完成时限 " + rep.plan->deadline.chinese() + "。";
}

std::string actual_text(const TargetResult& r) {
  if (r.actual) return with_measure(r.actual, r.measure);
  if (r.state) return milestone_label(*r.state);
  return "—";
}

std::string gap_text(const TargetResult& r) {
  return r.gap_pp ? format_pct(*r.gap_pp) : "—";
}

// What a unit wrote this month, under its table: its general words, then each target's.
std::string unit_words_markdown(const MonthReport& rep, const std::string& unit,
                                const std::vector<const TargetResult*>& targets) {
  std::string out;
  auto words = [&](const UnitText& t, const std::string& indent) {
    std::string s;
    for (const auto& [label, text] :
         {std::pair<const char*, const std::string*>{"进展情况", &t.progress},
          {"存在问题", &t.issues},
          {"下步计划", &t.next_steps}})
      if (!text->empty()) s += indent + "- **" + label + "**：" + md_escape(*text) + "\n";
    return s;
  };
  if (auto it = rep.unit_texts.find(unit); it != rep.unit_texts.end()) out += words(it->second, "");
  for (const TargetResult* r : targets) {
    auto it = rep.texts.find(r->key());
    if (it == rep.texts.end()) continue;
    out +=
        "- " + target_id(*r) + " " + md_escape(target_name(*r)) + "：\n" + words(it->second, "  ");
  }
  return out.empty() ? out : out + "\n";
}

}  // namespace

std::vector<std::string> gap_lines(const MonthReport& rep) {
  std::vector<std::string> out;
  for (const auto& g : rep.gaps) {
    std::string line = g.unit + "：";
    if (g.no_file && !g.unread_files.empty()) {
      line += "已报送文件但未能采用（" + join(g.unread_files, "、") + "）";
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
  out += headline(rep.task_counts, rep.tasks.size(), rep.at_deadline) + "\n";
  if (rep.avg_completion) out += "数值指标平均完成率 " + pct_text(rep.avg_completion) + "\n";

  for (const auto& cat : p.categories) {
    out += "\n" + paint(category_heading(p, cat.id), Color::bold, style) + "\n";
    TextTable t({"编号", "指标", "牵头单位", "目标", "累计完成", "完成率", "进度", "差距", "状态"},
                {true, false, false, true, true, true, false, true, false});
    t.optional_column(6);  // the bar restates 完成率: the first to go on a narrow terminal
    for (const auto& r : rep.targets) {
      if (r.task->category != cat.id) continue;
      Color c = status_info(r.status).color;
      std::string actual = actual_text(r) + carried_mark(r) + corrected_mark(r);
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
  if (any_carried) out += "\n（沿用M月）：本月未填报，沿用该月数据\n";
  out += "\n差距 = 序时进度 − 完成率（百分点，按显示的一位小数判定）；≥" +
         format_number(p.settings.behind_pp) + " 为滞后，>" +
         format_number(p.settings.seriously_behind_pp) + " 为严重滞后；" + deadline_rule(p) + "\n";
  out += investment_section_table(rep, style);
  auto gaps = gap_lines(rep);
  if (!gaps.empty()) {
    out += "\n" + paint("报送情况", Color::bold, style) + "\n";
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
  out += "## 总体情况\n\n" + headline(rep.task_counts, rep.tasks.size(), rep.at_deadline) + "。";
  if (rep.avg_completion) out += "数值指标平均完成率 " + pct_text(rep.avg_completion) + "。";
  out += "\n\n";

  out += "## 分类进展\n\n";
  std::vector<Status> columns = rep.category_statuses();
  std::vector<std::string> heads = {"类别", "任务数"};
  for (Status st : columns) heads.push_back(status_label(st, rep.at_deadline));
  heads.push_back("平均完成率");
  std::vector<bool> right(heads.size(), true);
  right[0] = false;
  TextTable cats(heads, right);
  for (std::size_t i = 0; i < p.categories.size(); ++i) {
    const Rollup& r = rep.by_category[i];
    std::vector<std::string> row = {category_heading(p, p.categories[i].id),
                                    std::to_string(r.total())};
    for (Status st : columns) row.push_back(std::to_string(r.count(st)));
    row.push_back(pct_text(r.avg_completion));
    cats.add(row);
  }
  out += cats.markdown() + "\n";

  for (const auto& cat : p.categories) {
    out += "### " + category_heading(p, cat.id) + "\n\n";
    TextTable t({"编号", "指标", "牵头单位", "目标", "累计完成", "完成率", "差距（百分点）", "状态",
                 "备注"},
                {false, false, false, true, true, true, true, false, false});
    for (const auto& r : rep.targets) {
      if (r.task->category != cat.id) continue;
      t.add({target_id(r), target_name(r), r.target->lead, goal_text(r),
             actual_text(r) + carried_mark(r) + corrected_mark(r), pct_text(r.completion_pct),
             gap_text(r), status_text(r), r.note.str()});
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
             time_text(*r), gap_text(*r), status_text(*r)});
    out += t.markdown() + "\n";
  }
  auto risk = at_risk_targets(rep);
  if (!risk.empty()) {
    bool by_nodes = std::any_of(risk.begin(), risk.end(),
                                [](const TargetResult* r) { return r->schedule != nullptr; });
    out += "## 预计逾期\n\n按" + pace_window_text(p.settings) + "的平均进度推算" +
           (by_nodes ? "（按节点计划的指标按近期完成节点计划的比例推算）" : "") + "，以下指标到 " +
           p.deadline.chinese() + " 完成率将低于 " + format_number(p.settings.projection_flag_pct) +
           "%，或近期没有进展：\n\n";
    TextTable t({"编号", "指标", "牵头单位", "完成率", "每月需完成", "预计完成月份", "状态"},
                {false, false, false, true, true, false, false});
    for (const TargetResult* r : risk)
      t.add({target_id(*r), target_name(*r), r->target->lead, pct_text(r->completion_pct),
             increment_text(r->needed_per_month, r->measure), opt_month(r->projected_month),
             result_label(*r)});
    out += t.markdown() + "\n";
  }

  // Which targets fell behind this month, and which recovered: what a month changed.
  std::vector<const StatusChange*> fell, recovered;
  for (const auto& c : rep.changes) {
    ChangeTrend trend = change_trend(c);
    if (trend == ChangeTrend::fell) fell.push_back(&c);
    if (trend == ChangeTrend::recovered) recovered.push_back(&c);
  }
  if (!fell.empty() || !recovered.empty()) {
    out += "## 状态变化\n\n与上月相比，" + std::to_string(fell.size()) +
           " 项指标转为滞后或严重滞后，" + std::to_string(recovered.size()) + " 项恢复：\n\n";
    TextTable t({"编号", "指标", "牵头单位", "上月", "本月"});
    for (const auto* list : {&fell, &recovered})
      for (const StatusChange* c : *list) {
        const TargetResult* r = rep.find(c->key);
        t.add({target_id(*r), target_name(*r), r->target->lead,
               status_label(c->from, c->from_at_deadline), result_label(*r)});
      }
    out += t.markdown() + "\n";
  }

  out += county_section_markdown(rep, "## 县市区推进情况");

  std::vector<const ProjectResult*> late;
  for (const auto& p : rep.projects)
    if (p.late) late.push_back(&p);
  if (!late.empty()) {
    out += "## 滞后项目\n\n计划完工月份已过仍未完工，或序时进度" +
           not_started_late_text(p.settings) + "仍未开工的项目（共 " + std::to_string(late.size()) +
           " 个）：\n\n";
    TextTable t({"编号", "牵头单位", "县市区", "项目", "状态", "计划完工", "原因"});
    for (const ProjectResult* p : late)
      t.add({p->task->number_of(*p->target), p->target->lead,
             p->county >= 0 ? rep.plan->counties[static_cast<std::size_t>(p->county)] : "", p->name,
             p->state ? project_state_label(*p->state) : "", opt_month(p->planned_finish),
             late_reason(*p, rep.plan->settings)});
    out += t.markdown() + "\n";
  }

  out += investment_section_markdown(rep, "## 投资完成情况");

  out += "## 分单位情况\n\n";
  TextTable units({"牵头单位", "指标数", "已完成", "超序时", "序时推进", "滞后", "严重滞后",
                   "未填报", "其他", "平均完成率"},
                  {false, true, true, true, true, true, true, true, true, true});
  for (const auto& r : rep.by_unit) {
    auto n = [&](Status s) { return r.count(s); };
    int other = r.total() - r.finished() - n(Status::ahead) - n(Status::on_track) -
                n(Status::behind) - n(Status::seriously_behind) - n(Status::not_reported);
    units.add({r.name, std::to_string(r.total()), std::to_string(r.finished()),
               std::to_string(n(Status::ahead)), std::to_string(n(Status::on_track)),
               std::to_string(n(Status::behind)), std::to_string(n(Status::seriously_behind)),
               std::to_string(n(Status::not_reported)), std::to_string(other),
               pct_text(r.avg_completion)});
  }
  out += units.markdown() + "\n";
  // Each unit's own targets, the part staff send back to that unit.
  TargetsByLead by_lead = targets_by_lead(rep.targets);
  static const std::vector<const TargetResult*> none;
  for (const auto& r : rep.by_unit) {
    TextTable t({"编号", "指标", "目标", "累计完成", "完成率", "差距（百分点）", "状态"},
                {false, false, true, true, true, true, false});
    auto it = by_lead.find(r.name);
    const auto& targets = it == by_lead.end() ? none : it->second;
    for (const TargetResult* x : targets)
      t.add({target_id(*x), target_name(*x), goal_text(*x),
             actual_text(*x) + (x->carried ? "（" + carried_text(*x) + "）" : "") +
                 corrected_mark(*x),
             pct_text(x->completion_pct), gap_text(*x), status_text(*x)});
    out +=
        "### " + r.name + "\n\n" + t.markdown() + "\n" + unit_words_markdown(rep, r.name, targets);
  }

  out += "## 报送情况\n\n";
  auto gaps = gap_lines(rep);
  if (gaps.empty()) out += "各牵头单位均已报送。\n\n";
  for (const auto& g : gaps) out += "- " + g + "\n";
  if (!gaps.empty()) out += "\n";

  if (!rep.problems.items().empty()) {
    out += "## 数据问题\n\n";
    for (const auto& d : rep.problems.items()) out += "- " + md_escape(d.str()) + "\n";
    out += "\n";
  }
  out +=
      "---\n\n说明：完成率 =（累计完成 − 基数）÷（目标 − 基数）；差距 = 序时进度 − 完成率。差距 "
      "≥ " +
      format_number(p.settings.behind_pp) + " 个百分点为滞后，> " +
      format_number(p.settings.seriously_behind_pp) +
      " 个百分点为严重滞后（按显示的一位小数判定）；" + deadline_rule(p) +
      "。“左右”类指标达到目标的 " + format_number((1 - p.settings.about_tolerance) * 100) +
      "% 即视为完成。平均完成率中单个指标按不超过 100% 计。\n";
  return out;
}

std::string summary_csv(const MonthReport& rep) {
  std::string out(kUtf8Bom);
  out += csv_line(kSummaryCsvColumns);
  // Formatted on every core in blocks joined in order: the same bytes for any number of threads.
  parallel_append(
      out, rep.targets.size(),
      [&](std::string& block, std::size_t i) {
        const TargetResult& r = rep.targets[i];
        CsvLineWriter line(block);
        line << std::to_string(r.task->id) << std::to_string(r.target->index)
             << std::to_string(r.task->category) << r.target->lead.str() << r.task->text
             << r.measure << opt_num(r.target_value)
             << (r.milestone_state_based() ? "" : format_number(r.baseline)) << opt_num(r.actual)
             << opt_pct(r.completion_pct) << format_pct(r.time_pct) << opt_pct(r.gap_pp)
             << status_code(r.status) << result_label(r) << opt_num(r.remaining)
             << opt_num(round1(r.needed_per_month)) << opt_month(r.projected_month)
             << opt_month(r.value_month) << (r.source.file.empty() ? "" : r.source.str())
             << (r.projected_late ? "1" : "0") << r.target->name
             << (r.milestone_state_based() && r.state ? milestone_label(*r.state) : "")
             << rep.month.str() << opt_num(r.corrected_from)
             << time_basis(r.schedule != nullptr).code;
        for (const auto& cell : investment_csv_cells(rep, r.key())) line << cell;
        line.end();
      },
      256);  // a row is about 200 bytes
  return out;
}

namespace {

Json json_rollup(const Rollup& r) {
  Json counts = Json::object();
  for (Status s : kAllStatuses) counts[status_code(s)] = r.count(s);
  return {{"name", r.name},
          {"total", r.total()},
          {"counts", counts},
          {"avg_completion_pct", json_number(round1(r.avg_completion))}};
}

Json json_month(const std::optional<YearMonth>& m) {
  return m ? Json(m->str()) : Json();
}

}  // namespace

std::string summary_json(const MonthReport& rep) {
  Json task_counts = Json::object();
  for (Status s : kAllStatuses) task_counts[status_code(s)] = rep.task_count(s);
  Json tasks = Json::array();
  for (const auto& t : rep.tasks)
    tasks.push_back({{"task", t.task->id}, {"status", status_code(t.status)}});
  // A province's targets are printed one at a time (dump_json with JsonRows).
  auto row = [&](std::size_t i) -> Json {
    const TargetResult& r = rep.targets[i];
    Json j = {{"task", r.task->id},
              {"target", r.target->index},
              {"category", r.task->category},
              {"lead", r.target->lead},
              {"text", r.task->text},
              {"name", r.target->name},
              {"unit", r.measure},
              {"target_value", json_number(r.target_value)},
              {"baseline", json_number(r.baseline)},
              {"actual", json_number(r.actual)},
              {"milestone_state", r.state ? Json(milestone_label(*r.state)) : Json()},
              {"completion_pct", json_number(round1(r.completion_pct))},
              {"time_pct", json_number(round1(r.time_pct))},
              {"time_basis", time_basis(r.schedule != nullptr).code},
              {"gap_pp", json_number(round1(r.gap_pp))},
              {"status", status_code(r.status)},
              {"status_label", result_label(r)},
              {"remaining", json_number(r.remaining)},
              {"needed_per_month", json_number(round1(r.needed_per_month))},
              {"projected_month", json_month(r.projected_month)},
              {"projected_late", r.projected_late},
              {"carried", r.carried},
              {"value_month", json_month(r.value_month)},
              {"corrected_from", json_number(r.corrected_from)},
              {"source", r.source.file.empty() ? std::string() : r.source.str()},
              {"note", r.note}};
    j.update(investment_row_json(rep, r.key()));
    return j;
  };
  Json by_category = Json::array(), by_unit = Json::array();
  for (const auto& r : rep.by_category) by_category.push_back(json_rollup(r));
  for (const auto& r : rep.by_unit) by_unit.push_back(json_rollup(r));
  Json gaps = Json::array();
  for (const auto& g : rep.gaps) {
    Json targets = Json::array();
    for (const auto& k : g.unreported) targets.push_back({{"task", k.task}, {"target", k.target}});
    gaps.push_back({{"unit", g.unit},
                    {"no_file", g.no_file},
                    {"targets", targets},
                    {"last_month", json_month(g.last_month)},
                    {"unread_files", g.unread_files}});
  }
  Json problems = Json::array();
  for (const auto& d : rep.problems.items())
    problems.push_back({{"file", d.file},
                        {"line", d.line},
                        {"col", d.col},
                        {"severity", d.severity == Severity::error ? "error" : "warning"},
                        {"message", d.message}});
  Json out = {{"plan", rep.plan->title},
              {"month", rep.month.str()},
              {"time_pct", json_number(round1(rep.time.pct))},
              {"months_left", rep.time.months_left()},
              {"headline", headline(rep.task_counts, rep.tasks.size(), rep.at_deadline)},
              {"task_counts", task_counts},
              {"avg_completion_pct", json_number(round1(rep.avg_completion))},
              {"tasks", tasks},
              {"rows", Json::array()},
              {"by_category", by_category},
              {"by_unit", by_unit},
              {"not_reported", gaps},
              {"investment", investment_json(rep)},
              {"problems", problems}};
  return dump_json(out, {{"rows", rep.targets.size(), row}});
}

namespace {

OutCell opt_percent(const std::optional<double>& v) {
  return v ? OutCell{OutCell::Kind::percent, "", *round1(v), ""} : OutCell{};
}

OutSheet rollup_sheet(const std::string& name, const std::string& first,
                      const std::vector<Rollup>& rows, const std::vector<std::string>& names,
                      bool at_deadline) {
  OutSheet s = out_sheet(name, {first, "合计"}, {24, 8}, false);
  for (Status st : kHeadlineOrder) {
    s.headers.push_back(status_label(st, at_deadline));
    s.widths.push_back(9);
  }
  s.headers.push_back("平均完成率");
  s.widths.push_back(11);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::vector<OutCell> r = {out_text(names[i]), out_number(rows[i].total())};
    for (Status st : kHeadlineOrder) r.push_back(out_number(rows[i].count(st)));
    r.push_back(opt_percent(rows[i].avg_completion));
    s.rows.push_back(std::move(r));
  }
  return s;
}

}  // namespace

OutWorkbook summary_workbook(const MonthReport& rep) {
  const Plan& p = *rep.plan;
  // Dated by its data (the month's due date), so the same inputs give the same bytes.
  OutWorkbook wb{p.short_title + " " + rep.month.chinese() + "进展汇总",
                 p.due_date(rep.month).days_since_epoch() * 86400LL,
                 {}};
  // 序号 is a number (sorts 1, 2 … 10); 编号 is the plan's (48.2). Each category opens with a
  // separator row. Sources, file paths, go to a sheet of their own, so the 总表 prints as a
  // table a leader reads: at about 140 character widths it prints on A4 landscape unshrunk.
  OutSheet all =
      out_sheet("总表",
                {"序号", "编号", "牵头单位", "指标", "目标", "计量单位", "累计完成", "完成率",
                 "序时进度", "差距（百分点）", "状态", "预计完成月份", "数据月份", "备注"},
                {4, 6, 10, 30, 9, 6, 9, 7, 7, 8, 12, 8, 8, 18}, true);
  int category = 0, number = 0;
  OutSheet sources = out_sheet("数据来源", {"编号", "指标", "牵头单位", "数据月份", "来源"},
                               {7, 36, 14, 10, 50}, false);
  for (const auto& r : rep.targets) {
    if (r.task->category != category) {
      category = r.task->category;
      all.rows.push_back(out_section(category_heading(p, category)));
    }
    OutCell status = out_text(status_text(r));
    status.fill = status_info(r.status).hex;
    OutCell actual = r.actual ? out_number(*r.actual)
                              : (r.state ? out_text(milestone_label(*r.state)) : OutCell{});
    all.rows.push_back(
        {out_number(++number), out_text(target_id(r)), out_text(r.target->lead),
         out_text(target_name(r)),
         r.target_value ? out_number(*r.target_value) : out_text(goal_text(r)), out_text(r.measure),
         actual, opt_percent(r.completion_pct), opt_percent(r.time_pct),
         r.gap_pp ? out_decimal1(*round1(r.gap_pp)) : OutCell{}, status,
         out_text(opt_month(r.projected_month)), out_text(opt_month(r.value_month)),
         // The 序时进度 cell stays a number; the remark says whose nodes set it.
         out_text((r.schedule
                       ? std::string("序时") + time_basis(true).label + (r.note.empty() ? "" : "。")
                       : std::string()) +
                  r.note.str())});
    if (!r.source.file.empty())
      sources.rows.push_back({out_text(target_id(r)), out_text(target_name(r)),
                              out_text(r.target->lead), out_text(opt_month(r.value_month)),
                              out_text(r.source.str())});
  }
  wb.sheets.push_back(std::move(all));
  std::vector<std::string> cats, units;
  for (const auto& c : p.categories) cats.push_back(category_heading(p, c.id));
  for (const auto& r : rep.by_unit) units.push_back(r.name);
  wb.sheets.push_back(rollup_sheet("分类汇总", "类别", rep.by_category, cats, rep.at_deadline));
  wb.sheets.push_back(rollup_sheet("分单位", "牵头单位", rep.by_unit, units, rep.at_deadline));
  if (auto money = investment_sheet(rep)) wb.sheets.push_back(std::move(*money));
  OutSheet gaps = out_sheet("报送情况", {"牵头单位", "情况"}, {16, 60}, false);
  for (const auto& line : gap_lines(rep)) {
    auto colon = line.find("：");
    gaps.rows.push_back({out_text(line.substr(0, colon)),
                         out_text(colon == std::string::npos ? "" : line.substr(colon + 3))});
  }
  wb.sheets.push_back(std::move(gaps));
  OutSheet problems =
      out_sheet("数据问题", {"文件", "位置", "级别", "问题"}, {40, 10, 6, 70}, false);
  for (const auto& d : rep.problems.items())
    problems.rows.push_back(
        {out_text(d.file),
         out_text(!d.place.empty() ? d.place
                  : d.line > 0 ? std::to_string(d.line) + (d.col ? ":" + std::to_string(d.col) : "")
                               : ""),
         out_text(d.severity == Severity::error ? "错误" : "警告"), out_text(d.message)});
  wb.sheets.push_back(std::move(problems));
  wb.sheets.push_back(std::move(sources));
  for (auto& sheet : wb.sheets) {  // each sheet printed on its own says what it is
    sheet.title = p.short_title + " " + rep.month.chinese() + "进展汇总（" + sheet.name + "）";
    sheet.subtitle = time_line(rep);
  }
  return wb;
}

}  // namespace minsheng
