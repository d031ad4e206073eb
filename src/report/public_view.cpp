#include "report/public_view.hpp"

#include "report/labels.hpp"
#include "report/svg_chart.hpp"
#include "util/number.hpp"

namespace minsheng {
namespace {

namespace mu = kainjow::mustache;

// The status in plain words: which of the templates' three phrases applies.
void set_public_status(mu::data& d, Status s) {
  PublicStatus p = public_status(s);
  d.set("done", p == PublicStatus::done);
  d.set("under_way", p == PublicStatus::under_way);
  d.set("speeding_up", p == PublicStatus::speeding_up);
}

mu::data target_of(const TargetResult& r) {
  mu::data d;
  d.set("id", target_id(r));
  d.set("name", target_name(r));
  d.set("figure", goal_text(r));
  d.set("actual", r.actual ? with_measure(r.actual, r.measure)
                           : (r.state ? milestone_label(*r.state) : std::string("—")));
  d.set("completion", pct_text(r.completion_pct));
  d.set("numeric", r.completion_pct.has_value());  // a milestone's progress is its task's
  set_public_status(d, r.status);
  return d;
}

}  // namespace

mu::data public_category_view(const MonthReport& rep, std::size_t i) {
  const Plan& plan = *rep.plan;
  const Category& cat = plan.categories[i];
  mu::data d;
  d.set("number", std::to_string(cat.id));
  d.set("name", category_heading(plan, cat.id));
  d.set("avg", pct_text(rep.by_category[i].avg_completion));
  mu::data tasks{mu::data::type::list};
  int count = 0, done = 0;
  for (const TaskResult& tr : rep.tasks) {
    if (tr.task->category != cat.id) continue;
    ++count;
    done += public_status(tr.status) == PublicStatus::done;
    mu::data t;
    t.set("id", std::to_string(tr.task->id));
    t.set("text", tr.task->text);
    set_public_status(t, tr.status);
    mu::data targets{mu::data::type::list};
    for (std::size_t k : tr.targets) targets.push_back(target_of(rep.targets[k]));
    t.set("targets", targets);
    tasks.push_back(t);
  }
  d.set("task_count", std::to_string(count));
  d.set("done_count", std::to_string(done));
  d.set("has_done", done > 0);
  d.set("tasks", tasks);
  return d;
}

mu::data public_month_view(const MonthReport& rep) {
  const Plan& plan = *rep.plan;
  mu::data d;
  d.set("plan_title", plan.title);
  d.set("plan_short", plan.short_title);
  d.set("month_cn", rep.month.chinese());
  d.set("cutoff", cutoff_text(rep));
  d.set("task_count", std::to_string(rep.tasks.size()));
  int done = 0;
  for (const TaskResult& tr : rep.tasks) done += public_status(tr.status) == PublicStatus::done;
  d.set("done_count", std::to_string(done));
  d.set("open_count", std::to_string(static_cast<int>(rep.tasks.size()) - done));
  d.set("avg", pct_text(rep.avg_completion));
  d.set("category_chart", public_category_chart_svg(rep));
  mu::data cats{mu::data::type::list};
  for (std::size_t i = 0; i < plan.categories.size(); ++i)
    cats.push_back(public_category_view(rep, i));
  d.set("categories", cats);
  return d;
}

}  // namespace minsheng
