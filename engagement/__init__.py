"""Engagement: how a resident reaches the partnership (the contact form) and the team's inbox
where messages are answered. Beside `news` on the floors: it uses only `core`."""
