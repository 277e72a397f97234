"""Drives `codeloom serve` with the official openai Python client.

Usage: python openai_client_check.py BASE_URL   (e.g. http://127.0.0.1:8012/v1)
Exits non-zero with a message on the first mismatch; prints "ok" at the end.
"""
import sys

import openai

base_url = sys.argv[1]
client = openai.OpenAI(base_url=base_url, api_key="unused", max_retries=0)

models = client.models.list()
model_id = models.data[0].id

# Completion (non-streaming, n > 1, FIM through suffix).
c = client.completions.create(model=model_id, prompt="def add(a, b):\n    ", suffix="\n", max_tokens=5, n=2,
                              temperature=0.8, seed=11)
assert c.object == "text_completion", c
assert 1 <= len(c.choices) <= 2, c
assert c.usage.completion_tokens > 0, c
assert c.id.startswith("cmpl-"), c

# Completion streaming: text arrives in pieces and matches the greedy non-streamed text.
greedy = client.completions.create(model=model_id, prompt="int main() {", max_tokens=8, temperature=0)
pieces = []
finish = None
for chunk in client.completions.create(model=model_id, prompt="int main() {", max_tokens=8, temperature=0, stream=True):
    pieces.append(chunk.choices[0].text)
    finish = chunk.choices[0].finish_reason or finish
assert "".join(pieces) == greedy.choices[0].text, (pieces, greedy.choices[0].text)
assert finish == "length", finish

# Chat, streaming.
content = []
for chunk in client.chat.completions.create(model=model_id, max_tokens=6, stream=True,
                                            messages=[{"role": "user", "content": "write hello world in C"}]):
    if chunk.choices and chunk.choices[0].delta.content:
        content.append(chunk.choices[0].delta.content)
chat = client.chat.completions.create(model=model_id, max_tokens=6,
                                      messages=[{"role": "user", "content": "write hello world in C"}])
assert chat.choices[0].message.role == "assistant", chat

# Errors surface as the client's typed exceptions.
# Like llama.cpp's single-model server, `model` is not checked by default
# (--strict-model true restores the 404; tests/server/server_llamacpp_compat_test.cpp).
other = client.completions.create(model="no-such-model", prompt="x", max_tokens=1)
assert len(other.choices) == 1
try:
    client.completions.create(model=model_id, prompt="x", max_tokens=1, top_p=3)
    raise SystemExit("expected BadRequestError for top_p=3")
except openai.BadRequestError:
    pass
print("ok")
