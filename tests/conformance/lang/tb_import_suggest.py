# ImportError for a missing name in a module: "Did you mean" for a close match.
from sys import exc_infoo
