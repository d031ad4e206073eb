#include "report/final_report.hpp"

#include <functional>

#include "report/labels.hpp"
#include "report/svg_chart.hpp"
#include "report/table.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"

namespace minsheng {

const std::vector<std::string> kFinalCsvColumns = {
    "task",         "target",       "category",  "lead",           "name",
    "unit",         "target_value", "actual",    "completion_pct", "status",
    "status_label", "done_month",   "remaining", "value_month",    "report_month"};

namespace {

// The document once, as headings, sentences and tables; Markdown and HTML only lay it out.
// A table's rows are made one at a time as they are laid out, not held: a province's table
// of every target is 130,000 rows.
using Row = std::vector<std::string>;
struct Table {
  std::vector<std::string> headers;
  std::vector<bool> right;
  std::size_t size = 0;
  std::function<Row(std::size_t)> row;
};
struct Section {
  int level = 2;
  std::string heading, text;
  Table table;
};
struct Doc {
  std::string title, meta, overall, footnote;
  std::vector<Section> sections;
};

std::string value_text(const TargetResult& r) {
  std::string v =
      r.actual ? with_measure(r.actual, r.measure) : (r.state ? milestone_label(*r.state) : "—");
  return v + carried_mark(r);
}

std::string shortfall_text(const TargetResult& r) {
  if (!r.remaining || *r.remaining <= 0) return r.actual ? "" : "—";
  return increment_text(r.remaining, r.measure);
}

std::string overall_sentence(const FinalCounts& c) {
  std::string s =
      "计划共 " + std::to_string(c.targets) + " 个指标：按期完成 " + std::to_string(c.done) + " 个";
  if (c.done_late) s += "、逾期完成 " + std::to_string(c.done_late) + " 个";
  s += "、未完成 " + std::to_string(c.unfinished) + " 个";
  if (c.no_data) s += "、无数据 " + std::to_string(c.no_data) + " 个";
  return s + "；完成率 " + pct_text(c.rate()) + "。";
}

Table counts_table(const std::string& first, const std::vector<FinalCounts>& rows) {
  return {{first, "指标数", "按期完成", "逾期完成", "未完成", "无数据", "完成率"},
          {false, true, true, true, true, true, true},
          rows.size(),
          [&rows](std::size_t i) -> Row {
            const FinalCounts& c = rows[i];
            return {c.name,
                    std::to_string(c.targets),
                    std::to_string(c.done),
                    std::to_string(c.done_late),
                    std::to_string(c.unfinished),
                    std::to_string(c.no_data),
                    pct_text(c.rate())};
          }};
}

// A table per lead unit, over its run of f.unfinished (which is in unit order).
void unfinished_sections(Doc& d, const FinalReport& f) {
  const MonthReport& rep = f.month;
  for (std::size_t from = 0; from < f.unfinished.size();) {
    const SharedText& unit = rep.targets[f.unfinished[from]].target->lead;
    std::size_t to = from + 1;
    while (to < f.unfinished.size() && rep.targets[f.unfinished[to]].target->lead == unit) ++to;
    d.sections.push_back(
        {3,
         unit,
         "",
         {{"编号", "指标", "目标", "最终值", "完成率", "还差", "存在问题", "下步计划"},
          {false, false, true, true, true, true, false, false},
          to - from,
          [&rep, &f, from](std::size_t i) -> Row {
            const TargetResult& r = rep.targets[f.unfinished[from + i]];
            UnitText w = unit_words(rep, r);
            return {target_id(r),
                    target_name(r),
                    goal_text(r),
                    value_text(r),
                    pct_text(r.completion_pct),
                    shortfall_text(r),
                    w.issues.empty() ? "未填报" : w.issues,
                    w.next_steps.empty() ? "未填报" : w.next_steps};
          }}});
    from = to;
  }
}

Table every_target_table(const MonthReport& rep) {
  return {{"编号", "指标", "牵头单位", "目标", "最终值", "完成率", "结果", "完成月份"},
          {false, false, false, true, true, true, false, false},
          rep.targets.size(),
          [&rep](std::size_t i) -> Row {
            const TargetResult& r = rep.targets[i];
            return {
                target_id(r),    target_name(r),
                r.target->lead,  goal_text(r),
                value_text(r),   pct_text(r.completion_pct),
                result_label(r), r.done_month && is_done(r.status) ? r.done_month->chinese() : "",
            };
          }};
}

Doc build_doc(const FinalReport& f) {
  const MonthReport& rep = f.month;
  const Plan& plan = *rep.plan;
  Doc d;
  d.title = plan.title + "完成情况";
  d.meta = "计划完成时限 " + plan.deadline.chinese() + "；数据截至 " + cutoff_text(rep) +
           "；统计日期 " + f.as_of.chinese() + "。";
  d.overall = overall_sentence(f.total);
  d.sections.push_back({2, "一、分类完成情况", "", counts_table("类别", f.by_category)});
  d.sections.push_back({2, "二、牵头单位完成情况", "", counts_table("牵头单位", f.by_unit)});
  int n = 3;
  if (!f.by_county.empty())
    d.sections.push_back(
        {2, "三、县市区完成情况", "（分解到县市区的指标）", counts_table("县市区", f.by_county)});
  if (!f.by_county.empty()) ++n;
  const char* numerals[] = {"", "一", "二", "三", "四", "五"};
  d.sections.push_back({2,
                        std::string(numerals[n]) + "、未完成指标",
                        f.unfinished.empty()
                            ? "全部指标均已完成。"
                            : "共 " + std::to_string(f.unfinished.size()) +
                                  " 个，按牵头单位列出，附单位填报的存在问题和下步计划。",
                        {}});
  unfinished_sections(d, f);
  ++n;
  d.sections.push_back(
      {2, std::string(numerals[n]) + "、逐项完成情况", "", every_target_table(rep)});
  d.footnote = "说明：截止月份（" + plan.deadline_month().chinese() +
               "）及以前达到目标为按期完成，其后达到为逾期完成，至今未达到为未完成；从未填报、"
               "目标待定或数据有误的指标计为无数据，不作完成与否的判断。完成率 = "
               "（按期完成 + 逾期完成）÷ 指标数。“左右”类指标达到目标的 " +
               format_number((1 - plan.settings.about_tolerance) * 100) +
               "% 即视为完成。完成月份为数值最后一次连续达标的起始月份。";
  return d;
}

}  // namespace

std::string final_markdown(const FinalReport& f) {
  Doc d = build_doc(f);
  std::string out =
      "# " + md_escape(d.title) + "\n\n" + md_escape(d.meta) + "\n\n" + md_escape(d.overall) + "\n";
  for (const auto& s : d.sections) {
    out += "\n" + std::string(static_cast<std::size_t>(s.level), '#') + " " + md_escape(s.heading) +
           "\n\n";
    if (!s.text.empty()) out += md_escape(s.text) + "\n\n";
    if (s.table.size == 0) continue;
    append_md_head(out, s.table.headers, s.table.right);
    for (std::size_t i = 0; i < s.table.size; ++i) append_md_row(out, s.table.row(i));
  }
  return out + "\n---\n\n" + md_escape(d.footnote) + "\n";
}

std::string final_html(const FinalReport& f) {
  Doc d = build_doc(f);
  auto esc = [](const std::string& s) { return svg_escape(s); };
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      esc(d.title) +
      "</title>\n<style>\n"
      "body { margin: 0 auto; max-width: 1000px; padding: 12px; color: #1f2933; line-height: 1.6;"
      " font-size: 16px; font-family: \"FangSong\", \"STFangsong\", \"Noto Serif CJK SC\","
      " \"WenQuanYi Micro Hei\", serif; }\n"
      "h1 { font-size: 22px; text-align: center; } h2 { font-size: 18px; margin-top: 24px; }"
      " h3 { font-size: 16px; }\n"
      ".wrap { overflow-x: auto; } table { border-collapse: collapse; width: 100%; font-size: "
      "14px; }"
      " th, td { border: 1px solid #9aa5b1; padding: 3px 6px; vertical-align: top; }"
      " th { background: #eef2f7; } td.num { text-align: right; white-space: nowrap; }\n"
      "@media (max-width: 600px) { table, thead, tbody, tr, th, td { display: block; }"
      " thead { display: none; } tr { border: 1px solid #9aa5b1; margin: 0 0 8px; }"
      " td { border: none; padding: 2px 6px; text-align: left !important; }"
      " td::before { content: attr(data-h) \"：\"; color: #52606d; } }\n"
      "@page { size: A4 landscape; margin: 15mm; @bottom-center { content: \"第 \" counter(page) "
      "\" 页\"; } }\n"
      "@media print { .wrap { overflow: visible; } tr { break-inside: avoid; } h2, h3 { "
      "break-after: avoid; } }\n"
      "</style>\n</head>\n<body>\n<h1>" +
      esc(d.title) + "</h1>\n<p>" + esc(d.meta) + "</p>\n<p>" + esc(d.overall) + "</p>\n";
  for (const auto& s : d.sections) {
    std::string h = "h" + std::to_string(s.level);
    out += "<" + h + ">" + esc(s.heading) + "</" + h + ">\n";
    if (!s.text.empty()) out += "<p>" + esc(s.text) + "</p>\n";
    if (s.table.size == 0) continue;
    out += "<div class=\"wrap\"><table>\n<thead><tr>";
    for (const auto& c : s.table.headers) out += "<th>" + esc(c) + "</th>";
    out += "</tr></thead>\n<tbody>\n";
    for (std::size_t r = 0; r < s.table.size; ++r) {
      Row row = s.table.row(r);
      out += "<tr>";
      for (std::size_t i = 0; i < row.size(); ++i)
        out += std::string("<td") + (s.table.right[i] ? " class=\"num\"" : "") + " data-h=\"" +
               esc(s.table.headers[i]) + "\">" + esc(row[i]) + "</td>";
      out += "</tr>\n";
    }
    out += "</tbody></table></div>\n";
  }
  return out + "<p><small>" + esc(d.footnote) + "</small></p>\n</body>\n</html>\n";
}

std::string final_csv(const FinalReport& f) {
  const MonthReport& rep = f.month;
  std::string out = "\xEF\xBB\xBF" + csv_line(kFinalCsvColumns);
  for (const auto& r : rep.targets)
    out += csv_line({std::to_string(r.task->id), std::to_string(r.target->index),
                     std::to_string(r.task->category), r.target->lead, target_name(r), r.measure,
                     opt_num(r.target_value), opt_num(r.actual), opt_pct(r.completion_pct),
                     status_code(r.status), result_label(r),
                     is_done(r.status) ? opt_month(r.done_month) : "", opt_num(r.remaining),
                     opt_month(r.value_month), rep.month.str()});
  return out;
}

namespace {

Json json_counts(const FinalCounts& c) {
  return {{"name", c.name},
          {"targets", c.targets},
          {"done", c.done},
          {"done_late", c.done_late},
          {"unfinished", c.unfinished},
          {"no_data", c.no_data},
          {"rate_pct", json_number(round1(c.rate()))}};
}

Json json_list(const std::vector<FinalCounts>& v) {
  Json a = Json::array();
  for (const auto& c : v) a.push_back(json_counts(c));
  return a;
}

}  // namespace

std::string final_json(const FinalReport& f) {
  const MonthReport& rep = f.month;
  Json rows = Json::array();
  for (const auto& r : rep.targets)
    rows.push_back(
        {{"task", r.task->id},
         {"target", r.target->index},
         {"lead", r.target->lead},
         {"name", target_name(r)},
         {"unit", r.measure},
         {"target_value", json_number(r.target_value)},
         {"actual", json_number(r.actual)},
         {"completion_pct", json_number(round1(r.completion_pct))},
         {"status", status_code(r.status)},
         {"status_label", result_label(r)},
         {"done_month", is_done(r.status) && r.done_month ? Json(r.done_month->str()) : Json()},
         {"remaining", json_number(r.remaining)},
         {"value_month", r.value_month ? Json(r.value_month->str()) : Json()}});
  Json unfinished = Json::array();
  for (std::size_t i : f.unfinished) {
    const TargetResult& r = rep.targets[i];
    UnitText w = unit_words(rep, r);
    unfinished.push_back({{"task", r.task->id},
                          {"target", r.target->index},
                          {"lead", r.target->lead},
                          {"issues", w.issues},
                          {"next_steps", w.next_steps}});
  }
  return dump_json(Json{{"plan", rep.plan->title},
                        {"deadline", rep.plan->deadline.str()},
                        {"month", rep.month.str()},
                        {"as_of", f.as_of.str()},
                        {"total", json_counts(f.total)},
                        {"by_category", json_list(f.by_category)},
                        {"by_unit", json_list(f.by_unit)},
                        {"by_county", json_list(f.by_county)},
                        {"unfinished", unfinished},
                        {"rows", rows}});
}

namespace {

// Counts and rates stay numbers in a workbook, so that staff can sort and sum them.
OutCell cell(const std::string& text, bool numeric) {
  if (numeric) {
    if (auto v = parse_decimal(text)) return {OutCell::Kind::number, "", *v, ""};
    if (text.ends_with("%"))
      if (auto v = parse_decimal(text.substr(0, text.size() - 1)))
        return {OutCell::Kind::percent, "", *v, ""};
  }
  return {OutCell::Kind::text, text, 0, ""};
}

}  // namespace

OutWorkbook final_workbook(const FinalReport& f) {
  Doc d = build_doc(f);
  OutWorkbook wb{d.title, 0, {}};
  auto sheet = [&](const std::string& name, const Table& t) {
    std::vector<double> widths;
    for (std::size_t i = 0; i < t.headers.size(); ++i) widths.push_back(t.right[i] ? 10 : 24);
    OutSheet s = out_sheet(name, t.headers, widths, true);
    for (std::size_t r = 0; r < t.size; ++r) {
      Row row = t.row(r);
      std::vector<OutCell> cells;
      for (std::size_t i = 0; i < row.size(); ++i) cells.push_back(cell(row[i], t.right[i]));
      s.rows.push_back(std::move(cells));
    }
    wb.sheets.push_back(std::move(s));
  };
  sheet("完成情况", d.sections.back().table);
  // The per-unit tables as one, with the unit as its first column.
  std::vector<std::pair<const Section*, std::size_t>> at;
  for (const auto& s : d.sections)
    if (s.level == 3)
      for (std::size_t i = 0; i < s.table.size; ++i) at.emplace_back(&s, i);
  sheet("未完成",
        {{"牵头单位", "编号", "指标", "目标", "最终值", "完成率", "还差", "存在问题", "下步计划"},
         {false, false, false, true, true, true, true, false, false},
         at.size(),
         [&at](std::size_t i) {
           Row row = at[i].first->table.row(at[i].second);
           row.insert(row.begin(), at[i].first->heading);
           return row;
         }});
  sheet("分单位", counts_table("牵头单位", f.by_unit));
  sheet("分类", counts_table("类别", f.by_category));
  if (!f.by_county.empty()) sheet("县市区", counts_table("县市区", f.by_county));
  return wb;
}

}  // namespace minsheng
