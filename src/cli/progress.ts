/** A progress bar on standard error when it is a terminal; a line per step otherwise. */
export function progressBar(label: string) {
  const tty = process.stderr.isTTY === true;
  let finished = false;
  return {
    update: (done: number, total: number) => {
      const width = 30;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`;
      if (tty) process.stderr.write(`\r${line}`);
      else if (done === total && !finished) process.stderr.write(`${line}\n`);
      if (done === total) finished = true;
    },
    done: () => {
      if (tty) process.stderr.write('\n');
    },
  };
}
