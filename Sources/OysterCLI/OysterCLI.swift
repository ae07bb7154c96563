// OysterCLI: see DESIGN.md. Work in progress.
