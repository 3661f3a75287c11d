// Pinyin of names, for searching ("zs" or "zhangsan" finds 张三) and sorting by pinyin order.
// Readings come from ICU's "Han-Latin; Latin-ASCII" transliterator, one character at a time
// (memoised, so a million names take about a second); a character has one reading regardless of
// the characters around it, except for the surname override below.
#pragma once

#include <string>
#include <string_view>

namespace tongxin::text {

struct PinyinForms {
  std::string full;      // "zhangsan": lower-case ASCII, no spaces, no tones (ü written u)
  std::string initials;  // "zs": the first letter of each Chinese character's syllable
};

// The pinyin of a UTF-8 name: 张三 -> {"zhangsan", "zs"}, 李小龙 -> {"lixiaolong", "lxl"}.
// - The first character, when Chinese, is read as a surname where that reading differs from
//   the common one: 曾 zeng, 单 shan, 仇 qiu, 解 xie, 朴 piao, 查 zha, 区 ou, 乐 yue, 覃 qin,
//   翟 zhai, 缪 miao, 盖 ge, 华 hua, 卜 bu, 薄 bo, ... (and 尉迟 yuchi); see the table in
//   pinyin.cpp.
// - Latin letters (accents dropped, full-width folded) and digits pass through lower-cased into
//   both forms: 张A3 -> {"zhanga3", "za3"}.
// - Anything else (spaces, punctuation such as the middle dot in 阿卜杜·热合曼, other scripts,
//   invalid UTF-8) is dropped.
// Thread-safe (one internal lock per call). Throws tongxin::Error (exit 70) only if ICU's
// transliterator cannot be created (missing ICU data: a broken installation).
PinyinForms pinyin_of(std::string_view utf8);

// A sort key for `utf8` under ICU's "zh" collation (pinyin order; Chinese before Latin): byte
// strings that compare with < (std::string's operator<) as the names should sort. Invalid
// UTF-8 sorts as U+FFFD. Thread-safe. Throws tongxin::Error (exit 70) if the collator cannot
// be created.
std::string collation_key(std::string_view utf8);

}  // namespace tongxin::text
