# The oracle's side inside the embedded CPython: runs a program as `python3 path`
# would, capturing stdout, the exit code and the last line of stderr. Each run
# starts in a fresh empty working directory, so programs that write files neither
# see each other's files nor litter the caller's directory.
import io
import os
import sys
import tempfile
import traceback


def run(source, path, argv, extra_depth):
    out = io.StringIO()
    saved = sys.stdout, sys.argv, sys.getrecursionlimit()
    sys.stdout = out
    sys.argv = [path] + list(argv)
    # This helper's own frames would count against the program's recursion limit.
    sys.setrecursionlimit(saved[2] + extra_depth)
    namespace = {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__}
    exit_code, last_line = 0, ""
    saved_cwd = os.getcwd()
    work = tempfile.TemporaryDirectory(prefix="skink-oracle-")
    os.chdir(work.name)
    try:
        exec(compile(source, path, "exec"), namespace)
    except SystemExit as e:
        code = e.code
        if code is None:
            exit_code = 0
        elif isinstance(code, int):
            exit_code = code
        else:
            exit_code, last_line = 1, str(code).split("\n")[-1]
    except BaseException as e:
        exit_code = 1
        # The message itself may span lines; stderr's last line is its last one.
        last_line = traceback.format_exception_only(type(e), e)[-1].rstrip("\n").split("\n")[-1]
    finally:
        try:
            sys.stdout.flush()
        except BaseException:
            pass
        sys.stdout, sys.argv = saved[0], saved[1]
        sys.setrecursionlimit(saved[2])
        os.chdir(saved_cwd)
        work.cleanup()
    return out.getvalue(), exit_code, last_line
