#include "report/history_report.hpp"

#include <algorithm>
#include <cmath>

#include "report/labels.hpp"
#include "util/csv.hpp"
#include "util/json.hpp"
#include "util/number.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

namespace minsheng {

bool HistoryFilter::keep(const TargetHistory& t) const {
  return (task == 0 || t.task->id == task) && (unit.empty() || t.target->lead == unit);
}

namespace {

std::vector<const TargetHistory*> kept_targets(const History& h, const HistoryFilter& f) {
  std::vector<const TargetHistory*> kept;
  for (const auto& t : h.targets)
    if (f.keep(t)) kept.push_back(&t);
  return kept;
}

std::string name_of(const TargetHistory& t) {
  return t.target->name.empty() ? t.task->text : t.target->name;
}

// Calls fn(target, point) for each figure a later file set right, in plan order then month.
template <class Fn>
void each_correction(const History& h, const HistoryFilter& f, const Fn& fn) {
  for (const auto& th : h.targets)
    if (f.keep(th))
      for (const auto& p : th.points)
        if (p.corrected_here()) fn(th, p);
}

}  // namespace

std::string sparkline(const TargetHistory& t) {
  static const char* bars[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  std::string out;
  for (const auto& p : t.points) {
    std::optional<double> pct = p.completion_pct;
    if (!pct && p.state())
      pct = *p.state() == MilestoneState::completed     ? 100
            : *p.state() == MilestoneState::in_progress ? 50
                                                        : 0;
    if (!pct) {
      out += "·";
      continue;
    }
    int level = static_cast<int>(std::floor(std::clamp(*pct, 0.0, 100.0) / 100 * 7 + 0.5));
    out += bars[level];
  }
  return out;
}

std::string change_months(const TargetHistory& t) {
  std::vector<std::string> parts;
  for (const auto& c : t.changes) parts.push_back(change_text(c));
  return join(parts, "；");
}

void history_csv(const History& h, const HistoryFilter& f,
                 const std::function<void(std::string_view)>& write) {
  std::string out(kUtf8Bom);
  out +=
      csv_line({"month", "task", "target", "lead", "name", "actual", "value_month",
                "completion_pct", "time_pct", "gap_pp", "status", "corrected_from", "time_basis"});
  write(out);
  // Month by month, each target; a province's month (131,000 rows, 17 MB) is formatted in
  // slices of targets, each on every core, joined in order and handed on before the next: no
  // month is held whole.
  constexpr std::size_t kSlice = 16384;
  std::vector<const TargetHistory*> kept = kept_targets(h, f);
  for (std::size_t month = 0; month < h.months.size(); ++month)
    for (std::size_t from = 0; from < kept.size(); from += kSlice) {
      out.clear();
      parallel_append(
          out, std::min(kSlice, kept.size() - from),
          [&](std::string& block, std::size_t i) {
            const TargetHistory& t = *kept[from + i];
            const HistoryPoint& p = t.points[month];
            CsvLineWriter line(block);
            line << t.month_of(p).str() << std::to_string(t.task->id)
                 << std::to_string(t.target->index) << t.target->lead.str() << t.target->name
                 << opt_num(p.actual) << opt_month(t.value_month(p)) << opt_pct(p.completion_pct)
                 << format_pct(h.time_pct(t, p)) << opt_pct(h.gap_pp(t, p)) << status_code(p.status)
                 << opt_num(t.corrected_from(p)) << time_basis(t.target->schedule != nullptr).code;
            line.end();
          },
          96);
      write(out);
    }
}

std::string history_csv(const History& h, const HistoryFilter& f) {
  std::string out;
  history_csv(h, f, [&](std::string_view s) { out += s; });
  return out;
}

std::string history_json(const History& h, const HistoryFilter& f) {
  Json months = Json::array();
  for (YearMonth m : h.months) months.push_back(m.str());
  std::vector<const TargetHistory*> kept = kept_targets(h, f);
  // A province's targets are printed one at a time (dump_json with JsonRows).
  auto target = [&](std::size_t i) -> Json {
    const TargetHistory& t = *kept[i];
    Json points = Json::array();
    for (const auto& p : t.points) {
      std::optional<YearMonth> from = t.value_month(p);
      points.push_back({{"month", t.month_of(p).str()},
                        {"actual", json_number(p.actual)},
                        {"value_month", from ? Json(from->str()) : Json()},
                        {"carried", static_cast<bool>(p.carried)},
                        {"completion_pct", json_number(round1(p.completion_pct))},
                        {"time_pct", json_number(round1(h.time_pct(t, p)))},
                        {"gap_pp", json_number(round1(h.gap_pp(t, p)))},
                        {"status", status_code(p.status)},
                        {"corrected_from", json_number(t.corrected_from(p))}});
    }
    return {{"task", t.task->id},
            {"target", t.target->index},
            {"lead", t.target->lead},
            {"name", t.target->name},
            {"projected_month", t.projected_month ? Json(t.projected_month->str()) : Json()},
            {"projected_late", t.projected_late},
            {"time_basis", time_basis(t.target->schedule != nullptr).code},
            {"points", points}};
  };
  Json changes = Json::array();
  for (const auto& c : h.changes)
    if (const TargetHistory* t = h.find(c.key); t && f.keep(*t))
      changes.push_back({{"month", c.month.str()},
                         {"task", c.key.task},
                         {"target", c.key.target},
                         {"from", status_code(c.from)},
                         {"to", status_code(c.to)},
                         {"kind", "status"}});
  each_correction(h, f, [&](const TargetHistory& th, const HistoryPoint& p) {
    changes.push_back({{"month", th.month_of(p).str()},
                       {"task", th.task->id},
                       {"target", th.target->index},
                       {"from", json_number(th.corrected_from(p))},
                       {"to", json_number(p.actual)},
                       {"kind", "corrected"}});
  });
  for (const auto& mv : h.moves)
    if (const TargetHistory* t = h.find(mv.key); t && f.keep(*t))
      changes.push_back({{"month", mv.month.str()},
                         {"task", mv.key.task},
                         {"target", mv.key.target},
                         {"from", mv.from.str()},
                         {"to", mv.to.str()},
                         {"kind", move_code(mv)},
                         {"project", mv.project}});
  return dump_json({{"months", months}, {"targets", Json::array()}, {"changes", changes}},
                   {{"targets", kept.size(), target}});
}

namespace {

TextTable history_rows(const History& h, const HistoryFilter& f) {
  TextTable t({"编号", "指标", "牵头单位", "完成率走势", "当前状态", "状态变化", "预计完成"});
  t.optional_column(3);
  for (const auto& th : h.targets) {
    if (!f.keep(th) || th.points.empty()) continue;
    const HistoryPoint& last = th.points.back();
    t.add({{th.task->number_of(*th.target), Color::none},
           {name_of(th), Color::none},
           {th.target->lead, Color::none},
           {sparkline(th), status_info(last.status).color},
           {point_label(last), status_info(last.status).color},
           {change_months(th), Color::none},
           {th.projected_month ? th.projected_month->str() : "—", Color::none}});
  }
  return t;
}

// Figures a later file set right, each with the one it replaced and the row that corrected it.
TextTable correction_rows(const History& h, const HistoryFilter& f) {
  TextTable t({"月份", "编号", "指标", "牵头单位", "累计完成", "依据"});
  each_correction(h, f, [&](const TargetHistory& th, const HistoryPoint& p) {
    t.add({{th.month_of(p).str(), Color::none},
           {th.task->number_of(*th.target), Color::none},
           {name_of(th), Color::none},
           {th.target->lead, Color::none},
           {with_measure(p.actual, th.target->measure) +
                corrected_mark(th.corrected_from(p), th.target->measure),
            Color::cyan},
           {p.source().str(), Color::none}});
  });
  return t;
}

std::string period_line(const History& h) {
  if (h.months.empty()) return "没有应报送的月份\n";
  return h.months.front().chinese() + "至" + h.months.back().chinese() + "各指标的月度走势（" +
         std::to_string(h.months.size()) + " 个月，完成率 ▁ 低 █ 高，· 无数据）\n";
}

TextTable change_rows(const History& h, const HistoryFilter& f) {
  TextTable t({"月份", "编号", "指标", "牵头单位", "原状态", "新状态"});
  for (const auto& c : h.changes) {
    const TargetHistory* th = h.find(c.key);
    if (!th || !f.keep(*th)) continue;
    t.add({{c.month.str(), Color::none},
           {th->task->number_of(*th->target), Color::none},
           {name_of(*th), Color::none},
           {th->target->lead, Color::none},
           {status_label(c.from, c.from_at_deadline), Color::none},
           {status_label(c.to, c.to_at_deadline), status_info(c.to).color}});
  }
  each_correction(h, f, [&](const TargetHistory& th, const HistoryPoint& p) {
    t.add({{th.month_of(p).str(), Color::none},
           {th.task->number_of(*th.target), Color::none},
           {name_of(th), Color::none},
           {th.target->lead, Color::none},
           {"原 " + with_measure(th.corrected_from(p), th.target->measure), Color::none},
           {"已更正为 " + with_measure(p.actual, th.target->measure), Color::cyan}});
  });
  for (const auto& mv : h.moves) {
    const TargetHistory* th = h.find(mv.key);
    if (!th || !f.keep(*th)) continue;
    t.add({{mv.month.str(), Color::none},
           {th->task->number_of(*th->target), Color::none},
           {name_of(*th) + "：" + mv.project, Color::none},
           {th->target->lead, Color::none},
           {"计划完工 " + mv.from.str(), Color::none},
           {"计划完工 " + mv.to.str() + "（" + move_label(mv) + "）",
            mv.postponed() ? Color::yellow : Color::none}});
  }
  return t;
}

}  // namespace

std::string history_table(const History& h, const HistoryFilter& f, const Style& style) {
  std::string out = period_line(h) + "\n" + history_rows(h, f).render(style, 30);
  if (TextTable c = correction_rows(h, f); !c.empty())
    out += "\n" + paint("数据更正", Color::bold, style) + "\n" + c.render(style, 30);
  return out;
}

std::string history_markdown(const History& h, const HistoryFilter& f) {
  std::string out =
      "# 月度走势\n\n" + md_escape(period_line(h)) + "\n" + history_rows(h, f).markdown();
  if (TextTable c = correction_rows(h, f); !c.empty()) out += "\n## 数据更正\n\n" + c.markdown();
  return out;
}

std::string changes_table(const History& h, const HistoryFilter& f, const Style& style) {
  TextTable t = change_rows(h, f);
  return t.empty() ? std::string("没有状态变化\n") : t.render(style, 30);
}

std::string changes_markdown(const History& h, const HistoryFilter& f) {
  TextTable t = change_rows(h, f);
  return "# 状态变化\n\n" + (t.empty() ? std::string("没有状态变化。\n") : t.markdown());
}

std::string changes_csv(const History& h, const HistoryFilter& f) {
  std::string out(kUtf8Bom);
  // kind: status (from/to are status codes), corrected (the figure before and after a later
  // file set it right), postponed or advanced (a project's 计划完工, YYYY-MM).
  out += csv_line({"month", "task", "target", "lead", "from", "to", "kind", "project"});
  for (const auto& c : h.changes) {
    const TargetHistory* th = h.find(c.key);
    if (!th || !f.keep(*th)) continue;
    out += csv_line({c.month.str(), std::to_string(c.key.task), std::to_string(c.key.target),
                     th->target->lead, status_code(c.from), status_code(c.to), "status", ""});
  }
  each_correction(h, f, [&](const TargetHistory& th, const HistoryPoint& p) {
    out += csv_line({th.month_of(p).str(), std::to_string(th.task->id),
                     std::to_string(th.target->index), th.target->lead,
                     opt_num(th.corrected_from(p)), opt_num(p.actual), "corrected", ""});
  });
  for (const auto& mv : h.moves) {
    const TargetHistory* th = h.find(mv.key);
    if (!th || !f.keep(*th)) continue;
    out += csv_line({mv.month.str(), std::to_string(mv.key.task), std::to_string(mv.key.target),
                     th->target->lead, mv.from.str(), mv.to.str(), move_code(mv), mv.project});
  }
  return out;
}

}  // namespace minsheng
