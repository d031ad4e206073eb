#include "io/yaml_errors.hpp"

#include <map>

namespace minsheng {

std::string yaml_syntax_message(const std::string& msg) {
  static const std::map<std::string, std::string> zh = {
      {"end of map not found", "键值映射没有正确结束（检查缩进）"},
      {"end of map flow not found", "花括号 { 没有对应的 }"},
      {"end of sequence not found", "列表没有正确结束（检查缩进）"},
      {"end of sequence flow not found", "方括号 [ 没有对应的 ]"},
      {"illegal map value", "这里不能出现键值（冒号后通常需要空格，或值需要加引号）"},
      {"illegal map key", "这里不能出现键"},
      {"illegal block entry", "这里不能出现列表项“- ”（检查缩进）"},
      {"illegal flow end", "多余的 } 或 ]"},
      {"unknown token", "无法识别的内容"},
      {"illegal EOF in scalar", "引号没有闭合就到了文件末尾"},
      {"illegal character in scalar", "值中有不允许的字符（可加引号）"},
      {"illegal tab when looking for indentation", "缩进中有 Tab，请改用空格"},
  };
  auto it = zh.find(msg);
  return "YAML 语法错误: " + (it == zh.end() ? msg : it->second);
}

}  // namespace minsheng
