a, b = "xyz"
