// The NumericCore module.
