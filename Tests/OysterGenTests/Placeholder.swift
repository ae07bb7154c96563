// Tests for OysterGen arrive with the module.
