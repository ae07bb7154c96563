// OysterGLTF: see DESIGN.md. Work in progress.
