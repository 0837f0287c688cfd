"""Services: run the pure rules and the table queries together inside one transaction."""
