#include "report/diff_report.hpp"

#include "report/labels.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"

namespace minsheng {

const std::vector<std::string> kDiffCsvColumns = {"task",
                                                  "target",
                                                  "category",
                                                  "lead",
                                                  "text",
                                                  "old_actual",
                                                  "new_actual",
                                                  "delta",
                                                  "old_completion_pct",
                                                  "new_completion_pct",
                                                  "delta_pp",
                                                  "old_gap_pp",
                                                  "new_gap_pp",
                                                  "old_status",
                                                  "new_status",
                                                  "change",
                                                  "name",
                                                  "old_value_month",
                                                  "new_value_month",
                                                  "old_state",
                                                  "new_state",
                                                  "old_corrected_from",
                                                  "new_corrected_from"};

namespace {

bool wanted(const std::set<ChangeKind>& only, ChangeKind k) {
  return only.empty() || only.count(k);
}

// Which kinds get a section of their own, in the order analysts read them.
std::vector<ChangeKind> sections(const std::set<ChangeKind>& only) {
  std::vector<ChangeKind> out;
  for (ChangeKind k : kAllChangeKinds)
    if (only.empty() ? k != ChangeKind::unchanged : only.count(k) > 0) out.push_back(k);
  return out;
}

std::string arrow(const std::string& a, const std::string& b) {
  if (a == b) return a;
  return (a.empty() ? "—" : a) + " → " + (b.empty() ? "—" : b);
}

template <typename F>
std::string side_text(const DiffRow& r, bool old_side, F f) {
  const auto& row = old_side ? r.old_row : r.new_row;
  return row ? f(*row) : std::string();
}

std::string status_of(const AssessedRow& r) {
  if (!r.status) return "";
  return r.reached_by_tolerance ? "基本完成" : status_label(*r.status);
}

// A value carried from an earlier month says so: "120个（沿用2024-04）".
std::string value_of(const AssessedRow& a, const std::optional<YearMonth>& side_month) {
  std::string v = a.actual ? format_human(*a.actual) + a.unit : a.state;
  if (!v.empty() && a.value_month && side_month && *a.value_month < *side_month)
    v += "（沿用" + a.value_month->str() + "）";
  return v + corrected_mark(a.corrected_from, a.unit);
}

// The target's own name for a task with several targets, else the task's text.
std::string what_of(const DiffRow& r, const std::set<int>& multi) {
  const AssessedRow& a = r.any();
  // A 县市区's share is of one target: its name, not the city task's text with its figure.
  if (!a.county_name.empty())
    return a.county_name + "：" + std::string(a.name.empty() ? a.text : a.name);
  return std::string(multi.count(r.key.task) && !a.name.empty() ? a.name : a.text);
}

// "26.1" when task 26 has several targets on either side, else "26".
std::string id_text(const DiffRow& r, const std::set<int>& multi) {
  return target_number(r.key.task, r.key.target, multi.count(r.key.task) > 0);
}

std::set<int> multi_target_tasks(const DiffReport& rep) {
  std::set<int> out;
  for (const auto& r : rep.rows)
    if (r.key.target > 1) out.insert(r.key.task);
  return out;
}

// Every listed row has the same cells in table and Markdown; colour only where it changed.
std::vector<TableCell> cells(const DiffReport& rep, const DiffRow& r, const std::set<int>& multi) {
  auto old_actual = [&](const AssessedRow& a) { return value_of(a, rep.old_side.month); };
  auto new_actual = [&](const AssessedRow& a) { return value_of(a, rep.new_side.month); };
  auto compl_ = [](const AssessedRow& a) {
    return a.completion_pct ? format_pct(*a.completion_pct) + "%" : "";
  };
  auto gap = [](const AssessedRow& a) { return opt_pct(a.gap_pp); };
  std::string s_old = side_text(r, true, status_of), s_new = side_text(r, false, status_of);
  Color status_color = change_info(r.kind).color;
  std::string a = arrow(side_text(r, true, old_actual), side_text(r, false, new_actual));
  return {{id_text(r, multi), Color::none},
          {what_of(r, multi), Color::none},
          {std::string(r.any().lead), Color::none},
          {a, r.kind == ChangeKind::revised_down
                  ? Color::red
                  : (a.find("→") != std::string::npos ? Color::cyan : Color::none)},
          {arrow(side_text(r, true, compl_), side_text(r, false, compl_)), Color::none},
          {arrow(side_text(r, true, gap), side_text(r, false, gap)), Color::none},
          {arrow(s_old, s_new), s_old != s_new ? status_color : Color::none}};
}

TextTable section_table(const DiffReport& rep, ChangeKind k) {
  TextTable t({"编号", "指标", "牵头单位", "累计完成", "完成率", "差距（百分点）", "状态"});
  std::set<int> multi = multi_target_tasks(rep);
  for (const auto& r : rep.rows)
    if (r.kind == k) t.add(cells(rep, r, multi));
  return t;
}

}  // namespace

std::string diff_headline(const DiffReport& rep) {
  auto n = [&](ChangeKind k) { return rep.count(k); };
  std::string s = "与" + rep.old_side.label + "相比";
  if (rep.new_side.label != rep.old_side.label) s += "（" + rep.new_side.label + "）";
  s += "：";
  std::vector<std::string> parts;
  for (ChangeKind k : {ChangeKind::completed, ChangeKind::improved, ChangeKind::worsened,
                       ChangeKind::stalled, ChangeKind::revised_down})
    parts.push_back(std::string(change_label(k)) + " " + std::to_string(n(k)) + " 项");
  for (ChangeKind k :
       {ChangeKind::progressed, ChangeKind::newly_reported, ChangeKind::no_longer_reported,
        ChangeKind::added, ChangeKind::removed, ChangeKind::unchanged})
    if (n(k)) parts.push_back(std::string(change_label(k)) + " " + std::to_string(n(k)) + " 项");
  for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? "，" : "") + parts[i];
  return s;
}

