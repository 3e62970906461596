# quoting styles and escapes inside f-strings
a = 'inner'
print(f"double {a}")
print(f'single {a}')
print(f'''triple {a}''')
print(f"""triple double {a}
second line""")
print(f'{a!r} and "quoted" and \'escaped\'')
print(f'tab\t{a}\nnewline')
print(f"{'nested quotes'}")
print(f'{len("abc")}')
d = {'key': 1}
print(f"{d['key']}")
print(f'backslash \\ {a}')
