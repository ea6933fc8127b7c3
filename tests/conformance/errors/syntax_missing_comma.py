# Missing comma between elements: CPython suggests the comma.
items = [1 2]
