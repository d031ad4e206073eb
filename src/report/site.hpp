// The dashboard: a static site of plain HTML pages with inline SVG charts, readable with
// scripts off, on a phone and in print. Compute (MonthReport, History, problems), then render.
#pragma once
#include <string>
#include <vector>

#include "assess/assessment.hpp"
#include "assess/history.hpp"
#include "assess/problems.hpp"

namespace minsheng {

struct SitePage {
  std::string path;  // relative to the site folder: "index.html", "task-14.html"
  std::string html;
};

// The file every site folder carries, so that a later run replaces only a folder it made.
inline constexpr const char* kSiteMarker = ".minsheng-site";

// index.html; a page per category, lead unit, 县市区 (when the plan has them) and task. Every
// page is linked from index.html or from a page it links to.
std::vector<SitePage> render_site(const MonthReport& rep, const History& history,
                                  const std::vector<Problem>& problems);

}  // namespace minsheng
