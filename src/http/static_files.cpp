#include "http/static_files.h"

#include <array>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace zj::http {

namespace fs = std::filesystem;

std::string_view MediaTypeFor(std::string_view path) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 19> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      // The worker portal's web app manifest (the media type the W3C Web App Manifest registers).
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  }};
  const auto dot = path.rfind('.');
  if (dot != std::string_view::npos) {
    const auto ext = path.substr(dot);
    for (const auto& [e, type] : kTypes) {
      if (e == ext) return type;
    }
  }
  return "application/octet-stream";
}

namespace {

std::optional<std::string> ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return std::move(out).str();
}

// Decodes %XX escapes; nullopt for malformed escapes or an encoded NUL.
std::optional<std::string> PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    const std::string hex(s.substr(i + 1, 2));
    char* end = nullptr;
    const long v = std::strtol(hex.c_str(), &end, 16);
    if (end != hex.c_str() + 2 || v == 0) return std::nullopt;
    out += static_cast<char>(v);
    i += 2;
  }
  return out;
}

}  // namespace

std::optional<Response> ServeStatic(const Request& request, const std::string& web_root) {
  if (web_root.empty()) return std::nullopt;
  std::string_view target = request.target();
  target = target.substr(0, target.find_first_of("?#"));
  auto decoded = PercentDecode(target);
  if (!decoded || decoded->empty() || decoded->front() != '/') return std::nullopt;

  std::error_code ec;
  const fs::path root = fs::weakly_canonical(web_root, ec);
  if (ec) return std::nullopt;
  fs::path file = fs::weakly_canonical(root / decoded->substr(1), ec);
  const auto [root_end, _] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
  const bool inside = !ec && root_end == root.end();

  bool fallback = false;
  if (!inside || !fs::is_regular_file(file, ec)) {
    // Client-side routes (no file extension) get index.html; a missing asset stays a 404.
    if (fs::path(*decoded).has_extension()) return std::nullopt;
    file = root / "index.html";
    fallback = true;
    if (!fs::is_regular_file(file, ec)) return std::nullopt;
  }
  const auto size = fs::file_size(file, ec);
  const auto mtime =
      static_cast<std::uint64_t>(fs::last_write_time(file, ec).time_since_epoch().count());
  const std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(mtime) + "\"";

  const std::string name = file.filename().string();
  const bool fingerprinted = decoded->starts_with("/assets/");
  Response res{beast_http::status::ok, request.version()};
  res.set(beast_http::field::content_type, std::string(MediaTypeFor(name)));
  res.set(beast_http::field::etag, etag);
  if (fingerprinted && !fallback) {
    res.set(beast_http::field::cache_control, "public, max-age=31536000, immutable");
  } else if (name == "index.html" || name == "sw.js" || name == "registerSW.js" ||
             name == "manifest.webmanifest") {
    // The pages' entry and the portal's service worker with its manifest are revalidated on
    // every load (a 304 by ETag when unchanged): a new release reaches phones at once instead
    // of after the hour an ordinary file may be kept.
    res.set(beast_http::field::cache_control, "no-cache");
  } else {
    res.set(beast_http::field::cache_control, "public, max-age=3600");
  }
  res.keep_alive(request.keep_alive());
  if (request[beast_http::field::if_none_match] == etag) {
    res.result(beast_http::status::not_modified);
    return res;
  }
  auto content = ReadFile(file);
  if (!content) return std::nullopt;
  if (request.method() == beast_http::verb::head) {
    res.content_length(content->size());
  } else {
    res.body() = std::move(*content);
    res.prepare_payload();
  }
  return res;
}

}  // namespace zj::http
