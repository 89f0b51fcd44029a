"""Demo sub-district for the sandbox: org structure and users with fixed ids."""
