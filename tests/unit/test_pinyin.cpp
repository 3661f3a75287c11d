// Pinyin forms of names (search) and pinyin collation keys (sorting).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "text/pinyin.h"

namespace {

using tongxin::text::collation_key;
using tongxin::text::pinyin_of;
using tongxin::text::PinyinForms;

struct Forms {
  std::string full;
  std::string initials;
  bool operator==(const Forms&) const = default;
};

Forms forms_of(std::string_view name) {
  const PinyinForms forms = pinyin_of(name);
  return {forms.full, forms.initials};
}

std::vector<std::string> sorted_by_pinyin(std::vector<std::string> names) {
  std::sort(names.begin(), names.end(), [](const std::string& a, const std::string& b) {
    return collation_key(a) < collation_key(b);
  });
  return names;
}

}  // namespace

namespace doctest {
template <>
struct StringMaker<Forms> {
  static String convert(const Forms& forms) {
    return ("{\"" + forms.full + "\", \"" + forms.initials + "\"}").c_str();
  }
};
}  // namespace doctest

TEST_CASE("pinyin_of gives full pinyin and initials of Chinese names") {
  CHECK(forms_of("张三") == Forms{"zhangsan", "zs"});
  CHECK(forms_of("李小龙") == Forms{"lixiaolong", "lxl"});
  CHECK(forms_of("欧阳修") == Forms{"ouyangxiu", "oyx"});
  CHECK(forms_of("王〇") == Forms{"wangling", "wl"});
  SUBCASE("traditional characters") { CHECK(forms_of("張三") == Forms{"zhangsan", "zs"}); }
  SUBCASE("ü is written u") { CHECK(forms_of("吕女") == Forms{"lunu", "ln"}); }
  SUBCASE("a character outside the BMP (CJK Extension B)") {
    CHECK(forms_of("王𠀀") == Forms{"wanghe", "wh"});
  }
}

TEST_CASE("pinyin_of reads the first character as a surname") {
  SUBCASE("曾国藩, not ceng") { CHECK(forms_of("曾国藩") == Forms{"zengguofan", "zgf"}); }
  SUBCASE("the table") {
    CHECK(forms_of("单雄信").full == "shanxiongxin");
    CHECK(forms_of("仇英").full == "qiuying");
    CHECK(forms_of("解缙").full == "xiejin");
    CHECK(forms_of("朴正").full == "piaozheng");
    CHECK(forms_of("查良镛").full == "zhaliangyong");
    CHECK(forms_of("区明").full == "ouming");
    CHECK(forms_of("乐毅").full == "yueyi");
    CHECK(forms_of("覃明").full == "qinming");
    CHECK(forms_of("翟明").full == "zhaiming");
    CHECK(forms_of("缪明").full == "miaoming");
    CHECK(forms_of("盖明").full == "geming");
    CHECK(forms_of("华佗").full == "huatuo");
    CHECK(forms_of("華佗").full == "huatuo");
    CHECK(forms_of("卜明").full == "buming");
    CHECK(forms_of("尉明") == Forms{"weiming", "wm"});
  }
  SUBCASE("尉迟 as a compound surname") { CHECK(forms_of("尉迟恭") == Forms{"yuchigong", "ycg"}); }
  SUBCASE("only the first character") {
    CHECK(forms_of("张曾").full == "zhangceng");
    CHECK(forms_of("李单").full == "lidan");
  }
  SUBCASE("a single-character name") { CHECK(forms_of("曾") == Forms{"zeng", "z"}); }
  SUBCASE("after leading spaces") {
    CHECK(forms_of("\u3000 曾国藩") == Forms{"zengguofan", "zgf"});
  }
}

TEST_CASE("pinyin_of passes Latin letters and digits through lower-cased") {
  CHECK(forms_of("张A3") == Forms{"zhanga3", "za3"});
  CHECK(forms_of("Anna") == Forms{"anna", "anna"});
  CHECK(forms_of("李Ｘ") == Forms{"lix", "lx"});  // full-width X
  CHECK(forms_of("José") == Forms{"jose", "jose"});
}

TEST_CASE("pinyin_of drops everything else") {
  SUBCASE("empty") { CHECK(forms_of("") == Forms{"", ""}); }
  SUBCASE("spaces and the middle dot") {
    CHECK(forms_of(" 买买提·艾力 ") == Forms{"maimaitiaili", "mmtal"});
  }
  SUBCASE("punctuation and other scripts") {
    CHECK(forms_of("张三（退休）") == Forms{"zhangsantuixiu", "zstx"});
    CHECK(forms_of("Иван") == Forms{"", ""});
  }
  SUBCASE("invalid UTF-8") { CHECK(forms_of("张\xFF三") == Forms{"zhangsan", "zs"}); }
}

TEST_CASE("pinyin_of gives the same answer on repeated calls (cached readings)") {
  const Forms first = forms_of("龙龙龙");
  CHECK(first == Forms{"longlonglong", "lll"});
  CHECK(forms_of("龙龙龙") == first);
}

TEST_CASE("collation_key sorts names in pinyin order") {
  SUBCASE("surnames") {
    CHECK(sorted_by_pinyin({"张三", "李四", "王五", "安然", "赵六", "陈七"}) ==
          std::vector<std::string>{"安然", "陈七", "李四", "王五", "张三", "赵六"});
  }
  SUBCASE("same surname, then given name") {
    CHECK(sorted_by_pinyin({"张三", "张二", "张一"}) ==
          std::vector<std::string>{"张二", "张三", "张一"});
  }
  SUBCASE("a prefix sorts first") {
    CHECK(collation_key("张") < collation_key("张三"));
    CHECK(collation_key("") < collation_key("张"));
  }
  SUBCASE("equal names have equal keys without a trailing NUL") {
    CHECK(collation_key("李四") == collation_key("李四"));
    CHECK(collation_key("李四").find('\0') == std::string::npos);
  }
  SUBCASE("Chinese before Latin (CLDR reorders Han first for zh)") {
    CHECK(collation_key("左明") < collation_key("Anna"));
  }
}
