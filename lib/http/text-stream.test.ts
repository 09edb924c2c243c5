import { afterEach, describe, expect, it, vi } from "vitest";
import { textStream } from "./text-stream";

afterEach(() => vi.restoreAllMocks());

describe("textStream", () => {
  it("streams the chunks as UTF-8", async () => {
    async function* chunks() {
      yield "파이프 ";
      yield "pipe";
    }
    expect(await new Response(textStream(chunks())).text()).toBe("파이프 pipe");
  });

  it("breaks the download and logs when the producer fails half-way", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    async function* chunks() {
      yield '{"rows": [';
      throw new Error("database went away");
    }
    await expect(new Response(textStream(chunks(), "export c1")).text()).rejects.toThrow(/database went away/);
    expect(logged).toHaveBeenCalledWith("export c1: failed while streaming", expect.any(Error));
  });

  it("ends the producer when the reader cancels", async () => {
    let finished = false;
    async function* chunks() {
      try {
        for (;;) yield "x";
      } finally {
        finished = true;
      }
    }
    const reader = textStream(chunks()).getReader();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(true);
  });
});
