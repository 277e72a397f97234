// Natural language -> code prompts: docstring style for base models, chat
// templates (the model's own, or a llama.cpp built-in by name) for instruct models.
#include <gtest/gtest.h>

#include <algorithm>

#include "codeloom/prompt/nl_prompt.h"
#include "prompt/test_models.h"

namespace codeloom::prompt {
namespace {

using lang::Language;

TEST(DocstringPrompt, PerLanguage) {
  EXPECT_EQ(docstring_prompt({"Return the sum of a and b.", Language::kPython, "add(a: int, b: int) -> int"}),
            "def add(a: int, b: int) -> int:\n    \"\"\"Return the sum of a and b.\"\"\"\n");
  EXPECT_EQ(docstring_prompt({"Sort xs.\n\nStable.", Language::kPython, "def sort(xs):"}),
            "def sort(xs):\n    \"\"\"Sort xs.\n\n    Stable.\n    \"\"\"\n");
  EXPECT_EQ(docstring_prompt({"Say \"\"\"hi\"\"\".", Language::kPython, "def hi():"}),
            "def hi():\n    \"\"\"Say \\\"\\\"\\\"hi\\\"\\\"\\\".\"\"\"\n");
  EXPECT_EQ(docstring_prompt({"Print hello.", Language::kPython, ""}), "# Print hello.\n");
  EXPECT_EQ(docstring_prompt({"Return the larger of a and b.", Language::kJava, "public static int max(int a, int b)"}),
            "/**\n * Return the larger of a and b.\n */\npublic static int max(int a, int b) {\n");
  EXPECT_EQ(docstring_prompt({"Count set bits.\nUse a loop.", Language::kCpp, "int popcount(unsigned x) {"}),
            "/**\n * Count set bits.\n * Use a loop.\n */\nint popcount(unsigned x) {\n");
  EXPECT_EQ(docstring_prompt({"Ends */ early?", Language::kJavaScript, "function f(x)"}),
            "/**\n * Ends * / early?\n */\nfunction f(x) {\n");
  EXPECT_EQ(docstring_prompt({"Greet.", Language::kJavaScript, ""}), "/**\n * Greet.\n */\n");
}

TEST(NlPrompt, BaseModelGetsDocstringWithBos) {
  auto m = testing::named_model("deepseek-coder");
  ASSERT_TRUE(m) << m.error().message;
  auto p = build_nl_prompt(**m, {"Return n factorial.", Language::kPython, "def fact(n):"});
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_FALSE(p->chat);
  EXPECT_EQ(p->text, "def fact(n):\n    \"\"\"Return n factorial.\"\"\"\n");
  ASSERT_FALSE(p->tokens.empty());
  EXPECT_EQ(p->tokens[0], (*m)->bos());
  EXPECT_EQ((*m)->detokenize(std::vector<llm::Token>(p->tokens.begin() + 1, p->tokens.end())), p->text);
}

// The qwen2 vocabulary file carries Qwen's real tokenizer.chat_template (ChatML).
TEST(NlPrompt, InstructModelUsesItsOwnChatTemplate) {
  auto m = testing::named_model("qwen2");
  ASSERT_TRUE(m) << m.error().message;
  ASSERT_FALSE((*m)->info().chat_template.empty()) << "the qwen2 vocab file should carry a chat template";
  auto p = build_nl_prompt(**m, {"Reverse a string.", Language::kPython, "def rev(s: str) -> str:"});
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_TRUE(p->chat);
  const std::string expected =
      "<|im_start|>system\nYou are a coding assistant. Reply with one complete, correct code block in the "
      "requested language and nothing else.<|im_end|>\n"
      "<|im_start|>user\nWrite Python code for this task:\nReverse a string.\nUse this signature:\n"
      "def rev(s: str) -> str:\n<|im_end|>\n"
      "<|im_start|>assistant\n";
  EXPECT_EQ(p->text, expected + "```python\n");
  EXPECT_EQ(p->assistant_start, expected.size());
  EXPECT_EQ(p->stop, std::vector<std::string>{"```"});
  const auto im_start = (*m)->find_token("<|im_start|>");
  ASSERT_TRUE(im_start);
  EXPECT_EQ(std::count(p->tokens.begin(), p->tokens.end(), *im_start), 3);  // parsed as control tokens
}

TEST(NlPrompt, BuiltinTemplateByName) {
  auto m = testing::named_model("gpt-2");
  ASSERT_TRUE(m);
  const auto names = builtin_chat_templates();
  ASSERT_NE(std::find(names.begin(), names.end(), "chatml"), names.end());
  NlOptions o;
  o.chat_template = "llama3";
  auto p = build_nl_prompt(**m, {"Add two ints.", Language::kCpp, "int add(int a, int b)"}, o);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_TRUE(p->chat);
  EXPECT_NE(p->text.find("<|start_header_id|>user<|end_header_id|>\n\nWrite C++ code for this task:"), std::string::npos)
      << p->text;
  EXPECT_TRUE(p->text.ends_with("<|start_header_id|>assistant<|end_header_id|>\n\n```cpp\n")) << p->text;
}

TEST(NlPrompt, Errors) {
  auto m = testing::named_model("gpt-2");
  ASSERT_TRUE(m);
  auto empty = build_nl_prompt(**m, {"   ", Language::kPython, ""});
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, ErrorCode::kInvalidArgument);
  auto bad = build_nl_prompt(**m, {"x\xFF", Language::kPython, ""});
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::kInvalidArgument);
  NlOptions chat;
  chat.style = NlStyle::kChat;
  auto none = build_nl_prompt(**m, {"Add.", Language::kPython, ""}, chat);
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().code, ErrorCode::kUnsupported);
  chat.chat_template = "{{ this is not a template llama.cpp knows }}";
  auto unknown = build_nl_prompt(**m, {"Add.", Language::kPython, ""}, chat);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kUnsupported);
  EXPECT_NE(unknown.error().message.find("chatml"), std::string::npos) << unknown.error().message;
}

}  // namespace
}  // namespace codeloom::prompt
