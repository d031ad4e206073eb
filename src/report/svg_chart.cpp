#include "report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "assess/rollup.hpp"
#include "report/labels.hpp"
#include "util/number.hpp"

namespace minsheng {

std::string svg_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Charts are drawn about 400 units wide: on a 390 px phone they show near full size, so their
// 13–14 unit text stays above 11 px; pages cap their width on a wide screen.
std::string status_chart_svg(const MonthReport& rep) {
  constexpr int kLabel = 80, kBar = 260, kRow = 30, kTop = 8;
  std::vector<std::pair<Status, int>> rows;
  int max = 1;
  for (Status s : kHeadlineOrder)
    if (auto it = rep.task_counts.find(s); it != rep.task_counts.end() && it->second > 0) {
      rows.push_back(*it);
      max = std::max(max, it->second);
    }
  int height = kTop * 2 + kRow * static_cast<int>(rows.size());
  std::string svg = fmt::format(
      "<svg class=\"chart\" id=\"status-chart\" role=\"img\" viewBox=\"0 0 {} {}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">"
      "<title>任务状态分布</title>",
      kLabel + kBar + 60, height);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto [st, count] = rows[i];
    int y = kTop + static_cast<int>(i) * kRow;
    int w = std::max(2, count * kBar / max);
    svg += fmt::format(
        "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-size=\"14\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"20\" rx=\"3\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"14\">{} 项</text>",
        kLabel - 8, y + 15, status_label(st, rep.at_deadline), kLabel, y, w, status_info(st).hex,
        kLabel + w + 6, y + 15, count);
  }
  return svg + "</svg>";
}

namespace {

constexpr int kBar = 320, kRow = 42, kTop = 28;
using RollupRows = std::vector<std::pair<std::string, const Rollup*>>;

// Mean completion of each row as a bar in the colour `color` gives it, the svg left open. Each
// row is two lines, its name above its bar, so that a long category name leaves the bar the
// chart's width on a phone.
template <class Color>
std::string rollup_bars(const std::string& id, const std::string& title, const RollupRows& rows,
                        Color color) {
  int height = kTop + kRow * static_cast<int>(rows.size()) + 4;
  std::string svg = fmt::format(
      "<svg class=\"chart\" id=\"{}\" role=\"img\" viewBox=\"0 0 {} {}\" "
      "xmlns=\"http://www.w3.org/2000/svg\">"
      "<title>{}</title>",
      id, kBar + 72, height, svg_escape(title));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const Rollup& r = *rows[i].second;
    int y = kTop + static_cast<int>(i) * kRow;
    double pct = std::min(100.0, r.avg_completion.value_or(0));
    int w = static_cast<int>(pct * kBar / 100);
    svg += fmt::format(
        "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>"
        "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#eceff1\"/>"
        "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text>",
        y + 13, svg_escape(rows[i].first), y + 18, kBar, y + 18, w, color(r), kBar + 6, y + 31,
        pct_text(r.avg_completion));
  }
  return svg;
}

// Mean completion of each row against 序时进度, bars coloured by the gap rule. Each bar is judged
// against its targets' mean 序时进度: one line when every row's is the plan's, else a mark across
// each bar at its own, so that a bar's colour and the line it is read against agree.
std::string rollup_chart_svg(const MonthReport& rep, const std::string& id,
                             const std::string& title, const RollupRows& rows) {
  int height = kTop + kRow * static_cast<int>(rows.size()) + 4;
  std::string svg = rollup_bars(id, title, rows, [](const Rollup& r) {
    return r.avg_status ? status_info(*r.avg_status).hex : "#eceff1";
  });
  auto at = [](double pct) { return static_cast<int>(std::min(100.0, pct) * kBar / 100); };
  bool own = std::any_of(rows.begin(), rows.end(), [&](const auto& row) {
    return row.second->avg_completion && at(row.second->time_pct) != at(rep.time.pct);
  });
  if (own) {
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (!rows[i].second->avg_completion) continue;
      int y = kTop + static_cast<int>(i) * kRow;
      svg += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#d32f2f\" "
          "stroke-width=\"2\" stroke-dasharray=\"4 2\"><title>序时进度 {3}%</title></line>",
          at(rows[i].second->time_pct), y + 15, y + 37, format_pct(rows[i].second->time_pct));
    }
    return svg + "<text x=\"0\" y=\"16\" font-size=\"13\" fill=\"#d32f2f\">虚线：各自的序时进度" +
           "（含按节点计划的指标）</text></svg>";
  }
  int x = at(rep.time.pct);
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#d32f2f\" stroke-width=\"2\" "
      "stroke-dasharray=\"5 3\"/>"
      "<text x=\"{0}\" y=\"16\" text-anchor=\"{4}\" font-size=\"13\" fill=\"#d32f2f\">序时进度 "
      "{3}%</text>",
      x, kTop - 6, height - 4, format_pct(rep.time.pct),
      // Near either edge the label is anchored inward, so it is never cut off.
      x < 60          ? "start"
      : x > kBar - 40 ? "end"
                      : "middle");
  return svg + "</svg>";
}

