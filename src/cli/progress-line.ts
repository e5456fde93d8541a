// A one-line progress display for long CLI runs: rewritten in place on a terminal,
// printed every 10% when the output is a log file or CI.
export function progressReporter(label: string, stream: NodeJS.WriteStream = process.stderr) {
  let lastDecile = -1;
  return {
    update(done: number, total: number, detail = ''): void {
      if (total < 20) return; // small runs finish before a progress line helps
      const percent = Math.floor((done / total) * 100);
      if (stream.isTTY) {
        stream.write(`\r${label} ${done}/${total} (${percent}%) ${detail}`.slice(0, stream.columns ?? 120).padEnd(40));
      } else if (Math.floor(percent / 10) > lastDecile) {
        lastDecile = Math.floor(percent / 10);
        stream.write(`${label} ${done}/${total} (${percent}%)\n`);
      }
    },
    done(): void {
      if (stream.isTTY) stream.write('\r\x1b[K');
    },
  };
}
