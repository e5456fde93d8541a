// One word for a POSIX shell (git runs a merge driver's command line through `sh`, also on Windows).
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
