#!/usr/bin/env python3
"""codeloom serve vs llama.cpp's llama-server on the same GGUF and settings.

Workload (both servers get byte-identical /infill requests):
  latency     one client, warm: a 1,500-token context (prefix ~1,400 tokens of a
              real source file + suffix), 16 new tokens, greedy; between requests
              one line above the cursor is edited (an editor's typing pattern),
              so a server with prefix reuse re-evaluates only the tail.
  throughput  1, 4 and 8 concurrent clients, each editing its own file copy,
              for --duration seconds: requests/s, generated tokens/s, p50/p95.
              Each client sends one unmeasured request first (its file's cold
              prefill); use --slots >= the largest client count to keep all warm.
  soak        (--soak SECONDS) 8 clients against codeloom only; every error is
              counted and the server's RSS sampled every 10 s.

Both servers run at once but only one works at any moment: latency requests
alternate between them (A, B, A, B, ...) and each throughput point runs on one
server, then on the other, the order flipping every round. So the machine's
drift (hypervisor steal moves these 2-vCPU machines by +-20 % within minutes)
hits both alike. Medians over --rounds are reported with the load average.
Only the Python standard library is used.
"""
import argparse
import contextlib
import http.client
import json
import os
import signal
import statistics
import subprocess
import sys
import threading
import time


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def post(port, path, body, timeout=300):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    c.request("POST", path, json.dumps(body), {"Content-Type": "application/json"})
    r = c.getresponse()
    data = r.read()
    c.close()
    return r.status, data


def wait_health(port, proc, timeout=300):
    end = time.time() + timeout
    while time.time() < end:
        if proc.poll() is not None:
            raise SystemExit(f"server exited early with {proc.returncode}")
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            c.request("GET", "/health")
            if c.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become healthy")


def free_port():
    import socket
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


class Server:
    def __init__(self, name, argv_fn, log_path):
        self.name, self.argv_fn, self.log_path = name, argv_fn, log_path

    def __enter__(self):
        self.port = free_port()
        self.log = open(self.log_path, "ab")
        self.proc = subprocess.Popen(self.argv_fn(self.port), stdout=self.log, stderr=self.log)
        wait_health(self.port, self.proc)
        return self

    def __exit__(self, *exc):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(60)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self.log.close()

    def rss_kb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0


class Document:
    """A source file split at a cursor; edit(i) changes one line above the cursor."""

    def __init__(self, text, prefix_chars, suffix_chars, client):
        cut = text.rfind("\n", 0, prefix_chars) + 1
        self.prefix = text[:cut] + "    "
        self.suffix = "\n" + text[cut:cut + suffix_chars]
        # The edited line sits a few lines above the cursor, as when typing.
        lines = self.prefix.split("\n")
        self.edit_line = max(0, len(lines) - 6)
        self.lines = lines
        self.client = client

    ignore_eos = False  # --same-work: both servers write exactly n_predict tokens

    def request(self, i, n_predict):
        lines = list(self.lines)
        lines[self.edit_line] = lines[self.edit_line] + f"  # edit {self.client}.{i}"
        body = {"input_prefix": "\n".join(lines), "input_suffix": self.suffix, "n_predict": n_predict,
                "temperature": 0, "top_k": 1, "stream": False, "cache_prompt": True, "samplers": ["top_k"]}
        if Document.ignore_eos:
            body["ignore_eos"] = True
        return body


def one_request(port, body):
    t0 = time.perf_counter()
    status, data = post(port, "/infill", body)
    ms = (time.perf_counter() - t0) * 1000
    if status != 200:
        return ms, 0, None, f"HTTP {status}: {data[:200]!r}"
    j = json.loads(data)
    return ms, j.get("tokens_predicted", 0), j.get("tokens_evaluated", 0), None


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    f = int(k)
    return xs[f] + (xs[min(f + 1, len(xs) - 1)] - xs[f]) * (k - f)


