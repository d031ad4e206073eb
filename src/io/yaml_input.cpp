#include "io/yaml_input.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>

#include <sstream>
#include <vector>

#include "io/yaml_errors.hpp"

namespace minsheng {
namespace {

class Guard : public YAML::EventHandler {
 public:
  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& m, YAML::anchor_t a) override { anchor(m, a); }
  void OnAlias(const YAML::Mark& m, YAML::anchor_t) override { refuse(m); }
  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                const std::string&) override {
    anchor(m, a);
  }
  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                       YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnSequenceEnd() override { opened_.pop_back(); }
  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t a,
                  YAML::EmitterStyle::value) override {
    open(m, a);
  }
  void OnMapEnd() override { opened_.pop_back(); }

 private:
  [[noreturn]] static void refuse(const YAML::Mark& m) {
    throw YamlInputError(m.line, m.column,
                         "不支持 YAML 锚点（&）与别名（*）：计划文件和进度文件用不到它们，"
                         "请把内容直接写出");
  }
  static void anchor(const YAML::Mark& m, YAML::anchor_t a) {
    if (a != YAML::NullAnchor) refuse(m);
  }
  void open(const YAML::Mark& m, YAML::anchor_t a) {
    anchor(m, a);
    opened_.push_back(m);
    if (static_cast<int>(opened_.size()) > kMaxYamlDepth)
      throw YamlInputError(m.line, m.column,
                           "YAML 嵌套超过 " + std::to_string(kMaxYamlDepth) + " 层（从第 " +
                               std::to_string(opened_.front().line + 1) +
                               " 行开始嵌套）：计划文件和进度文件不需要这么深的结构");
  }
  std::vector<YAML::Mark> opened_;
};

}  // namespace

YAML::Node load_yaml(std::string_view text) {
  std::string s(text);
  try {
    std::istringstream in(s);
    YAML::Parser parser(in);
    Guard guard;
    parser.HandleNextDocument(guard);  // the first document is the one YAML::Load reads
    return YAML::Load(s);
  } catch (const YAML::DeepRecursion& e) {  // yaml-cpp's own limit, should ours be raised
    throw YamlInputError(e.mark.line, e.mark.column,
                         "YAML 嵌套过深：计划文件和进度文件不需要这么深的结构");
  } catch (const YAML::ParserException& e) {
    throw YamlInputError(e.mark.line, e.mark.column, yaml_syntax_message(e.msg));
  }
}

}  // namespace minsheng
