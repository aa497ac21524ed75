"""Reading inputs: bytes to text (decode), HTML or dump (sniff), and the sources that
stream raw pages from files, directories, stdin, JSONL, WARC, compressed files and URLs.
"""
