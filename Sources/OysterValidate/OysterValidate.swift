// OysterValidate: see DESIGN.md. Work in progress.
