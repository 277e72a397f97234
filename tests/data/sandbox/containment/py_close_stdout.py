# Closes its output streams early, then keeps running for a while.
import os, time
print("before close", flush=True)
os.close(1)
os.close(2)
time.sleep(0.3)
