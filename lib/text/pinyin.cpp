#include "text/pinyin.h"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <memory>
#include <mutex>
#include <span>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.h"
#include "i18n/i18n.h"

namespace tongxin::text {

namespace {

// Surname readings that differ from a character's common reading (the one ICU gives). Applied
// to the first character of a name only. Well-known readings, not checked against a published
// surname list.
constexpr std::array<std::pair<UChar32, std::string_view>, 28> k_surname_readings = {{
    {U'曾', "zeng"}, {U'单', "shan"}, {U'單', "shan"}, {U'仇', "qiu"},  {U'解', "xie"},
    {U'朴', "piao"}, {U'查', "zha"},  {U'区', "ou"},   {U'區', "ou"},   {U'乐', "yue"},
    {U'樂', "yue"},  {U'覃', "qin"},  {U'翟', "zhai"}, {U'缪', "miao"}, {U'繆', "miao"},
    {U'盖', "ge"},   {U'蓋', "ge"},   {U'华', "hua"},  {U'華', "hua"},  {U'卜', "bu"},
    {U'薄', "bo"},   {U'阚', "kan"},  {U'隗', "wei"},  {U'秘', "bi"},   {U'种', "chong"},
    {U'召', "shao"}, {U'员', "yun"},  {U'句', "gou"},
}};

// Compound surnames read specially as a whole: the first two characters of a name.
struct CompoundSurname {
  std::array<UChar32, 2> characters;
  std::array<std::string_view, 2> readings;
};
constexpr std::array<CompoundSurname, 1> k_compound_surnames = {{
    {{U'尉', U'迟'}, {"yu", "chi"}},
}};

std::string_view surname_reading(UChar32 c) {
  for (const auto& [character, reading] : k_surname_readings) {
    if (character == c) {
      return reading;
    }
  }
  return {};
}

struct Reading {
  std::string ascii;  // lower-case letters and digits; empty: the character is dropped
  bool han = false;   // a Chinese character: contributes one initial
  bool known = false;
};

// Per-code-point readings, filled on first use by transliterating the single character.
class ReadingCache {
 public:
  ReadingCache() : m_flat(k_flat_last - k_flat_first + 1) {
    UErrorCode status = U_ZERO_ERROR;
    m_transliterator.reset(
        icu::Transliterator::createInstance("Han-Latin; Latin-ASCII", UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !m_transliterator) {
      throw Error(ExitCode::internal,
                  i18n::tr("error.internal",
                           std::string("ICU Han-Latin transliterator: ") + u_errorName(status)));
    }
  }

  const Reading& get(UChar32 c) {
    Reading& slot = c >= k_flat_first && c <= k_flat_last ? m_flat[c - k_flat_first] : m_other[c];
    if (!slot.known) {
      slot = compute(c);
    }
    return slot;
  }

 private:
  // CJK Extension A and the Unified Ideographs block: almost every character in a name.
  static constexpr UChar32 k_flat_first = 0x3400;
  static constexpr UChar32 k_flat_last = 0x9FFF;

  Reading compute(UChar32 c) {
    icu::UnicodeString text(c);
    m_transliterator->transliterate(text);
    std::string utf8;
    text.toUTF8String(utf8);
    Reading reading;
    reading.known = true;
    for (char ch : utf8) {
      if (ch >= 'A' && ch <= 'Z') {
        reading.ascii += static_cast<char>(ch - 'A' + 'a');
      } else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
        reading.ascii += ch;
      }
    }
    UErrorCode status = U_ZERO_ERROR;
    reading.han = uscript_getScript(c, &status) == USCRIPT_HAN && !reading.ascii.empty();
    return reading;
  }

  std::unique_ptr<icu::Transliterator> m_transliterator;
  std::vector<Reading> m_flat;
  std::unordered_map<UChar32, Reading> m_other;
};

std::vector<UChar32> decode(std::string_view utf8) {
  std::vector<UChar32> points;
  points.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length) {
    UChar32 c = 0;
    U8_NEXT(bytes, i, length, c);
    if (c >= 0) {
      points.push_back(c);
    }
  }
  return points;
}

void append_ascii(PinyinForms& forms, char c) {
  const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  forms.full += lower;
  forms.initials += lower;
}

bool is_ascii_alnum(UChar32 c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

void append_syllable(PinyinForms& forms, std::string_view syllable) {
  forms.full += syllable;
  forms.initials += syllable.front();
}

// Appends the surname reading when `points` starts with a special surname; returns how many
// code points it covered (0 when none applies).
size_t append_surname(PinyinForms& forms, std::span<const UChar32> points) {
  for (const CompoundSurname& surname : k_compound_surnames) {
    if (points.size() >= 2 && points[0] == surname.characters[0] &&
        points[1] == surname.characters[1]) {
      append_syllable(forms, surname.readings[0]);
      append_syllable(forms, surname.readings[1]);
      return 2;
    }
  }
  if (points.empty()) {
    return 0;
  }
  const std::string_view reading = surname_reading(points.front());
  if (reading.empty()) {
    return 0;
  }
  append_syllable(forms, reading);
  return 1;
}

}  // namespace

PinyinForms pinyin_of(std::string_view utf8) {
  static std::mutex mutex;
  static ReadingCache cache;
  const std::lock_guard lock(mutex);

  const std::vector<UChar32> points = decode(utf8);
  size_t start = 0;
  while (start < points.size() && u_isUWhiteSpace(points[start])) {
    ++start;  // " 曾国藩" still starts with a surname
  }
  PinyinForms forms;
  for (size_t i = start + append_surname(forms, std::span(points).subspan(start));
       i < points.size(); ++i) {
    const UChar32 c = points[i];
    if (c < 0x80) {
      if (is_ascii_alnum(c)) {
        append_ascii(forms, static_cast<char>(c));
      }
      continue;
    }
    const Reading& reading = cache.get(c);
    if (reading.han) {
      append_syllable(forms, reading.ascii);
    } else {
      forms.full += reading.ascii;
      forms.initials += reading.ascii;
    }
  }
  return forms;
}

std::string collation_key(std::string_view utf8) {
  static const std::unique_ptr<const icu::Collator> collator = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Collator> created(
        icu::Collator::createInstance(icu::Locale("zh"), status));
    if (U_FAILURE(status) || !created) {
      throw Error(
          ExitCode::internal,
          i18n::tr("error.internal", std::string("ICU collator for zh: ") + u_errorName(status)));
    }
    return std::unique_ptr<const icu::Collator>(std::move(created));
  }();

  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  std::string key(64, '\0');
  auto* buffer = reinterpret_cast<uint8_t*>(key.data());
  int32_t length = collator->getSortKey(text, buffer, static_cast<int32_t>(key.size()));
  if (length > static_cast<int32_t>(key.size())) {
    key.resize(static_cast<size_t>(length));
    buffer = reinterpret_cast<uint8_t*>(key.data());
    length = collator->getSortKey(text, buffer, length);
  }
  // The key ends with a 0 byte; without it, keys still compare the same and print cleanly.
  key.resize(length > 0 ? static_cast<size_t>(length - 1) : 0);
  return key;
}

}  // namespace tongxin::text
