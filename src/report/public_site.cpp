#include "report/public_site.hpp"

#include "report/default_templates.hpp"
#include "report/labels.hpp"
#include "report/public_view.hpp"
#include "report/template_render.hpp"

namespace minsheng {

std::size_t render_public_site(const MonthReport& rep, const PageSink& each) {
  auto render = [](const char* name, const kainjow::mustache::data& d) {
    return render_template(std::string(default_template(name)), name, "html", d);
  };
  std::size_t n = 0;
  each(n++, {"style.css", std::string(default_template("site_public.css.mustache"))});
  each(n++, {"index.html", render("site_public_index.html.mustache", public_month_view(rep))});
  const Plan& plan = *rep.plan;
  for (std::size_t i = 0; i < plan.categories.size(); ++i) {
    kainjow::mustache::data d = public_category_view(rep, i);
    d.set("plan_short", plan.short_title);
    d.set("cutoff", cutoff_text(rep));
    each(n++, {"category-" + std::to_string(plan.categories[i].id) + ".html",
               render("site_public_category.html.mustache", d)});
  }
  return n;
}

}  // namespace minsheng
