#include "app/certificates/certificate_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#include <memory>

namespace zj::app {

namespace {

constexpr double kWidth = 842;  // A4 landscape, points
constexpr double kHeight = 595;

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

//! Escapes text for pango markup.
std::string Escaped(const std::string& text) {
  std::unique_ptr<char, decltype(&g_free)> out(g_markup_escape_text(text.c_str(), -1), g_free);
  return out.get();
}

//! Draws `markup` centred (or left-aligned from x when width > 0) with its top at y; returns
//! the height drawn.
double Text(cairo_t* cr, PangoContext* context, const std::string& markup, const char* font,
            double x, double y, double width, PangoAlignment align) {
  PangoLayout* layout = pango_layout_new(context);
  PangoFontDescription* desc = pango_font_description_from_string(font);
  pango_layout_set_font_description(layout, desc);
  pango_font_description_free(desc);
  pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_alignment(layout, align);
  pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup(layout, markup.c_str(), -1);
  int w = 0;
  int h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout);
  g_object_unref(layout);
  return h;
}

void Qr(cairo_t* cr, const std::string& url, double x, double y, double size) {
  QRcode* qr = QRcode_encodeString8bit(url.c_str(), 0, QR_ECLEVEL_M);
  if (!qr) return;
  const double cell = size / qr->width;
  for (int r = 0; r < qr->width; ++r) {
    for (int c = 0; c < qr->width; ++c) {
      if (qr->data[r * qr->width + c] & 1)
        cairo_rectangle(cr, x + c * cell, y + r * cell, cell, cell);
    }
  }
  cairo_fill(cr);
  QRcode_free(qr);
}

}  // namespace

Result<std::string> RenderCertificatePdf(const CertificatePdfText& t) {
  std::string out;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &out, kWidth, kHeight);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, "荣誉证书 Certificate");
  cairo_t* cr = cairo_create(surface);
  // A font map of this document's own, released with it: pango's default map is kept per
  // thread and lost when a server thread ends, which LeakSanitizer reports as fontconfig's
  // memory leaked (and a long-lived server would hold a map per thread that ever drew one).
  PangoFontMap* fonts = pango_cairo_font_map_new();
  PangoContext* context = pango_font_map_create_context(fonts);
  pango_cairo_update_context(cr, context);
  // A frame in the union's red.
  cairo_set_source_rgb(cr, 0.7, 0.1, 0.1);
  cairo_set_line_width(cr, 6);
  cairo_rectangle(cr, 24, 24, kWidth - 48, kHeight - 48);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1.5);
  cairo_rectangle(cr, 36, 36, kWidth - 72, kHeight - 72);
  cairo_stroke(cr);

  const double inner = kWidth - 160;
  double y = 70;
  y += Text(cr, context, "荣誉证书", "Noto Serif CJK SC Bold 40", 80, y, inner, PANGO_ALIGN_CENTER);
  y += Text(cr, context, "CERTIFICATE OF AWARD", "Noto Sans CJK SC 14", 80, y, inner,
            PANGO_ALIGN_CENTER);
  if (t.revoked) {
    y += Text(cr, context, "<b>已撤销 · REVOKED</b>", "Noto Sans CJK SC 16", 80, y + 6, inner,
              PANGO_ALIGN_CENTER);
  }
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  y += 30;
  y += Text(cr, context, Escaped(t.holder), "Noto Serif CJK SC Bold 30", 80, y, inner,
            PANGO_ALIGN_CENTER);
  y += 14;
  std::string place_zh;
  std::string place_en;
  if (t.place) {
    place_zh = "，荣获第 " + std::to_string(*t.place) + " 名";
    place_en = ", placed " + std::to_string(*t.place);
  }
  const std::string body = "在「" + Escaped(t.title) + "」" + Escaped(t.award) + "中" + place_zh +
                           "。\n" + "In " + Escaped(t.title) + " — " + Escaped(t.award) + place_en +
                           ".";
  y += Text(cr, context, body, "Noto Sans CJK SC 16", 80, y, inner, PANGO_ALIGN_CENTER);

  // Issuer and date at the bottom right, the code and QR at the bottom left.
  Text(cr, context, Escaped(t.issuer) + "\n" + Escaped(t.issued_on), "Noto Sans CJK SC 14",
       kWidth - 380, kHeight - 150, 300, PANGO_ALIGN_RIGHT);
  Qr(cr, t.verify_url, 70, kHeight - 170, 100);
  Text(cr, context,
       "验证码 Verification code: <b>" + Escaped(t.code) + "</b>\n<small>" + Escaped(t.verify_url) +
           "</small>",
       "Noto Sans CJK SC 10", 180, kHeight - 150, 320, PANGO_ALIGN_LEFT);

  cairo_show_page(cr);
  g_object_unref(context);
  g_object_unref(fonts);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t status = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (status != CAIRO_STATUS_SUCCESS) {
    return Fail(ErrorCode::kInternal, "error.internal",
                std::string("certificate pdf: ") + cairo_status_to_string(status));
  }
  return out;
}

}  // namespace zj::app
