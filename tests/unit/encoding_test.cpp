#include "util/encoding.hpp"

#include <catch2/catch.hpp>

using namespace minsheng;

TEST_CASE("UTF-8 without BOM passes through") {
  auto d = decode_text("任务编号,累计完成\n4,1680\n");
  CHECK(d.encoding == "UTF-8");
  CHECK(d.text == "任务编号,累计完成\n4,1680\n");
}

TEST_CASE("a UTF-8 BOM is detected and removed") {
  auto d = decode_text("\xEF\xBB\xBF任务编号\r\n");
  CHECK(d.encoding == "UTF-8-BOM");
  CHECK(d.text == "任务编号\r\n");
}

TEST_CASE("GBK bytes as Excel on Chinese Windows saves them are decoded") {
  // "市民政局" in GBK: CA D0 C3 F1 D5 FE BE D6
  auto d = decode_text("\xCA\xD0\xC3\xF1\xD5\xFE\xBE\xD6,1680\r\n");
  CHECK(d.encoding == "GB18030");
  CHECK(d.text == "市民政局,1680\r\n");
}

TEST_CASE("UTF-16LE with BOM (Excel Unicode text) is decoded") {
  std::string bytes = std::string("\xFF\xFE", 2) + std::string(
                                                       "4\0\t\0"
                                                       "1\0",
                                                       6);
  auto d = decode_text(bytes);
  CHECK(d.encoding == "UTF-16LE");
  CHECK(d.text == "4\t1");
}

TEST_CASE("bytes valid in no supported encoding give the line and column") {
  // Line 2 has 0xFF, which is neither UTF-8 nor a GB18030 lead byte.
  try {
    decode_text("task,value\n4,\xFF\xFF\n");
    FAIL("expected DecodeError");
  } catch (const DecodeError& e) {
    CHECK(e.line == 2);
    CHECK(e.col == 3);
    CHECK(std::string(e.what()) ==
          "文件编码无法识别（已尝试 UTF-8 和 GBK/GB18030）：按 UTF-8 读到这里出错");
  }
}

TEST_CASE("encoding errors give character columns, not byte columns") {
  // After a BOM, 任务编号, is 5 characters (13 bytes): the bad byte is character 6, not byte 14.
  try {
    decode_text("\xEF\xBB\xBF任务编号,\xFF\n");
    FAIL("expected DecodeError");
  } catch (const DecodeError& e) {
    CHECK(e.line == 1);
    CHECK(e.col == 6);
  }
  // A UTF-8 file with one stray byte on line 2, after 市民政局,: character 6.
  try {
    decode_text(
        "task,value\n市民政局,\xFF"
        "1\n");
    FAIL("expected DecodeError");
  } catch (const DecodeError& e) {
    CHECK(e.line == 2);
    CHECK(e.col == 6);
    CHECK(std::string(e.what()).ends_with("按 UTF-8 读到这里出错"));
  }
  // A GBK file (市民政局 in GBK) with a bad byte after it: GBK reads further, so its column
  // counts GBK characters: 市民政局, is 5, the bad byte is character 6.
  try {
    decode_text(
        "task,value\n\xCA\xD0\xC3\xF1\xD5\xFE\xBE\xD6,\xFF"
        "1\n");
    FAIL("expected DecodeError");
  } catch (const DecodeError& e) {
    CHECK(e.line == 2);
    CHECK(e.col == 6);
    CHECK(std::string(e.what()).ends_with("按 GBK 读到这里出错"));
  }
}

TEST_CASE("a BOM followed by invalid UTF-8 is an error, not silently GBK") {
  CHECK_THROWS_AS(decode_text("\xEF\xBB\xBF\xCA\xD0"), DecodeError);
}

TEST_CASE("file names become UTF-8 for every output: decoded from GBK, else escaped") {
  CHECK(name_to_utf8("市民政局.csv") == "市民政局.csv");
  // 市民政局 in GBK, as a zip made on Chinese Windows stores it.
  CHECK(name_to_utf8("\xCA\xD0\xC3\xF1\xD5\xFE\xBE\xD6.csv") == "市民政局.csv");
  CHECK(name_to_utf8("a\xFF\xFE.csv") == "a\\xFF\\xFE.csv");
}

TEST_CASE("a file name cannot drive the terminal or reorder the message it is shown in") {
  // ESC [31m would turn the rest of the line red; U+202E (RLO) would show 市妇联 "xslx.csv" as
  // "vsc.xlsx"; a TAB or a line break would split one diagnostic into two.
  CHECK(name_to_utf8("市妇联\x1b[31m红.csv") == "市妇联?[31m红.csv");
  CHECK(name_to_utf8("市妇联\u202Exslx.csv") == "市妇联?xslx.csv");
  CHECK(name_to_utf8("a\tb\nc\rd\u2066e\u200Ff.csv") == "a?b?c?d?e?f.csv");
  // The same in a GBK name (ESC is ASCII, so it survives the decoding).
  CHECK(name_to_utf8("\xCA\xD0\x1b.csv") == "市?.csv");
}

TEST_CASE("UTF-16 without a BOM is recognised by its NUL bytes") {
  std::string le(
      "t\0a\0s\0k\0,\0v\0\n\0"
      "4\0,\0"
      "1\0\n\0",
      22);
  auto d = decode_text(le);
  CHECK(d.encoding == "UTF-16LE（无 BOM）");
  CHECK(d.text == "task,v\n4,1\n");
  std::string be(
      "\0t\0a\0s\0k\0,\0v\0\n\0"
      "4\0,\0"
      "1\0\n",
      22);
  CHECK(decode_text(be).text == "task,v\n4,1\n");
}

TEST_CASE("a GBK file with a UTF-8 line is an error at that line, not a garbled note") {
  // Line 1 GBK (市民政局), line 2 UTF-8 (说明文字).
  std::string mixed = "\xCA\xD0\xC3\xF1\xD5\xFE\xBE\xD6,1\n1,说明文字\n";
  try {
    decode_text(mixed);
    FAIL("expected DecodeError");
  } catch (const DecodeError& e) {
    CHECK(e.line == 2);
    CHECK(std::string(e.what()).rfind("文件混用了两种编码", 0) == 0);
  }
}
