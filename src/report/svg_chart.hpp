// Inline SVG charts for the HTML bulletin and the site: no scripts, fonts or images from outside.
#pragma once
#include <string>

#include "assess/assessment.hpp"
#include "assess/history.hpp"

namespace minsheng {

std::string svg_escape(std::string_view s);

// Horizontal bars: how many tasks have each status.
std::string status_chart_svg(const MonthReport& rep);
// Average completion per category against the 序时进度 line.
// The public edition's: each category's mean completion, in one colour, without 序时进度.
std::string public_category_chart_svg(const MonthReport& rep);
std::string category_chart_svg(const MonthReport& rep);
// Average completion per 县市区, in rank order, against the 序时进度 line.
std::string county_chart_svg(const MonthReport& rep);
// A target's completion month by month, small enough for a table cell ("" without values). Its
// months are marked by the page's sparkline_marker, through the site's style.css: a province's
// pages hold a hundred thousand sparklines, and a dot drawn as a circle each would be half
// their bytes.
std::string sparkline_svg(const TargetHistory* th);
// Defines the dot sparklines mark their months with, once in a page that has any.
std::string sparkline_marker();
// The mean completion of every target month by month against 序时进度.
std::string trend_svg(const History& h);
// One target's cumulative value month by month against the straight line from its baseline at
// the plan's start to its figure at the deadline ("" for a target without a figure). Its months
// are dotted by the page's target_chart_marker and its text set, through the site's style.css:
// a province's unit pages hold a hundred thousand of these, and the circles and attributes
// drawn in each were a third of their bytes.
std::string target_svg(const Plan& plan, const TargetHistory& th, const TargetResult& r);
// Defines the dot target charts mark their months with, once in a page that has any.
std::string target_chart_marker();

}  // namespace minsheng
