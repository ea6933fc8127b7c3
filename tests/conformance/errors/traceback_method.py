# Traceback through methods and an attribute error on None.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def last(self):
        node = self
        while node.next is not None:
            node = node.next
        return node

    def second_value(self):
        return self.next.value

chain = Node(1, Node(2, Node(3)))
print(chain.last().value)
print(chain.second_value())
print(Node(9).second_value())
