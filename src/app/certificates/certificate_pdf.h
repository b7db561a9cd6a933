// A certificate as a one-page PDF (A4 landscape), drawn server-side with cairo and pango (text
// shaped by HarfBuzz, Chinese in Noto CJK through fontconfig: scripts/install-deps.sh installs
// fonts-noto-cjk) and a QR code of the verify address from libqrencode. Bilingual labels.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"

namespace zj::app {

struct CertificatePdfText {
  std::string title;  //!< the competition (or class) the certificate is for
  std::string award;  //!< the group
  std::optional<int> place;
  std::string holder;  //!< the holder's full name (the holder's own download)
  std::string issuer;  //!< the issuing org
  std::string issued_on;
  std::string code;        //!< as printed: ABCD-EFGH-JKMN
  std::string verify_url;  //!< the verify page with the code
  bool revoked = false;
};

//! The PDF's bytes; kInternal when cairo fails.
Result<std::string> RenderCertificatePdf(const CertificatePdfText& text);

}  // namespace zj::app
