// A self-contained HTML report of a run (no scripts, no external files):
// a metric table, inline SVG bars of pass@k, a per-problem status grid
// (colour = fraction of samples passing, title = task id) and histograms of
// generation and execution latency (log-spaced bins when the values span
// more than 20x, e.g. a few timeouts among millisecond runs).
//
//   std::string html = harness::render_report_html(summary);
//
// Pure function: thread-safe.
#pragma once

#include <string>

#include "codeloom/harness/results.h"

namespace codeloom::harness {

std::string render_report_html(const RunSummary& summary);

// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(const std::string& text);

}  // namespace codeloom::harness
