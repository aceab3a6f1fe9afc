// The TypeScript points one way: production code (jobs/, functions/) never imports the local platform
// and tooling (supabase/local), and no module imports itself back through others (type imports count too).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../../supabase/local/db.ts";

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...tsFiles(full));
    else if (/\.tsx?$/.test(name)) out.push(full);
  }
  return out;
}

/** Relative imports of a file (static, re-exports, type-only and dynamic), resolved to repository paths. */
export function importsOf(file: string, text: string): string[] {
  const specs = [
    ...text.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms),
    ...text.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
  ].map((m) => m[1]).filter((s) => s.startsWith("."));
  return [...new Set(specs.map((s) => path.relative(root, path.resolve(path.dirname(file), s))))].sort();
}

function graph(): Map<string, string[]> {
  const g = new Map<string, string[]>();
  for (const top of ["functions", "jobs", "supabase", "reports", "test"]) {
    for (const f of tsFiles(path.join(root, top))) g.set(path.relative(root, f), importsOf(f, readFileSync(f, "utf8")));
  }
  return g;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function cycles(g: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(), low = new Map<string, number>(), stack: string[] = [], on = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!g.has(w)) continue;
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1 || (g.get(v) ?? []).includes(v)) found.push(scc.sort());
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return found;
}

describe("the TypeScript's shape", () => {
  const g = graph();

  it("reads every module's imports (the check sees what it checks)", () => {
    expect(g.get("jobs/worker.ts")).toContain("jobs/runtime/db.ts");
    expect(g.get("supabase/local/phoneburner-sandbox.ts")).toContain("supabase/local/sandbox/dialer.ts");
    expect(importsOf(path.join(root, "x/a.ts"), 'const m = await import("./b.ts");\nexport type { T } from "../c.ts";'))
      .toEqual(["c.ts", "x/b.ts"]);
  });

  it("no file under jobs/ or functions/ imports from supabase/local", () => {
    const offenders = [...g].flatMap(([file, deps]) =>
      /^(jobs|functions)\//.test(file) ? deps.filter((d) => d.startsWith("supabase/local/")).map((d) => `${file} → ${d}`) : []);
    expect(offenders).toEqual([]);
  });

  it("no import circles", () => {
    expect(cycles(g)).toEqual([]);
  });

  it("finds a circle when there is one", () => {
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
  });
});
