// OysterProcess: see DESIGN.md. Work in progress.
