#include "codeloom/train/tokenizer_vocab.h"

namespace codeloom::train {

Vocabulary vocabulary_from(std::shared_ptr<const tokenizer::Tokenizer> tok) {
  Vocabulary v;
  v.size = tok->vocab_size();
  const tokenizer::SpecialTokens& s = tok->specials();
  v.ids = FimTokens{s.fim_prefix, s.fim_suffix, s.fim_middle, s.fim_pad, s.eot};
  v.encode = [tok](std::string_view text) { return tok->encode(text); };
  return v;
}

}  // namespace codeloom::train
