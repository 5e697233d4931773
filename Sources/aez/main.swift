// The aez command line.
print("aez")
