#include "codeloom/train/tokenizer_vocab.h"

namespace codeloom::train {

Vocabulary vocabulary_from(std::shared_ptr<const tokenizer::Tokenizer> tok) {
  Vocabulary v;
  v.size = tok->vocab_size();
  const tokenizer::SpecialTokens& s = tok->specials();
  v.ids = FimTokens{s.fim_prefix, s.fim_suffix, s.fim_middle, s.fim_pad, s.eot};
  v.texts.reserve(static_cast<std::size_t>(v.size));
  for (std::int32_t id = 0; id < v.size; ++id) {
    const std::int32_t one[1] = {id};
    v.texts.push_back(tok->decode(one));
  }
  v.encode = [tok](std::string_view text) { return tok->encode(text); };
  return v;
}

}  // namespace codeloom::train
