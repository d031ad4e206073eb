// minsheng: follows the tasks of a 民生项目 plan month by month. This file only wires the
// subcommands together and turns errors into messages and exit codes.
#include <CLI/CLI.hpp>
#include <cerrno>
#include <cstdio>

#include "cli/commands.hpp"
#include "cli/localize.hpp"
#include "io/data_dir.hpp"
#include "io/fs.hpp"
#include "io/output_guard.hpp"
#include "model/diagnostic.hpp"
#include "util/encoding.hpp"
#include "util/memory.hpp"
#include "util/parallel.hpp"

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

}  // namespace

int main(int argc, char** argv) {
  tune_allocator();
  CLI::App app{"minsheng：民生项目月度进展汇总、比对与通报工具", "minsheng"};
  localize(app);  // before any subcommand exists, so that each inherits it
  app.set_version_flag("--version,-V", std::string("minsheng ") + MINSHENG_VERSION_TEXT,
                       "显示版本号");
  app.set_help_flag("--help,-h", "显示帮助");
  app.require_subcommand(1);
  app.fallthrough();

  GlobalOptions g;
  // The environment lets staff run from anywhere: MINSHENG_PLAN and MINSHENG_DATA, then ./.
  app.add_option("--plan", g.plan, "计划文件（默认 ./tasks.yaml；也可设置环境变量 MINSHENG_PLAN）")
      ->envname("MINSHENG_PLAN")
      ->capture_default_str();
  app.add_option("--data", g.data, "月度数据目录（默认 ./reports；也可设置环境变量 MINSHENG_DATA）")
      ->envname("MINSHENG_DATA")
      ->capture_default_str();
  app.add_option("--received", g.received,
                 "收文登记 CSV（单位、月份、收文日期三列）：以登记的收到日期判断是否逾期报送，"
                 "优先于文件中的报送日期");
  app.add_flag("--no-color", g.no_color, "不使用颜色（也可设置环境变量 NO_COLOR）");
  app.add_option("--jobs,-j", g.jobs,
                 "并行读取和评估的线程数（默认每个 CPU 核一个；结果与单线程相同）")
      ->check(CLI::Range(0u, 256u));

  const std::vector<Command> commands = {
      setup_tasks(app, g),    setup_check(app, g),    setup_template(app, g), setup_missing(app, g),
      setup_summary(app, g),  setup_diff(app, g),     setup_bulletin(app, g), setup_history(app, g),
      setup_projects(app, g), setup_problems(app, g), setup_site(app, g),     setup_final(app, g),
      setup_help(app, g)};
  for (const auto& c : commands) {
    c.app->group("子命令");
    c.app->get_help_ptr()->group("选项");
  }
  // Hidden (an empty group): shell completion asks it, people never see it.
  const Command complete = setup_complete(app, g);
  complete.app->group("");

  std::vector<std::string> subcommand_names;
  for (const auto& c : commands) subcommand_names.push_back(c.app->get_name());
  subcommand_names.push_back(complete.app->get_name());
  if (auto unknown =
          unknown_subcommand(std::vector<std::string>(argv + 1, argv + argc), subcommand_names,
                             {"--plan", "--data", "--received", "--jobs", "-j"})) {
    print_err("minsheng: " + *unknown + "\n用 minsheng --help 查看用法。");
    return kExitUsage;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : kExitUsage;
  }

  set_threads(g.jobs);
  try {
    apply_folder_settings(app, g);
    if (complete.app->parsed()) return complete.run();
    for (const auto& c : commands)
      if (c.app->parsed()) {
        // Every command's -o is checked here, before the command runs: none writes over an input.
        const CLI::Option* out = c.app->get_option_no_throw("--output");
        if (out && out->count() > 0 && out->as<std::string>() != "-") {
          refuse_input_as_output("-o", out->as<std::string>(), g.plan, g.data, g.received);
          require_output_folder("-o", out->as<std::string>());
        }
        int rc = c.run();
        // Buffered text (check's lines, completion) is only known written once stdout closes.
        errno = 0;
        if (std::fflush(stdout) != 0 || std::ferror(stdout) || std::fclose(stdout) != 0)
          throw IoError("标准输出", "写出失败: " + io_reason(errno ? errno : EIO));
        return rc;
      }
    return kExitUsage;
  } catch (const DataError& e) {
    print_diagnostics(e.diagnostics());
    return e.diagnostics().has_io_errors() ? kExitIo : kExitData;
  } catch (const UsageError& e) {
    print_err(std::string("minsheng: ") + e.what());
    return kExitUsage;
  } catch (const NoDataError& e) {
    print_err(std::string("minsheng: ") + e.what());
    return kExitNoData;
  } catch (const IoError& e) {
    print_err(std::string("minsheng: ") + e.what());
    return kExitIo;
  } catch (const ConverterUnavailable& e) {
    print_err(std::string("minsheng: ") + e.what());
    return kExitIo;
  } catch (const std::exception& e) {
    print_err(std::string("minsheng: 内部错误: ") + e.what());
    return 70;  // EX_SOFTWARE: a bug, not the user's fault
  }
}
