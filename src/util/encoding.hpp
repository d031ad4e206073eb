// Decodes text files as Chinese offices save them: UTF-8 (with or without BOM),
// UTF-16 with BOM (Excel "Unicode text"), or GB18030/GBK (Excel and WPS on Chinese Windows).
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "util/text.hpp"

namespace minsheng {

struct Decoded {
  std::string text;      // UTF-8, without BOM
  std::string encoding;  // "UTF-8", "UTF-8-BOM", "UTF-16LE", "UTF-16BE", "GB18030"
};

// Thrown when the bytes fit no supported encoding; line and col locate the first bad byte.
class DecodeError : public TextError {
 public:
  using TextError::TextError;
  std::size_t offset = 0;  // of the first bad byte in the bytes given
};

// Thrown when the machine cannot convert at all (glibc's gconv modules missing or unreadable):
// the machine's problem, not the file's.
class ConverterUnavailable : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

Decoded decode_text(std::string_view bytes);

// A file name as UTF-8 for messages and outputs: as it is when it is UTF-8, decoded when it is
// GBK (names from a zip made on Chinese Windows), else with each bad byte shown as \xNN.
std::string name_to_utf8(std::string_view bytes);

// Converts between encodings with glibc iconv; throws DecodeError at the first bad byte.
std::string iconv_convert(std::string_view in, const char* from, const char* to);

}  // namespace minsheng
