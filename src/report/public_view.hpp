// What the public editions (bulletin --public, site --public) show of a month, as template data:
// counts, the mean completion, the category chart, and each category's tasks with the plan's
// words, figures and a status in plain words. Nothing internal is put in it at all (no unit,
// problem, source, standing, 滞后 or 预计逾期), so no edit of a template can show one.
#pragma once
#include <kainjow/mustache.hpp>

#include "assess/assessment.hpp"

namespace minsheng {

// task_count, done_count, open_count, avg, category_chart, month_cn, cutoff, and categories:
// [{number, name, avg, task_count, done_count, has_done, tasks: [{id, text,
// done|under_way|speeding_up, targets: [{name, figure, actual, completion, numeric}]}]}].
kainjow::mustache::data public_month_view(const MonthReport& rep);
// One category of it (plan.categories[i]), as in `categories` above.
kainjow::mustache::data public_category_view(const MonthReport& rep, std::size_t i);

}  // namespace minsheng
