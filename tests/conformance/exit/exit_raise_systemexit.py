# raise SystemExit(7) is the same as sys.exit(7).
print("raising")
raise SystemExit(7)