RollupRows category_rows(const MonthReport& rep) {
  const Plan& plan = *rep.plan;
  RollupRows rows;
  for (std::size_t i = 0; i < rep.by_category.size(); ++i)
    rows.push_back({category_heading(plan, plan.categories[i].id), &rep.by_category[i]});
  return rows;
}

}  // namespace

std::string category_chart_svg(const MonthReport& rep) {
  return rollup_chart_svg(rep, "category-chart", "各类别平均完成率与序时进度", category_rows(rep));
}

std::string public_category_chart_svg(const MonthReport& rep) {
  return rollup_bars("category-chart", "各类别平均完成率", category_rows(rep),
                     [](const Rollup&) { return "#0b5394"; }) +
         "</svg>";
}

std::string county_chart_svg(const MonthReport& rep) {
  std::vector<std::pair<std::string, const Rollup*>> rows;
  for (const CountyStanding* c : ranked_counties(rep)) rows.push_back({c->rollup.name, &c->rollup});
  return rollup_chart_svg(rep, "county-chart", "各县市区平均完成率与序时进度", rows);
}

namespace {

// A line of months dotted by the page's marker (dot_marker): each month with a figure is a
// vertex; a carried one is drawn hollow over its dot, and a lone month, which has no line to
// carry a marker, is given its own.
class DottedLine {
 public:
  explicit DottedLine(const char* radius) : radius_(radius) {}
  void add(const std::string& cx, const std::string& cy, bool carried) {
    points_ += (points_.empty() ? "" : " ") + cx + "," + cy;
    if (carried) hollow_ += dot(cx, cy, true);
    if (++vertices_ == 1) first_ = {cx, cy, carried};
  }
  bool empty() const { return vertices_ == 0; }
  const std::string& points() const { return points_; }
  // The circles drawn over the line.
  std::string dots() const {
    return vertices_ == 1 ? dot(first_.cx, first_.cy, first_.carried) : hollow_;
  }

 private:
  std::string dot(const std::string& cx, const std::string& cy, bool carried) const {
    return fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"{}\" fill=\"{}\" stroke=\"#0b5394\"/>", cx,
                       cy, radius_, carried ? "#fff" : "#0b5394");
  }
  const char* radius_;
  std::string points_, hollow_;
  std::size_t vertices_ = 0;
  struct {
    std::string cx, cy;
    bool carried = false;
  } first_;
};

// The marker `id` a DottedLine's vertices are dotted with: a filled circle `size` across, in a
// hidden SVG of its own, once in a page.
std::string dot_marker(const char* id, int size, const char* radius) {
  return fmt::format(
      "<svg class=\"marks\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs><marker "
      "id=\"{0}\" viewBox=\"0 0 {1} {1}\" refX=\"{2}\" refY=\"{2}\" markerWidth=\"{1}\" "
      "markerHeight=\"{1}\" markerUnits=\"userSpaceOnUse\"><circle cx=\"{2}\" cy=\"{2}\" "
      "r=\"{3}\" fill=\"#0b5394\"/></marker></defs></svg>\n",
      id, size, size / 2, radius);
}

}  // namespace

