// The colours a terminal can show; which thing gets which colour is decided where that thing is
// defined (one table per enum), and only a terminal ever receives the codes.
#pragma once

namespace minsheng {

enum class Color { none, green, cyan, yellow, red, magenta, grey, bold };

}  // namespace minsheng
