// Which reader a unit's file goes to, decided in one place: by its extension and, for WPS's .et
// (saved either as an .xlsx zip or as a BIFF file), by its first bytes. A new kind of input is a
// row in input_kind.cpp's table and a case where the readers are called.
#pragma once
#include <string_view>

namespace minsheng {

enum class InputKind { none, csv, yaml, xlsx, biff };

// By the name alone, before the file is read: none for what is not an input (.ods, .docx…). An
// .et counts as xlsx until its bytes say.
InputKind input_kind(std::string_view name);
// By the name and the file's bytes.
InputKind input_kind(std::string_view name, std::string_view bytes);

}  // namespace minsheng
