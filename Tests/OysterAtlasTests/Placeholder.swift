// Tests for OysterAtlas arrive with the module.
