// What the wasm is made of: reads a wasm file that still has its "name" section (wasm-opt -g) and
// prints code bytes per crate or module (the first path segment; this crate's by module), the
// data section, and the largest functions. scripts/wasm-top builds that file; twiggy 0.7 panics
// on wasm-opt's -g output, hence this reader. Names are as rustc mangled them; a generic
// function's copies are counted where its *name* lives (tachys' view code instantiated for the
// app's views counts as tachys, `<T as tachys::…>` impls under "T").
import { readFileSync } from "node:fs";

const [file, topBuckets = "25", topFunctions = "15"] = process.argv.slice(2);
const b = readFileSync(file);
let i = 8;
const leb = () => {
  let r = 0, s = 0, x;
  do { x = b[i++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80);
  return r;
};
let imports = 0, data = 0;
const bodies = [], names = new Map();
while (i < b.length) {
  const id = b[i++], len = leb(), end = i + len;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      for (let part = 0; part < 2; part++) { const l = leb(); i += l; } // module and field names
      const kind = b[i++];
      if (kind === 0) { leb(); imports++; }
      else if (kind === 1) { i++; const f = b[i++]; leb(); if (f & 1) leb(); }
      else if (kind === 2) { const f = b[i++]; leb(); if (f & 1) leb(); }
      else if (kind === 3) { i += 2; }
      else if (kind === 4) { i++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) { const start = i; const size = leb(); i += size; bodies.push(i - start); }
  } else if (id === 11) {
    data = len;
  } else if (id === 0) {
    const n = leb(); const name = b.slice(i, i + n).toString(); i += n;
    if (name === "name") {
      while (i < end) {
        const sub = b[i++], size = leb(), subEnd = i + size;
        if (sub === 1) {
          for (let k = leb(); k > 0; k--) { const idx = leb(); const l = leb(); names.set(idx, b.slice(i, i + l).toString()); i += l; }
        }
        i = subEnd;
      }
    }
  }
  i = end;
}
if (names.size === 0) {
  console.error(`wasm-top: ${file} has no name section (build it with wasm-opt -g)`);
  process.exit(1);
}
const bucket = (name) => {
  // A blanket impl (`<T as tachys::view::any_view::IntoAny>::…`) counts for the trait's crate.
  const blanket = name.match(/^_?<[A-Z] as ([A-Za-z_][A-Za-z0-9_]*)/);
  if (blanket) return blanket[1];
  const n = name.replace(/^_?</, "");
  const m = n.match(/^([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?(?:::([A-Za-z_][A-Za-z0-9_]*))?(?:::([A-Za-z_][A-Za-z0-9_]*))?/);
  if (!m) return n.slice(0, 30);
  // The cabinet's own code by feature and by core module (web_cabinet::features::orders).
  if (m[1] === "web_cabinet" && ["features", "core"].includes(m[2]) && m[3]) return `${m[1]}::${m[2]}::${m[3]}`;
  return ["web_cabinet", "core", "alloc", "std"].includes(m[1]) && m[2] ? `${m[1]}::${m[2]}` : m[1];
};
const totals = new Map();
const fns = bodies.map((size, k) => {
  const name = names.get(imports + k) ?? "(unnamed)";
  totals.set(bucket(name), (totals.get(bucket(name)) ?? 0) + size);
  return [size, name];
});
const code = bodies.reduce((a, s) => a + s, 0);
console.log(`wasm-top: ${code} bytes of code in ${bodies.length} functions, ${data} bytes of data (before compression)`);
for (const [name, size] of [...totals].sort((x, y) => y[1] - x[1]).slice(0, +topBuckets)) {
  console.log(`${String(size).padStart(9)}  ${name}`);
}
console.log("largest functions:");
for (const [size, name] of fns.sort((x, y) => y[0] - x[0]).slice(0, +topFunctions)) {
  console.log(`${String(size).padStart(9)}  ${name.replace(/::h[0-9a-f]{16}$/, "").slice(0, 110)}`);
}
