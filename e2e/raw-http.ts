import { connect } from 'node:net';

export interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  /** Every Set-Cookie line. */
  setCookies: string[];
  body: string;
  /** How many responses came back on the connection (a smuggled second request would make it 2). */
  responses: number;
}

function decodeChunked(body: Buffer): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset);
    if (lineEnd === -1) break;
    const size = parseInt(body.subarray(offset, lineEnd).toString(), 16);
    if (!Number.isFinite(size) || size === 0) break;
    parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
    offset = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

/**
 * Sends bytes exactly as given (framing a normal client would never produce: a Content-Length
 * that lies, a chunked body, invalid UTF-8) and reads the first response. `halfClose` ends the
 * sending side after the bytes, as a client that stops short of its declared length would.
 */
export function rawRequest(
  port: number,
  head: string,
  body: Buffer | string = '',
  options: { halfClose?: boolean } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('no complete response within 15 s'));
    }, 15_000);
    const finish = () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      if (split === -1) return reject(new Error(`no HTTP response: ${JSON.stringify(all.toString().slice(0, 200))}`));
      const [statusLine = '', ...lines] = all.subarray(0, split).toString('latin1').split('\r\n');
      const headers: Record<string, string> = {};
      const setCookies: string[] = [];
      for (const line of lines) {
        const index = line.indexOf(':');
        const name = line.slice(0, index).trim().toLowerCase();
        const value = line.slice(index + 1).trim();
        if (name === 'set-cookie') setCookies.push(value);
        headers[name] = value;
      }
      let rest: Buffer = all.subarray(split + 4);
      const responses = all.toString('latin1').match(/(^|\r\n)HTTP\/1\.[01] \d{3} /g)?.length ?? 0;
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) rest = decodeChunked(rest);
      else if (headers['content-length'] !== undefined) rest = rest.subarray(0, Number(headers['content-length']));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, setCookies, body: rest.toString('utf8'), responses });
    };
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', finish);
    socket.on('error', (error) => {
      clearTimeout(timer);
      if (chunks.length > 0) finish();
      else reject(error);
    });
    socket.on('connect', () => {
      socket.write(head.replace(/\r?\n/g, '\r\n').replace(/(\r\n)*$/, '\r\n\r\n'));
      socket.write(body);
      if (options.halfClose) socket.end();
    });
  });
}
