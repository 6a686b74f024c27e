// A file named on the command line, read with bounds: no message names the path (a secret or a
// token typed where the path goes would land in the terminal and in CI logs; the system's own
// message names it too, so only its code is given). What is opened is checked on the open
// descriptor (fstat), so nothing can be swapped in between: directories and devices are refused
// before a byte is read (/dev/zero never ends), and at most `max` + 1 bytes are read from anything
// else, a FIFO (bash's <(…), which has no size) included. The buffer is zeroed after.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { UsageError } from './args.js';

/** The text of the file `path` given as `option` (such as --token-file), at most `max` bytes of it. */
export function readBoundedFile(path, { option, what, max, command }) {
  const refuse = (why) => new UsageError(`${option} ${why}`, command);
  const code = (error) => (typeof error?.code === 'string' ? error.code : 'error');
  let fd;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw refuse(`cannot be read (${code(error)}); give the path of a file holding ${what}`);
  }
  const buffer = Buffer.alloc(max + 1);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw refuse(`is a directory; give the path of a file holding ${what}`);
    if (!stat.isFile() && !stat.isFIFO()) throw refuse(`is a device or socket, not a file; give the path of a file holding ${what}`);
    if (stat.size > max) throw refuse(`is over ${max} bytes: ${what} is far shorter`);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > max) throw refuse(`is over ${max} bytes: ${what} is far shorter`);
    return buffer.toString('utf8', 0, length);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw refuse(`cannot be read (${code(error)})`);
  } finally {
    buffer.fill(0);
    closeSync(fd);
  }
}
