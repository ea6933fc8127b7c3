# A keyword used as a name.
class = 'x'
