#include "core/text/person_name.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <vector>

#include "core/text/field_limits.h"
#include "core/text/halfwidth.h"

namespace zj::text {

namespace {

enum class Part { kHan, kLatin, kMark, kSpace, kHyphen, kApostrophe, kPeriod, kDot, kOther };

struct Char {
  Part part;
  UChar32 code;
};

bool IsLetter(Part p) { return p == Part::kHan || p == Part::kLatin || p == Part::kMark; }

Char Classify(UChar32 c) {
  switch (c) {
    case ' ':
    case 0x00A0:  // no-break space
      return {Part::kSpace, ' '};
    case 0x00B7:  // middle dot, the 间隔号 of GB/T 15834
    case 0x2022:  // bullet
    case 0x30FB:  // katakana middle dot (Japanese input methods)
    case 0x2027:  // hyphenation point
    case 0xFF65:  // half-width katakana middle dot
      return {Part::kDot, 0x00B7};
    case '-':
    case 0x2010:  // hyphen
    case 0x2011:  // non-breaking hyphen
      return {Part::kHyphen, '-'};
    case '\'':
    case 0x2019:  // right single quotation mark, as word processors type the apostrophe
      return {Part::kApostrophe, '\''};
    case '.':
      return {Part::kPeriod, '.'};
    default:
      break;
  }
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(c, &status);
  if (U_FAILURE(status)) return {Part::kOther, c};
  const auto type = static_cast<UCharCategory>(u_charType(c));
  // Han letters, and 〇 (a letter number of the Han script); radicals and strokes are symbols.
  if (script == USCRIPT_HAN && (u_isalpha(c) || type == U_LETTER_NUMBER)) return {Part::kHan, c};
  if (script == USCRIPT_LATIN && u_isalpha(c)) return {Part::kLatin, c};
  // A combining accent that NFC could not join to its letter (checked to follow a letter below).
  if (script == USCRIPT_INHERITED &&
      (type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK)) {
    return {Part::kMark, c};
  }
  return {Part::kOther, c};
}

//! Where the separator `p` may stand after `before`.
bool MayFollow(Part p, Part before) {
  switch (p) {
    case Part::kMark:
      return before == Part::kLatin || before == Part::kMark;
    case Part::kSpace:
      return IsLetter(before) || before == Part::kPeriod;
    case Part::kHyphen:
    case Part::kApostrophe:
    case Part::kPeriod:
    case Part::kDot:
      return IsLetter(before);
    default:
      return true;
  }
}

FieldError Problem(std::string_view field, const char* key) {
  return FieldError{std::string(field), key, {}};
}

}  // namespace

std::expected<std::string, FieldError> NormalisePersonName(std::string_view field,
                                                           std::string_view input) {
  const std::string typed = ToHalfWidth(TrimSpaces(input));
  if (typed.empty()) return std::unexpected(Problem(field, "error.field.required"));
  const auto too_long = [&] {
    return FieldError{std::string(field),
                      "error.field.too_long",
                      {{"max", std::to_string(MaxLength(TextKind::kPersonName))}}};
  };
  // Bounded before ICU sees it: normalising shortens a name by its padding at most.
  if (typed.size() > 16 * MaxLength(TextKind::kPersonName)) return std::unexpected(too_long());

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return std::unexpected(Problem(field, "error.person_name.invalid"));
  // Invalid UTF-8 becomes U+FFFD here, a symbol, and is refused like one.
  const icu::UnicodeString text = nfc->normalize(icu::UnicodeString::fromUTF8(typed), status);
  if (U_FAILURE(status)) return std::unexpected(Problem(field, "error.person_name.invalid"));

  std::vector<Char> out;
  bool space = false;  // a space seen and not yet written
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const Char c = Classify(text.char32At(i));
    if (c.part == Part::kOther) return std::unexpected(Problem(field, "error.person_name.invalid"));
    if (c.part == Part::kSpace) {
      space = true;
      continue;
    }
    if (!out.empty()) {
      const Part before = out.back().part;
      const bool dropped = before == Part::kDot || c.part == Part::kDot ||
                           (before == Part::kHan && c.part == Part::kHan);
      if (space && !dropped) out.push_back({Part::kSpace, ' '});
      // 阿依古丽.买买提: a period between Han characters is a middle dot typed on a keyboard.
      if (c.part == Part::kHan && out.size() >= 2 && out.back().part == Part::kPeriod &&
          out[out.size() - 2].part == Part::kHan) {
        out.back() = {Part::kDot, 0x00B7};
      }
    }
    space = false;
    out.push_back(c);
  }

  if (out.empty() || (out.front().part != Part::kHan && out.front().part != Part::kLatin)) {
    return std::unexpected(Problem(field, "error.person_name.invalid"));
  }
  for (std::size_t k = 1; k < out.size(); ++k) {
    if (!MayFollow(out[k].part, out[k - 1].part)) {
      return std::unexpected(Problem(field, "error.person_name.invalid"));
    }
  }
  if (!IsLetter(out.back().part) && out.back().part != Part::kPeriod) {
    return std::unexpected(Problem(field, "error.person_name.invalid"));
  }
  if (out.size() > MaxLength(TextKind::kPersonName)) return std::unexpected(too_long());

  icu::UnicodeString name;
  for (const Char& c : out) name.append(c.code);
  std::string utf8;
  name.toUTF8String(utf8);
  return utf8;
}

}  // namespace zj::text
