// The public edition of the dashboard (site --public): index.html with the month's figures and
// category chart, a page per category with its tasks in the plan's words and plain-worded states,
// and one style.css. Its data is public_month_view's alone: nothing internal (units, problems,
// sources, standings, 滞后, 预计逾期) is there to show. Wording in docs/templates/site_public_*.
#pragma once
#include <cstddef>

#include "report/site.hpp"

namespace minsheng {

// Hands each page to `each` in a fixed order (style.css, index.html, category-N.html); returns
// the number of pages.
std::size_t render_public_site(const MonthReport& rep, const PageSink& each);

}  // namespace minsheng
