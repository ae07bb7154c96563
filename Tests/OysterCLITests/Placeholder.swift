// Tests for OysterCLI arrive with the module.
