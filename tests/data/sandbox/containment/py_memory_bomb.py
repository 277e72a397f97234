# Grows until RLIMIT_AS says no (MemoryError).
chunks = []
while True:
    chunks.append(bytearray(16 * 1024 * 1024))
