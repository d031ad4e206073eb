// minsheng: follows the tasks of a 民生项目 plan month by month. This file only wires the
// subcommands together and turns errors into messages and exit codes.
#include <CLI/CLI.hpp>
#include <map>

#include "cli/commands.hpp"
#include "model/diagnostic.hpp"
#include "util/encoding.hpp"

using namespace minsheng;
using namespace minsheng::cli;

namespace {

constexpr int kExitData = 1;
constexpr int kExitUsage = 2;
constexpr int kExitNoData = 3;
constexpr int kExitIo = 4;

void print_diagnostics(const Diagnostics& d) {
  for (const auto& item : d.items()) print_err(item.str());
  print_err("共 " + std::to_string(d.error_count()) + " 个错误、" +
            std::to_string(d.warning_count()) + " 个警告");
}

// CLI11 speaks English by default; staff read Chinese. Type placeholders (TEXT, INT) stay ASCII
// because CLI11 aligns help columns by bytes; CLI11's own error details stay as they are.
void localize(CLI::App& app) {
  auto f = app.get_formatter();
  for (auto [en, zh] : {std::pair{"Usage", "用法"},
                        {"OPTIONS", "选项"},
                        {"SUBCOMMAND", "子命令"},
                        {"SUBCOMMANDS", "子命令"},
                        {"REQUIRED", "（必填）"},
                        {"Positionals", "位置参数"},
                        {"Excludes", "不能与之同用"},
                        {"Needs", "需要"}})
    f->label(en, zh);
  app.option_defaults()->group("选项");
  app.failure_message([](const CLI::App* a, const CLI::Error& e) {
    static const std::map<std::string, std::string> kinds = {
        {"RequiredError", "缺少必填参数"},     {"ExtrasError", "有无法识别的参数"},
        {"ValidationError", "参数取值无效"},   {"ConversionError", "参数格式不对"},
        {"ExcludesError", "参数不能同时使用"}, {"ArgumentMismatch", "参数个数不对"}};
    auto it = kinds.find(e.get_name());
    auto parsed = a->get_subcommands();
    std::string help =
        parsed.empty() ? "minsheng --help" : "minsheng " + parsed.front()->get_name() + " --help";
    return "minsheng: " + (it == kinds.end() ? std::string("命令行有误") : it->second) + "：" +
           e.what() + "\n用 " + help + " 查看用法。\n";
  });
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"minsheng：民生项目月度进展汇总、比对与通报工具", "minsheng"};
  localize(app);  // before any subcommand exists, so that each inherits it
  app.set_version_flag("--version,-V", std::string("minsheng ") + MINSHENG_VERSION, "显示版本号");
  app.set_help_flag("--help,-h", "显示帮助");
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions g;
  app.add_option("--plan", g.plan, "计划文件（默认 ./tasks.yaml）")->capture_default_str();
  app.add_option("--data", g.data, "月度数据目录（默认 ./reports）")->capture_default_str();
  app.add_flag("--no-color", g.no_color, "不使用颜色（也可设置环境变量 NO_COLOR）");

  const std::vector<Command> commands = {
      setup_tasks(app, g),   setup_check(app, g), setup_template(app, g), setup_missing(app, g),
      setup_summary(app, g), setup_diff(app, g),  setup_bulletin(app, g)};

  for (const auto& c : commands) {
    c.app->group("子命令");
    c.app->get_help_ptr()->group("选项");
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }

  try {
    for (const auto& c : commands)
      if (c.app->parsed()) return c.run();
    return kExitUsage;
  } catch (const DataError& e) {
    print_diagnostics(e.diagnostics());
    return kExitData;
  } catch (const UsageError& e) {
    print_err(std::string("minsheng: ") + e.what());
    return kExitUsage;
  } catch (const NoDataError& e) {
    print_err(std::string("minsheng: ") + e.what());
    return kExitNoData;
  } catch (const IoError& e) {
    print_err(std::string("minsheng: ") + e.what());
    return kExitIo;
  } catch (const std::exception& e) {
    print_err(std::string("minsheng: 内部错误: ") + e.what());
    return 70;  // EX_SOFTWARE: a bug, not the user's fault
  }
}
