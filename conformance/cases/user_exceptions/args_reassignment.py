class JobError(Exception):
    def __init__(self, job, reason):
        super().__init__(f"{job}: {reason}")
        self.job = job

def run(job):
    raise JobError(job, "crashed")

try:
    try:
        run("build")
    except JobError as e:
        print("inner:", e, e.args)
        e.args = (f"{e.job}: crashed (retried 3 times)",)
        raise
except JobError as e:
    print("outer:", e, e.args)

err = ValueError("original")
err.args = ("first", "second")
print(str(err), repr(err))
err.args = ()
print(repr(str(err)), repr(err))
k = KeyError("key")
k.args = ("other",)
print(str(k))
final = JobError("deploy", "timeout")
final.args = ("deploy: timeout after 30s",)
raise final
