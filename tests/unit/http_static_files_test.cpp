#include <gtest/gtest.h>

#include "http/static_files.h"

namespace zj::http {
namespace {

TEST(MediaTypeFor, ServesJavaScriptAsTextJavascript) {
  EXPECT_EQ(MediaTypeFor("assets/index-3f9a1c.js"), "text/javascript; charset=utf-8");
}

TEST(MediaTypeFor, KnowsStylesheetsPagesImagesAndFonts) {
  EXPECT_EQ(MediaTypeFor("assets/index-3f9a1c.css"), "text/css; charset=utf-8");
  EXPECT_EQ(MediaTypeFor("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(MediaTypeFor("logo.svg"), "image/svg+xml");
  EXPECT_EQ(MediaTypeFor("assets/element-icons.woff2"), "font/woff2");
  EXPECT_EQ(MediaTypeFor("assets/element-icons.woff"), "font/woff");
}

TEST(MediaTypeFor, ServesTheWebAppManifestAsManifestJson) {
  EXPECT_EQ(MediaTypeFor("portal.webmanifest"), "application/manifest+json");
}

TEST(MediaTypeFor, FallsBackToOctetStreamForAnUnknownExtension) {
  EXPECT_EQ(MediaTypeFor("backup.tar.zst"), "application/octet-stream");
}

TEST(MediaTypeFor, FallsBackToOctetStreamForANameWithoutExtension) {
  EXPECT_EQ(MediaTypeFor("LICENSE"), "application/octet-stream");
  EXPECT_EQ(MediaTypeFor("assets.v2/LICENSE"), "application/octet-stream");
}

}  // namespace
}  // namespace zj::http
