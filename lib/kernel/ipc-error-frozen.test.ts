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

  it("is one hardened class for every process: nobody can change it or hang state on it", () => {
    expect(Object.isFrozen(IpcError)).toBe(true);
    expect(Object.isFrozen(IpcError.prototype)).toBe(true);
    expect(() => Object.defineProperty(IpcError, "stash", { value: 1 })).toThrow(TypeError);
    // Constructing still works with a frozen prototype chain (SES's lockdown freezes Error.prototype
    // in the sandbox; tests/security runs that case for real): `name` is defined, not assigned.
    const e = new IpcError("msgrcv", "EIDRM");
    expect([e.name, e.code]).toEqual(["IpcError", "EIDRM"]);
  });
});
