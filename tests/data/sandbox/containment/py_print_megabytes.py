# 64 MB of output; the sandbox keeps only the cap.
import sys
block = "y" * (1 << 20)
for _ in range(64):
    sys.stdout.write(block)
