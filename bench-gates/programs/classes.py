# Classes and method calls: a small hierarchy with overridden methods, calls
# through super(), attribute updates and special methods on a value type.
import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def scaled(self, k):
        return Vec(self.x * k, self.y * k)

    def __eq__(self, other):
        return self.x == other.x and self.y == other.y


class Body:
    def __init__(self, name, pos, vel):
        self.name = name
        self.pos = pos
        self.vel = vel
        self.moves = 0

    def step(self):
        self.pos = self.pos + self.vel
        self.moves += 1

    def energy(self):
        return abs(self.vel.x) + abs(self.vel.y)


class Bouncer(Body):
    def __init__(self, name, pos, vel, wall):
        super().__init__(name, pos, vel)
        self.wall = wall

    def step(self):
        super().step()
        if abs(self.pos.x) > self.wall:
            self.vel = Vec(-self.vel.x, self.vel.y)
        if abs(self.pos.y) > self.wall:
            self.vel = Vec(self.vel.x, -self.vel.y)


class Drifter(Body):
    def step(self):
        super().step()
        self.vel = self.vel.scaled(1) + Vec(self.moves % 3 - 1, 0)

    def energy(self):
        return super().energy() * 2


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 19000
    bodies = []
    for i in range(40):
        pos = Vec(i, -i)
        vel = Vec(i % 5 - 2, i % 7 - 3)
        if i % 2 == 0:
            bodies.append(Bouncer("b" + str(i), pos, vel, 50 + i))
        else:
            bodies.append(Drifter("d" + str(i), pos, vel))
    still = 0
    for _ in range(n):
        for b in bodies:
            b.step()
            if b.vel == Vec(0, 0):
                still += 1
    total = 0
    for b in bodies:
        total += b.energy() + b.pos.x - b.pos.y
    print(total, still, bodies[3].pos.x, bodies[4].pos.y)


main()
