print(round(float("nan")))
