// A zip archive written front to back into an AtomicFile, for the XLSX writer: each entry is
// deflated (zlib, raw) as its bytes come and followed by a data descriptor (its CRC and sizes), so
// nothing is held back, nothing is seeked and no temporary file is made; the central directory
// is written last. Entries carry the fixed date 1980-01-01 00:00, so the same entries give the
// same bytes. No zip64: an entry or archive past 4 GiB is refused (exit 2) when it gets there.
//
// Why not libzip (which tongxin reads zips with): libzip 1.7 writes an archive through a
// seekable output (it goes back to rewrite each local header), and gives an entry whose size it
// cannot know in advance (a sheet made while it is written) a zip64 local header even when small,
// unlike the plain zip every XLSX producer writes; this is 200 lines of zlib calls.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "output/atomic_file.h"

namespace tongxin::output {

class ZipStream {
 public:
  // Writes into `file`, deflating at zlib `level` (1 fastest .. 9 smallest).
  ZipStream(AtomicFile& file, int level);
  ~ZipStream();
  ZipStream(const ZipStream&) = delete;
  ZipStream& operator=(const ZipStream&) = delete;

  // Starts entry `name` (ASCII); the previous entry must have been ended.
  void begin(const std::string& name);
  // Appends `bytes` to the current entry. Throws Error (exit 2) on a file error or past 4 GiB.
  void write(std::string_view bytes);
  // Ends the current entry: the rest of its deflated bytes and its data descriptor.
  void end();
  // begin(name), write(bytes), end().
  void add(const std::string& name, std::string_view bytes);
  // Writes the central directory; the archive is complete after it (commit the file then).
  void finish();

 private:
  struct Entry {
    std::string name;
    uint32_t crc = 0;
    uint64_t compressed = 0;
    uint64_t size = 0;
    uint64_t offset = 0;
  };
  void deflate_into_file(int flush);
  void put(std::string_view bytes);
  void check_size(uint64_t size) const;

  AtomicFile& m_file;
  int m_level;
  z_stream m_zlib{};
  bool m_zlib_ready = false;
  uint64_t m_offset = 0;  // bytes written to the file so far
  std::vector<Entry> m_entries;
  std::vector<unsigned char> m_out;
};

}  // namespace tongxin::output
