// The public edition of a bulletin (宣传, 「通过报刊、电视、网络等主流媒体…宣传」): for each
// category and task, the plan's words, the figure, progress and status in plain words, and a
// chart. Nothing internal: no unit's 存在问题, no sources or file names, no standings of units or
// 县市区, no 滞后 or 预计逾期 (a lagging task is 「正在加快推进」, wording in the templates).
#pragma once
#include <string>

#include "assess/bulletin.hpp"

namespace minsheng {

// `format` is "md" or "html"; the built-in bulletin_public.FORMAT.mustache.
std::string render_public_bulletin(const Bulletin& b, const std::string& format);

}  // namespace minsheng
