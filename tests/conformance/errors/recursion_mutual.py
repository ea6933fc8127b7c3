# Mutual infinite recursion: two alternating frames are not collapsed line by line.
def ping(n):
    return pong(n + 1)

def pong(n):
    return ping(n + 1)

ping(0)
