"""Text of a dump: tokens and folding, line features, the compiled vocabularies
(lexicon), and the segmentation of a dump into blocks.
"""
