// The CLI module.
