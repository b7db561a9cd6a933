#include "core/enterprises/uscc.h"

namespace zj::enterprises {

namespace {

// GB 32100-2015 Table 2: the 31 characters and their values 0..30, in value order.
constexpr std::string_view kCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";

int ValueOf(char c) {
  const std::size_t pos = kCharset.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

std::optional<char> UsccCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  // Weights W_i = 3^(i-1) mod 31 (GB 32100-2015 §5.2); C18 = 31 - (Σ C_i·W_i mod 31), 31 → 0.
  int weight = 1;
  int sum = 0;
  for (char c : first17) {
    const int value = ValueOf(c);
    if (value < 0) return std::nullopt;
    sum += value * weight;
    weight = weight * 3 % 31;
  }
  const int check = (31 - sum % 31) % 31;
  return kCharset[static_cast<std::size_t>(check)];
}

std::optional<std::string> NormaliseUscc(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.size() != 18) return std::nullopt;
  std::string code(text);
  for (char& c : code) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  const auto check = UsccCheckCharacter(std::string_view(code).substr(0, 17));
  if (!check || *check != code[17]) return std::nullopt;
  return code;
}

}  // namespace zj::enterprises
