print("ab" * 2.0)
