// OysterAtlas: see DESIGN.md. Work in progress.
