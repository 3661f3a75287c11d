# Holds the store's write lock while it runs the command given after the store's path.
import sqlite3, subprocess, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("BEGIN IMMEDIATE")
sys.exit(subprocess.run(sys.argv[2:]).returncode)
