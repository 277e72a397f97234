#include "codeloom/train/run_log.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace codeloom::train {

Result<std::vector<LogPoint>> read_log(const std::string& path) {
  std::ifstream in(path);
  if (!in) return make_error(ErrorCode::kNotFound, "training log '" + path + "' not found");
  std::vector<LogPoint> out;
  std::string line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!j.is_object() || !j.contains("type") || !j.contains("step")) continue;
    LogPoint p;
    p.type = j["type"].get<std::string>();
    p.step = j["step"].get<std::int64_t>();
    const char* key = p.type == "val" ? "val_loss" : "loss";
    if (!j.contains(key) || !j[key].is_number()) continue;
    p.loss = j[key].get<double>();
    out.push_back(p);
  }
  return out;
}

Status truncate_log(const std::string& path, std::int64_t step) {
  std::ifstream in(path);
  if (!in) return Status::Ok();  // nothing logged yet
  std::string kept, line;
  while (std::getline(in, line)) {
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_object() && j.contains("step") && j["step"].is_number_integer() && j["step"].get<std::int64_t>() > step)
      continue;
    kept += line + "\n";
  }
  in.close();
  std::ofstream out(path, std::ios::trunc);
  out << kept;
  if (!out) return make_error(ErrorCode::kIo, "cannot rewrite training log '" + path + "'");
  return Status::Ok();
}

Status append_log_line(const std::string& path, const std::string& json) {
  std::ofstream out(path, std::ios::app);
  out << json << "\n";
  if (!out) return make_error(ErrorCode::kIo, "cannot append to training log '" + path + "'");
  return Status::Ok();
}

Status write_loss_svg(const std::vector<LogPoint>& points, const std::string& svg_path, const std::string& title) {
  constexpr double W = 720, H = 420, L = 60, R = 20, T = 40, B = 50;
  double max_step = 1, lo = 1e300, hi = -1e300;
  for (const LogPoint& p : points) {
    if (!std::isfinite(p.loss)) continue;
    max_step = std::max(max_step, static_cast<double>(p.step));
    lo = std::min(lo, p.loss);
    hi = std::max(hi, p.loss);
  }
  if (lo > hi) lo = 0, hi = 1;
  if (hi - lo < 1e-9) hi = lo + 1;
  auto x = [&](double s) { return L + (W - L - R) * s / max_step; };
  auto y = [&](double v) { return T + (H - T - B) * (1 - (v - lo) / (hi - lo)); };
  std::ostringstream os;
  os.precision(4);
  os << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H
     << "\" font-family=\"sans-serif\" font-size=\"12\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"
     << "<text x=\"" << L << "\" y=\"22\" font-size=\"14\">" << title << "</text>\n"
     << "<line x1=\"" << L << "\" y1=\"" << H - B << "\" x2=\"" << W - R << "\" y2=\"" << H - B << "\" stroke=\"black\"/>\n"
     << "<line x1=\"" << L << "\" y1=\"" << T << "\" x2=\"" << L << "\" y2=\"" << H - B << "\" stroke=\"black\"/>\n";
  for (int i = 0; i <= 4; ++i) {
    const double v = lo + (hi - lo) * i / 4, s = max_step * i / 4;
    os << "<text x=\"4\" y=\"" << y(v) + 4 << "\">" << v << "</text>\n"
       << "<text x=\"" << x(s) - 10 << "\" y=\"" << H - B + 18 << "\">" << static_cast<std::int64_t>(s) << "</text>\n";
  }
  os << "<text x=\"" << W / 2 << "\" y=\"" << H - 10 << "\">step</text>\n";
  for (const char* type : {"train", "val"}) {
    std::ostringstream pts;
    pts.precision(6);
    for (const LogPoint& p : points)
      if (p.type == type && std::isfinite(p.loss)) pts << x(static_cast<double>(p.step)) << "," << y(p.loss) << " ";
    const bool train = std::string(type) == "train";
    os << "<polyline fill=\"none\" stroke=\"" << (train ? "#1f77b4" : "#d62728") << "\" stroke-width=\""
       << (train ? 1.5 : 2.5) << "\" points=\"" << pts.str() << "\"/>\n";
  }
  os << "<text x=\"" << W - 170 << "\" y=\"" << T << "\" fill=\"#1f77b4\">train loss</text>\n"
     << "<text x=\"" << W - 170 << "\" y=\"" << T + 16 << "\" fill=\"#d62728\">validation loss</text>\n</svg>\n";
  std::ofstream out(svg_path, std::ios::trunc);
  out << os.str();
  if (!out) return make_error(ErrorCode::kIo, "cannot write '" + svg_path + "'");
  return Status::Ok();
}

}  // namespace codeloom::train
