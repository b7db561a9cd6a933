// Certificates' verification codes: 12 symbols of the unambiguous alphabet, every symbol equally
// likely (draws past the last whole multiple of the alphabet are redrawn), what a person types
// back taken case-, space- and dash-blind, look-alikes refused, printed in groups of four.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "core/certificates/code.h"

namespace zj::certificates {
namespace {

TEST(CertificateCode, IsTwelveSymbolsOfTheAlphabet) {
  std::uint32_t n = 0;
  const std::string code = NewCode([&] { return n++ * 2654435761U; });
  ASSERT_EQ(code.size(), kCodeLength);
  for (const char c : code) EXPECT_NE(kCodeAlphabet.find(c), std::string_view::npos) << c;
  EXPECT_EQ(kCodeAlphabet.size(), 31u);
  for (const char c : std::string_view("01ILO")) {
    EXPECT_EQ(kCodeAlphabet.find(c), std::string_view::npos) << c;
  }
}

TEST(CertificateCode, RedrawsTheBiasedTail) {
  // The largest draw is past the last whole multiple of 31: redrawn, not folded onto a symbol.
  std::vector<std::uint32_t> draws{0xFFFFFFFFU, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
  std::size_t i = 0;
  const std::string code = NewCode([&] { return draws[i++]; });
  EXPECT_EQ(code, "23456789ABCD");
  EXPECT_EQ(i, draws.size());
}

TEST(CertificateCode, TakesWhatAPersonTypes) {
  EXPECT_EQ(NormaliseCode("abcd-efgh-jkmn"), "ABCDEFGHJKMN");
  EXPECT_EQ(NormaliseCode(" 2345 6789 ABCD "), "23456789ABCD");
  EXPECT_EQ(NormaliseCode("ABCD-EFGH-JKM0"), std::nullopt);  // a zero is no O
  EXPECT_EQ(NormaliseCode("ABCD-EFGH-JKMO"), std::nullopt);
  EXPECT_EQ(NormaliseCode("ABCD-EFGH-JKM"), std::nullopt);
  EXPECT_EQ(NormaliseCode("ABCD-EFGH-JKMNP"), std::nullopt);
  EXPECT_EQ(NormaliseCode(std::string(100, '-')), std::nullopt);
  EXPECT_EQ(NormaliseCode(""), std::nullopt);
}

TEST(CertificateCode, PrintsInGroupsOfFour) {
  EXPECT_EQ(DisplayCode("ABCDEFGHJKMN"), "ABCD-EFGH-JKMN");
  EXPECT_EQ(DisplayCode("short"), "short");
}

}  // namespace
}  // namespace zj::certificates
