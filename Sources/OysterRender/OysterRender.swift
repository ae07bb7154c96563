// OysterRender: see DESIGN.md. Work in progress.