std::string sparkline_svg(const TargetHistory* th) {
  if (!th || th->points.empty()) return "";
  constexpr int kW = 90, kH = 24;
  std::size_t n = th->points.size();
  auto x = [&](std::size_t i) {
    return n == 1 ? kW / 2.0 : 4 + (kW - 8) * static_cast<double>(i) / (n - 1);
  };
  auto y = [&](double pct) { return kH - 3 - (kH - 6) * std::clamp(pct, 0.0, 100.0) / 100; };
  DottedLine line("2");
  for (std::size_t i = 0; i < n; ++i) {
    const auto& p = th->points[i];
    if (p.completion_pct)
      line.add(format_fixed(x(i), 1), format_fixed(y(*p.completion_pct), 1), p.carried);
  }
  if (line.empty()) return "";
  return fmt::format(
      "<svg class=\"spark\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" role=\"img\" "
      "aria-label=\"逐月完成率\"><polyline points=\"{2}\" fill=\"none\" stroke=\"#0b5394\" "
      "stroke-width=\"1.5\"/>{3}</svg>",
      kW, kH, line.points(), line.dots());
}

std::string sparkline_marker() {
  return dot_marker("spark-dot", 6, "2.5");  // the circle of r 2 and stroke 1 drawn before
}

std::string target_chart_marker() {
  return dot_marker("chart-dot", 8, "4");  // the circle of r 3.5 and stroke 1 drawn before
}

std::string trend_svg(const History& h) {
  // 400 units wide with 13-unit text: above 11 px on a phone (see svg_chart.cpp); the right
  // margin keeps the last month's 「61.0%」 inside the chart.
  constexpr int kW = 400, kH = 220, kL = 40, kR = 28, kT = 24, kB = 30;
  std::size_t n = h.months.size();
  if (n == 0) return "";
  auto x = [&](std::size_t i) {
    return n == 1 ? (kL + kW - kR) / 2.0 : kL + (kW - kL - kR) * static_cast<double>(i) / (n - 1);
  };
  auto y = [&](double pct) {
    return kT + (kH - kT - kB) * (1 - std::clamp(pct, 0.0, 100.0) / 100);
  };
  std::string svg = fmt::format(
      "<svg class=\"chart\" id=\"trend-chart\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>逐月平均完成率与序时进度</title>",
      kW, kH);
  for (int g = 0; g <= 100; g += 25)
    svg += fmt::format(
        "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{1}\" stroke=\"#eceff1\"/>"
        "<text x=\"{3}\" y=\"{4}\" font-size=\"13\" text-anchor=\"end\">{5}%</text>",
        kL, format_fixed(y(g), 1), kW - kR, kL - 4, format_fixed(y(g) + 4, 1), g);
  std::string mean_pts, time_pts, labels;
  for (std::size_t i = 0; i < n; ++i) {
    CompletionMean month_mean;
    double time = 0;  // the targets' mean 序时进度: the line bends where schedules do
    for (const auto& t : h.targets) {
      const HistoryPoint& p = t.points[i];
      double time_pct = h.time_pct(t, p);
      time += time_pct / static_cast<double>(h.targets.size());
      month_mean.add(p.completion_pct, time_pct);
    }
    std::string xs = format_fixed(x(i), 1);
    time_pts += (i ? " " : "") + xs + "," + format_fixed(y(time), 1);
    labels +=
        fmt::format("<text x=\"{}\" y=\"{}\" font-size=\"13\" text-anchor=\"middle\">{}月</text>",
                    xs, kH - 10, h.months[i].month);
    std::optional<double> month_avg = month_mean.value();
    if (!month_avg) continue;
    double mean = *month_avg;
    std::string ys = format_fixed(y(mean), 1);
    mean_pts += (mean_pts.empty() ? "" : " ") + xs + "," + ys;
    labels += fmt::format(
        "<circle cx=\"{0}\" cy=\"{1}\" r=\"3.5\" fill=\"#0b5394\"/>"
        "<text x=\"{0}\" y=\"{2}\" font-size=\"13\" text-anchor=\"middle\" "
        "fill=\"#0b5394\">{3}</text>",
        xs, ys, format_fixed(y(mean) - 8, 1), pct_text(mean));
  }
  svg += "<polyline points=\"" + time_pts +
         "\" fill=\"none\" stroke=\"#d32f2f\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>";
  if (!mean_pts.empty())
    svg += "<polyline points=\"" + mean_pts +
           "\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2.5\"/>";
  svg += labels;
  svg += fmt::format(
      "<text x=\"{}\" y=\"14\" font-size=\"13\">实线：平均完成率　虚线：序时进度</text>", kL);
  return svg + "</svg>";
}

