// OysterGen: see DESIGN.md. Work in progress.
