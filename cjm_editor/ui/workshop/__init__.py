"""Workshop mode: present, lock, dot voting, ratings from several people, capture."""
