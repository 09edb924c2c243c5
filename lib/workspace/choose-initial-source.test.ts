import { describe, expect, it } from "vitest";
import { chooseInitialSource } from "./choose-initial-source";

describe("chooseInitialSource", () => {
  const server = { source: "server", updatedAt: "2026-01-01T10:00:00.000Z" };
  it("opens the starter on a first visit", () => {
    expect(chooseInitialSource("starter", null, null)).toEqual({ source: "starter", pushLocal: false });
  });
  it("prefers this browser's copy when it is newer than the server's, and pushes it", () => {
    expect(chooseInitialSource("starter", server, { source: "local", savedAt: Date.parse(server.updatedAt) + 1 })).toEqual({ source: "local", pushLocal: true });
    expect(chooseInitialSource("starter", null, { source: "local", savedAt: 1 })).toEqual({ source: "local", pushLocal: true });
  });
  it("prefers the server's draft when the browser's copy is older (edited elsewhere since)", () => {
    expect(chooseInitialSource("starter", server, { source: "local", savedAt: Date.parse(server.updatedAt) - 1 })).toEqual({ source: "server", pushLocal: false });
  });
});
