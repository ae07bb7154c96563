// Tests for OysterGLTF arrive with the module.
