#include "report/county_report.hpp"

#include "report/labels.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

const std::vector<std::string> kCountyCsvColumns = {
    "county",      "task",           "target",   "lead",      "name",   "county_target",
    "actual",      "completion_pct", "time_pct", "gap_pp",    "status", "status_label",
    "value_month", "source",         "note",     "time_basis"};

namespace {

const std::string& county_name(const MonthReport& rep, int county) {
  return rep.plan->counties[static_cast<std::size_t>(county)];
}

std::vector<const TargetResult*> rows_of(const MonthReport& rep, int county) {
  std::vector<const TargetResult*> out;
  for (const auto& r : rep.county_targets)
    if (county < 0 || r.county == county) out.push_back(&r);
  return out;
}

std::vector<const CountyStanding*> standings_of(const MonthReport& rep, int county) {
  std::vector<const CountyStanding*> out;
  for (const CountyStanding* s : ranked_counties(rep))
    if (county < 0 || s->county == county) out.push_back(s);
  return out;
}

std::string actual_text(const TargetResult& r) {
  std::string s = r.actual ? with_measure(r.actual, r.measure) : "—";
  if (r.carried) s += "（" + carried_text(r) + "）";
  return s;
}

std::string title(const MonthReport& rep, int county) {
  return rep.plan->short_title + " " + rep.month.chinese() + " " +
         (county < 0 ? std::string("县市区推进情况") : county_name(rep, county) + "推进情况");
}

TextTable standings_table(const MonthReport& rep, int county) {
  TextTable t({"排名", "县市区", "分解指标", "已完成", "滞后", "严重滞后", "平均完成率"},
              {true, false, true, true, true, true, true});
  for (const CountyStanding* s : standings_of(rep, county)) {
    const Rollup& r = s->rollup;
    t.add({std::to_string(s->rank), r.name, std::to_string(r.total()), std::to_string(r.finished()),
           std::to_string(r.count(Status::behind)),
           std::to_string(r.count(Status::seriously_behind) + r.count(Status::overdue)),
           pct_text(r.avg_completion)});
  }
  return t;
}

TextTable targets_table(const std::vector<const TargetResult*>& rows) {
  TextTable t({"编号", "指标", "牵头单位", "分解目标", "累计完成", "完成率", "差距（百分点）",
               "状态", "备注"},
              {false, false, false, true, true, true, true, false, false});
  // The 备注 a unit wrote on the 县市区's own row stays with its figure.
  for (const TargetResult* r : rows)
    t.add({target_id(*r), target_name(*r), r->target->lead, goal_text(*r), actual_text(*r),
           pct_text(r->completion_pct), r->gap_pp ? format_pct(*r->gap_pp) : "—", status_text(*r),
           r->note.str()});
  return t;
}

std::string rules_line(const MonthReport& rep) {
  return "数据截至 " + cutoff_text(rep) + "；序时进度 " + format_pct(rep.time.pct) + "%" +
         by_nodes_text(rep) +
         "。排名依次按平均完成率（单个指标按不超过 100% "
         "计）、严重滞后与逾期指标少者、滞后指标少者、县市区顺序。";
}

}  // namespace

std::string county_table(const MonthReport& rep, int county, const Style& style) {
  std::string out = paint(title(rep, county), Color::bold, style) + "\n" + rules_line(rep) + "\n";
  if (rep.counties.empty()) return out + "\n没有县市区分解方案（DATA/breakdown/）。\n";
  out += "\n" + standings_table(rep, county).render(style) + "\n";
  for (const CountyStanding* s : standings_of(rep, county)) {
    out += paint(s->rollup.name, Color::bold, style) + "\n";
    out += targets_table(rows_of(rep, s->county)).render(style, 28) + "\n";
  }
  return out;
}

std::string lagging_county_names(const MonthReport& rep,
                                 const std::vector<const TargetResult*>& lag, bool projection) {
  std::vector<std::string> names;
  for (const TargetResult* c : lag)
    names.push_back(county_name(rep, c->county) + "（" + pct_text(c->completion_pct) + "，" +
                    (projection ? status_text(*c) : std::string(result_label(*c))) + "）");
  return join(names, "、");
}

std::string county_section_markdown(const MonthReport& rep, const std::string& heading) {
  if (rep.counties.empty()) return "";
  std::string out =
      heading + "\n\n" + rules_line(rep) + "\n\n" + standings_table(rep, -1).markdown() + "\n";
  std::vector<std::string> lines;
  auto lagging = lagging_counties(rep);
  for (const TargetResult* t : lagging_targets(rep))
    if (auto it = lagging.find(t->key()); it != lagging.end())
      lines.push_back("- " + target_id(*t) + " " + md_escape(target_name(*t)) + "：" +
                      lagging_county_names(rep, it->second, true));
  // A city target on pace can still hide a 县市区 far behind it.
  for (const auto& t : rep.targets)
    if (auto it = lagging.find(t.key()); it != lagging.end() && !is_lagging(t.status))
      lines.push_back("- " + target_id(t) + " " + md_escape(target_name(t)) + "（全市" +
                      result_label(t) + "）：" + lagging_county_names(rep, it->second, true));
  if (!lines.empty()) out += "滞后的县市区（按指标）：\n\n" + join(lines, "\n") + "\n\n";
  return out;
}

