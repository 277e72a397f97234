#include "codeloom/harness/report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

namespace codeloom::harness {

namespace {

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

// Red (0) to green (1).
std::string pass_colour(double frac) {
  const int r = static_cast<int>(220 * (1 - frac) + 40 * frac);
  const int g = static_cast<int>(60 * (1 - frac) + 170 * frac);
  char buf[16];
  std::snprintf(buf, sizeof buf, "#%02x%02x50", r, g);
  return buf;
}

std::string pass_at_k_svg(const RunSummary& s) {
  std::ostringstream os;
  const int bar_w = 60, gap = 30, h = 200, top = 20;
  const int n = static_cast<int>(s.pass_at_k.size() + s.base_pass_at_k.size());
  const int width = std::max(200, n * (bar_w + gap) + gap);
  os << "<svg xmlns='http://www.w3.org/2000/svg' width='" << width << "' height='" << h + 60
     << "' role='img' aria-label='pass@k'>";
  os << "<line x1='0' y1='" << top + h << "' x2='" << width << "' y2='" << top + h << "' stroke='#444'/>";
  int x = gap;
  auto bar = [&](const std::string& label, double v, const char* colour) {
    const int bh = static_cast<int>(std::lround(v * h));
    os << "<rect x='" << x << "' y='" << top + h - bh << "' width='" << bar_w << "' height='" << bh
       << "' fill='" << colour << "'><title>" << label << " = " << fmt("%.4f", v) << "</title></rect>";
    os << "<text x='" << x + bar_w / 2 << "' y='" << top + h - bh - 4 << "' text-anchor='middle' font-size='12'>"
       << fmt("%.1f%%", v * 100) << "</text>";
    os << "<text x='" << x + bar_w / 2 << "' y='" << top + h + 16 << "' text-anchor='middle' font-size='12'>"
       << html_escape(label) << "</text>";
    x += bar_w + gap;
  };
  for (auto [k, v] : s.pass_at_k) bar("pass@" + std::to_string(k), v, "#3a7bd5");
  for (auto [k, v] : s.base_pass_at_k) bar("base pass@" + std::to_string(k), v, "#8fb3e8");
  os << "</svg>";
  return os.str();
}

std::string status_grid_svg(const RunSummary& s) {
  std::ostringstream os;
  const int cell = 14, cols = 30;
  const int count = static_cast<int>(s.problems.size());
  const int rows = std::max(1, (count + cols - 1) / cols);
  os << "<svg xmlns='http://www.w3.org/2000/svg' width='" << cols * cell + 2 << "' height='" << rows * cell + 2
     << "' role='img' aria-label='per-problem status'>";
  for (int i = 0; i < count; ++i) {
    const ProblemResult& p = s.problems[static_cast<std::size_t>(i)];
    const std::string fill = p.n == 0 ? "#cccccc" : pass_colour(static_cast<double>(p.passed) / p.n);
    os << "<rect x='" << (i % cols) * cell + 1 << "' y='" << (i / cols) * cell + 1 << "' width='" << cell - 2
       << "' height='" << cell - 2 << "' fill='" << fill << "'><title>" << html_escape(p.task_id) << ": "
       << p.passed << "/" << p.n << " passed</title></rect>";
  }
  os << "</svg>";
  return os.str();
}

// Histogram bin edges: linear from 0 to the maximum, or log-spaced from the
// smallest positive value when the values span more than 20x (a few timeouts
// would otherwise squeeze every other sample into the first bin).
std::vector<double> bin_edges(const std::vector<double>& values, int bins, bool* log_scale) {
  const double hi = std::max(1.0, *std::max_element(values.begin(), values.end()));
  double lo = hi;
  for (double v : values) {
    if (v > 0) lo = std::min(lo, v);
  }
  lo = std::max(1.0, lo);
  *log_scale = hi / lo > 20;
  std::vector<double> edges(static_cast<std::size_t>(bins) + 1);
  for (int b = 0; b <= bins; ++b) {
    const double t = static_cast<double>(b) / bins;
    edges[static_cast<std::size_t>(b)] = *log_scale ? lo * std::pow(hi / lo, t) : hi * t;
  }
  return edges;
}

std::string latency_svg(const std::vector<double>& values, const std::string& what) {
  std::ostringstream os;
  const int bins = 24, w = 600, h = 160, top = 10;
  if (values.empty()) return "<p>No " + html_escape(what) + " times recorded.</p>";
  bool log_scale = false;
  const std::vector<double> edges = bin_edges(values, bins, &log_scale);
  std::vector<int> counts(bins, 0);
  for (double v : values) {
    const auto it = std::upper_bound(edges.begin() + 1, edges.end() - 1, v);
    counts[static_cast<std::size_t>(it - edges.begin() - 1)]++;
  }
  const int peak = *std::max_element(counts.begin(), counts.end());
  const int bw = w / bins;
  os << "<svg xmlns='http://www.w3.org/2000/svg' width='" << w << "' height='" << h + 50
     << "' role='img' aria-label='" << html_escape(what) << " latency histogram'>";
  for (int b = 0; b < bins; ++b) {
    const int bh = peak ? counts[b] * h / peak : 0;
    os << "<rect x='" << b * bw << "' y='" << top + h - bh << "' width='" << bw - 1 << "' height='" << bh
       << "' fill='#6a5acd'><title>" << fmt("%.0f", edges[b]) << "-" << fmt("%.0f", edges[b + 1])
       << " ms: " << counts[b] << "</title></rect>";
  }
  // Labels at both ends and the middle edge.
  const int mid = bins / 2;
  os << "<text x='0' y='" << top + h + 16 << "' font-size='12'>" << fmt("%.0f", edges[0]) << " ms</text>";
  os << "<text x='" << mid * bw << "' y='" << top + h + 16 << "' font-size='12' text-anchor='middle'>"
     << fmt("%.0f", edges[mid]) << " ms</text>";
  os << "<text x='" << w << "' y='" << top + h + 16 << "' font-size='12' text-anchor='end'>"
     << fmt("%.0f", edges[bins]) << " ms</text>";
  os << "<text x='0' y='" << top + h + 34 << "' font-size='11' fill='#555'>"
     << (log_scale ? "log-scaled bins" : "linear bins") << ", " << values.size() << " samples</text></svg>";
  return os.str();
}

}  // namespace

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string render_report_html(const RunSummary& s) {
  std::ostringstream os;
  os << "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>codeloom eval: "
     << html_escape(s.info.benchmark) << "</title><style>"
     << "body{font-family:sans-serif;margin:2em;max-width:1000px}table{border-collapse:collapse}"
     << "td,th{border:1px solid #ccc;padding:4px 10px;text-align:left}th{background:#f0f0f0}</style></head><body>\n";
  os << "<h1>codeloom eval: " << html_escape(s.info.benchmark) << "</h1>\n<p>" << html_escape(s.info.title)
     << "</p>\n<h2>Metrics</h2>\n<table>\n";
  auto row = [&](const std::string& k, const std::string& v) {
    os << "<tr><th>" << html_escape(k) << "</th><td>" << html_escape(v) << "</td></tr>\n";
  };
  row("model", s.info.model.empty() ? "(none)" : s.info.model);
  row("samples per problem (n)", std::to_string(s.info.n));
  row("temperature", fmt("%.2f", s.info.temperature));
  row("problems", std::to_string(s.problems.size()));
  row("samples scored", std::to_string(s.samples));
  for (auto [k, v] : s.pass_at_k) row("pass@" + std::to_string(k), fmt("%.4f", v));
  for (auto [k, v] : s.base_pass_at_k) row("pass@" + std::to_string(k) + " (base tests only)", fmt("%.4f", v));
  for (int k : s.skipped_ks) row("pass@" + std::to_string(k), "skipped (n < k)");
  for (auto [st, n] : s.status_counts) row("status " + st, std::to_string(n));
  row("execution ms p50 / p90 / p99", fmt("%.0f", s.execution_ms.p50) + " / " + fmt("%.0f", s.execution_ms.p90) +
                                          " / " + fmt("%.0f", s.execution_ms.p99));
  if (s.generation_ms.count) {
    row("generation ms p50 / p90 / p99", fmt("%.0f", s.generation_ms.p50) + " / " +
                                             fmt("%.0f", s.generation_ms.p90) + " / " + fmt("%.0f", s.generation_ms.p99));
  }
  row("malformed lines (dataset / samples)", std::to_string(s.info.malformed_dataset_lines) + " / " +
                                                 std::to_string(s.info.malformed_sample_lines));
  row("wall time (this invocation)", fmt("%.1f s", s.info.wall_seconds));
  os << "</table>\n<h2>pass@k</h2>\n" << pass_at_k_svg(s) << "\n<h2>Per-problem status</h2>\n"
     << "<p>One square per problem, in dataset order; green = all samples pass, red = none (hover for the task).</p>\n"
     << status_grid_svg(s) << "\n";
  if (!s.generation_values.empty()) {
    os << "<h2>Generation latency</h2>\n" << latency_svg(s.generation_values, "generation") << "\n";
  }
  os << "<h2>Execution latency</h2>\n" << latency_svg(s.execution_values, "execution") << "\n";
  os << "</body></html>\n";
  return os.str();
}

}  // namespace codeloom::harness
