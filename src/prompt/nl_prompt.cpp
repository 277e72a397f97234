#include "codeloom/prompt/nl_prompt.h"

#include <llama.h>

#include <string_view>

#include "codeloom/common/text.h"
#include "codeloom/prompt/fim_format.h"

namespace codeloom::prompt {
namespace {

// Names as people write them in fences and prose (not lang::language_name:
// "cpp" reads worse than "C++" to an instruct model).
std::string_view display_name(lang::Language l) {
  switch (l) {
    case lang::Language::kPython: return "Python";
    case lang::Language::kJava: return "Java";
    case lang::Language::kCpp: return "C++";
    case lang::Language::kJavaScript: return "JavaScript";
  }
  return "code";
}

std::string_view fence_tag(lang::Language l) {
  switch (l) {
    case lang::Language::kPython: return "python";
    case lang::Language::kJava: return "java";
    case lang::Language::kCpp: return "cpp";
    case lang::Language::kJavaScript: return "javascript";
  }
  return "";
}

std::vector<std::string_view> lines_of(std::string_view s) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t nl = s.find('\n');
    out.push_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t i = s.find(from); i != std::string::npos; i = s.find(from, i + to.size())) {
    s.replace(i, from.size(), to);
  }
  return s;
}

std::string trim(std::string_view s) {
  const char* ws = " \t\r\n";
  std::size_t b = s.find_first_not_of(ws);
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(ws) - b + 1));
}

std::string python_prompt(const NlRequest& r) {
  // A """ inside the description would end the docstring early.
  const std::string desc = replace_all(trim(r.description), "\"\"\"", "\\\"\\\"\\\"");
  std::string sig = trim(r.signature);
  if (sig.empty()) {
    std::string out;
    for (auto line : lines_of(desc)) out += "# " + std::string(line) + "\n";
    return out;
  }
  if (sig.rfind("def ", 0) != 0 && sig.rfind("async def ", 0) != 0) sig = "def " + sig;
  if (sig.back() != ':') sig += ':';
  std::string out = sig + "\n    \"\"\"";
  auto lines = lines_of(desc);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i) out += lines[i].empty() ? "\n" : "\n    ";
    out += lines[i];
  }
  if (lines.size() > 1) out += "\n    ";
  return out + "\"\"\"\n";
}

std::string c_like_prompt(const NlRequest& r) {
  const std::string desc = replace_all(trim(r.description), "*/", "* /");  // keep the comment open
  std::string sig = trim(r.signature);
  std::string out = "/**\n";
  for (auto line : lines_of(desc)) out += line.empty() ? " *\n" : " * " + std::string(line) + "\n";
  out += " */\n";
  if (sig.empty()) return out;
  if (sig.back() == '{') sig.pop_back();
  return out + trim(sig) + " {\n";
}

std::string user_message(const NlRequest& r) {
  std::string m = "Write " + std::string(display_name(r.language)) + " code for this task:\n" +
                  trim(r.description) + "\n";
  if (!trim(r.signature).empty()) m += "Use this signature:\n" + trim(r.signature) + "\n";
  return m;
}

// llama_chat_apply_template: returns the needed size; grow and retry once.
Result<std::string> apply_template(const std::string& tmpl, const std::vector<llama_chat_message>& msgs) {
  std::vector<char> buf(4096);
  int32_t n = llama_chat_apply_template(tmpl.c_str(), msgs.data(), msgs.size(), true, buf.data(),
                                        static_cast<int32_t>(buf.size()));
  if (n > static_cast<int32_t>(buf.size())) {
    buf.resize(static_cast<std::size_t>(n));
    n = llama_chat_apply_template(tmpl.c_str(), msgs.data(), msgs.size(), true, buf.data(),
                                  static_cast<int32_t>(buf.size()));
  }
  if (n < 0) {
    std::string names;
    for (const auto& s : builtin_chat_templates()) names += (names.empty() ? "" : ", ") + s;
    return make_error(ErrorCode::kUnsupported,
                      "llama.cpp cannot apply this chat template (it supports only its built-in "
                      "templates: " + names + "); pass one of those names as the chat template");
  }
  return std::string(buf.data(), static_cast<std::size_t>(n));
}

}  // namespace

std::string docstring_prompt(const NlRequest& request) {
  return request.language == lang::Language::kPython ? python_prompt(request) : c_like_prompt(request);
}

std::vector<std::string> builtin_chat_templates() {
  std::vector<const char*> names(static_cast<std::size_t>(llama_chat_builtin_templates(nullptr, 0)));
  llama_chat_builtin_templates(names.data(), names.size());
  return {names.begin(), names.end()};
}

Result<NlPrompt> build_nl_prompt(const llm::Model& model, const NlRequest& request, const NlOptions& options) {
  if (trim(request.description).empty()) {
    return make_error(ErrorCode::kInvalidArgument, "the description is empty; say what the code should do");
  }
  if (Status s = check_text(request.description, "description"); !s) return s.error();
  if (Status s = check_text(request.signature, "signature"); !s) return s.error();

  const std::string tmpl = options.chat_template.empty() ? model.info().chat_template : options.chat_template;
  const bool chat = options.style == NlStyle::kChat || (options.style == NlStyle::kAuto && !tmpl.empty());
  NlPrompt out;
  if (chat) {
    if (tmpl.empty()) {
      return make_error(ErrorCode::kUnsupported,
                        "model " + model_display_name(model) + " has no chat template; pass one (e.g. \"chatml\") "
                        "or use the docstring style");
    }
    const std::string user = user_message(request);
    std::vector<llama_chat_message> msgs = {{"system", options.system_message.c_str()},
                                            {"user", user.c_str()}};
    Result<std::string> text = apply_template(tmpl, msgs);
    if (!text) return text.error();
    out.chat = true;
    out.assistant_start = text->size();
    // Open the code block ourselves: the reply is then code up to the closing fence.
    out.text = *text + "```" + std::string(fence_tag(request.language)) + "\n";
    out.stop = {"```"};
    out.tokens = model.tokenize(out.text, /*add_special=*/true, /*parse_special=*/true);
    // Templates that spell out BOS themselves (e.g. "<s>[INST]") would get it twice.
    if (out.tokens.size() >= 2 && model.bos() != llm::kNoToken && out.tokens[0] == model.bos() &&
        out.tokens[1] == model.bos()) {
      out.tokens.erase(out.tokens.begin());
    }
    return out;
  }
  out.text = docstring_prompt(request);
  out.tokens = model.tokenize(out.text, /*add_special=*/true, /*parse_special=*/false);
  return out;
}

}  // namespace codeloom::prompt
