#include "app/demo/demo_evidence.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <string>

#include "app/attachments/attachments.h"

namespace zj::app::demo {

namespace {

// cairo writes both samples (it already draws the certificates' PDFs), so no file format is
// hand-written here.
cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string SamplePdf(std::string_view lines) {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(Append, &pdf, 595, 842);
  cairo_t* cr = cairo_create(surface);
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, 14);
  double y = 80;
  std::size_t start = 0;
  while (start <= lines.size()) {
    const std::size_t end = std::min(lines.find('\n', start), lines.size());
    const std::string line(lines.substr(start, end - start));
    cairo_move_to(cr, 72, y);
    cairo_show_text(cr, line.c_str());
    y += 20;
    start = end + 1;
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return pdf;
}

std::string SamplePng(int width, int height, std::uint32_t rgb) {
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height);
  cairo_t* cr = cairo_create(surface);
  const double r = ((rgb >> 16) & 0xFF) / 255.0;
  const double g = ((rgb >> 8) & 0xFF) / 255.0;
  const double b = (rgb & 0xFF) / 255.0;
  cairo_set_source_rgb(cr, r, g, b);
  cairo_paint(cr);
  // The middle third of the rows is a darker band, so the sample is not a flat colour.
  cairo_set_source_rgb(cr, r / 2, g / 2, b / 2);
  cairo_rectangle(cr, 0, height / 3.0, width, height / 3.0);
  cairo_fill(cr);
  cairo_destroy(cr);
  std::string png;
  cairo_surface_write_to_png_stream(surface, Append, &png);
  cairo_surface_destroy(surface);
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
