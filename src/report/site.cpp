#include "report/site.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "report/investment_report.hpp"
#include "report/labels.hpp"
#include "report/project_report.hpp"
#include "report/site_style.hpp"
#include "report/summary_report.hpp"
#include "report/svg_chart.hpp"
#include "util/number.hpp"
#include "util/parallel.hpp"
#include "util/text.hpp"

namespace minsheng {
namespace {

std::string esc(std::string_view s) {
  return svg_escape(s);
}

// The page is made in one block of its final size: a unit's page at province scale is half a
// megabyte, and growing it by doubling faulted in its memory several times over.
std::string page(const MonthReport& rep, const std::string& title, const std::string& body) {
  const Plan& plan = *rep.plan;
  std::string head =
      "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
      esc(title) + " · " + esc(plan.short_title) +
      "</title>\n<link rel=\"stylesheet\" href=\"style.css\">\n</head>\n<body>\n<nav "
      "class=\"top\"><a href=\"index.html\">总览</a>"
      "<a href=\"index.html#categories\">分类</a><a href=\"index.html#units\">牵头单位</a>" +
      (plan.counties.empty() ? std::string() : "<a href=\"index.html#counties\">县市区</a>") +
      "</nav>\n<main>\n" +
      (body.find("class=\"spark\"") == std::string::npos ? std::string() : sparkline_marker()) +
      (body.find("class=\"chart target-chart\"") == std::string::npos ? std::string()
                                                                      : target_chart_marker());
  std::string tail = "</main>\n<footer>" + esc(plan.short_title) + " · 数据截至" +
                     esc(cutoff_text(rep)) + " · 序时进度 " + format_pct(rep.time.pct) +
                     "%</footer>\n</body>\n</html>\n";
  std::string out;
  out.reserve(head.size() + body.size() + tail.size());
  return out.append(head).append(body).append(tail);
}

// A page per task while a reader can find one among them (a city's 70); beyond that (a
// province's thousands), each task is a section of its first lead unit's page, which is where
// a unit reads its own tasks and where a leader looks a unit up.
constexpr std::size_t kTaskPagesUpTo = 1000;
// The rows a list on the front page or a category's page shows (those that need it most): a
// province's thousands are on the unit pages.
constexpr std::size_t kIndexRowsUpTo = 200;
// Keeps the first kIndexRowsUpTo of `rows`, in their order; returns how many it cut.
std::size_t cut_to_shown(std::vector<const TargetResult*>& rows) {
  std::size_t more = rows.size() > kIndexRowsUpTo ? rows.size() - kIndexRowsUpTo : 0;
  rows.resize(rows.size() - more);
  return more;
}
bool tasks_on_unit_pages(const Plan& plan) {
  return plan.tasks.size() > kTaskPagesUpTo;
}
std::string unit_href(const Plan& plan, const std::string& unit);
std::string task_href(const Plan& plan, const Task& task) {
  if (tasks_on_unit_pages(plan) && !task.leads.empty())
    return unit_href(plan, task.leads.front()) + "#task-" + std::to_string(task.id);
  return "task-" + std::to_string(task.id) + ".html";
}
std::string category_href(int id) {
  return "category-" + std::to_string(id) + ".html";
}
// Units (by their place in `units`) and 县市区 by position: file names stay ASCII everywhere.
std::string unit_href(const Plan& plan, const std::string& unit) {
  return fmt::format("unit-{:02}.html", plan.unit_position(unit) + 1);
}
std::string county_href(int county) {
  return fmt::format("county-{:02}.html", county + 1);
}

std::string badge(const TargetResult& r) {
  return "<span class=\"badge\" style=\"background:" + std::string(status_info(r.status).hex) +
         "\">" + esc(status_text(r)) + "</span>";
}

std::string bar(const std::optional<double>& pct, Status status) {
  if (!pct) return "—";
  double w = std::clamp(*pct, 0.0, 100.0);
  return fmt::format("<span class=\"bar\"><i style=\"width:{}%;background:{}\"></i></span>{}",
                     format_fixed(w, 1), status_info(status).hex, pct_text(pct));
}

// Completion month by month as a small line; a value carried from an earlier month is hollow.
std::string targets_table(const MonthReport& rep, const History& h,
                          const std::vector<const TargetResult*>& rows) {
  std::string out =
      "<div class=\"scroll\"><table "
      "class=\"cards\"><thead><tr><th>编号</th><th>指标</th><th>牵头单位</th>"
      "<th>累计完成</th><th>完成率</th><th>逐月</th><th>状态</th></tr></thead><tbody>\n";
  for (const TargetResult* r : rows) {
    std::string actual = r->actual ? with_measure(r->actual, r->measure)
                                   : (r->state ? milestone_label(*r->state) : "—");
    if (r->carried) actual += "（" + carried_text(*r) + "）";
    out += "<tr><td><a href=\"" + task_href(*rep.plan, *r->task) + "\">" + esc(target_id(*r)) +
           "</a></td><td class=\"name\">" + esc(target_name(*r)) + "</td><td><a href=\"" +
           unit_href(*rep.plan, r->target->lead) + "\">" + esc(r->target->lead.str()) +
           "</a></td><td>" + esc(actual) + " / " + esc(goal_text(*r)) + "</td><td>" +
           bar(r->completion_pct, r->status) + "</td><td>" + sparkline_svg(h.find(r->key())) +
           "</td><td>" + badge(*r) + "</td></tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string rollup_table(const std::string& first,
                         const std::vector<std::pair<std::string, std::string>>& links,
                         const std::vector<const Rollup*>& rollups) {
  std::string out =
      "<div class=\"scroll\"><table><thead><tr><th>" + esc(first) +
      "</th><th>合计</th><th>已完成</th><th>滞后</th><th>平均完成率</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < rollups.size(); ++i) {
    const Rollup& r = *rollups[i];
    out += "<tr><td><a href=\"" + links[i].second + "\">" + esc(links[i].first) +
           "</a></td><td class=\"num\">" + std::to_string(r.total()) + "</td><td class=\"num\">" +
           std::to_string(r.finished()) + "</td><td class=\"num\">" + std::to_string(r.lagging()) +
           "</td><td>" + bar(r.avg_completion, r.avg_status.value_or(Status::not_reported)) +
           "</td></tr>\n";
  }
  return out + "</tbody></table></div>\n";
}

std::string words_html(const UnitText& t) {
  std::string out;
  for (const auto& [label, text] :
       {std::pair<const char*, const std::string*>{"进展情况", &t.progress},
        {"存在问题", &t.issues},
        {"下步计划", &t.next_steps}})
    if (!text->empty()) out += "<li><b>" + std::string(label) + "</b>：" + esc(*text) + "</li>";
  return out.empty() ? out : "<ul class=\"words\">" + out + "</ul>\n";
}

std::string problems_html(const Plan& plan, const std::vector<const Problem*>& list,
                          YearMonth as_of) {
  if (list.empty()) return "";
  std::string out =
      "<div class=\"scroll\"><table><thead><tr><th>编号</th><th>事项</th><th>存在问题</th>"
      "<th>首报</th><th>状态</th></tr></thead><tbody>\n";
  for (const Problem* p : list)
    out += "<tr><td>" + esc(p->id) + "</td><td>" + esc(problem_subject(plan, *p)) + "</td><td>" +
           esc(p->text) + "</td><td>" + p->first_month.str() + "</td><td>" +
           esc(problem_state_text(plan, *p, as_of)) +
           (p->open() ? "，已持续 " + std::to_string(p->months_open(as_of)) + " 个月" : "") +
           "</td></tr>\n";
  return out + "</tbody></table></div>\n";
}

// Mean completion of numeric targets, month by month, against the 序时进度 line.
std::string index_page(const MonthReport& rep, const History& h,
                       const std::vector<Problem>& problems) {
  const Plan& plan = *rep.plan;
  std::string b = "<h1>" + esc(plan.short_title) + " " + rep.month.chinese() +
                  "</h1>\n<p class=\"lead\">数据截至" + esc(cutoff_text(rep)) + "；序时进度 " +
                  format_pct(rep.time.pct) + "%" + esc(by_nodes_text(rep)) + "；平均完成率 " +
                  pct_text(rep.avg_completion) + "</p>\n<div class=\"figures\">";
  for (Status s : kHeadlineOrder)
    if (int n = rep.task_count(s))
      b += "<div class=\"figure\"><b style=\"color:" + std::string(status_info(s).hex) + "\">" +
           std::to_string(n) + "</b><span>" + status_label(s, rep.at_deadline) + "</span></div>";
  b += "</div>\n<p class=\"lead\">" +
       esc(headline(rep.task_counts, rep.tasks.size(), rep.at_deadline)) + "</p>\n";
  if (rep.investment.any()) b += "<p class=\"lead\">" + esc(investment_sentence(rep)) + "</p>\n";
  b += "<h2>逐月平均完成率</h2>\n<figure>" + trend_svg(h) + "</figure>\n";
  std::vector<const TargetResult*> attention = lagging_targets(rep);
  for (const TargetResult* r : at_risk_targets(rep)) attention.push_back(r);
  b += "<h2>需关注的指标</h2>\n";
  // The worst first, as many as a phone shows; the rest are on their units' pages.
  std::size_t more = cut_to_shown(attention);
  b += attention.empty() ? "<p>各指标均按序时推进。</p>\n" : targets_table(rep, h, attention);
  if (more) b += "<p>另有 " + std::to_string(more) + " 个指标需关注，见各牵头单位页面。</p>\n";
  b += "<h2>报送情况</h2>\n";
  auto gaps = gap_lines(rep);
  if (gaps.empty())
    b += "<p>各牵头单位均已报送。</p>\n";
  else {
    b += "<ul>";
    for (const auto& g : gaps) b += "<li>" + esc(g) + "</li>";
    b += "</ul>\n";
  }
  std::vector<std::pair<std::string, std::string>> links;
  std::vector<const Rollup*> rollups;
  for (std::size_t i = 0; i < plan.categories.size(); ++i) {
    links.push_back(
        {category_heading(plan, plan.categories[i].id), category_href(plan.categories[i].id)});
    rollups.push_back(&rep.by_category[i]);
  }
  b += "<h2 id=\"categories\">分类（按任务计）</h2>\n" + rollup_table("类别", links, rollups);
  links.clear();
  rollups.clear();
  for (const auto& r : rep.by_unit) {
    links.push_back({r.name, unit_href(plan, r.name)});
    rollups.push_back(&r);
  }
  b += "<h2 id=\"units\">牵头单位（按指标计）</h2>\n" + rollup_table("牵头单位", links, rollups);
  if (!plan.counties.empty()) {
    links.clear();
    rollups.clear();
    for (const CountyStanding* c : ranked_counties(rep)) {
      links.push_back({std::to_string(c->rank) + ". " + c->rollup.name, county_href(c->county)});
      rollups.push_back(&c->rollup);
    }
    b += "<h2 id=\"counties\">县市区（按分解指标计，依排名）</h2>\n";
    b += links.empty() ? "<p>尚无分解方案。</p>\n" : rollup_table("县市区", links, rollups);
    // Every 县市区 has a page, allocated or not.
    b += "<ul class=\"links\">";
    for (std::size_t i = 0; i < plan.counties.size(); ++i)
      b += "<li><a href=\"" + county_href(static_cast<int>(i)) + "\">" + esc(plan.counties[i]) +
           "</a></li>";
    b += "</ul>\n";
  }
  int open = 0;
  for (const auto& p : problems) open += p.open();
  b += "<h2>问题清单</h2>\n<p>共 " + std::to_string(problems.size()) + " 个问题，未销号 " +
       std::to_string(open) + " 个；各问题见所属任务页。</p>\n";
  return page(rep, "总览", b);
}

}  // namespace

namespace {

template <class Map>
const typename Map::mapped_type& ix_list(const Map& m, const typename Map::key_type& k) {
  static const typename Map::mapped_type none;
  auto it = m.find(k);
  return it == m.end() ? none : it->second;
}

// Everything a page lists, grouped once: a province has thousands of units and tasks.
struct SiteIndex {
  std::map<std::string_view, std::vector<const Problem*>> unit_problems;
  std::map<int, std::vector<const Problem*>> task_problems;
  std::map<TargetKey, std::vector<const TargetResult*>> target_counties;
  std::map<TargetKey, std::vector<const ProjectResult*>> target_projects;
  std::vector<std::vector<const TargetResult*>> county_rows;
  TargetsByLead unit_targets;
  // With tasks on their units' pages: each unit's tasks (by first lead), in plan order.
  std::map<std::string_view, std::vector<const TaskResult*>> unit_tasks;

