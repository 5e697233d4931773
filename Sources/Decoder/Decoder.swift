// The Decoder module.