def latency_run(srvs, text, args):
    """Warm sequential requests, alternating between the servers (who goes first rotates)."""
    doc = Document(text, args.prefix_chars, args.suffix_chars, 0)
    for srv in srvs:
        for i in range(args.warmup):  # warm-up: model pages, caches
            one_request(srv.port, doc.request(-1 - i, args.n_predict))
    lat = {srv.name: [] for srv in srvs}
    toks = {srv.name: [] for srv in srvs}
    prompt = {}
    for i in range(args.requests):
        k = i % len(srvs)
        for srv in srvs[k:] + srvs[:k]:
            ms, n, p, err = one_request(srv.port, doc.request(i, args.n_predict))
            if err:
                raise SystemExit(f"{srv.name}: {err}")
            lat[srv.name].append(ms)
            toks[srv.name].append(n)
            prompt[srv.name] = p
    return {srv.name: {"p50_ms": pct(lat[srv.name], 50), "p95_ms": pct(lat[srv.name], 95),
                       "mean_tokens": statistics.mean(toks[srv.name]), "prompt_tokens": prompt[srv.name]}
            for srv in srvs}


def load_run(srv, text, args, clients, duration, sample_rss=False):
    lat, toks, errors = [], [], []
    lock = threading.Lock()
    rss = []
    docs = [Document(text, args.prefix_chars - 64 * c, args.suffix_chars, c) for c in range(clients)]  # distinct files
    # Each client's file is opened once before the clock starts (concurrently,
    # unmeasured): the points measure editing, not the first cold prefill.
    warm = [threading.Thread(target=one_request, args=(srv.port, d.request(-1, args.n_predict))) for d in docs]
    for t in warm:
        t.start()
    for t in warm:
        t.join()
    stop = time.time() + duration

    def client(c):
        doc = docs[c]
        i = 0
        while time.time() < stop:
            try:
                ms, n, _, err = one_request(srv.port, doc.request(i, args.n_predict))
            except OSError as e:
                ms, n, err = 0, 0, str(e)
            with lock:
                if err:
                    errors.append(err)
                else:
                    lat.append(ms)
                    toks.append(n)
            i += 1

    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    t0 = time.time()
    for t in threads:
        t.start()
    while sample_rss and any(t.is_alive() for t in threads):
        rss.append((round(time.time() - t0), srv.rss_kb()))
        time.sleep(10)
    for t in threads:
        t.join()
    wall = time.time() - t0
    out = {"clients": clients, "requests": len(lat), "errors": len(errors), "req_per_s": len(lat) / wall,
           "tokens_per_s": sum(toks) / wall, "p50_ms": pct(lat, 50), "p95_ms": pct(lat, 95)}
    if errors:
        out["first_error"] = errors[0]
    if sample_rss:
        out["rss_kb"] = rss
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True)
    ap.add_argument("--codeloom", required=True, help="path of the codeloom binary")
    ap.add_argument("--llama-server", help="path of llama-server (omit: codeloom only)")
    ap.add_argument("--source", default="/usr/lib/python3.11/argparse.py", help="file the editing clients work on")
    ap.add_argument("--prefix-chars", type=int, default=6500, help="~1,400 tokens of Python for Qwen's tokenizer")
    ap.add_argument("--suffix-chars", type=int, default=440, help="~100 tokens")
    ap.add_argument("--n-predict", type=int, default=16)
    ap.add_argument("--requests", type=int, default=20, help="latency requests per round")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--warmup", type=int, default=3, help="unmeasured requests before the latency run")
    ap.add_argument("--clients", default="1,4,8")
    ap.add_argument("--duration", type=float, default=20, help="seconds per throughput point")
    ap.add_argument("--slots", type=int, default=4)
    ap.add_argument("--ctx-per-slot", type=int, default=2048)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--kv-cache-type", default="bf16",
                    help="KV cache type for both servers (codeloom --kv-cache-type, llama-server -ctk/-ctv)")
    ap.add_argument("--soak", type=float, default=0, help="seconds of 8-client soak against codeloom (0: none)")
    ap.add_argument("--skip-latency", action="store_true")
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--log-dir", default="/tmp")
    ap.add_argument("--same-work", action="store_true",
                    help="identical work on both servers: PSM prompts on codeloom too (--fim-order psm) and "
                         "ignore_eos in every request, so each request writes exactly --n-predict tokens")
    args = ap.parse_args()
    Document.ignore_eos = args.same_work
    text = open(args.source, encoding="utf-8").read()
    # Skip the module docstring/licence header: start where code starts.
    text = text[text.find("\nimport "):] if "\nimport " in text else text

    def codeloom_argv(port):
        return [args.codeloom, "serve", "--model", args.model, "--port", str(port), "--slots", str(args.slots),
                "--ctx-per-slot", str(args.ctx_per_slot), "--threads", str(args.threads), "--queue-size", "64",
                "--log-requests", "false", "--max-tokens-limit", "512",
                "--feedback-db", f"{args.log_dir}/server-bench-feedback-{os.getpid()}.db",
                "--kv-cache-type", args.kv_cache_type] + (["--fim-order", "psm"] if args.same_work else [])

    def llama_argv(port):
        return [args.llama_server, "-m", args.model, "--port", str(port), "--host", "127.0.0.1",
                "--parallel", str(args.slots), "-c", str(args.slots * args.ctx_per_slot), "-t", str(args.threads),
                "-fa", "off", "--no-warmup", "-ctk", args.kv_cache_type, "-ctv", args.kv_cache_type]

    servers = [("codeloom", codeloom_argv)]
    if args.llama_server:
        servers.append(("llama-server", llama_argv))
    results = {"load_avg_start": os.getloadavg(), "settings": vars(args), "rounds": []}
    rounds = args.rounds if (not args.skip_latency or not args.skip_throughput) else 0
    with contextlib.ExitStack() as stack:
        srvs = [stack.enter_context(Server(name, argv, f"{args.log_dir}/server-bench-{name}.log"))
                for name, argv in (servers if rounds else [])]
        for r in range(rounds):
            order = srvs if r % 2 == 0 else srvs[::-1]
            entries = {srv.name: {"server": srv.name, "round": r} for srv in srvs}
            if not args.skip_latency:
                for name, lat in latency_run(order, text, args).items():
                    entries[name]["latency"] = lat
                    log(name, "latency", lat)
            if not args.skip_throughput:
                for c in [int(x) for x in args.clients.split(",")]:
                    for srv in order:
                        t = load_run(srv, text, args, c, args.duration)
                        log(srv.name, "throughput", t)
                        entries[srv.name].setdefault("throughput", []).append(t)
            results["rounds"].extend(entries[srv.name] for srv in srvs)
    if args.soak > 0:
        with Server("codeloom", codeloom_argv, f"{args.log_dir}/server-bench-soak.log") as srv:
            results["soak"] = load_run(srv, text, args, 8, args.soak, sample_rss=True)
            log("soak", {k: v for k, v in results["soak"].items() if k != "rss_kb"})
    results["load_avg_end"] = os.getloadavg()

    # Medians over rounds, one table.
    summary = {}
    for name, _ in servers:
        rs = [e for e in results["rounds"] if e["server"] == name]
        s = {}
        if rs and "latency" in rs[0]:
            s["latency_p50_ms"] = statistics.median(e["latency"]["p50_ms"] for e in rs)
            s["latency_p95_ms"] = statistics.median(e["latency"]["p95_ms"] for e in rs)
            s["latency_tokens"] = statistics.median(e["latency"]["mean_tokens"] for e in rs)
            s["prompt_tokens"] = rs[0]["latency"]["prompt_tokens"]
        if rs and "throughput" in rs[0]:
            for i, t in enumerate(rs[0]["throughput"]):
                c = t["clients"]
                s[f"c{c}_tokens_per_s"] = statistics.median(e["throughput"][i]["tokens_per_s"] for e in rs)
                s[f"c{c}_req_per_s"] = statistics.median(e["throughput"][i]["req_per_s"] for e in rs)
                s[f"c{c}_p50_ms"] = statistics.median(e["throughput"][i]["p50_ms"] for e in rs)
                s[f"c{c}_errors"] = sum(e["throughput"][i]["errors"] for e in rs)
        summary[name] = s
    results["summary"] = summary
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
