# Fills the private /tmp (a size-limited tmpfs) instead of the work dir.
i = 0
while True:
    with open("/tmp/fill%05d.bin" % i, "wb") as f:
        f.write(b"t" * (1 << 20))
    i += 1
