"""HTML pages: parsing, the visible-text layout into blocks, metadata from the head,
the HTML stack's health, and the bridge to trafilatura (extract.clean_html).
"""
