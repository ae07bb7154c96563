// OysterImage: see DESIGN.md. Work in progress.
