class Report:
    title = "Report"
    def header(self):
        return f"== {self.title} =="
    def body(self):
        raise NotImplementedError(f"{type(self).__name__} must implement body")
    def render(self):
        return "\n".join([self.header(), self.body(), self.footer()])
    def footer(self):
        return "-- end --"

class Sales(Report):
    title = "Sales"
    def body(self):
        return "total: 42"

class Short(Sales):
    def footer(self):
        return ""
    def header(self):
        return super().header().upper()

print(Sales().render())
print(Short().render())
try:
    Report().render()
except NotImplementedError as e:
    print("NotImplementedError:", e)
class Broken(Report):
    title = "Broken"
print(Broken().header())
Broken().render()
