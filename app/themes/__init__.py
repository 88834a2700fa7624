"""Themes: what a young person's own words are about, suggested by an offline model, confirmed by them."""
