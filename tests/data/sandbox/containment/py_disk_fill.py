# Writes until RLIMIT_FSIZE stops it (Python ignores SIGXFSZ, so EFBIG).
with open("fill.bin", "wb") as f:
    while True:
        f.write(b"x" * (1 << 20))
        f.flush()
