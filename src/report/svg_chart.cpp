#include "report/svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>

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

// Mean completion of each row against the 序时进度 line, bars coloured by the gap rule. Each
// row is two lines, its name above its bar, so that a long category name leaves the bar the
// chart's width on a phone.
std::string rollup_chart_svg(const MonthReport& rep, const std::string& id,
                             const std::string& title,
                             const std::vector<std::pair<std::string, const Rollup*>>& rows) {
  constexpr int kBar = 320, kRow = 42, kTop = 28;
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
    const char* color = r.avg_status ? status_info(*r.avg_status).hex : "#eceff1";
    svg += fmt::format(
        "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>"
        "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"#eceff1\"/>"
        "<rect x=\"0\" y=\"{}\" width=\"{}\" height=\"16\" fill=\"{}\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text>",
        y + 13, svg_escape(rows[i].first), y + 18, kBar, y + 18, w, color, kBar + 6, y + 31,
        pct_text(r.avg_completion));
  }
  int x = static_cast<int>(std::min(100.0, rep.time.pct) * kBar / 100);
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

}  // namespace

std::string category_chart_svg(const MonthReport& rep) {
  const Plan& plan = *rep.plan;
  std::vector<std::pair<std::string, const Rollup*>> rows;
  for (std::size_t i = 0; i < rep.by_category.size(); ++i)
    rows.push_back({category_heading(plan, plan.categories[i].id), &rep.by_category[i]});
  return rollup_chart_svg(rep, "category-chart", "各类别平均完成率与序时进度", rows);
}

std::string county_chart_svg(const MonthReport& rep) {
  std::vector<std::pair<std::string, const Rollup*>> rows;
  for (const CountyStanding* c : ranked_counties(rep)) rows.push_back({c->rollup.name, &c->rollup});
  return rollup_chart_svg(rep, "county-chart", "各县市区平均完成率与序时进度", rows);
}

}  // namespace minsheng
