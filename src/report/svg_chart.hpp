// Inline SVG charts for the HTML bulletin: no scripts, fonts or images from outside.
#pragma once
#include <string>

#include "assess/assessment.hpp"

namespace minsheng {

std::string svg_escape(std::string_view s);

// Horizontal bars: how many tasks have each status.
std::string status_chart_svg(const MonthReport& rep);
// Average completion per category against the 序时进度 line.
std::string category_chart_svg(const MonthReport& rep);
// Average completion per 县市区, in rank order, against the 序时进度 line.
std::string county_chart_svg(const MonthReport& rep);

}  // namespace minsheng
