#include "score_input.h"

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string_view>

namespace codeloom::cli {
namespace {

constexpr std::uintmax_t kMaxInputBytes = 1ull << 30;

Result<std::string> read_input_file(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const auto st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return make_error(ErrorCode::kNotFound, path + ": no such file");
  if (!fs::is_regular_file(st)) return make_error(ErrorCode::kInvalidArgument, path + ": not a regular file");
  if (fs::file_size(path, ec) > kMaxInputBytes) {
    return make_error(ErrorCode::kOutOfRange, path + ": larger than 1 GiB; split it");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, path + ": cannot open");
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Universal newlines (\n, \r\n, \r); a final newline does not start an item.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    out.push_back(text.substr(start, i - start));
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) out.push_back(text.substr(start));
  return out;
}

std::string strip(std::string_view s) {
  const char* ws = " \t\n\r\f\v";
  const auto b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

bool is_jsonl(const std::string& path, const std::string& format) {
  if (format == "jsonl") return true;
  if (format == "lines") return false;
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".jsonl" || ext == ".json";
}

const std::vector<std::string> kPredFields = {"prediction", "completion", "candidate", "generation", "hypothesis"};
const std::vector<std::string> kRefFields = {"reference", "canonical_solution", "target", "references"};

// One record's value of `field` (or the first default present) as strings.
Result<std::vector<std::string>> field_of(const nlohmann::json& j, const std::string& field,
                                          const std::vector<std::string>& defaults, const std::string& where) {
  if (j.is_string()) return std::vector<std::string>{j.get<std::string>()};
  if (!j.is_object()) return make_error(ErrorCode::kCorrupt, where + ": expected a JSON object or string");
  const nlohmann::json* v = nullptr;
  if (!field.empty()) {
    if (j.contains(field)) v = &j[field];
  } else {
    for (const auto& f : defaults) {
      if (j.contains(f)) {
        v = &j[f];
        break;
      }
    }
  }
  if (v == nullptr) {
    std::string names = field;
    if (names.empty()) {
      for (const auto& f : defaults) names += (names.empty() ? "" : "|") + f;
    }
    return make_error(ErrorCode::kCorrupt, where + ": no field " + names + " (name it with --pred-field/--ref-field)");
  }
  if (v->is_string()) return std::vector<std::string>{v->get<std::string>()};
  if (v->is_array() && !v->empty()) {
    std::vector<std::string> out;
    for (const auto& e : *v) {
      if (!e.is_string()) return make_error(ErrorCode::kCorrupt, where + ": references must be strings");
      out.push_back(e.get<std::string>());
    }
    return out;
  }
  return make_error(ErrorCode::kCorrupt, where + ": the value must be a string or a list of strings");
}

struct Column {
  std::vector<std::string> ids;
  std::vector<std::vector<std::string>> values;
};

Result<Column> read_column(const std::string& path, const std::string& format, const std::string& field,
                           const std::vector<std::string>& defaults, std::vector<Column>* second = nullptr,
                           const std::string& second_field = "", const std::vector<std::string>* second_defaults = nullptr) {
  auto text = read_input_file(path);
  if (!text) return text.error();
  Column col;
  if (!is_jsonl(path, format)) {
    std::size_t n = 0;
    for (std::string_view line : split_lines(*text)) {
      col.ids.push_back(std::to_string(++n));
      col.values.push_back({strip(line)});
    }
  } else {
    std::size_t line_no = 0;
    for (std::string_view line : split_lines(*text)) {
      ++line_no;
      if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
      const std::string where = path + ":" + std::to_string(line_no);
      nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
      if (j.is_discarded()) return make_error(ErrorCode::kCorrupt, where + ": not valid JSON");
      auto v = field_of(j, field, defaults, where);
      if (!v) return v.error();
      std::string id = std::to_string(col.ids.size() + 1);
      if (j.is_object()) {
        for (const char* k : {"id", "task_id"}) {
          if (j.contains(k) && (j[k].is_string() || j[k].is_number())) {
            id = j[k].is_string() ? j[k].get<std::string>() : j[k].dump();
            break;
          }
        }
      }
      col.ids.push_back(id);
      col.values.push_back(std::move(*v));
      if (second != nullptr) {
        auto w = field_of(j, second_field, *second_defaults, where);
        if (!w) return w.error();
        if (second->empty()) second->emplace_back();
        second->front().ids.push_back(id);
        second->front().values.push_back(std::move(*w));
      }
    }
  }
  if (col.values.empty()) return make_error(ErrorCode::kInvalidArgument, path + ": no items");
  return col;
}

}  // namespace

Result<ScoreItems> load_score_items(const std::string& pairs, const std::string& pred,
                                    const std::vector<std::string>& refs, const std::string& format,
                                    const std::string& pred_field, const std::string& ref_field) {
  if (format != "auto" && format != "lines" && format != "jsonl") {
    return make_error(ErrorCode::kInvalidArgument, "--format must be auto, lines or jsonl");
  }
  ScoreItems out;
  if (!pairs.empty()) {
    if (!pred.empty() || !refs.empty()) {
      return make_error(ErrorCode::kInvalidArgument, "give either --pairs or --pred with --ref, not both");
    }
    if (format == "lines") return make_error(ErrorCode::kInvalidArgument, "--pairs needs a JSONL file");
    std::vector<Column> refs_col;
    auto p = read_column(pairs, "jsonl", pred_field, kPredFields, &refs_col, ref_field, &kRefFields);
    if (!p) return p.error();
    out.ids = std::move(p->ids);
    for (auto& v : p->values) out.predictions.push_back(std::move(v.front()));
    out.references = std::move(refs_col.front().values);
    out.format = "jsonl";
    return out;
  }
  if (pred.empty() || refs.empty()) {
    return make_error(ErrorCode::kInvalidArgument, "give --pred FILE and --ref FILE (or --pairs FILE.jsonl)");
  }
  auto p = read_column(pred, format, pred_field, kPredFields);
  if (!p) return p.error();
  out.ids = std::move(p->ids);
  for (auto& v : p->values) out.predictions.push_back(std::move(v.front()));
  out.references.resize(out.predictions.size());
  for (const std::string& r : refs) {
    auto c = read_column(r, format, ref_field, kRefFields);
    if (!c) return c.error();
    if (c->values.size() != out.predictions.size()) {
      return make_error(ErrorCode::kInvalidArgument, pred + " has " + std::to_string(out.predictions.size()) +
                                                         " items but " + r + " has " +
                                                         std::to_string(c->values.size()));
    }
    for (std::size_t i = 0; i < c->values.size(); ++i) {
      for (auto& v : c->values[i]) out.references[i].push_back(std::move(v));
    }
  }
  out.format = is_jsonl(pred, format) ? "jsonl" : "lines";
  return out;
}

}  // namespace codeloom::cli
