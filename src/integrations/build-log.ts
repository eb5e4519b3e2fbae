import type { AstroLoggerDestination, AstroLoggerLevel, AstroLoggerMessage } from 'astro';
import { matchesLevel } from 'astro/logger';
import { styleText } from 'node:util';
import { markBatchedLogLoaded } from './internals/astro-logger.ts';

/** Astro's own time stamp: 14:03:27. */
const clock = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** A flush at most this long after a line, or once this many characters wait. */
const FLUSH_MS = 100;
const FLUSH_CHARS = 64 * 1024;

/**
 * Whether Astro colours its messages (the rule of its colour library, piccolore), so that the prefix written here is
 * coloured exactly when the rest of the line is.
 */
const COLOUR =
  !(process.env.NO_COLOR || process.argv.includes('--no-color')) &&
  (!!process.env.FORCE_COLOR ||
    process.argv.includes('--color') ||
    process.platform === 'win32' ||
    (process.stdout.isTTY && process.env.TERM !== 'dumb') ||
    !!process.env.CI);

const styled = (format: Parameters<typeof styleText>[0], text: string) =>
  COLOUR ? styleText(format, text, { validateStream: false }) : text;

/** Astro's prefix of a line: the time, the level if it is a warning or an error, the label. */
function prefix({ level, label }: AstroLoggerMessage): string {
  const time = clock.format(new Date());
  if (level === 'error' || level === 'warn') {
    const text = `${styled('bold', time)} [${level.toUpperCase()}]${label ? ` [${label}]` : ''}`;
    return styled(level === 'error' ? 'red' : 'yellow', text);
  }
  return label ? `${styled('dim', time)} ${styled('blue', `[${label}]`)}` : styled('dim', time);
}

/**
 * Astro's console log (`astro/logger/node`), written in batches. A build logs two lines per page, and each went to
 * standard output in a write of its own, on the main thread, the one that renders the pages
 * (docs/benchmarks.md#batched-log). Lines now wait up to 100 ms (or 64 KB) and go out together; warnings and errors
 * go at once, after whatever waited, so the order holds.
 */
export default function batchedLog(options: { level?: AstroLoggerLevel } = {}): AstroLoggerDestination {
  const level = options.level ?? 'info';
  markBatchedLogLoaded();
  let waiting = '';
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!waiting) return;
    const out = waiting;
    waiting = '';
    process.stdout.write(out);
  };
  // Whatever waits is written when the process ends, however it ends.
  process.on('exit', flush);
  return {
    write(event) {
      if (!matchesLevel(event.level, level)) return;
      const toErr = event.level === 'error';
      const stream = toErr ? process.stderr : process.stdout;
      const line =
        (event.label === 'SKIP_FORMAT' ? event.message : `${prefix(event)} ${event.message}`) +
        (event.newLine ? '\n' : '');
      if (toErr || event.level === 'warn') {
        flush();
        stream.write(line);
        return;
      }
      waiting += line;
      if (waiting.length >= FLUSH_CHARS) flush();
      else timer ??= setTimeout(flush, FLUSH_MS).unref();
    },
    flush,
  };
}
