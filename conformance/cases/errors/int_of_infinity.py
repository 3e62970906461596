print(int(float("-inf")))
