# /etc/shadow is readable by root only; the job runs as an unprivileged uid.
print(open("/etc/shadow").read())
