const encoder = new TextEncoder();

/**
 * A response body that pulls text from `chunks` as the client reads: a slow download holds
 * back the producer instead of piling up in memory. Cancelling the download ends the producer;
 * a producer that fails is logged (with `label`) and breaks the download.
 */
export function textStream(chunks: AsyncIterable<string>, label = "response"): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await iterator.next();
        if (done) controller.close();
        else controller.enqueue(encoder.encode(value));
      } catch (error) {
        // The status line went out long ago: all that is left is to log it and break the download,
        // so the client sees a failed transfer rather than a complete-looking file.
        console.error(`${label}: failed while streaming`, error);
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}
