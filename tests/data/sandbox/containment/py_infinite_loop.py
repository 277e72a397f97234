# Burns CPU forever; the CPU limit ends it.
x = 0
while True:
    x += 1
