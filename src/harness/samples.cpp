#include "codeloom/harness/samples.h"

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

namespace codeloom::harness {

namespace {

Status parse_status(const std::string& s, CheckStatus* out) {
  for (CheckStatus st : {CheckStatus::kPass, CheckStatus::kFail, CheckStatus::kTimeout, CheckStatus::kError}) {
    if (s == status_name(st)) {
      *out = st;
      return Status::Ok();
    }
  }
  return make_error(ErrorCode::kCorrupt, "unknown status '" + s + "'");
}

std::string human_eval_result(const Verdict& v) {
  switch (v.status) {
    case CheckStatus::kPass: return "passed";
    case CheckStatus::kTimeout: return "timed out";
    default: return "failed: " + v.detail;
  }
}

}  // namespace

std::string sample_to_json(const Sample& s, bool evalplus) {
  nlohmann::json j = {{"task_id", s.task_id},
                      {"completion_id", s.completion_id},
                      {"completion", s.completion},
                      {"result", human_eval_result(s.verdict)},
                      {"passed", s.verdict.status == CheckStatus::kPass},
                      {"status", status_name(s.verdict.status)},
                      {"gen_ms", s.gen_ms},
                      {"exec_ms", s.verdict.exec_ms}};
  if (evalplus) {
    j["base_status"] = s.verdict.base_passed ? "pass" : "fail";
    j["plus_status"] = s.verdict.status == CheckStatus::kPass ? "pass" : "fail";
  }
  // Invalid UTF-8 from a model must not make the line unwritable.
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<SampleFile> read_samples(const std::string& path) {
  SampleFile file;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return file;
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot read " + path);
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = "line " + std::to_string(line_no);
    nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      file.malformed.push_back(where + ": not a JSON object");
      continue;
    }
    if (!j.contains("task_id") || !j["task_id"].is_string() || !j.contains("completion") ||
        !j["completion"].is_string() || !j.contains("status") || !j["status"].is_string()) {
      file.malformed.push_back(where + ": needs string fields task_id, completion, status");
      continue;
    }
    Sample s;
    s.task_id = j["task_id"];
    s.completion = j["completion"];
    s.completion_id = j.value("completion_id", 0);
    if (Status st = parse_status(j["status"], &s.verdict.status); !st) {
      file.malformed.push_back(where + ": " + st.error().message);
      continue;
    }
    s.verdict.base_passed = j.contains("base_status") ? j.value("base_status", "") == "pass"
                                                      : s.verdict.status == CheckStatus::kPass;
    const std::string result = j.value("result", "");
    if (result.rfind("failed: ", 0) == 0) s.verdict.detail = result.substr(8);
    s.verdict.exec_ms = j.value("exec_ms", 0.0);
    s.gen_ms = j.value("gen_ms", 0.0);
    file.samples.push_back(std::move(s));
  }
  return file;
}

Result<std::unique_ptr<SampleWriter>> SampleWriter::open(const std::string& path, bool evalplus) {
  std::unique_ptr<SampleWriter> w(new SampleWriter());
  w->out_.open(path, std::ios::binary | std::ios::app);
  if (!w->out_) return make_error(ErrorCode::kIo, "cannot write " + path);
  w->evalplus_ = evalplus;
  w->path_ = path;
  return w;
}

Status SampleWriter::append(const std::vector<Sample>& samples) {
  std::string text;
  for (const Sample& s : samples) text += sample_to_json(s, evalplus_) + "\n";
  std::lock_guard<std::mutex> lock(mu_);
  out_ << text;
  out_.flush();
  if (!out_) return make_error(ErrorCode::kIo, "cannot write " + path_);
  return Status::Ok();
}

}  // namespace codeloom::harness
