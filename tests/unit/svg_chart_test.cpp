#include "report/svg_chart.hpp"

#include <catch2/catch.hpp>

#include "assess/history.hpp"
#include "fixtures.hpp"
#include "report/site_style.hpp"

using namespace minsheng;

namespace {

// A point's month is its place among its target's points, from TargetHistory::first.
HistoryPoint point(std::optional<double> pct, bool carried = false) {
  HistoryPoint p;
  if (pct) p.completion_pct = *pct;
  p.carried = carried;
  return p;
}

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("a sparkline's months are the marker's dots, a carried month drawn hollow over it") {
  TargetHistory th;
  th.points = {point(50), point(50, true), point(80)};
  std::string svg = sparkline_svg(&th);
  // x from 4 to 86 over three months; y = 21 − 18 × pct/100: 12.0 for 50%, 6.6 for 80%.
  CHECK(svg.find("<polyline points=\"4.0,12.0 45.0,12.0 86.0,6.6\"") != std::string::npos);
  CHECK(count(svg, "<circle") == 1);  // the carried May, hollow
  CHECK(svg.find("<circle cx=\"45.0\" cy=\"12.0\" r=\"2\" fill=\"#fff\" stroke=\"#0b5394\"/>") !=
        std::string::npos);
  // The dots come from the page's marker, through style.css.
  CHECK(sparkline_marker().find("<marker id=\"spark-dot\"") != std::string::npos);
  CHECK(std::string(site_stylesheet()).find("svg.spark polyline { marker: url(#spark-dot); }") !=
        std::string::npos);
}

TEST_CASE("a sparkline of one month with a figure draws its dot, as no line carries a marker") {
  TargetHistory th;
  th.points = {point(30)};
  std::string svg = sparkline_svg(&th);
  CHECK(svg.find("<circle cx=\"45.0\" cy=\"15.6\" r=\"2\" fill=\"#0b5394\" stroke=\"#0b5394\"/>") !=
        std::string::npos);
  // Months without a figure leave no vertex: April and June, the lone dot June's.
  th.points = {point(std::nullopt), point(std::nullopt), point(30)};
  svg = sparkline_svg(&th);
  CHECK(svg.find("<polyline points=\"86.0,15.6\"") != std::string::npos);
  CHECK(svg.find("<circle cx=\"86.0\" cy=\"15.6\"") != std::string::npos);
  th.points = {point(std::nullopt)};
  CHECK(sparkline_svg(&th).empty());
  CHECK(sparkline_svg(nullptr).empty());
}

TEST_CASE("a target chart's months are the marker's dots and its text is set by the stylesheet") {
  // Task 1 of the fixture plan: 100个 or more, January to October 2024 (ten months).
  const Plan& plan = test::plan();
  const Task& task = plan.tasks[0];
  TargetHistory th{&task, &task.targets[0], {}, YearMonth{2024, 4}, {}, {}, false, {}};
  auto at = [](double actual, bool carried = false) {
    HistoryPoint p = point(std::nullopt, carried);
    p.actual = actual;
    return p;
  };
  th.points = {at(30), at(50, true), at(60)};  // April to June
  TargetResult r;
  r.target_value = 100;
  r.measure = "个";
  std::string svg = target_svg(plan, th, r);
  // x = 16 + 360 × months done ÷ 10: April (4 done) 160.0, May 196.0, June 232.0. The top is
  // 110 (the target's 100 and a tenth more), so y = 24 + 166 × (1 − v ÷ 110): 30 → 144.7,
  // 50 → 114.5, 60 → 99.5.
  CHECK(svg.find("<polyline points=\"160.0,144.7 196.0,114.5 232.0,99.5\"") != std::string::npos);
  CHECK(count(svg, "<circle") == 1);  // the carried May, hollow over its dot
  CHECK(
      svg.find("<circle cx=\"196.0\" cy=\"114.5\" r=\"3.5\" fill=\"#fff\" stroke=\"#0b5394\"/>") !=
      std::string::npos);
  CHECK(svg.find("<text x=\"160.0\" y=\"136.7\">30</text>") != std::string::npos);
  // 起点 and every second month back from October's: five labels, none crowding 起点.
  CHECK(svg.find("<text x=\"16.0\" y=\"210\">起点</text>") != std::string::npos);
  CHECK(count(svg, "月底") == 5);
  CHECK(svg.find("<text x=\"88.0\" y=\"210\">2月底</text>") != std::string::npos);
  CHECK(svg.find("<text x=\"376.0\" y=\"210\">10月底</text>") != std::string::npos);
  CHECK(svg.find("font-size") == std::string::npos);
  CHECK(svg.find("class=\"end\" fill=\"#d32f2f\">目标 100个</text>") != std::string::npos);
  std::string css = site_stylesheet();
  CHECK(css.find("svg.target-chart polyline { marker: url(#chart-dot); }") != std::string::npos);
  CHECK(css.find("svg.target-chart text { font-size: 13px; text-anchor: middle; }") !=
        std::string::npos);
  CHECK(target_chart_marker().find("<marker id=\"chart-dot\"") != std::string::npos);
  // A lone month has no line to carry a marker: its own dot.
  th.first = {2024, 6};
  th.points = {at(60)};
  svg = target_svg(plan, th, r);
  CHECK(svg.find(
            "<circle cx=\"232.0\" cy=\"99.5\" r=\"3.5\" fill=\"#0b5394\" stroke=\"#0b5394\"/>") !=
        std::string::npos);
}

TEST_CASE("a target chart's months after the deadline's stay inside it") {
  // The fixture plan runs January to October 2024; December's report carries a point at 12
  // months done. x = 16 + 360 × months done ÷ 12 then: October (the deadline) 316.0, December
  // 376.0, the chart's right edge less its margin, rather than 448.0 outside it.
  const Plan& plan = test::plan();
  const Task& task = plan.tasks[0];
  TargetHistory th{&task, &task.targets[0], {}, YearMonth{2024, 10}, {}, {}, false, {}};
  HistoryPoint oct = point(std::nullopt), nov = point(std::nullopt),
               dec = point(std::nullopt, true);
  oct.actual = 100;
  dec.actual = 100;  // November without a figure leaves no vertex
  th.points = {oct, nov, dec};
  TargetResult r;
  r.target_value = 100;
  r.measure = "个";
  std::string svg = target_svg(plan, th, r);
  // y = 24 + 166 × (1 − 100 ÷ 110) = 39.1.
  CHECK(svg.find("<polyline points=\"316.0,39.1 376.0,39.1\"") != std::string::npos);
  // The straight line still ends at the deadline, and so does the axis.
  CHECK(svg.find("x2=\"316.0\" y2=\"39.1\"") != std::string::npos);
  CHECK(svg.find(">10月底</text>") != std::string::npos);
}
