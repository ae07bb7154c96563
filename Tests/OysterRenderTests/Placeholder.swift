// Tests for OysterRender arrive with the module.