std::string diff_table(const DiffReport& rep, const std::set<ChangeKind>& only,
                       const Style& style) {
  std::string out = paint(diff_headline(rep), Color::bold, style) + "\n";
  for (ChangeKind k : sections(only)) {
    TextTable t = section_table(rep, k);
    if (t.empty()) continue;
    out += "\n" +
           paint(std::string(change_label(k)) + "（" + change_code(k) + "）", Color::bold, style) +
           "\n";
    out += t.render(style, 30);
  }
  if (only.empty() && rep.count(ChangeKind::unchanged))
    out += "\n无变化 " + std::to_string(rep.count(ChangeKind::unchanged)) +
           " 项未列出（--only unchanged 可查看）\n";
  return out;
}

std::string diff_markdown(const DiffReport& rep, const std::set<ChangeKind>& only) {
  std::string out = "# " + rep.new_side.label + " 与 " + rep.old_side.label + " 进展对比\n\n";
  out += diff_headline(rep) + "。\n";
  for (ChangeKind k : sections(only)) {
    TextTable t = section_table(rep, k);
    if (t.empty()) continue;
    out += "\n## " + std::string(change_label(k)) + "\n\n" + t.markdown();
  }
  if (only.empty() && rep.count(ChangeKind::unchanged))
    out += "\n其余 " + std::to_string(rep.count(ChangeKind::unchanged)) + " 项无变化。\n";
  return out;
}

