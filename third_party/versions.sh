# Pinned third-party sources. Every source comes from a package registry
# (npm) and is checked against the sha256 recorded here. Changing a version
# here changes the cache key, so the next setup rebuilds that component.

# llama.cpp, as the git bundle shipped inside the npm package node-llama-cpp.
NODE_LLAMA_CPP_VERSION=3.22.1
NODE_LLAMA_CPP_TGZ_SHA256=a0d9dd80eacd2ab1cfe71aee57ac8a806487fd70b3d2a38fbec637752d9e5c5f
LLAMA_BUNDLE_SHA256=5f5d1105d5df040738d87b8290e5d17e7362131cdcfdb0831618e0ea528b4a51
LLAMA_COMMIT=de3ff815ea7d559ee917f063901b8986f038abc6   # libllama release v0.5.0

# tree-sitter runtime (vendored in the npm binding package) and grammars.
# Runtime 0.25 reads grammar ABI 13..15; the grammars below are ABI 14 or 15.
TREE_SITTER_VERSION=0.25.0
TREE_SITTER_TGZ_SHA256=016448ee8e2c23aed7e1155c118cd66cd026e6436f7394b3f3606d30bf9aaa4a
TS_PYTHON_VERSION=0.25.0
TS_PYTHON_TGZ_SHA256=63b76b3fa8181fd79eaad4abcdb21e2babcb504dbfc7710a89934fa456d26096
TS_JAVA_VERSION=0.23.5
TS_JAVA_TGZ_SHA256=6b6c1b62605f9d8bb80efd2ebe5951a87b182faafa3eeb67c460a667818551b6
TS_CPP_VERSION=0.23.4
TS_CPP_TGZ_SHA256=615d152f70e7a6bed8f15a93c3c0c264c40dc71c1b6a1445646fff9439e776bc
TS_JAVASCRIPT_VERSION=0.25.0
TS_JAVASCRIPT_TGZ_SHA256=6214ce23d03aba525ba8edd6ca7caf365c969f2c2dbfc353e376ca54507ffb92
