# exact messages of ZeroDivisionError variants
ops = ['int /', 'int //', 'int %', 'float /', 'float //', 'float %', 'divmod', 'pow']
for op in ops:
    try:
        if op == 'int /':
            1 / 0
        elif op == 'int //':
            1 // 0
        elif op == 'int %':
            1 % 0
        elif op == 'float /':
            1.0 / 0.0
        elif op == 'float //':
            1.0 // 0
        elif op == 'float %':
            1.5 % 0.0
        elif op == 'divmod':
            divmod(7, 0)
        else:
            pow(0, -1)
    except ZeroDivisionError as e:
        print(op, '->', e)
