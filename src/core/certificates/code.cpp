#include "core/certificates/code.h"

namespace zj::certificates {

std::string NewCode(const std::function<std::uint32_t()>& next32) {
  // The largest multiple of the alphabet's size below 2^32: draws above it are redrawn.
  constexpr std::uint64_t kSize = kCodeAlphabet.size();
  constexpr std::uint64_t kLimit = (std::uint64_t{1} << 32) / kSize * kSize;
  std::string code;
  code.reserve(kCodeLength);
  while (code.size() < kCodeLength) {
    const std::uint64_t draw = next32();
    if (draw >= kLimit) continue;
    code.push_back(kCodeAlphabet[draw % kSize]);
  }
  return code;
}

std::optional<std::string> NormaliseCode(std::string_view typed) {
  if (typed.size() > 64) return std::nullopt;
  std::string code;
  for (const char c : typed) {
    if (c == ' ' || c == '-') continue;
    const char upper = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    if (kCodeAlphabet.find(upper) == std::string_view::npos) return std::nullopt;
    code.push_back(upper);
  }
  if (code.size() != kCodeLength) return std::nullopt;
  return code;
}

std::string DisplayCode(std::string_view code) {
  if (code.size() != kCodeLength) return std::string(code);
  std::string out;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (i > 0 && i % 4 == 0) out.push_back('-');
    out.push_back(code[i]);
  }
  return out;
}

}  // namespace zj::certificates