std::string target_svg(const Plan& plan, const TargetHistory& th, const TargetResult& r) {
  if (!r.target_value || r.measure.empty() || th.target->kind != TargetKind::numeric) return "";
  constexpr int kW = 400, kH = 220, kL = 16, kR = 24, kT = 24, kB = 30;
  int total = months_between(plan.start, plan.deadline_month()) + 1;
  auto done = [&](const HistoryPoint& p) { return months_between(plan.start, th.month_of(p)) + 1; };
  double top = *r.target_value;
  int span = total;  // months after the deadline's (December's report of a plan to November) too
  for (const auto& p : th.points)
    if (p.actual) top = std::max(top, *p.actual), span = std::max(span, done(p));
  top = top > 0 ? top * 1.1 : 1;
  double base = std::min(r.baseline, 0.0);
  auto x = [&](int months_done) {
    return kL + (kW - kL - kR) * static_cast<double>(months_done) / span;
  };
  auto y = [&](double v) { return kT + (kH - kT - kB) * (1 - (v - base) / (top - base)); };
  std::string svg = fmt::format(
      "<svg class=\"chart target-chart\" viewBox=\"0 0 {} {}\" role=\"img\" "
      "xmlns=\"http://www.w3.org/2000/svg\"><title>{}：累计完成与均衡进度</title>",
      kW, kH, svg_escape(th.task->label_of(*th.target)));
  svg += fmt::format(
      "<line x1=\"{0}\" y1=\"{1}\" x2=\"{2}\" y2=\"{3}\" stroke=\"#d32f2f\" stroke-width=\"2\" "
      "stroke-dasharray=\"6 4\"/>",
      format_fixed(x(0), 1), format_fixed(y(r.baseline), 1), format_fixed(x(total), 1),
      format_fixed(y(*r.target_value), 1));
  svg += fmt::format("<text x=\"{}\" y=\"{}\" class=\"end\" fill=\"#d32f2f\">目标 {}</text>",
                     format_fixed(x(total), 1), format_fixed(y(*r.target_value) - 6, 1),
                     svg_escape(with_measure(r.target_value, r.measure)));
  // 起点 and at most six months, counted back from the deadline's, which is always shown: more
  // do not fit a phone's 390 px. The first month is at least a step from 起点.
  int step = std::max(1, (total + 5) / 6);
  svg += fmt::format("<text x=\"{}\" y=\"{}\">起点</text>", format_fixed(x(0), 1), kH - 10);
  for (int i = total % step + step; i <= total; i += step)
    svg += fmt::format("<text x=\"{}\" y=\"{}\">{}月底</text>", format_fixed(x(i), 1), kH - 10,
                       plan.start.plus(i - 1).month);
  DottedLine line("3.5");
  std::string values;
  for (const auto& p : th.points) {
    if (!p.actual) continue;
    std::string xs = format_fixed(x(done(p)), 1), ys = format_fixed(y(*p.actual), 1);
    line.add(xs, ys, p.carried);
    values += fmt::format("<text x=\"{}\" y=\"{}\">{}</text>", xs,
                          format_fixed(y(*p.actual) - 8, 1), svg_escape(format_human(*p.actual)));
  }
  if (!line.empty())
    svg += "<polyline points=\"" + line.points() +
           "\" fill=\"none\" stroke=\"#0b5394\" stroke-width=\"2.5\"/>" + line.dots() + values;
  svg += fmt::format(
      "<text x=\"{}\" y=\"14\" "
      "class=\"start\">实线：累计完成（空心为沿用）　虚线：按月均衡推进</text>",
      kL);
  return svg + "</svg>";
}

}  // namespace minsheng
