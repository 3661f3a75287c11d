// The atomic file writer: a user file is written whole or not at all, and nothing is left behind.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include "core/error.h"
#include "helpers.h"
#include "i18n/i18n.h"
#include "output/atomic_file.h"

using namespace tongxin;
using tongxin::output::AtomicFile;
using tongxin::output::FileCalls;
using tongxin::testing::disk_room;
using tongxin::testing::error_text;
using tongxin::testing::TempDir;
using tongxin::testing::write_until_full;

namespace {

// Names of everything in `dir`, sorted.
std::vector<std::string> listing(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

int fsync_fails(int /*fd*/) {
  errno = EIO;
  return -1;
}

}  // namespace

TEST_CASE("a committed file replaces the target, mode 0600, with no temporary file left") {
  TempDir dir;
  const auto target = dir.path / "x.csv";
  std::ofstream(target) << "old";
  {
    AtomicFile file(target);
    file.stream() << "a,b\r\n";
    file.write("1,2\r\n");
    CHECK(tongxin::testing::read_bytes(target) == "old");  // nothing changes before commit
    file.commit();
  }
  CHECK(tongxin::testing::read_bytes(target) == "a,b\r\n1,2\r\n");
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(listing(dir.path) == std::vector<std::string>{"x.csv"});
}

TEST_CASE("a file written by name through temp_path() is committed too") {
  TempDir dir;
  const auto target = dir.path / "book.xlsx";
  {
    AtomicFile file(target);
    std::ofstream(file.temp_path(), std::ios::binary) << "PK";
    file.commit();
  }
  CHECK(tongxin::testing::read_bytes(target) == "PK");
  CHECK(listing(dir.path) == std::vector<std::string>{"book.xlsx"});
}

TEST_CASE("without commit nothing is written and the temporary file goes") {
  TempDir dir;
  {
    AtomicFile file(dir.path / "x.csv");
    file.stream() << "half";
    CHECK(listing(dir.path).size() == 1);  // the temporary file, while it is written
  }
  CHECK(listing(dir.path).empty());
}

TEST_CASE("a full disk throws naming the file, keeps the old target and removes the temporary") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  const auto target = dir.path / "x.csv";
  std::ofstream(target) << "old";
  FileCalls calls;
  calls.write = write_until_full;

  SUBCASE("in the middle of a stream") {
    disk_room = 100 * 1024;
    AtomicFile file(target, calls);
    const std::string row(1000, 'x');
    CHECK(error_text([&] {
            for (int i = 0; i < 1000; ++i) {
              file.stream() << row << '\n';
            }
          }) == "cannot write " + target.string() + " | no space left on the disk");
    CHECK(testing::exit_code_of([&] { file.commit(); }) == ExitCode::usage);  // stays failed
  }
  SUBCASE("on the last flush in commit") {
    disk_room = 0;
    CHECK(testing::exit_code_of([&] {
            AtomicFile file(target, calls);
            file.stream() << "a short file";
            file.commit();
          }) == ExitCode::usage);
  }
  SUBCASE("on fsync") {
    calls.write = ::write;
    calls.fsync = fsync_fails;
    CHECK(testing::exit_code_of([&] {
            output::write_file(
                target, [](std::ostream& out) { out << "data"; }, calls);
          }) == ExitCode::usage);
  }
  CHECK(tongxin::testing::read_bytes(target) == "old");
  CHECK(listing(dir.path) == std::vector<std::string>{"x.csv"});
}

TEST_CASE("a missing folder or a folder as the target is a usage error, and nothing is created") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  const auto missing = dir.path / "no" / "x.csv";
  CHECK(error_text([&] { AtomicFile file(missing); }) ==
        "no folder " + (dir.path / "no").string() + " to write " + missing.string() + " in");
  CHECK(error_text([&] { AtomicFile file(dir.path); }) ==
        dir.path.string() + " is a folder; give a file name");
  std::filesystem::create_directory(dir.path / "sub");
  CHECK(testing::exit_code_of([&] { AtomicFile file(dir.path / "sub"); }) == ExitCode::usage);
  CHECK(listing(dir.path) == std::vector<std::string>{"sub"});
}

TEST_CASE("a read-only folder is a usage error in the user's language") {
  if (::geteuid() == 0) {
    return;  // root writes anywhere
  }
  i18n::set_language(i18n::Lang::zh);
  TempDir dir;
  std::filesystem::permissions(
      dir.path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  CHECK(error_text([&] { AtomicFile file(dir.path / "x.csv"); }) ==
        "无法写入文件 " + (dir.path / "x.csv").string() + " | 没有写入权限");
  std::filesystem::permissions(dir.path, std::filesystem::perms::owner_all);
  i18n::set_language(i18n::Lang::en);
}

TEST_CASE("a temporary file replaced under a by-name writer is not committed") {
  i18n::set_language(i18n::Lang::en);
  TempDir dir;
  const auto target = dir.path / "book.xlsx";
  AtomicFile file(target);
  std::filesystem::remove(file.temp_path());
  std::ofstream(file.temp_path()) << "someone else's";
  CHECK(testing::exit_code_of([&] { file.commit(); }) == ExitCode::usage);
  CHECK_FALSE(std::filesystem::exists(target));
}
