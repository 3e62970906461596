# Found by the differential fuzzer (seed 8), minimized: an index of -(2**63) is
# a machine-word index (out of range), not one that "cannot fit".
try:
    try:
        if True:
            r38 = [][min(0, -(2**63))]
    except (IndexError, KeyError) as e41:
        print('', e41)
except Exception as e44:
    pass
for index in [-(2**63), 2**63 - 1, 2**63, -(2**63) - 1, 2**62, -(2**62) - 1]:
    for seq in [[1, 2], (1, 2), "ab"]:
        try:
            print(seq[index])
        except IndexError as e:
            print(type(seq).__name__, index, e)
