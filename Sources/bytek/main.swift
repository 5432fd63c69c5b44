print("bytek")
