// Tests for OysterImage arrive with the module.
