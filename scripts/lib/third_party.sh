# shellcheck shell=bash
# Fetch, verify and build codeloom's pinned third-party components into a cache
# outside the clone:  ${CODELOOM_CACHE:-~/.cache/codeloom}/<name>-<key>/
# Each component is rebuilt only when its directory (or its .complete stamp) is
# absent, so a warm setup costs seconds. Sourced by scripts/setup.

here_tp="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=../../third_party/versions.sh
source "$here_tp/../../third_party/versions.sh"

CODELOOM_CACHE="${CODELOOM_CACHE:-$HOME/.cache/codeloom}"
JOBS="${CODELOOM_JOBS:-$(nproc)}"

log() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# npm_fetch NAME VERSION SHA256 -> prints the path of the verified tarball.
npm_fetch() {
  local name="$1" version="$2" sha="$3"
  local dir="$CODELOOM_CACHE/downloads"
  local tgz="$dir/${name}-${version}.tgz"
  mkdir -p "$dir"
  if [ ! -f "$tgz" ] || ! echo "$sha  $tgz" | sha256sum -c --quiet - >/dev/null 2>&1; then
    log "fetching npm package $name@$version"
    local tmp; tmp="$(mktemp -d "$dir/.fetch.XXXXXX")"
    (cd "$tmp" && npm pack --silent "${name}@${version}" >/dev/null 2>"$tmp/npm.log") \
      || { cat "$tmp/npm.log" >&2; die "npm pack ${name}@${version} failed"; }
    mv "$tmp"/*.tgz "$tgz"
    rm -rf "$tmp"
  fi
  echo "$sha  $tgz" | sha256sum -c --quiet - >/dev/null 2>&1 \
    || die "checksum mismatch for $tgz (expected $sha); delete it and retry"
  echo "$tgz"
}

# A short hash of the CPU feature flags: GGML_NATIVE builds are only valid on
# CPUs with the same features, so the cache key includes them.
cpu_key() {
  grep -m1 '^flags' /proc/cpuinfo 2>/dev/null | sha256sum | cut -c1-8
}

# ggml's AMX matmul (picked by -march=native on Sapphire Rapids and later)
# segfaults on Q4_K models on these machines (llama.cpp issue #20824, closed
# without a fix): build native for everything but AMX.
LLAMA_CFLAGS="-mno-amx-tile -mno-amx-int8 -mno-amx-bf16"
llama_key() { printf '%s %s\n' "$(cpu_key)" "$LLAMA_CFLAGS" | sha256sum | cut -c1-8; }
llama_prefix() { echo "$CODELOOM_CACHE/llama.cpp-${NODE_LLAMA_CPP_VERSION}-$(llama_key)"; }

build_llama() {
  local root; root="$(llama_prefix)"
  if [ -f "$root/.complete" ]; then log "llama.cpp cached at $root"; return; fi
  rm -rf "$root"; mkdir -p "$root"
  local tgz; tgz="$(npm_fetch node-llama-cpp "$NODE_LLAMA_CPP_VERSION" "$NODE_LLAMA_CPP_TGZ_SHA256")"
  log "unpacking llama.cpp git bundle from $(basename "$tgz")"
  tar xzf "$tgz" -C "$root" package/llama/gitRelease.bundle
  local bundle="$root/package/llama/gitRelease.bundle"
  echo "$LLAMA_BUNDLE_SHA256  $bundle" | sha256sum -c --quiet - || die "llama.cpp bundle checksum mismatch"
  git clone --quiet "$bundle" "$root/src" 2>/dev/null
  git -C "$root/src" -c advice.detachedHead=false checkout --quiet "$LLAMA_COMMIT" \
    || die "llama.cpp bundle lacks commit $LLAMA_COMMIT"
  rm -rf "$root/package"
  log "building llama.cpp (libllama, ggml, reference tools) with $JOBS jobs; first time only"
  cmake -S "$root/src" -B "$root/build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED_LIBS=OFF -DGGML_NATIVE=ON -DLLAMA_BUILD_TESTS=OFF \
    -DCMAKE_C_FLAGS="$LLAMA_CFLAGS" -DCMAKE_CXX_FLAGS="$LLAMA_CFLAGS" \
    -DLLAMA_BUILD_EXAMPLES=ON -DLLAMA_BUILD_TOOLS=ON -DLLAMA_BUILD_SERVER=ON \
    -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_USE_PREBUILT_UI=OFF \
    -DLLAMA_OPENSSL=OFF -DLLAMA_BUILD_NUMBER=0 >"$root/configure.log" 2>&1 \
    || { tail -30 "$root/configure.log" >&2; die "llama.cpp configure failed (log: $root/configure.log)"; }
  # Reference tools: llama-simple (greedy parity), llama-bench (speed parity),
  # llama-tokenize (tokenizer parity). llama-server is built on demand by the
  # server benchmark (build_llama_server), not here, to keep a cold setup short.
  cmake --build "$root/build" -j "$JOBS" --target llama ggml llama-simple llama-bench \
    llama-tokenize >"$root/build.log" 2>&1 \
    || { tail -30 "$root/build.log" >&2; die "llama.cpp build failed (log: $root/build.log)"; }
  # Lay out a small prefix: headers, static libraries, tools, vocabularies.
  local p="$root/install"
  mkdir -p "$p/include" "$p/lib" "$p/bin" "$p/share/vocab"
  cp "$root/src/include/"*.h "$root/src/ggml/include/"*.h "$p/include/"
  find "$root/build" -name '*.a' -exec cp {} "$p/lib/" \;
  cp "$root/build/bin/"llama-* "$p/bin/"
  cp "$root/src/models/"ggml-vocab-*.gguf "$p/share/vocab/"
  touch "$root/.complete"
  log "llama.cpp ready at $p"
}

# llama.cpp's llama-server from the same cached build (same commit and flags
# as the libllama codeloom links), for bench/server_bench.sh only.
build_llama_server() {
  local root; root="$(llama_prefix)"
  [ -f "$root/.complete" ] || build_llama
  if [ -x "$root/install/bin/llama-server" ]; then log "llama-server cached at $root/install/bin"; return; fi
  log "building llama-server with $JOBS jobs; first time only"
  cmake --build "$root/build" -j "$JOBS" --target llama-server >"$root/build-server.log" 2>&1 \
    || { tail -30 "$root/build-server.log" >&2; die "llama-server build failed (log: $root/build-server.log)"; }
  cp "$root/build/bin/llama-server" "$root/install/bin/"
  log "llama-server ready at $root/install/bin/llama-server"
}

tree_sitter_key() {
  printf '%s\n' "$TREE_SITTER_VERSION" "$TS_PYTHON_VERSION" "$TS_JAVA_VERSION" \
    "$TS_CPP_VERSION" "$TS_JAVASCRIPT_VERSION" | cat - "$here_tp/../../third_party/tree-sitter/CMakeLists.txt" \
    | sha256sum | cut -c1-8
}
tree_sitter_prefix() { echo "$CODELOOM_CACHE/tree-sitter-${TREE_SITTER_VERSION}-$(tree_sitter_key)"; }

build_tree_sitter() {
  local root; root="$(tree_sitter_prefix)"
  if [ -f "$root/.complete" ]; then log "tree-sitter cached at $root"; return; fi
  rm -rf "$root"; mkdir -p "$root/src"
  local spec name version sha tgz
  for spec in "tree-sitter $TREE_SITTER_VERSION $TREE_SITTER_TGZ_SHA256" \
              "tree-sitter-python $TS_PYTHON_VERSION $TS_PYTHON_TGZ_SHA256" \
              "tree-sitter-java $TS_JAVA_VERSION $TS_JAVA_TGZ_SHA256" \
              "tree-sitter-cpp $TS_CPP_VERSION $TS_CPP_TGZ_SHA256" \
              "tree-sitter-javascript $TS_JAVASCRIPT_VERSION $TS_JAVASCRIPT_TGZ_SHA256"; do
    read -r name version sha <<<"$spec"
    tgz="$(npm_fetch "$name" "$version" "$sha")"
    mkdir -p "$root/src/$name"
    tar xzf "$tgz" -C "$root/src/$name" --strip-components=1
  done
  log "building tree-sitter runtime and grammars; first time only"
  cmake -S "$here_tp/../../third_party/tree-sitter" -B "$root/build" -G Ninja \
    -DCMAKE_BUILD_TYPE=Release -DTS_SRC_ROOT="$root/src" -DCMAKE_INSTALL_PREFIX="$root/install" \
    >"$root/build.log" 2>&1 \
    && cmake --build "$root/build" -j "$JOBS" >>"$root/build.log" 2>&1 \
    && cmake --install "$root/build" >>"$root/build.log" 2>&1 \
    || { tail -30 "$root/build.log" >&2; die "tree-sitter build failed (log: $root/build.log)"; }
  rm -rf "$root/build"
  touch "$root/.complete"
  log "tree-sitter ready at $root/install"
}