std::string diff_csv(const DiffReport& rep, const std::set<ChangeKind>& only) {
  std::string out(kUtf8Bom);
  out.reserve(rep.rows.size() * 256);  // a row is about 200 bytes: one allocation, not twenty
  std::vector<std::string> columns = kDiffCsvColumns;
  if (rep.by_county) columns.insert(columns.begin(), "county");
  out += csv_line(columns);
  for (const auto& r : rep.rows) {
    if (!wanted(only, r.kind)) continue;
    const AssessedRow& a = r.any();
    auto o = [&](auto f) { return r.old_row ? f(*r.old_row) : std::string(); };
    auto n = [&](auto f) { return r.new_row ? f(*r.new_row) : std::string(); };
    auto actual = [](const AssessedRow& x) { return opt_num(x.actual); };
    auto compl_ = [](const AssessedRow& x) { return opt_pct(x.completion_pct); };
    auto gap = [](const AssessedRow& x) { return opt_pct(x.gap_pp); };
    auto status = [](const AssessedRow& x) {
      return x.status ? std::string(status_code(*x.status)) : "";
    };
    auto vmonth = [](const AssessedRow& x) { return opt_month(x.value_month); };
    auto state = [](const AssessedRow& x) { return x.state; };
    auto was = [](const AssessedRow& x) { return opt_num(x.corrected_from); };
    std::vector<std::string> cells = {std::to_string(r.key.task),
                                      std::to_string(r.key.target),
                                      a.category ? std::to_string(a.category) : "",
                                      std::string(a.lead),
                                      std::string(a.text),
                                      o(actual),
                                      n(actual),
                                      opt_num(r.delta),
                                      o(compl_),
                                      n(compl_),
                                      opt_pct(r.delta_pp),
                                      o(gap),
                                      n(gap),
                                      o(status),
                                      n(status),
                                      change_code(r.kind),
                                      std::string(a.name),
                                      o(vmonth),
                                      n(vmonth),
                                      o(state),
                                      n(state),
                                      o(was),
                                      n(was)};
    if (rep.by_county) cells.insert(cells.begin(), a.county_name);
    out += csv_line(cells);
  }
  return out;
}

std::string diff_json(const DiffReport& rep, const std::set<ChangeKind>& only) {
  Json counts = Json::object();
  for (ChangeKind k : kAllChangeKinds) counts[change_code(k)] = rep.count(k);
  std::vector<const DiffRow*> kept;
  for (const auto& r : rep.rows)
    if (wanted(only, r.kind)) kept.push_back(&r);
  // A province's rows are printed one at a time (dump_json with JsonRows).
  auto row = [&](std::size_t i) -> Json {
    const DiffRow& r = *kept[i];
    const AssessedRow& a = r.any();
    // One side's cell, or null where the side has no row or no value.
    auto side = [](const AssessedRow* x, auto f) { return x ? f(*x) : Json(); };
    auto actual = [](const AssessedRow& x) { return json_number(x.actual); };
    auto compl_ = [](const AssessedRow& x) { return json_number(x.completion_pct); };
    auto gap = [](const AssessedRow& x) { return json_number(x.gap_pp); };
    auto status = [](const AssessedRow& x) {
      return x.status ? Json(status_code(*x.status)) : Json();
    };
    auto vmonth = [](const AssessedRow& x) {
      return x.value_month ? Json(x.value_month->str()) : Json();
    };
    auto state = [](const AssessedRow& x) { return x.state.empty() ? Json() : Json(x.state); };
    auto was = [](const AssessedRow& x) { return json_number(x.corrected_from); };
    return {{"task", r.key.task},
            {"target", r.key.target},
            {"county", a.county_name.empty() ? Json() : Json(a.county_name)},
            {"category", a.category},
            {"lead", a.lead},
            {"text", a.text},
            {"old_actual", side(r.old_row, actual)},
            {"new_actual", side(r.new_row, actual)},
            {"delta", json_number(r.delta)},
            {"old_completion_pct", side(r.old_row, compl_)},
            {"new_completion_pct", side(r.new_row, compl_)},
            {"delta_pp", json_number(r.delta_pp)},
            {"old_gap_pp", side(r.old_row, gap)},
            {"new_gap_pp", side(r.new_row, gap)},
            {"old_status", side(r.old_row, status)},
            {"new_status", side(r.new_row, status)},
            {"change", change_code(r.kind)},
            {"name", a.name},
            {"old_value_month", side(r.old_row, vmonth)},
            {"new_value_month", side(r.new_row, vmonth)},
            {"old_state", side(r.old_row, state)},
            {"new_state", side(r.new_row, state)},
            {"old_corrected_from", side(r.old_row, was)},
            {"new_corrected_from", side(r.new_row, was)}};
  };
  Json out = {{"old", rep.old_side.label}, {"new", rep.new_side.label},
              {"later", rep.later},        {"headline", diff_headline(rep)},
              {"counts", counts},          {"rows", Json::array()}};
  return dump_json(out, {{"rows", kept.size(), row}});
}

