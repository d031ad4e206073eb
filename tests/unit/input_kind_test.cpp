#include "io/input_kind.hpp"

#include <catch2/catch.hpp>

using minsheng::input_kind;
using minsheng::InputKind;

TEST_CASE("a unit's file goes to the reader its extension names, in any case") {
  CHECK(input_kind("市民政局.csv") == InputKind::csv);
  CHECK(input_kind("市民政局.TXT") == InputKind::csv);  // Excel's "Unicode text"
  CHECK(input_kind("r/2024-06/submissions/市民政局.yaml") == InputKind::yaml);
  CHECK(input_kind("市民政局.YML") == InputKind::yaml);
  CHECK(input_kind("市民政局.Xlsx") == InputKind::xlsx);
  CHECK(input_kind("市民政局.xls") == InputKind::biff);
  // Not inputs: OpenDocument, Word, no extension, a dotfile.
  CHECK(input_kind("市民政局.ods") == InputKind::none);
  CHECK(input_kind("市民政局.docx") == InputKind::none);
  CHECK(input_kind("市民政局") == InputKind::none);
  CHECK(input_kind(".csv") == InputKind::none);
}

TEST_CASE("a WPS .et is read as what its bytes are: a zip like .xlsx, else BIFF like .xls") {
  CHECK(input_kind("团市委.et") == InputKind::xlsx);  // before it is read
  CHECK(input_kind("团市委.et", "PK\x03\x04") == InputKind::xlsx);
  CHECK(input_kind("团市委.ET", "\xD0\xCF\x11\xE0") == InputKind::biff);
  // Only an .et is judged by its bytes: an .xls that is a zip is still given to FreeXL, whose
  // error then says what to do.
  CHECK(input_kind("团市委.xls", "PK\x03\x04") == InputKind::biff);
  CHECK(input_kind("团市委.csv", "PK\x03\x04") == InputKind::csv);
}
