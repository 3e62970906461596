# nested fields inside the format spec
for w in [4, 8]:
    for p in [1, 3]:
        print('[{0:{1}.{2}f}]'.format(3.14159, w, p))
print('[{:{}}]'.format('ab', 6))
print('[{:{}{}{}}]'.format('ab', '*', '^', 7))
print('[{0:{1}>{2}}]'.format(42, '.', 6))
for align in ['<', '^', '>']:
    print('[{0:{1}{2}}]'.format('mid', align, 9))
print('[{0:{1}}] [{0:{2}}]'.format(2.5, '+08.2f', 'e'))
