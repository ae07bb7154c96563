// Tests for OysterJSON arrive with the module.
