#include "cli/localize.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "util/suggest.hpp"

namespace minsheng::cli {

std::string translate_parse_error(const std::string& what) {
  struct Rule {
    std::regex re;
    const char* zh;
  };
  static const std::vector<Rule> rules = {
      {std::regex(R"(^A subcommand is required$)"), "需要一个子命令"},
      {std::regex(R"(^(\S+) is required$)"), "缺少 $1"},
      {std::regex(R"(^The following arguments? (?:was|were) not expected: (.*)$)"),
       "无法识别的参数：$1"},
      {std::regex(R"(^(\S+) excludes (\S+)$)"), "$1 不能与 $2 同时使用"},
      {std::regex(R"(^(\S+) requires (\S+)$)"), "$1 需要同时给出 $2"},
      {std::regex(R"(^Could not convert: (\S+) = (.*)$)"), "$1 的值“$2”格式不对"},
      {std::regex(R"(^(\S+): (.*) not in \{(.*)\}$)"), "$1 的值“$2”不在可选范围内（$3）"},
      {std::regex(R"(^(\S+): Value (\S+) not in range (\S+) to (\S+)$)"),
       "$1 的值 $2 超出范围（$3–$4）"},
      {std::regex(R"(^(\S+): At Most (\d+) required but received (\d+)$)"),
       "$1 最多只能给 $2 次，实际给了 $3 次"},
      {std::regex(R"(^(\S+) accepts at most (\d+) arguments?$)"), "$1 最多接受 $2 个值"},
      {std::regex(R"(^(\S+): Too many positional arguments.*$)"), "$1：多余的参数"},
      {std::regex(R"(^(\S+) ?: ?(\d+) required (\S+) missing$)"), "$1 缺少参数"},
      // Last: whatever else CLI11 says about an option keeps its own words after it.
      {std::regex(R"(^(\S+): (.*)$)"), "$1：$2"},
  };
  for (const auto& r : rules)
    if (std::regex_match(what, r.re)) return std::regex_replace(what, r.re, r.zh);
  return what;
}

std::optional<std::string> unknown_subcommand(const std::vector<std::string>& args,
                                              const std::vector<std::string>& subcommands,
                                              const std::vector<std::string>& valued_options) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--") return std::nullopt;
    if (a.starts_with("-")) {
      bool takes_value = std::find(valued_options.begin(), valued_options.end(), a) !=
                         valued_options.end();
      if (takes_value) ++i;
      continue;
    }
    if (std::find(subcommands.begin(), subcommands.end(), a) != subcommands.end())
      return std::nullopt;
    return "未知子命令“" + a + "”" + did_you_mean(a, subcommands);
  }
  return std::nullopt;
}

void localize(CLI::App& app) {
  auto f = app.get_formatter();
  // Type placeholders (TEXT, INT) stay ASCII because CLI11 aligns help columns by bytes.
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
    auto parsed = a->get_subcommands();
    std::string help =
        parsed.empty() ? "minsheng --help" : "minsheng " + parsed.front()->get_name() + " --help";
    return "minsheng: 命令行有误：" + translate_parse_error(e.what()) + "\n用 " + help +
           " 查看用法。\n";
  });
}

}  // namespace minsheng::cli
