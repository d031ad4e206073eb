#include "io/output_guard.hpp"

#include <algorithm>

#include "model/diagnostic.hpp"
#include "util/date.hpp"

namespace minsheng {

namespace fs = std::filesystem;

namespace {

fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path abs = fs::absolute(p, ec);
  if (ec) abs = p;
  fs::path r = fs::weakly_canonical(abs, ec);
  return (ec ? abs : r).lexically_normal();
}

// Components of `p` below `root`, or nullopt when `p` is not inside it (nor `root` itself).
std::optional<std::vector<std::string>> below(const fs::path& p, const fs::path& root) {
  auto strip = [](const fs::path& x) {
    std::vector<std::string> parts;
    for (const auto& c : x)
      if (!c.empty() && c != "." && c.string() != "/") parts.push_back(c.string());
    return parts;
  };
  auto pp = strip(p), rp = strip(root);
  if (pp.size() < rp.size() || !std::equal(rp.begin(), rp.end(), pp.begin())) return std::nullopt;
  return std::vector<std::string>(pp.begin() + static_cast<std::ptrdiff_t>(rp.size()), pp.end());
}

}  // namespace

std::string input_role(const fs::path& out, const fs::path& plan, const fs::path& data,
                       const fs::path& received) {
  fs::path o = resolved(out), p = resolved(plan), d = resolved(data);
  if (o == p) return "计划文件";
  if (!received.empty() && o == resolved(received)) return "收文登记（--received）";
  if (!received.empty() && below(resolved(received), o)) return "包含收文登记的目录";
  if (below(p, o)) return "包含计划文件的目录";
  if (o == d) return "数据目录";
  auto rel = below(o, d);
  if (!rel) return below(d, o) ? "包含数据目录的目录" : "";
  const auto& r = *rel;
  if (r[0] == "breakdown") return "分解方案目录 breakdown/（单位报送的输入）";
  if (YearMonth::parse_exact(r[0])) {
    if (r.size() == 1) return "月份目录（其中的 submissions/ 是单位报送的输入）";
    if (r[1] == "submissions")
      return "单位报送文件目录 submissions/（写入其中的文件会被当作进度文件读取）";
  }
  return "";
}

void refuse_input_as_output(const std::string& option, const fs::path& out, const fs::path& plan,
                            const fs::path& data, const fs::path& received) {
  std::string role = input_role(out, plan, data, received);
  if (!role.empty())
    throw UsageError(option + " " + out.string() + " 是" + role +
                     "，输出不能写到输入上；请另选输出位置（未写入任何文件）");
}

void require_output_folder(const std::string& option, const fs::path& out) {
  fs::path parent = out.parent_path();
  if (parent.empty()) return;  // the current folder
  std::error_code ec;
  if (fs::is_directory(parent, ec)) return;
  throw UsageError(option + " " + out.string() + "：" +
                   (fs::exists(parent, ec) ? "“" + parent.string() + "”不是目录"
                                           : "目录“" + parent.string() + "”不存在，请先创建") +
                   "（未写入任何文件）");
}

}  // namespace minsheng
