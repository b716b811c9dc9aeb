"""One module per command; `digest.cli` registers them."""
