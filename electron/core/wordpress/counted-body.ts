/**
 * An upload body that reports how much of it has gone out, so the user sees "Uploading 2.1 MB of
 * 5.4 MB" move rather than a frozen bar. fetch pulls the stream only as fast as the socket drains
 * (no read-ahead: highWaterMark 0), so the count follows what left this computer to within one
 * chunk plus the OS's socket buffer.
 *
 * The length is known, so the request still carries Content-Length: some hosts (PHP's own server
 * among them) refuse chunked request bodies.
 */

/** Small enough for a smooth bar on a slow line, large enough to cost nothing on a fast one. */
export const UPLOAD_CHUNK_BYTES = 64 * 1024;

export const countedBody = (
  bytes: Uint8Array,
  onProgress: (sent: number, total: number) => void,
): ReadableStream<Uint8Array> => {
  const total = bytes.byteLength;
  let offset = 0;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (offset >= total) {
          controller.close();
          return;
        }
        const end = Math.min(offset + UPLOAD_CHUNK_BYTES, total);
        // A copy: fetch may transfer the chunk's buffer, and the caller's bytes must stay intact
        // for a retry.
        controller.enqueue(bytes.slice(offset, end));
        offset = end;
        onProgress(offset, total);
      },
    },
    { highWaterMark: 0 },
  );
};
