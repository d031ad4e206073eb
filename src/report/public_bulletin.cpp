#include "report/public_bulletin.hpp"

#include "report/default_templates.hpp"
#include "report/labels.hpp"
#include "report/svg_chart.hpp"
#include "report/template_render.hpp"
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

mu::data category_of(const Bulletin& b, std::size_t i) {
  const MonthReport& rep = b.report;
  const Plan& plan = *rep.plan;
  const Category& cat = plan.categories[i];
  mu::data d;
  d.set("name", category_heading(plan, cat.id));
  d.set("avg", pct_text(rep.by_category[i].avg_completion));
  mu::data tasks{mu::data::type::list};
  for (const TaskResult& tr : rep.tasks) {
    if (tr.task->category != cat.id) continue;
    mu::data t;
    t.set("id", std::to_string(tr.task->id));
    t.set("text", tr.task->text);
    set_public_status(t, tr.status);
    mu::data targets{mu::data::type::list};
    for (std::size_t k : tr.targets) targets.push_back(target_of(rep.targets[k]));
    t.set("targets", targets);
    tasks.push_back(t);
  }
  d.set("tasks", tasks);
  return d;
}

mu::data public_view(const Bulletin& b) {
  const MonthReport& rep = b.report;
  const Plan& plan = *rep.plan;
  mu::data d;
  d.set("plan_title", plan.title);
  d.set("plan_short", plan.short_title);
  d.set("period_name", std::to_string(b.period.year) + "年" + b.period.chinese());
  d.set("month_cn", b.month.chinese());
  d.set("issued_cn", b.issued.year ? b.issued.chinese() : "");
  d.set("task_count", std::to_string(rep.tasks.size()));
  int done = 0;
  for (const TaskResult& tr : rep.tasks) done += public_status(tr.status) == PublicStatus::done;
  d.set("done_count", std::to_string(done));
  d.set("open_count", std::to_string(static_cast<int>(rep.tasks.size()) - done));
  d.set("avg", pct_text(rep.avg_completion));
  d.set("category_chart", public_category_chart_svg(rep));
  mu::data cats{mu::data::type::list};
  for (std::size_t i = 0; i < plan.categories.size(); ++i) cats.push_back(category_of(b, i));
  d.set("categories", cats);
  return d;
}

}  // namespace

std::string render_public_bulletin(const Bulletin& b, const std::string& format) {
  std::string name = "bulletin_public." + format + ".mustache";
  return render_template(std::string(default_template(name)), name, format, public_view(b));
}

}  // namespace minsheng
