/** The worker side of the protocol: `--key value` arguments in, one JSON line out (the last line of stdout). */

export function args(argv = process.argv.slice(2)) {
  const out = {};
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i].replace(/^--/, '');
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) out[key] = true;
    else {
      out[key] = value;
      i += 1;
    }
  }
  return out;
}

/** Writes the result and ends the process (a native segmenter may keep handles open). */
export function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`, () => process.exit(0));
}

/** Peak resident set of this process so far, in MB (kernel's ru_maxrss). */
export const peakRssMb = () => process.resourceUsage().maxRSS / 1024;
