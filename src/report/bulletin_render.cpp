#include "report/bulletin_render.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <kainjow/mustache.hpp>
#include <map>
#include <set>

#include "model/diagnostic.hpp"
#include "report/catalogue_report.hpp"
#include "report/county_report.hpp"
#include "report/default_templates.hpp"
#include "report/investment_report.hpp"
#include "report/labels.hpp"
#include "report/project_report.hpp"
#include "report/summary_report.hpp"
#include "report/svg_chart.hpp"
#include "report/template_render.hpp"
#include "util/number.hpp"
#include "util/text.hpp"

namespace minsheng {

namespace mu = kainjow::mustache;

namespace {

mu::data target_item(const TargetResult& r) {
  mu::data d;
  d.set("id", target_id(r));
  d.set("name", target_name(r));
  d.set("text", r.task->text);
  d.set("lead", r.target->lead.str());
  d.set("completion", pct_text(r.completion_pct) + carried_mark(r));
  d.set("time", time_text(r));
  d.set("gap", r.gap_pp ? format_pct(*r.gap_pp) : "—");
  d.set("status", status_text(r));
  d.set("status_code", status_code(r.status));
  d.set("basically", r.reached_by_tolerance);  // 基本完成: reached only within the tolerance
  d.set("color", status_info(r.status).hex);
  d.set("needed", increment_text(r.needed_per_month, r.measure));
  d.set("projected", r.projected_month ? r.projected_month->chinese() : "—");
  return d;
}

// A unit's sentence quoted inside ours: without its own closing 。 or ；.
std::string clause(std::string text) {
  for (std::string_view end : {"。", "；", ";", "."})
    while (text.size() >= end.size() && text.ends_with(end)) text.erase(text.size() - end.size());
  return text;
}

// 按时报送 only where every file of the period gives a date by its due day.
std::string reporting_text(const UnitStanding& u, const Plan& plan) {
  std::vector<std::pair<YearMonth, std::string>> parts;  // in month order
  auto say = [&](YearMonth m, const std::string& what) {
    parts.emplace_back(m, std::to_string(m.month) + "月" + what);
  };
  for (const auto& m : u.missing_months) say(m, "未报送");
  for (const auto& m : u.pending_months)
    say(m, "尚未报送（截止" + std::to_string(plan.due_date(m).month) + "月" +
               std::to_string(plan.due_date(m).day) + "日）");
  for (const auto& [m, days] : u.late_months) say(m, "逾期" + std::to_string(days) + "天");
  for (const auto& m : u.undated_months) say(m, "报送日期未注明");
  for (const auto& m : u.unusable_months) say(m, "报送文件未能采用");
  if (parts.empty()) return "按时报送";
  std::stable_sort(parts.begin(), parts.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> words;
  for (auto& [m, w] : parts) words.push_back(std::move(w));
  return join(words, "，");
}

// The targets of `keys` the document names (Bulletin::shown).
mu::data target_list(const Bulletin& b, const std::vector<TargetKey>& keys) {
  mu::data list{mu::data::type::list};
  for (std::size_t i = 0; i < b.shown(keys.size()); ++i)
    list.push_back(target_item(*b.report.find(keys[i])));
  return list;
}

// What a list of `n` leaves unnamed: `key` is {n: the rest} then, else false.
void set_more(mu::data& d, const std::string& key, const Bulletin& b, std::size_t n) {
  if (b.shown(n) == n) {
    d.set(key, false);
    return;
  }
  mu::data more;
  more.set("n", std::to_string(n - b.shown(n)));
  d.set(key, more);
}

// The document's head: title, addressee, period, dates, and the words its kind decides.
void set_heading(mu::data& d, const Bulletin& b) {
  const MonthReport& rep = b.report;
  const Plan& plan = *b.report.plan;
  bool quarter = b.period.kind == Period::Kind::quarter;
  std::string kind = quarter ? "通报" : "专报";
  d.set("title", plan.short_title + b.period.chinese() + "推进情况" + kind);
  d.set("doc_kind", kind);
  d.set("is_quarter", quarter);
  const Wording& w = plan.wording;
  std::string neutral = quarter ? "各有关单位：" : "";
  d.set("addressee", quarter ? (w.bulletin_to.empty() ? neutral : w.bulletin_to) : w.report_to);
  d.set("plan_title", plan.title);
  d.set("plan_short", plan.short_title);
  d.set("document_number", plan.document_number);
  d.set("period_name", std::to_string(b.period.year) + "年" + b.period.chinese());
  d.set("period_code", b.period.code());
  d.set("month_cn", b.month.chinese());
  d.set("month_is_period_end", b.month == b.period.last_month());
  d.set("period_end_cn", b.period.last_month().chinese());
  d.set("time_pct", format_pct(rep.time.pct) + "%");
  if (rep.by_nodes) d.set("by_nodes", std::to_string(rep.by_nodes));  // 个指标按节点计划
  d.set("deadline_cn", plan.deadline.chinese());
  // From the deadline month on the document reports completion; it no longer urges pace.
  d.set("after_deadline", deadline_reached(plan, rep.month));
  // What the 滞后 columns count (lagging or worse): from the deadline month, the unfinished.
  d.set("lagging_word", deadline_reached(plan, rep.month) ? "未完成" : "滞后");
  d.set("compiled_by", w.issuer.empty() ? plan.report_to : w.issuer);
  d.set("issued_cn", b.issued.year ? b.issued.chinese() : "");
  d.set("issue_line", std::to_string(b.period.year) + "年第" + std::to_string(b.number) + "期");
  d.set("due_day", std::to_string(plan.due_day));
  d.set("stale", b.stale);
  d.set("next_label", quarter ? "下季度" : "下半年");
}

// Investment beside physical completion, when any file reports it.
void set_investment(mu::data& d, const Bulletin& b) {
  const InvestmentReport& inv = b.report.investment;
  d.set("has_investment", inv.any());
  d.set("investment_tasks", std::to_string(inv.tasks.size()));
  d.set("investment_figures", investment_figures(inv.total.sum, ""));
  d.set("investment_completion", pct_text(inv.total.completion));
}

// Tasks by status and by category.
void set_overview(mu::data& d, const Bulletin& b) {
  const MonthReport& rep = b.report;
  const Plan& plan = *b.report.plan;
  // "70项任务中，已完成13项、超序时16项、…" in the register of a 通报.
  d.set("overall_sentence", std::to_string(rep.tasks.size()) + "项任务中，" +
                                counts_phrase(rep.task_counts, rep.at_deadline, false));
  d.set("numeric_count", std::to_string(b.numeric_count));
  d.set("numeric_done", std::to_string(b.numeric_done));
  d.set("numeric_avg", pct_text(rep.avg_completion));

  mu::data statuses{mu::data::type::list};
  for (Status st : kHeadlineOrder) {
    if (rep.task_count(st) == 0) continue;
    mu::data s;
    s.set("label", status_label(st, rep.at_deadline));
    s.set("code", status_code(st));
    s.set("count", std::to_string(rep.task_count(st)));
    s.set("color", status_info(st).hex);
    statuses.push_back(s);
  }
  d.set("statuses", statuses);

  mu::data columns{mu::data::type::list};
  for (Status st : b.status_columns) {
    mu::data c;
    c.set("label", status_label(st, rep.at_deadline));
    columns.push_back(c);
  }
  d.set("status_columns", columns);
  mu::data cats{mu::data::type::list};
  for (std::size_t i = 0; i < plan.categories.size(); ++i) {
    const Rollup& r = rep.by_category[i];
    mu::data c;
    c.set("heading", category_heading(plan, plan.categories[i].id));
    c.set("total", std::to_string(r.total()));
    mu::data cells{mu::data::type::list};
    for (Status st : b.status_columns) {
      mu::data cell;
      cell.set("count", std::to_string(r.count(st)));
      cells.push_back(cell);
    }
    c.set("cells", cells);
    c.set("avg", pct_text(r.avg_completion));
    cats.push_back(c);
  }
  d.set("categories", cats);
}

// Targets completed and lagging, the units' words on what lags, late projects.
void set_targets(mu::data& d, const Bulletin& b) {
  const MonthReport& rep = b.report;
  const Plan& plan = *b.report.plan;
  d.set("completed", target_list(b, b.completed));
  set_more(d, "completed_more", b, b.completed.size());
  d.set("has_completed", !b.completed.empty());
  d.set("completed_count", std::to_string(b.completed.size()));

  d.set("lagging", target_list(b, b.lagging));
  set_more(d, "lagging_more", b, b.lagging.size());
  d.set("has_lagging", !b.lagging.empty());
  d.set("lagging_count", std::to_string(b.lagging.size()));
  int serious = 0;
  for (const auto& k : b.lagging) serious += rep.find(k)->status != Status::behind;
  d.set("serious_count", std::to_string(serious));

  // The units' own words on what lags: 存在问题 and 下步计划, as written.
  mu::data words{mu::data::type::list};
  bool any_words = false;
  for (std::size_t i = 0; i < b.shown(b.lagging.size()); ++i) {  // those the table names
    const TargetKey& k = b.lagging[i];
    UnitText said = unit_words(rep, *rep.find(k));  // the unit's general rows fill the gaps
    if (said.issues.empty() && said.next_steps.empty()) continue;
    mu::data w = target_item(*rep.find(k));
    w.set("issues", said.issues.empty() ? "未报告" : clause(said.issues));
    w.set("next_steps", said.next_steps.empty() ? "未报告" : clause(said.next_steps));
    words.push_back(w);
    any_words = true;
  }
  d.set("lagging_words", words);
  d.set("has_lagging_words", any_words);

  mu::data late_projects{mu::data::type::list};
  std::vector<const ProjectResult*> late_list;
  for (const auto& p : rep.projects)
    if (p.late) late_list.push_back(&p);
  std::size_t shown = b.shown(late_list.size());
  for (std::size_t i = 0; i < shown; ++i) {
    mu::data p;
    p.set("id", late_list[i]->task->number_of(*late_list[i]->target));
    p.set("name", late_list[i]->name);
    p.set("lead", late_list[i]->target->lead.str());
    p.set("reason", late_reason(*late_list[i], plan.settings));
    p.set("sep", i + 1 == shown ? "。" : "；");
    late_projects.push_back(p);
  }
  d.set("late_projects", late_projects);
  d.set("has_late_projects", !late_list.empty());
  d.set("late_project_count", std::to_string(late_list.size()));
  set_more(d, "late_projects_more", b, late_list.size());
}

// The 问题清单: opened and closed in the period, standing long, not mentioned lately, by unit.
void set_issues_by_unit(mu::data& d, const Bulletin& b);

void set_problems(mu::data& d, const Bulletin& b) {
  const Plan& plan = *b.report.plan;
  // The 问题清单: opened and closed in the period, and what has stood three months or more.
  d.set("problems_opened", std::to_string(b.problems_opened));
  d.set("problems_closed", std::to_string(b.problems_closed));
  auto problem_list = [&](const std::vector<std::size_t>& which) {
    mu::data list{mu::data::type::list};
    for (std::size_t n = 0; n < b.shown(which.size()); ++n) {
      const Problem& p = b.problems[which[n]];
      mu::data x;
      x.set("id", p.id);
      x.set("unit", p.unit);
      x.set("subject", problem_subject(plan, p));
      x.set("text", p.text);
      x.set("first", p.first_month.chinese());
      x.set("last", p.last_month.chinese());
      x.set("months", std::to_string(p.months_open(b.month)));
      x.set("silent", std::to_string(p.months_silent(b.month)));
      list.push_back(x);
    }
    return list;
  };
  d.set("long_open", problem_list(b.long_open));
  d.set("has_long_open", !b.long_open.empty());
  set_more(d, "long_open_more", b, b.long_open.size());
  // Not mentioned lately: whether it still stands is for the unit to say, not to be ordered.
  d.set("silent_problems", problem_list(b.silent));
  d.set("has_silent", !b.silent.empty());
  d.set("silent_count", std::to_string(b.silent.size()));
  set_more(d, "silent_more", b, b.silent.size());
  d.set("silent_months", std::to_string(plan.settings.problem_stale_months));
  set_issues_by_unit(d, b);
}

// The 专报 gathers every standing 存在问题 by unit: open problems, then the units' own words.
void set_issues_by_unit(mu::data& d, const Bulletin& b) {
  const MonthReport& rep = b.report;
  const Plan& plan = *b.report.plan;
  mu::data by_unit{mu::data::type::list};
  bool any_unit_issues = false;
  std::map<std::string_view, std::vector<const Problem*>> open_of;  // by unit, in list order
  for (const auto& p : b.problems)
    if (p.open()) open_of[p.unit].push_back(&p);
  for (const auto& unit : plan.lead_units()) {
    std::vector<std::string> issues;
    auto open = open_of.find(unit);
    std::size_t n = open == open_of.end() ? 0 : open->second.size();
    for (std::size_t i = 0; i < b.shown(n); ++i) {
      const Problem& p = *open->second[i];
      issues.push_back(
          problem_subject(plan, p) + "：" + p.text +
          (p.stale(plan, b.month) ? "（" + problem_silence_text(p, b.month) + "）" : ""));
    }
    if (auto it = rep.unit_texts.find(unit);
        it != rep.unit_texts.end() && !it->second.issues.empty())
      issues.push_back(it->second.issues);
    if (issues.empty()) continue;
    mu::data u;
    u.set("unit", unit);
    mu::data list{mu::data::type::list};
    for (const auto& text : issues) {
      mu::data t;
      t.set("text", text);
      list.push_back(t);
    }
    u.set("issues", list);
    set_more(u, "more", b, n);
    by_unit.push_back(u);
    any_unit_issues = true;
  }
  d.set("issues_by_unit", by_unit);
  d.set("has_issues_by_unit", any_unit_issues);
}

// Units' standings and reporting record; the files with errors (with --keep-going).
void set_units(mu::data& d, const Bulletin& b) {
  const MonthReport& rep = b.report;
  const Plan& plan = *b.report.plan;
  mu::data units{mu::data::type::list}, late{mu::data::type::list};
  std::vector<mu::data> late_items;
  bool any_late = false;
  for (const auto& u : b.units) {
    mu::data x;
    x.set("rank", u.rank ? std::to_string(u.rank) : "—");
    x.set("unit", u.unit);
    x.set("targets", std::to_string(u.targets));
    x.set("done", std::to_string(u.done));
    x.set("lagging", std::to_string(u.lagging));
    x.set("avg", pct_text(u.avg_completion));
    x.set("reporting", reporting_text(u, plan));
    units.push_back(x);
    if (!u.missing_months.empty() || !u.late_months.empty()) {
      any_late = true;
      mu::data l;
      l.set("unit", u.unit);
      l.set("detail", reporting_text(u, plan));
      late_items.push_back(l);
    }
  }
  for (std::size_t i = 0; i < late_items.size(); ++i) {
    late_items[i].set("sep", i + 1 == late_items.size() ? "。" : "；");
    late.push_back(late_items[i]);
  }
  d.set("units", units);
  d.set("late_units", late);
  // With --keep-going: the files with errors, so the document says why targets are 数据有误.
  mu::data bad{mu::data::type::list};
  std::set<std::string> bad_files;
  for (const auto& diag : rep.problems.items())
    if (diag.severity == Severity::error && bad_files.insert(diag.file).second) {
      mu::data f;
      f.set("file", std::filesystem::path(diag.file).filename().string());
      bad.push_back(f);
    }
  d.set("bad_files", bad);
  d.set("has_bad_files", !bad_files.empty());
  d.set("has_late", any_late);
}

// What moved since the month before, by kind.
void set_changes(mu::data& d, const Bulletin& b) {
  const MonthReport& rep = b.report;
  d.set("has_previous", b.changes.has_value());
  d.set("previous_in_period", b.previous_in_period);
  if (b.changes) {
    d.set("previous_month_cn", b.previous_month->chinese());
    auto n = [&](ChangeKind k) { return std::to_string(b.changes->count(k)); };
    // 新完成 counts as section 二 does, so one document never gives two numbers for it.
    d.set("changes_sentence", "与" + b.previous_month->chinese() + "相比，新完成" +
                                  std::to_string(b.completed.size()) + "项，状态改善" +
                                  n(ChangeKind::improved) + "项，状态恶化" +
                                  n(ChangeKind::worsened) + "项，无进展" + n(ChangeKind::stalled) +
                                  "项，数据下调" + n(ChangeKind::revised_down) + "项");
    mu::data groups{mu::data::type::list};
    for (ChangeKind k : {ChangeKind::worsened, ChangeKind::revised_down, ChangeKind::stalled,
                         ChangeKind::improved}) {
      std::vector<std::pair<const DiffRow*, const TargetResult*>> rows;
      for (const auto& row : b.changes->rows)
        if (const TargetResult* t = row.kind == k ? rep.find(row.key) : nullptr)
          rows.emplace_back(&row, t);
      if (rows.empty()) continue;
      auto st = [](const AssessedRow* r) {
        return r && r->status ? std::string(status_label(*r->status)) : std::string("—");
      };
      auto pct = [](const AssessedRow* r) { return r ? pct_text(r->completion_pct) : "—"; };
      mu::data items{mu::data::type::list};
      std::size_t shown = b.shown(rows.size());
      for (std::size_t i = 0; i < shown; ++i) {
        const auto& [row, t] = rows[i];
        mu::data it = target_item(*t);
        it.set("from", st(row->old_row));
        it.set("to", st(row->new_row));
        it.set("completion_from", pct(row->old_row));
        it.set("sep", i + 1 == shown ? "。" : "；");
        items.push_back(it);
      }
      mu::data g;
      g.set("label", change_label(k));
      g.set("items", items);
      set_more(g, "more", b, rows.size());
      groups.push_back(g);
    }
    d.set("change_groups", groups);
  }
}

// Targets to watch (预计逾期) and the settings the text names.
void set_attention(mu::data& d, const Bulletin& b) {
  const Plan& plan = *b.report.plan;
  d.set("attention", target_list(b, b.attention));
  set_more(d, "attention_more", b, b.attention.size());
  d.set("has_attention", !b.attention.empty());
  d.set("attention_count", std::to_string(b.attention.size()));
  // A target on nodes is projected on them, not at the flat pace the sentence names.
  bool by_nodes = std::any_of(b.attention.begin(), b.attention.end(), [&](const TargetKey& k) {
    const TargetResult* r = b.report.find(k);
    return r && r->schedule;
  });
  d.set("attention_by_nodes", by_nodes);
  d.set("projection_flag_pct", format_number(plan.settings.projection_flag_pct) + "%");
  d.set("pace_window", pace_window_text(plan.settings));
  d.set("long_open_months", long_open_text(plan.settings));
}

// 县市区: the standings, the lowest named in the text, who lags on what; the charts.
void set_counties(mu::data& d, const Bulletin& b) {
  const MonthReport& rep = b.report;
  // 县市区: the standings, the three lowest named in the text, and who lags on what.
  mu::data counties{mu::data::type::list};
  auto ranked = ranked_counties(rep);
  for (const CountyStanding* c : ranked) {
    mu::data row;
    row.set("rank", std::to_string(c->rank));
    row.set("county", c->rollup.name);
    row.set("targets", std::to_string(c->rollup.total()));
    row.set("done", std::to_string(c->rollup.finished()));
    row.set("lagging", std::to_string(c->rollup.lagging()));
    row.set("avg", pct_text(c->rollup.avg_completion));
    counties.push_back(row);
  }
  d.set("has_counties", !ranked.empty());
  d.set("counties", counties);
  d.set("lowest_counties", join(b.lowest_counties, "、"));
  d.set("has_lowest_counties", !b.lowest_counties.empty());
  auto lagging = lagging_counties(rep);
  std::vector<std::pair<const TargetResult*, const std::vector<const TargetResult*>*>> lag_rows;
  for (const auto& t : rep.targets)
    if (auto lag = lagging.find(t.key()); lag != lagging.end())
      lag_rows.emplace_back(&t, &lag->second);
  mu::data county_lag{mu::data::type::list};
  for (std::size_t i = 0; i < b.shown(lag_rows.size()); ++i) {
    mu::data it = target_item(*lag_rows[i].first);
    it.set("counties", lagging_county_names(rep, *lag_rows[i].second, false));
    county_lag.push_back(it);
  }
  set_more(d, "county_lagging_more", b, lag_rows.size());
  d.set("has_county_lagging", !lag_rows.empty());
  d.set("county_lagging", county_lag);
  d.set("county_chart", ranked.empty() ? std::string() : county_chart_svg(rep));

  d.set("status_chart", status_chart_svg(rep));
  d.set("category_chart", category_chart_svg(rep));
}

mu::data view(const Bulletin& b) {
  mu::data d;
  set_heading(d, b);
  set_overview(d, b);
  set_investment(d, b);
  set_targets(d, b);
  set_problems(d, b);
  set_units(d, b);
  set_changes(d, b);
  set_attention(d, b);
  set_counties(d, b);
  return d;
}

}  // namespace

std::string bulletin_template_name(const std::string& format) {
  return "bulletin." + format + ".mustache";
}

std::string render_bulletin(const Bulletin& b, const std::string& format,
                            const std::optional<std::string>& custom,
                            const std::string& custom_name) {
  return render_template(
      custom ? *custom : std::string(default_template(bulletin_template_name(format))),
      custom ? custom_name : bulletin_template_name(format), format, view(b));
}

}  // namespace minsheng
