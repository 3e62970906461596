class AppError(Exception):
    pass

try:
    raise AppError("something broke")
except AppError as e:
    print(type(e).__name__, e, e.args)
try:
    raise AppError
except AppError as e:
    print(repr(str(e)), e.args, repr(e))
try:
    raise AppError("a", 2)
except Exception as e:
    print(str(e), repr(e))
print(isinstance(AppError(), Exception), issubclass(AppError, BaseException))
raise AppError("fatal: giving up")
