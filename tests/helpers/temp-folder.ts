// A temporary folder for the tests of one file, made and removed the same way everywhere.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A fresh folder under the system's temporary folder, made before the tests run and removed after
 * them (registered with beforeAll/afterAll: call it at the top of a test file or a describe, before
 * the beforeAll that writes into it).
 */
export function tempFolder(prefix: string) {
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    get path(): string {
      return dir;
    },
    /** Writes a file into the folder and returns its path. */
    write(name: string, bytes: Uint8Array | string): string {
      const file = join(dir, name);
      writeFileSync(file, bytes);
      return file;
    },
  };
}
