// The Models module.
