#include "app/demo/demo_evidence.h"

#include <array>
#include <vector>

#include "app/attachments/attachments.h"

namespace zj::app::demo {

namespace {

std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFU;
  for (const char ch : bytes) {
    crc ^= static_cast<unsigned char>(ch);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
  }
  return ~crc;
}

std::uint32_t Adler32(std::string_view bytes) {
  std::uint32_t a = 1, b = 0;
  for (const char ch : bytes) {
    a = (a + static_cast<unsigned char>(ch)) % 65521U;
    b = (b + a) % 65521U;
  }
  return (b << 16) | a;
}

void Put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

void Chunk(std::string& png, std::string_view type, std::string_view data) {
  Put32(png, static_cast<std::uint32_t>(data.size()));
  std::string body(type);
  body.append(data);
  png.append(body);
  Put32(png, Crc32(body));
}

}  // namespace

std::string SamplePdf(std::string_view lines) {
  std::string text = "BT /F1 14 Tf 72 760 Td 18 TL";
  std::size_t start = 0;
  while (start <= lines.size()) {
    const std::size_t end = std::min(lines.find('\n', start), lines.size());
    std::string line;
    for (const char c : lines.substr(start, end - start)) {
      if (c == '(' || c == ')' || c == '\\') line.push_back('\\');
      line.push_back(c);
    }
    text += " (" + line + ") Tj T*";
    start = end + 1;
  }
  text += " ET";
  const std::vector<std::string> objects{
      "<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
      " /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    std::string n = std::to_string(offset);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) +
         " /Root 1 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string SamplePng(int width, int height, std::uint32_t rgb) {
  // Each row: filter byte 0, then RGB pixels; the middle third of the rows is the darker band.
  std::string raw;
  for (int y = 0; y < height; ++y) {
    raw.push_back('\0');
    const bool band = y >= height / 3 && y < 2 * height / 3;
    for (int x = 0; x < width; ++x) {
      for (int shift = 16; shift >= 0; shift -= 8) {
        const auto c = static_cast<unsigned char>((rgb >> shift) & 0xFF);
        raw.push_back(static_cast<char>(band ? c / 2 : c));
      }
    }
  }
  // zlib: stored (uncompressed) deflate blocks of at most 65,535 bytes, then the Adler-32.
  std::string z = "\x78\x01";
  for (std::size_t at = 0; at < raw.size() || at == 0; at += 65535) {
    const std::size_t n = std::min<std::size_t>(65535, raw.size() - at);
    const bool last = at + n >= raw.size();
    z.push_back(last ? '\x01' : '\x00');
    z.push_back(static_cast<char>(n & 0xFF));
    z.push_back(static_cast<char>(n >> 8));
    z.push_back(static_cast<char>(~n & 0xFF));
    z.push_back(static_cast<char>((~n >> 8) & 0xFF));
    z.append(raw, at, n);
    if (last) break;
  }
  Put32(z, Adler32(raw));
  std::string ihdr;
  Put32(ihdr, static_cast<std::uint32_t>(width));
  Put32(ihdr, static_cast<std::uint32_t>(height));
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit, RGB, deflate, no filter, no interlace
  std::string png = "\x89PNG\r\n\x1A\n";
  Chunk(png, "IHDR", ihdr);
  Chunk(png, "IDAT", z);
  Chunk(png, "IEND", "");
  return png;
}

Result<void> AttachSample(Application& app, const Actor& actor, std::string_view owner_kind,
                          std::int64_t owner_id, const std::string& stage, const std::string& name,
                          const std::string& bytes) {
  Attachments attachments(app.db(), app.clock(), app.audit(), app.vault());
  ZJ_RETURN_IF_ERROR(attachments.Add(actor, {owner_kind, owner_id, stage}, name, bytes));
  return {};
}

}  // namespace zj::app::demo
