// yaml-cpp's parser messages, in the Chinese staff read.
#pragma once
#include <string>

namespace minsheng {

// "YAML 语法错误: 花括号 { 没有对应的 }" for messages yaml-cpp commonly gives; others keep its
// text.
std::string yaml_syntax_message(const std::string& yaml_cpp_message);

}  // namespace minsheng
