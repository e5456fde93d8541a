// A mistake in how the command was called (exit 2, nothing changed). Its own small module:
// the CLI's start-up code checks for it without loading the option schemas.
export class CliUsageError extends Error {}