std::string county_markdown(const MonthReport& rep, int county) {
  std::string out = "# " + title(rep, county) + "\n\n";
  if (rep.counties.empty()) return out + "没有县市区分解方案（DATA/breakdown/）。\n";
  out +=
      "> " + rules_line(rep) + "\n\n## 排名\n\n" + standings_table(rep, county).markdown() + "\n";
  for (const CountyStanding* s : standings_of(rep, county))
    out +=
        "## " + s->rollup.name + "\n\n" + targets_table(rows_of(rep, s->county)).markdown() + "\n";
  return out;
}

std::string county_csv(const MonthReport& rep, int county) {
  std::string out(kUtf8Bom);
  out += csv_line(kCountyCsvColumns);
  for (const TargetResult* r : rows_of(rep, county))
    out += csv_line({county_name(rep, r->county), std::to_string(r->task->id),
                     std::to_string(r->target->index), r->target->lead, r->target->name,
                     opt_num(r->target_value), opt_num(r->actual), opt_pct(r->completion_pct),
                     format_pct(r->time_pct), opt_pct(r->gap_pp), status_code(r->status),
                     result_label(*r), opt_month(r->value_month),
                     r->source.file.empty() ? "" : r->source.str(), r->note.str(),
                     time_basis(r->schedule != nullptr).code});
  return out;
}

std::string county_json(const MonthReport& rep, int county) {
  Json standings = Json::array();
  for (const CountyStanding* s : standings_of(rep, county)) {
    const Rollup& r = s->rollup;
    Json counts = Json::object();
    for (Status st : kAllStatuses) counts[status_code(st)] = r.count(st);
    standings.push_back({{"county", r.name},
                         {"rank", s->rank},
                         {"targets", r.total()},
                         {"counts", counts},
                         {"avg_completion_pct", json_number(round1(r.avg_completion))}});
  }
  Json rows = Json::array();
  for (const TargetResult* r : rows_of(rep, county))
    rows.push_back({{"county", county_name(rep, r->county)},
                    {"task", r->task->id},
                    {"target", r->target->index},
                    {"lead", r->target->lead},
                    {"name", r->target->name},
                    {"county_target", json_number(r->target_value)},
                    {"actual", json_number(r->actual)},
                    {"completion_pct", json_number(round1(r->completion_pct))},
                    {"gap_pp", json_number(round1(r->gap_pp))},
                    {"status", status_code(r->status)},
                    {"status_label", result_label(*r)},
                    {"carried", r->carried},
                    {"value_month", r->value_month ? Json(r->value_month->str()) : Json()},
                    {"source", r->source.file.empty() ? std::string() : r->source.str()},
                    {"allocation_source", r->target_value_source.str()},
                    {"note", r->note.empty() ? Json() : Json(r->note.str())}});
  return dump_json({{"month", rep.month.str()},
                    {"time_pct", json_number(round1(rep.time.pct))},
                    {"standings", standings},
                    {"rows", rows}});
}

OutWorkbook county_workbook(const MonthReport& rep, int county) {
  const Plan& p = *rep.plan;
  OutWorkbook wb{title(rep, county), p.due_date(rep.month).days_since_epoch() * 86400LL, {}};
  OutSheet rank = out_sheet(
      "县市区排名", {"排名", "县市区", "分解指标", "已完成", "滞后", "严重滞后", "平均完成率"},
      {6, 18, 9, 8, 8, 9, 11});
  for (const CountyStanding* s : standings_of(rep, county)) {
    const Rollup& r = s->rollup;
    OutCell avg = r.avg_completion
                      ? OutCell{OutCell::Kind::percent, "", *round1(r.avg_completion), ""}
                      : OutCell{};
    rank.rows.push_back({out_number(s->rank), out_text(r.name), out_number(r.total()),
                         out_number(r.finished()), out_number(r.count(Status::behind)),
                         out_number(r.count(Status::seriously_behind) + r.count(Status::overdue)),
                         avg});
  }
  wb.sheets.push_back(std::move(rank));
  // Sources, file paths, on a sheet of their own, as in the summary workbook.
  OutSheet detail = out_sheet("县市区明细",
                              {"县市区", "编号", "指标", "牵头单位", "分解目标", "累计完成",
                               "完成率", "差距（百分点）", "状态", "数据月份"},
                              {12, 6, 28, 10, 9, 9, 7, 8, 12, 8}, true);
  OutSheet sources =
      out_sheet("数据来源", {"县市区", "编号", "指标", "数据月份", "来源"}, {12, 6, 28, 8, 50});
  for (const TargetResult* r : rows_of(rep, county)) {
    OutCell status = out_text(status_text(*r));
    status.fill = status_info(r->status).hex;
    detail.rows.push_back(
        {out_text(county_name(rep, r->county)), out_text(target_id(*r)), out_text(target_name(*r)),
         out_text(r->target->lead), r->target_value ? out_number(*r->target_value) : OutCell{},
         r->actual ? out_number(*r->actual) : OutCell{},
         r->completion_pct ? OutCell{OutCell::Kind::percent, "", *round1(r->completion_pct), ""}
                           : OutCell{},
         r->gap_pp ? out_decimal1(*round1(r->gap_pp)) : OutCell{}, status,
         out_text(opt_month(r->value_month))});
    if (!r->source.file.empty())
      sources.rows.push_back({out_text(county_name(rep, r->county)), out_text(target_id(*r)),
                              out_text(target_name(*r)), out_text(opt_month(r->value_month)),
                              out_text(r->source.str())});
  }
  wb.sheets.push_back(std::move(detail));
  wb.sheets.push_back(std::move(sources));
  for (auto& s : wb.sheets) {
    s.title = wb.title + "（" + s.name + "）";
    s.subtitle = rules_line(rep);
  }
  return wb;
}

}  // namespace minsheng
