#include "output/zip_stream.h"

#include <limits>

#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::output {

namespace {

constexpr uint32_t k_local_header = 0x04034b50;
constexpr uint32_t k_data_descriptor = 0x08074b50;
constexpr uint32_t k_central_header = 0x02014b50;
constexpr uint32_t k_end_of_central = 0x06054b50;
constexpr uint16_t k_version = 20;              // 2.0: deflate
constexpr uint16_t k_flag_descriptor = 0x0008;  // CRC and sizes follow the data
constexpr uint16_t k_deflate = 8;
constexpr uint16_t k_dos_time = 0;                        // 00:00:00
constexpr uint16_t k_dos_date = (0 << 9) | (1 << 5) | 1;  // 1980-01-01
constexpr uint64_t k_max_size = std::numeric_limits<uint32_t>::max();
constexpr size_t k_out_chunk = 256 * 1024;
constexpr int k_raw_deflate = -15;  // window bits: a raw deflate stream, as zip stores it
constexpr int k_mem_level = 8;

void put16(std::string& out, uint16_t value) {
  out += static_cast<char>(value & 0xff);
  out += static_cast<char>(value >> 8);
}

void put32(std::string& out, uint32_t value) {
  put16(out, static_cast<uint16_t>(value & 0xffff));
  put16(out, static_cast<uint16_t>(value >> 16));
}

}  // namespace

ZipStream::ZipStream(AtomicFile& file, int level) : m_file(file), m_level(level) {
  m_out.resize(k_out_chunk);
}

ZipStream::~ZipStream() {
  if (m_zlib_ready) {
    deflateEnd(&m_zlib);
  }
}

void ZipStream::check_size(uint64_t size) const {
  if (size > k_max_size) {
    throw Error(ExitCode::usage, i18n::tr("file.cannot_write", m_file.target().string()),
                {i18n::tr("xlsx.too_large")});
  }
}

void ZipStream::put(std::string_view bytes) {
  m_file.write(bytes);
  m_offset += bytes.size();
}

void ZipStream::begin(const std::string& name) {
  check_size(m_offset);
  m_entries.push_back(Entry{name, static_cast<uint32_t>(crc32(0, nullptr, 0)), 0, 0, m_offset});
  std::string header;
  put32(header, k_local_header);
  put16(header, k_version);
  put16(header, k_flag_descriptor);
  put16(header, k_deflate);
  put16(header, k_dos_time);
  put16(header, k_dos_date);
  put32(header, 0);  // CRC, compressed and uncompressed size: in the data descriptor
  put32(header, 0);
  put32(header, 0);
  put16(header, static_cast<uint16_t>(name.size()));
  put16(header, 0);  // no extra field
  header += name;
  put(header);
  if (!m_zlib_ready) {
    if (deflateInit2(&m_zlib, m_level, Z_DEFLATED, k_raw_deflate, k_mem_level,
                     Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::bad_alloc();  // zlib fails to start only for want of memory
    }
    m_zlib_ready = true;
  } else {
    deflateReset(&m_zlib);
  }
}

void ZipStream::deflate_into_file(int flush) {
  Entry& entry = m_entries.back();
  int status = Z_OK;
  do {
    m_zlib.next_out = m_out.data();
    m_zlib.avail_out = static_cast<uInt>(m_out.size());
    status = deflate(&m_zlib, flush);
    const size_t produced = m_out.size() - m_zlib.avail_out;
    if (produced > 0) {
      entry.compressed += produced;
      check_size(entry.compressed);
      put(std::string_view(reinterpret_cast<const char*>(m_out.data()), produced));
    }
  } while (m_zlib.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
}

void ZipStream::write(std::string_view bytes) {
  Entry& entry = m_entries.back();
  entry.size += bytes.size();
  check_size(entry.size);
  // zlib takes at most 4 GiB a call (uInt); a caller's chunk is far smaller.
  entry.crc = static_cast<uint32_t>(crc32(entry.crc, reinterpret_cast<const Bytef*>(bytes.data()),
                                          static_cast<uInt>(bytes.size())));
  m_zlib.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  m_zlib.avail_in = static_cast<uInt>(bytes.size());
  deflate_into_file(Z_NO_FLUSH);
}

void ZipStream::end() {
  deflate_into_file(Z_FINISH);
  const Entry& entry = m_entries.back();
  std::string descriptor;
  put32(descriptor, k_data_descriptor);
  put32(descriptor, entry.crc);
  put32(descriptor, static_cast<uint32_t>(entry.compressed));
  put32(descriptor, static_cast<uint32_t>(entry.size));
  put(descriptor);
}

void ZipStream::add(const std::string& name, std::string_view bytes) {
  begin(name);
  write(bytes);
  end();
}

void ZipStream::finish() {
  const uint64_t start = m_offset;
  check_size(start);
  std::string directory;
  for (const Entry& entry : m_entries) {
    put32(directory, k_central_header);
    put16(directory, k_version);  // made by: MS-DOS, 2.0
    put16(directory, k_version);
    put16(directory, k_flag_descriptor);
    put16(directory, k_deflate);
    put16(directory, k_dos_time);
    put16(directory, k_dos_date);
    put32(directory, entry.crc);
    put32(directory, static_cast<uint32_t>(entry.compressed));
    put32(directory, static_cast<uint32_t>(entry.size));
    put16(directory, static_cast<uint16_t>(entry.name.size()));
    put16(directory, 0);  // extra field
    put16(directory, 0);  // comment
    put16(directory, 0);  // disk
    put16(directory, 0);  // internal attributes
    put32(directory, 0);  // external attributes
    put32(directory, static_cast<uint32_t>(entry.offset));
    directory += entry.name;
  }
  const auto records = static_cast<uint32_t>(directory.size());
  check_size(start + records);
  const auto count = static_cast<uint16_t>(m_entries.size());  // a workbook has a few dozen
  put32(directory, k_end_of_central);
  put16(directory, 0);  // this disk
  put16(directory, 0);  // the directory's disk
  put16(directory, count);
  put16(directory, count);
  put32(directory, records);
  put32(directory, static_cast<uint32_t>(start));
  put16(directory, 0);  // no comment
  put(directory);
}

}  // namespace tongxin::output
