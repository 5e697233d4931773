// The Codec module.
