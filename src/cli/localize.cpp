#include "cli/localize.hpp"

#include <algorithm>
#include <map>
#include <regex>

#include "cli/common.hpp"
#include "util/suggest.hpp"
#include "util/text.hpp"

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
      bool takes_value =
          std::find(valued_options.begin(), valued_options.end(), a) != valued_options.end();
      if (takes_value) ++i;
      continue;
    }
    if (std::find(subcommands.begin(), subcommands.end(), a) != subcommands.end())
      return std::nullopt;
    return "未知子命令“" + a + "”" + did_you_mean(a, subcommands);
  }
  return std::nullopt;
}

namespace {

// What an option's value is, in the words of the help: 月份, not TEXT.
std::string type_word(const CLI::Option* o) {
  static const std::map<std::string, std::string> by_name = {
      {"plan", "文件"},      {"received", "文件"},  {"template", "文件"}, {"output", "文件"},
      {"data", "目录"},      {"quarter", "季度"},   {"half", "半年"},     {"format", "格式"},
      {"unit", "单位"},      {"county", "县市区"},  {"jobs", "线程数"},   {"number", "期号"},
      {"explain", "编号"},   {"by", "方式"},        {"status", "状态"},   {"only", "类型"},
      {"fail-on", "类型"},   {"task", "编号"},      {"category", "类别"}, {"OLD", "月份或文件"},
      {"NEW", "月份或文件"}, {"COMMAND", "子命令"}, {"as-of", "日期"}};
  const std::string& d = o->get_description();
  if (d.find("YYYY-MM-DD") != std::string::npos) return "日期";
  if (d.find("YYYY-MM") != std::string::npos) return "月份";
  std::vector<std::string> names = o->get_lnames();
  names.push_back(o->get_name());
  for (const auto& n : names)
    if (auto it = by_name.find(n); it != by_name.end()) return it->second;
  std::string t = o->get_type_name();
  if (t.starts_with("INT") || t.starts_with("UINT")) return "整数";
  if (t.starts_with("FLOAT")) return "数值";
  return "文本";
}

// CLI11's check after the type ("TEXT:{md,html}", "UINT:UINT in [0 - 256]") as 「{md,html}」,
// 「0–256」.
std::string checked_values(const CLI::Option* o) {
  std::string t = o->get_type_name();
  auto colon = t.find(':');
  if (colon == std::string::npos) return "";
  std::string check = t.substr(colon + 1);
  if (check.starts_with("{")) return ":" + check;
  static const std::regex range(R"(.*in \[(\S+) - (\S+)\])");
  std::smatch m;
  if (std::regex_match(check, m, range)) return ":" + m[1].str() + "–" + m[2].str();
  return "";
}

// CLI11's help with Chinese words for types, defaults and constraints, aligned by display width
// (CLI11 pads by bytes, which misaligns CJK) and wrapped at 80 columns.
class ChineseFormatter : public CLI::Formatter {
 public:
  std::string make_option(const CLI::Option* o, bool positional) const override {
    return help_line(make_option_name(o, positional) + make_option_opts(o), make_option_desc(o));
  }
  std::string make_description(const CLI::App* app) const override {
    return wrap_lines(CLI::Formatter::make_description(app), help_width());
  }
  std::string make_subcommand(const CLI::App* sub) const override {
    return help_line(sub->get_display_name(true), sub->get_description());
  }
  std::string make_option_opts(const CLI::Option* o) const override {
    std::string out;
    if (o->get_type_size() != 0 && !o->get_type_name().empty()) {
      out += " " + type_word(o) + checked_values(o);
      if (!o->get_default_str().empty()) out += "=" + o->get_default_str();
      if (o->get_required()) out += "（必填）";
    }
    if (!o->get_envname().empty()) out += "（环境变量 " + o->get_envname() + "）";
    for (const CLI::Option* x : o->get_excludes()) out += "（不能与 " + x->get_name() + " 同用）";
    for (const CLI::Option* x : o->get_needs()) out += "（需同时给出 " + x->get_name() + "）";
    return out;
  }

 private:
  std::string help_line(const std::string& name, const std::string& desc) const {
    int col = static_cast<int>(get_column_width());
    std::string indent(static_cast<std::size_t>(col), ' ');
    std::string out = "  " + name;
    int w = display_width(out);
    if (desc.empty()) return out + "\n";
    out += w >= col ? "\n" + indent : std::string(static_cast<std::size_t>(col - w), ' ');
    std::string wrapped = wrap_lines(desc, help_width() - col);
    for (char c : wrapped) {
      out += c;
      if (c == '\n') out += indent;
    }
    return out + "\n";
  }
  // 80 columns, or the terminal's when narrower (the man page is made at 72 for its indent).
  int help_width() const {
    int width = terminal_width();
    return width <= 0 ? 80 : std::clamp(width, static_cast<int>(get_column_width()) + 20, 80);
  }
};

}  // namespace

void localize(CLI::App& app) {
  app.formatter(std::make_shared<ChineseFormatter>());
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
    auto parsed = a->get_subcommands();
    std::string help =
        parsed.empty() ? "minsheng --help" : "minsheng " + parsed.front()->get_name() + " --help";
    return "minsheng: 命令行有误：" + translate_parse_error(e.what()) + "\n用 " + help +
           " 查看用法。\n";
  });
}

}  // namespace minsheng::cli
