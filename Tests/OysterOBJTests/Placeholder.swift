// Tests for OysterOBJ arrive with the module.
