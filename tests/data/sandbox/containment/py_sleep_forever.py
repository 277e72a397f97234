# Uses no CPU; only the wall-clock timeout ends it.
import time
time.sleep(100000)
