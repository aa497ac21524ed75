"""What is known of a site: its rules from rules files (TOML), and its profile of
repeated lines learned from its pages (SQLite), with the snapshot shipped to workers.
"""
