# Each file stays under RLIMIT_FSIZE, but together they would fill the disk;
# the work dir is a size-limited tmpfs, so this ends in ENOSPC.
i = 0
while True:
    with open("part%05d.bin" % i, "wb") as f:
        f.write(b"z" * (1 << 20))
    i += 1
