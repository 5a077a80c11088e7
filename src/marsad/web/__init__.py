"""Server-rendered pages over the same operations the API uses."""
