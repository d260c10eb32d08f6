import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadServerEnv, parseWebEnv, resolveAuthSecret } from "./env.ts";

describe("web env", () => {
  it("has defaults that run the embedded demo", () => {
    expect(parseWebEnv({})).toMatchObject({ PORT: 3000, HOST: "0.0.0.0", NODE_ENV: "development", DATA_DIR: ".data" });
    expect(parseWebEnv({ PORT: "8080", NEXTAUTH_URL: "" }).PORT).toBe(8080);
    expect(() => parseWebEnv({ PORT: "http" })).toThrow(/PORT/);
  });

  it("generates the auth secret once and reads it on later starts", () => {
    const dir = mkdtempSync(join(tmpdir(), "oms-web-env-"));
    const first = resolveAuthSecret(undefined, dir);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, "auth-secret"), "utf8").trim()).toBe(first);
    expect(resolveAuthSecret(undefined, dir)).toBe(first);
    expect(resolveAuthSecret("given-secret-given-secret", dir)).toBe("given-secret-given-secret");
  });

  it("trusts the request host only when NEXTAUTH_URL is unset", () => {
    const dir = mkdtempSync(join(tmpdir(), "oms-web-env-"));
    const open: Record<string, string | undefined> = { DATA_DIR: dir, OMS_ROOT: dir };
    loadServerEnv({ appDir: dir, source: open });
    expect(open.AUTH_TRUST_HOST).toBe("true");
    expect(open.NEXTAUTH_SECRET).toBeTruthy();
    const fixed: Record<string, string | undefined> = { DATA_DIR: dir, OMS_ROOT: dir, NEXTAUTH_URL: "https://shop.example" };
    loadServerEnv({ appDir: dir, source: fixed });
    expect(fixed.AUTH_TRUST_HOST).toBeUndefined();
  });
});
