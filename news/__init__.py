"""News: items written, scheduled and published by the comms team."""
