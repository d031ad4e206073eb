// The dashboard's one stylesheet, style.css, which every page links: phone first (stacked
// cards under 600 px), print without the navigation.
#pragma once

namespace minsheng {

const char* site_stylesheet();

}  // namespace minsheng
