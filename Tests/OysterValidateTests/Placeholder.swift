// Tests for OysterValidate arrive with the module.