OutWorkbook diff_workbook(const DiffReport& rep, const std::set<ChangeKind>& only) {
  std::set<int> multi = multi_target_tasks(rep);
  auto sheet = [&](const std::string& name, auto keep) {
    OutSheet s = out_sheet(
        name,
        {"编号", "指标", "牵头单位", "变化", "原累计完成", "现累计完成", "增量", "原完成率",
         "现完成率", "完成率变化（百分点）", "原状态", "现状态", "原数据月份", "现数据月份"},
        // About 140 character widths: A4 landscape at full size (see summary_workbook).
        {6, 26, 10, 8, 10, 10, 8, 7, 7, 9, 11, 11, 8, 8}, true);
    auto num = [](const std::optional<double>& v) { return v ? out_number(*v) : OutCell{}; };
    // Stored already rounded by the one rule, so a spreadsheet never shows 36.2 for 36.25.
    auto pct = [](const std::optional<double>& v) {
      return v ? OutCell{OutCell::Kind::percent, "", *round1(v), ""} : OutCell{};
    };
    for (const auto& r : rep.rows) {
      if (!keep(r)) continue;
      auto side = [&](bool old, auto f) {
        const auto& x = old ? r.old_row : r.new_row;
        return x ? f(*x) : OutCell{};
      };
      auto actual = [&](const AssessedRow& a) {
        return a.actual ? out_number(*a.actual) : out_text(a.state);
      };
      auto compl_ = [&](const AssessedRow& a) { return pct(a.completion_pct); };
      auto status = [&](const AssessedRow& a) { return out_text(status_of(a)); };
      auto month = [&](const AssessedRow& a) { return out_text(opt_month(a.value_month)); };
      OutCell kind = out_text(change_label(r.kind));
      if (change_info(r.kind).color == Color::red) kind.fill = "#d32f2f";
      if (change_info(r.kind).color == Color::green) kind.fill = "#2e7d32";
      s.rows.push_back({out_text(id_text(r, multi)), out_text(what_of(r, multi)),
                        out_text(std::string(r.any().lead)), kind, side(true, actual),
                        side(false, actual), num(r.delta), side(true, compl_), side(false, compl_),
                        r.delta_pp ? out_decimal1(*round1(r.delta_pp)) : OutCell{},
                        side(true, status), side(false, status), side(true, month),
                        side(false, month)});
    }
    return s;
  };
  OutWorkbook wb{diff_headline(rep), 0, {}};
  if (rep.new_side.month)
    wb.created =
        Date{rep.new_side.month->year, rep.new_side.month->month, 1}.days_since_epoch() * 86400LL;
  wb.sheets.push_back(sheet("全部", [&](const DiffRow& r) { return wanted(only, r.kind); }));
  for (ChangeKind k : sections(only))
    if (rep.count(k))
      wb.sheets.push_back(sheet(change_label(k), [k](const DiffRow& r) { return r.kind == k; }));
  for (auto& s : wb.sheets) {  // each sheet printed on its own says what it compares
    s.title = rep.old_side.label + " 至 " + rep.new_side.label + " 进展变化（" + s.name + "）";
    s.subtitle = diff_headline(rep);
  }
  return wb;
}

}  // namespace minsheng
