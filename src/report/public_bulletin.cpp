#include "report/public_bulletin.hpp"

#include "report/default_templates.hpp"
#include "report/public_view.hpp"
#include "report/template_render.hpp"

namespace minsheng {

namespace mu = kainjow::mustache;

namespace {

mu::data public_view(const Bulletin& b) {
  mu::data d = public_month_view(b.report);
  d.set("period_name", std::to_string(b.period.year) + "年" + b.period.chinese());
  d.set("month_cn", b.month.chinese());
  d.set("issued_cn", b.issued.year ? b.issued.chinese() : "");
  return d;
}

}  // namespace

std::string render_public_bulletin(const Bulletin& b, const std::string& format) {
  std::string name = "bulletin_public." + format + ".mustache";
  return render_template(std::string(default_template(name)), name, format, public_view(b));
}

}  // namespace minsheng