  SiteIndex(const MonthReport& rep, const std::vector<Problem>& problems)
      : county_rows(rep.plan->counties.size()), unit_targets(targets_by_lead(rep.targets)) {
    for (const auto& p : problems) {
      unit_problems[p.unit].push_back(&p);
      task_problems[p.key.task].push_back(&p);
    }
    for (const auto& c : rep.county_targets) {
      target_counties[c.key()].push_back(&c);
      county_rows[static_cast<std::size_t>(c.county)].push_back(&c);
    }
    for (const auto& p : rep.projects) target_projects[p.key()].push_back(&p);
    if (tasks_on_unit_pages(*rep.plan))
      for (const auto& t : rep.tasks)
        if (!t.task->leads.empty()) unit_tasks[t.task->leads.front().str()].push_back(&t);
  }
};

std::string task_body(const MonthReport& rep, const History& h, const SiteIndex& ix,
                      const TaskResult& tr, const char* level);

std::string unit_page(const MonthReport& rep, const History& h, const SiteIndex& ix,
                      const std::string& unit) {
  const Plan& plan = *rep.plan;
  auto targets = ix.unit_targets.find(unit);
  std::string b =
      "<h1>" + esc(unit) + "</h1>\n" +
      targets_table(
          rep, h,
          targets == ix.unit_targets.end() ? std::vector<const TargetResult*>{} : targets->second);
  if (auto it = rep.unit_texts.find(unit); it != rep.unit_texts.end())
    b.append("<h2>本月情况</h2>\n").append(words_html(it->second));
  if (auto it = ix.unit_problems.find(unit); it != ix.unit_problems.end())
    b.append("<h2>问题清单</h2>\n").append(problems_html(plan, it->second, rep.month));
  if (auto it = ix.unit_tasks.find(unit); it != ix.unit_tasks.end())
    for (const TaskResult* t : it->second)
      b.append("<section>\n").append(task_body(rep, h, ix, *t, "h2")).append("</section>\n");
  return page(rep, unit, b);
}

std::string county_page(const MonthReport& rep, const SiteIndex& ix, std::size_t c) {
  const Plan& plan = *rep.plan;
  std::string b = "<h1>" + esc(plan.counties[c]) + "</h1>\n";
  const CountyStanding* st = nullptr;
  for (const auto& s : rep.counties)
    if (s.county == static_cast<int>(c)) st = &s;
  if (!st) {
    b += "<p>尚无分解到本县市区的指标。</p>\n";
  } else {
    b += "<p class=\"lead\">排名第 " + std::to_string(st->rank) + " 位；分解指标 " +
         std::to_string(st->rollup.total()) + " 个；平均完成率 " +
         pct_text(st->rollup.avg_completion) + "</p>\n";
    // Stacked cards on a phone (the county governments read this page there): the name on
    // its own line, then the figures and the status, nothing off-screen.
    b += "<div class=\"scroll\"><table class=\"cards\"><thead><tr><th>编号</th><th>指标</th>"
         "<th>牵头单位</th><th>累计完成 / 分解目标</th><th>完成率</th><th>状态</th></tr></thead>"
         "<tbody>\n";
    for (const TargetResult* rp : ix.county_rows[c]) {
      const TargetResult& r = *rp;
      std::string actual = r.actual ? with_measure(r.actual, r.measure) : "—";
      if (r.carried) actual += "（" + carried_text(r) + "）";
      std::string note =
          r.note.empty() ? "" : "<div class=\"note\">备注：" + esc(r.note.str()) + "</div>";
      b += "<tr><td><a href=\"" + task_href(plan, *r.task) + "\">" + esc(target_id(r)) +
           "</a></td><td class=\"name\">" + esc(target_name(r)) + note + "</td><td>" +
           esc(r.target->lead.str()) + "</td><td>" + esc(actual) + " / " +
           esc(with_measure(r.target_value, r.measure)) + "</td><td>" +
           bar(r.completion_pct, r.status) + "</td><td>" + badge(r) + "</td></tr>\n";
    }
    b += "</tbody></table></div>\n";
  }
  return page(rep, plan.counties[c], b);
}

// A target's months: its chart, the table, where each figure came from, its status changes.
std::string months_html(const Plan& plan, const TargetHistory& th, const TargetResult& r) {
  std::string b;
  b += "<figure>" + target_svg(plan, th, r) + "</figure>\n";
  b += "<div class=\"scroll\"><table><thead><tr><th>月份</th><th>累计完成</th><th>完成率</th>"
       "<th>状态</th></tr></thead><tbody>\n";
  // File paths are for the office checking a figure, not for the reader: they fold away.
  std::string sources;
  for (const auto& p : th.points) {
    std::string v = p.actual ? with_measure(p.actual, r.measure)
                             : (p.state() ? milestone_label(*p.state()) : "—");
    std::string month = th.month_of(p).str();
    if (auto from = th.value_month(p); p.carried && from) v += "（沿用" + from->str() + "）";
    b += "<tr><td>" + month + "</td><td>" + esc(v) + "</td><td>" + pct_text(p.completion_pct) +
         "</td><td>" + esc(point_label(p)) + "</td></tr>\n";
    if (!p.file.empty()) sources += "<li>" + month + "：" + esc(p.source().str()) + "</li>";
  }
  b += "</tbody></table></div>\n";
  if (!sources.empty())
    b += "<details class=\"sources\"><summary>数据来源</summary><ul>" + sources +
         "</ul></details>\n";
  if (!th.changes.empty()) {
    b += "<p>状态变化：";
    std::vector<std::string> ch;
    for (const auto& c : th.changes) ch.push_back(change_text(c));
    b += esc(join(ch, "；")) + "</p>\n";
  }
  return b;
}

// One target's section of its task's page: figures, its chart and months, its 县市区 and
// projects.
std::string target_section(const MonthReport& rep, const History& h, const SiteIndex& ix,
                           const TargetResult& r) {
  const Plan& plan = *rep.plan;
  const Task& task = *r.task;
  std::string b;
  const TargetHistory* th = h.find(r.key());
  b += "<h2>" + esc(task.label_of(*r.target)) +
       (r.target->name.empty() ? "" : " " + esc(r.target->name)) + " " + badge(r) +
       "</h2>\n<p class=\"lead\">目标 " + esc(goal_text(r)) + "；完成率 " +
       pct_text(r.completion_pct) + "；序时进度 " + esc(time_text(r)) +
       (r.projected_month ? "；按近期进度预计 " + r.projected_month->chinese() + "达到目标" : "") +
       "</p>\n";
  if (th) b += months_html(plan, *th, r);

  if (auto it = rep.texts.find(r.key()); it != rep.texts.end()) b += words_html(it->second);
  std::string counties;
  for (const TargetResult* c : ix_list(ix.target_counties, r.key()))
    counties += "<tr><td><a href=\"" + county_href(c->county) + "\">" +
                esc(plan.counties[static_cast<std::size_t>(c->county)]) + "</a></td><td>" +
                esc(c->actual ? with_measure(c->actual, c->measure) : "—") + " / " +
                esc(with_measure(c->target_value, c->measure)) + "</td><td>" +
                bar(c->completion_pct, c->status) + "</td><td>" + badge(*c) + "</td></tr>\n";
  if (!counties.empty())
    b += "<h2>分解到县市区</h2>\n<div "
         "class=\"scroll\"><table><thead><tr><th>县市区</th><th>累计完成 / 分解目标</th>"
         "<th>完成率</th><th>状态</th></tr></thead><tbody>\n" +
         counties + "</tbody></table></div>\n";
  std::string projects;
  for (const ProjectResult* p : ix_list(ix.target_projects, r.key()))
    projects += "<tr><td>" + esc(p->name) + "</td><td>" +
                esc(p->county >= 0 ? plan.counties[static_cast<std::size_t>(p->county)] : "") +
                "</td><td>" + esc(p->state ? project_state_label(*p->state) : "") + "</td><td>" +
                esc(p->planned_finish ? p->planned_finish->str() : "") + "</td><td>" +
                esc(p->late ? late_reason(*p, plan.settings) : (p->carried ? "本月未更新" : "")) +
                "</td></tr>\n";
  if (!projects.empty())
    b += "<h2>具体项目</h2>\n<div "
         "class=\"scroll\"><table><thead><tr><th>项目</th><th>县市区</th><th>状态</th>"
         "<th>计划完工</th><th>备注</th></tr></thead><tbody>\n" +
         projects + "</tbody></table></div>\n";
  return b;
}

// A task: its text, category and leads, each target's section, its problems. `level` is the
// heading's: h1 on a page of its own, h2 as a section of its unit's page.
std::string task_body(const MonthReport& rep, const History& h, const SiteIndex& ix,
                      const TaskResult& tr, const char* level) {
  const Plan& plan = *rep.plan;
  const Task& task = *tr.task;
  std::string b = std::string("<") + level + " id=\"task-" + std::to_string(task.id) + "\">任务" +
                  std::to_string(task.id) + "</" + level + ">\n<p>" + esc(task.text) + "</p>\n" +
                  "<p class=\"lead\">" + esc(category_heading(plan, task.category)) +
                  " · 牵头单位：";
  std::vector<std::string> leads;
  for (const auto& u : task.leads)
    leads.push_back("<a href=\"" + unit_href(plan, u) + "\">" + esc(u.str()) + "</a>");
  b += join(leads, "、") + "</p>\n";
  for (std::size_t i : tr.targets) b += target_section(rep, h, ix, rep.targets[i]);
  if (auto it = ix.task_problems.find(task.id); it != ix.task_problems.end())
    b += "<h2>问题清单</h2>\n" + problems_html(plan, it->second, rep.month);
  return b;
}

// A category's targets; a province's thousands are cut to the rows a phone shows, those that
// need it most, and every target is on its lead unit's page.
std::string category_body(const MonthReport& rep, const History& h, const std::string& title,
                          std::vector<const TargetResult*> rows) {
  std::string b = "<h1>" + esc(title) + "</h1>\n";
  if (rows.size() > kIndexRowsUpTo) {
    b += "<p>本类共 " + std::to_string(rows.size()) + " 个指标，以下列出最需关注的 " +
         std::to_string(kIndexRowsUpTo) + " 个，全部指标见各牵头单位页面。</p>\n";
    std::stable_sort(rows.begin(), rows.end(), [](const TargetResult* a, const TargetResult* b) {
      return needs_more(*a, *b);
    });
    cut_to_shown(rows);
  }
  return b + targets_table(rep, h, rows);
}

std::string task_page(const MonthReport& rep, const History& h, const SiteIndex& ix,
                      const TaskResult& tr) {
  return page(rep, "任务" + std::to_string(tr.task->id), task_body(rep, h, ix, tr, "h1"));
}

}  // namespace

std::size_t render_site(const MonthReport& rep, const History& h,
                        const std::vector<Problem>& problems, const PageSink& each) {
  const Plan& plan = *rep.plan;
  SiteIndex ix(rep, problems);
  std::vector<std::string> units = plan.lead_units();
  // Every page by its place in one list: the small ones first, then units, 县市区 and tasks.
  std::size_t n_units = units.size(), n_counties = plan.counties.size();
  std::size_t n_tasks = tasks_on_unit_pages(plan) ? 0 : rep.tasks.size();
  std::size_t n = 2 + plan.categories.size() + n_units + n_counties + n_tasks;
  auto make = [&](std::size_t i) -> SitePage {
    if (i == 0) return {"style.css", site_stylesheet()};
    if (i == 1) return {"index.html", index_page(rep, h, problems)};
    i -= 2;
    if (i < plan.categories.size()) {
      int id = plan.categories[i].id;
      std::vector<const TargetResult*> rows;
      for (const auto& r : rep.targets)
        if (r.task->category == id) rows.push_back(&r);
      std::string title = category_heading(plan, id);
      return {category_href(id), page(rep, title, category_body(rep, h, title, std::move(rows)))};
    }
    i -= plan.categories.size();
    if (i < n_units) return {unit_href(plan, units[i]), unit_page(rep, h, ix, units[i])};
    i -= n_units;
    if (i < n_counties) return {county_href(static_cast<int>(i)), county_page(rep, ix, i)};
    i -= n_counties;
    return {task_href(plan, *rep.tasks[i].task), task_page(rep, h, ix, rep.tasks[i])};
  };
  parallel_for(
      n, [&](std::size_t i) { each(i, make(i)); }, 64);
  return n;
}

}  // namespace minsheng
