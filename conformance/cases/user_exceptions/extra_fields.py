class HttpError(Exception):
    def __init__(self, status, reason, url=None):
        super().__init__(f"{status} {reason}")
        self.status = status
        self.reason = reason
        self.url = url

    def is_client_error(self):
        return 400 <= self.status < 500

errors = [HttpError(404, "Not Found", "/x"), HttpError(503, "Unavailable")]
for err in errors:
    try:
        raise err
    except HttpError as e:
        print(e, "|", e.status, e.reason, e.url, e.is_client_error(), e.args)
raise HttpError(418, "I'm a teapot", "/brew")
