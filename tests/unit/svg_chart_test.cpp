#include "report/svg_chart.hpp"

#include <catch2/catch.hpp>

#include "assess/history.hpp"
#include "report/site_style.hpp"

using namespace minsheng;

namespace {

HistoryPoint point(int month, std::optional<double> pct, bool carried = false) {
  HistoryPoint p;
  p.month_index = YearMonth{2024, month}.index();
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
  th.points = {point(4, 50), point(5, 50, true), point(6, 80)};
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
  th.points = {point(6, 30)};
  std::string svg = sparkline_svg(&th);
  CHECK(svg.find("<circle cx=\"45.0\" cy=\"15.6\" r=\"2\" fill=\"#0b5394\" stroke=\"#0b5394\"/>") !=
        std::string::npos);
  // Months without a figure leave no vertex: April and June, the lone dot June's.
  th.points = {point(4, std::nullopt), point(5, std::nullopt), point(6, 30)};
  svg = sparkline_svg(&th);
  CHECK(svg.find("<polyline points=\"86.0,15.6\"") != std::string::npos);
  CHECK(svg.find("<circle cx=\"86.0\" cy=\"15.6\"") != std::string::npos);
  th.points = {point(4, std::nullopt)};
  CHECK(sparkline_svg(&th).empty());
  CHECK(sparkline_svg(nullptr).empty());
}
