# Classic fork bomb; RLIMIT_NPROC (per-job uid) stops it.
import os
while True:
    os.fork()
