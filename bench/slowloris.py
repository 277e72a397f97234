#!/usr/bin/env python3
"""/health latency while slow clients (slowloris) hold connections to codeloom serve.

N clients each open a connection and send an unfinished POST head, then one
more header line per second, for the whole run (a client the server timed
out reconnects); one prober asks GET /health
on a fresh connection every 20 ms and records the latency (connect to the
end of the response; 2 s timeout counts as a failure). Prints p50/p99/max and
failures. The short version of this runs in the default suite
(tests/server/server_hostile_test.cpp, SlowlorisDoesNotStarveHealth).

  python3 bench/slowloris.py --codeloom build/bin/codeloom --model models/codeloom-tiny.gguf \
      --clients 64 --seconds 30
  ... --serve-args "--http-threads 32"     # extra codeloom serve flags
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time


def start_server(binary, model, extra):
    db = tempfile.NamedTemporaryFile(prefix="codeloom-slowloris-", suffix=".db", delete=False).name
    cmd = [binary, "serve", "--host", "127.0.0.1", "--port", "0", "--model", model, "--slots", "1",
           "--threads", "1", "--feedback-db", db, "--log-requests", "false"] + extra
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    m = re.search(r":(\d+)\s*$", line)
    if not m:
        proc.kill()
        sys.exit("server did not start: " + line)
    return proc, int(m.group(1)), db


def probe(port, timeout=2.0):
    t0 = time.perf_counter()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.settimeout(timeout)
            s.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        ok = data.startswith(b"HTTP/1.1 200")
    except OSError:
        ok = False
    return ok, (time.perf_counter() - t0) * 1000.0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--codeloom", default="build/bin/codeloom")
    ap.add_argument("--model", default="models/codeloom-tiny.gguf")
    ap.add_argument("--clients", type=int, default=64)
    ap.add_argument("--seconds", type=float, default=30)
    ap.add_argument("--serve-args", default="")
    a = ap.parse_args()

    proc, port, db = start_server(a.codeloom, a.model, a.serve_args.split())
    try:
        def open_slow():
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"POST /v1/completions HTTP/1.1\r\nHost: x\r\n")
            return s

        slow = [open_slow() for _ in range(a.clients)]
        lat, fails, line = [], 0, 0
        end = time.monotonic() + a.seconds
        next_line = time.monotonic() + 1.0
        refused = 0
        while time.monotonic() < end:
            if time.monotonic() >= next_line:
                for i, s in enumerate(slow):
                    try:
                        s.sendall(b"X-Slow-%d: 1\r\n" % line)
                    except OSError:  # timed out by the server (408): come back, as an attacker would
                        s.close()
                        slow[i] = open_slow()
                        refused += 1
                line += 1
                next_line += 1.0
            ok, ms = probe(port)
            lat.append(ms)
            fails += 0 if ok else 1
            time.sleep(0.02)
        lat.sort()
        p99 = lat[max(0, int(len(lat) * 0.99 + 0.5) - 1)]
        print(f"clients={a.clients} seconds={a.seconds:g} probes={len(lat)} failures={fails} "
              f"p50={statistics.median(lat):.1f}ms p99={p99:.1f}ms max={lat[-1]:.1f}ms "
              f"slow_reconnects={refused}")
        for s in slow:
            s.close()
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(db + suffix)
            except OSError:
                pass


if __name__ == "__main__":
    main()
