// Tests for OysterProcess arrive with the module.
