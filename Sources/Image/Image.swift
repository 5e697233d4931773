// The Image module.
