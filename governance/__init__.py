"""Governance in public: boards and committees, their members and their meetings."""
