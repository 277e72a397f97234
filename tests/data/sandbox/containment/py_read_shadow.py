# /etc/shadow is not part of any job's view (docs/sandbox.md, "What a job sees").
print(open("/etc/shadow").read())
