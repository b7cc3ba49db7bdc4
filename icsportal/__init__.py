"""The ICS partnership portal: settings, root URLs and the few site-wide pieces."""
