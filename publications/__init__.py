"""Publications: strategies, plans, annual reports, policies, consultation documents and board
papers, with their documents, and the publication scheme on the freedom of information page."""
