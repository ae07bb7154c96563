// OysterOBJ: see DESIGN.md. Work in progress.
