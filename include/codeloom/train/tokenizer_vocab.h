// The trainer's view of codeloom's tokenizer: encode, size and the FIM ids.
//
//   auto tok = tokenizer::Tokenizer::load(recipe.data.tokenizer);
//   train::Vocabulary v = train::vocabulary_from(std::make_shared<tokenizer::Tokenizer>(std::move(*tok)));
#pragma once

#include <memory>

#include "codeloom/tokenizer/tokenizer.h"
#include "codeloom/train/corpus.h"

namespace codeloom::train {

// The Vocabulary shares ownership of the tokenizer (its encoder keeps it alive).
Vocabulary vocabulary_from(std::shared_ptr<const tokenizer::Tokenizer> tok);

}  // namespace codeloom::train
