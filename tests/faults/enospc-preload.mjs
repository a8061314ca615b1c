// A preload (`node --import`) that makes every file write under $VERBATIM_ENOSPC_UNDER fail
// with ENOSPC, as a full disk would: for tests that cannot mount a small tmpfs.
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { resolve } from 'node:path';

const under = process.env.VERBATIM_ENOSPC_UNDER;
if (under) {
  const full = (path) => typeof path === 'string' && resolve(path).startsWith(`${resolve(under)}/`);
  const enospc = (path) => Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), { code: 'ENOSPC', errno: -28, syscall: 'open', path });
  const { writeFileSync, writeFile } = fs;
  const promisesWriteFile = fs.promises.writeFile;
  fs.writeFileSync = function (path, ...rest) {
    if (full(path)) throw enospc(path);
    return writeFileSync.call(this, path, ...rest);
  };
  fs.writeFile = function (path, ...rest) {
    if (full(path)) {
      const callback = rest.at(-1);
      process.nextTick(() => callback(enospc(path)));
      return;
    }
    return writeFile.call(this, path, ...rest);
  };
  fs.promises.writeFile = async function (path, ...rest) {
    if (full(path)) throw enospc(path);
    return promisesWriteFile.call(this, path, ...rest);
  };
  syncBuiltinESMExports();
}
