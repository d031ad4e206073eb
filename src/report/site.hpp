// The dashboard: a static site of plain HTML pages with inline SVG charts, readable with
// scripts off, on a phone and in print. Compute (MonthReport, History, problems), then render.
#pragma once
#include <functional>
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

// style.css, which every page links (one copy, not one per page of a province's tens of
// thousands); index.html; a page per category, lead unit, 县市区 (when the plan has them) and
// task. Every page is linked from index.html or from a page it links to. Pages are rendered on
// every core, and `each` is called once per page, from any thread, as soon as it is made, so
// that it can be written and let go; `order` is the page's place in the fixed order. Returns the
// number of pages.
using PageSink = std::function<void(std::size_t order, SitePage&& page)>;
std::size_t render_site(const MonthReport& rep, const History& history,
                        const std::vector<Problem>& problems, const PageSink& each);

}  // namespace minsheng
