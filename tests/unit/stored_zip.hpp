// A zip built in memory: a workbook holding exactly the XML a test or a fuzz input gives, with
// correct checksums, so that what is read is what was written. Real-program fixtures stay in
// tests/data/workbooks; this is for the parts no program would write.
#pragma once
#include <zlib.h>

#include <cstdint>
#include <string>
#include <vector>

namespace minsheng::test {

struct ZipPart {
  std::string name, data;
  bool deflate = false;  // compressed, as real workbooks are: what a zip bomb needs
};
using ZipParts = std::vector<ZipPart>;

inline std::string deflated(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY);  // raw, as zip has it
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string stored_zip(const ZipParts& parts) {
  std::string out, central;
  auto put = [](std::string& s, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) s.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
  };
  // The fields a local header and a central directory entry share, from "version needed" on.
  auto common = [&](std::string& s, const ZipPart& p, const std::string& stored) {
    auto crc = static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(p.data.data()), static_cast<uInt>(p.data.size())));
    put(s, 20, 2);                 // version needed
    put(s, 0, 2);                  // flags
    put(s, p.deflate ? 8 : 0, 2);  // method
    put(s, 0, 2);                  // time
    put(s, 0x21, 2);               // date: 1980-01-01
    put(s, crc, 4);
    put(s, static_cast<std::uint32_t>(stored.size()), 4);
    put(s, static_cast<std::uint32_t>(p.data.size()), 4);
    put(s, static_cast<std::uint32_t>(p.name.size()), 2);
    put(s, 0, 2);  // extra field length
  };
  for (const auto& p : parts) {
    std::string stored = p.deflate ? deflated(p.data) : p.data;
    auto offset = static_cast<std::uint32_t>(out.size());
    put(out, 0x04034b50, 4);
    common(out, p, stored);
    out += p.name;
    out += stored;
    put(central, 0x02014b50, 4);
    put(central, 20, 2);  // version made by
    common(central, p, stored);
    put(central, 0, 2);  // comment length
    put(central, 0, 2);  // disk
    put(central, 0, 2);  // internal attributes
    put(central, 0, 4);  // external attributes
    put(central, offset, 4);
    central += p.name;
  }
  auto cd_offset = static_cast<std::uint32_t>(out.size());
  out += central;
  put(out, 0x06054b50, 4);
  put(out, 0, 2);
  put(out, 0, 2);
  put(out, static_cast<std::uint32_t>(parts.size()), 2);
  put(out, static_cast<std::uint32_t>(parts.size()), 2);
  put(out, static_cast<std::uint32_t>(central.size()), 4);
  put(out, cd_offset, 4);
  put(out, 0, 2);  // comment length
  return out;
}

// The least a reader needs: a workbook of one sheet, "Sheet1", whose XML is `sheet`.
inline ZipParts one_sheet(const std::string& sheet_data) {
  return {{"xl/workbook.xml",
           "<workbook xmlns:r=\"r\"><sheets><sheet name=\"Sheet1\" "
           "r:id=\"rId1\"/></sheets></workbook>"},
          {"xl/_rels/workbook.xml.rels",
           "<Relationships><Relationship Id=\"rId1\" "
           "Target=\"worksheets/sheet1.xml\"/></Relationships>"},
          {"xl/worksheets/sheet1.xml",
           "<worksheet><sheetData>" + sheet_data + "</sheetData></worksheet>"}};
}

}  // namespace minsheng::test
