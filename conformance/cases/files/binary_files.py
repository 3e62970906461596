# Binary files: bytes in, bytes out, a PPM-style header and an array's machine bytes.
import array

pixels = array.array("B", [255, 0, 0, 0, 255, 0, 0, 0, 255, 128, 128, 128])
header = "P6 %d %d 255\n" % (2, 2)
with open("image.ppm", "wb") as fp:
    print(type(fp).__name__, fp.mode)
    print(fp.write(header.encode("ascii")))
    print(fp.write(pixels.tobytes()))
    print(fp.write(pixels))

with open("image.ppm", "rb") as fp:
    print(type(fp).__name__, fp.mode)
    data = fp.read()
print(len(data), data[:11], data[11], data[-1])
print(data[:10].decode())

with open("image.ppm", "rb") as fp:
    print(fp.readline())
    print(fp.read(3), fp.read(0))
    rest = fp.read()
    print(len(rest), fp.read())

with open("mixed.bin", "wb") as fp:
    fp.write(b"one\r\ntwo\rthree\n")
    fp.write(bytes([0, 1, 2, 250]))
with open("mixed.bin", "rb") as fp:
    print(list(fp))
with open("mixed.bin", "rb") as fp:
    print(fp.readlines())

mode = "xb"
with open("fresh.bin", mode) as fp:
    fp.write(b"created")
print(open("fresh.bin", "rb").read())
