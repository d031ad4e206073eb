// minsheng tasks: lists the plan's tasks and their targets.
#include <memory>

#include "cli/commands.hpp"
#include "model/diagnostic.hpp"
#include "report/catalogue_report.hpp"

namespace minsheng::cli {

struct TasksOptions {
  std::string unit;
  int category = 0;
  std::string format = "table";
  std::string output;
};

static int run_tasks(const TasksOptions& o, const GlobalOptions& g) {
  Plan plan = load_plan(g);
  std::string unit = o.unit.empty() ? "" : unit_option(plan, o.unit);
  if (o.category && !plan.find_category(o.category))
    throw UsageError("没有类别 " + std::to_string(o.category) + "（共 " +
                     std::to_string(plan.categories.size()) + " 类）");
  std::vector<const Task*> tasks;
  for (const auto& t : plan.tasks) {
    if (o.category && t.category != o.category) continue;
    if (!unit.empty() && std::find(t.leads.begin(), t.leads.end(), unit) == t.leads.end()) continue;
    tasks.push_back(&t);
  }
  Style style = o.output.empty() ? stdout_style(g) : Style{};
  emit(render_format(o.format,
                     {{"csv", [&] { return catalogue_csv(plan, tasks); }},
                      {"json", [&] { return catalogue_json(plan, tasks); }},
                      {"md", [&] { return catalogue_markdown(plan, tasks); }},
                      {"table", [&] { return catalogue_table(plan, tasks, style); }}},
                     style),
       o.output);
  return 0;
}

Command setup_tasks(CLI::App& app, const GlobalOptions& g) {
  auto o = std::make_shared<TasksOptions>();
  CLI::App* sub = app.add_subcommand("tasks", "列出计划中的任务与指标");
  sub->add_option("--unit,-u", o->unit, "只列出该牵头单位的任务");
  sub->add_option("--category,-c", o->category, "只列出该类别（计划 categories 中的编号）的任务");
  add_format(sub, o->format, {"table", "md", "csv", "json"});
  sub->add_option("-o,--output", o->output, "写入文件（原子写入）而非标准输出");
  return {sub, [o, &g] { return run_tasks(*o, g); }};
}

}  // namespace minsheng::cli
